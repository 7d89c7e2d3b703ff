"""The audit log page, for administrators only (superusers): staff can see what they did
in each object's own history, but the whole log tells who holds which power."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .log import describe
from .models import Entry


def index(request: HttpRequest) -> HttpResponse:
    if not request.user.is_superuser:
        raise PermissionDenied
    page = Paginator(Entry.objects.all(), 100).get_page(request.GET.get("p"))
    for entry in page:
        entry.description = describe(entry)
    return render(request, "audit/index.html", {"page": page})
