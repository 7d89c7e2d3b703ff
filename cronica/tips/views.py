"""Tip line views. Placeholder until issue 4 lands: the page says the line is closed,
which is also what it must say when no journalist key is configured."""

from django.shortcuts import render


def index(request):
    return render(request, "tips/closed.html")
