"""Wagtail's site for a page request, from a per-process copy of the sites table.

Wagtail finds the site of every request with one query (``get_site_for_hostname``: a
``CASE`` over hostname, port and default site, the root page joined) whose ORM work was
a quarter of a warm article render, and then reads the root page's specific row
(bench/README.md, "Uncached article render"). Sites almost never change, so each process
keeps the lookup's result per (hostname, port) as plain field values, under a version
(``core/versions.py``) that every save or deletion of a ``Site`` replaces in every
process: a new host, port, default site or root page takes effect on the next request.

Only ids and field values are kept, never model instances: Wagtail caches ``.specific``
and the site root paths on the objects, so each request gets a new ``Site`` built from
the values and its own root page, read as its specific class in one query (the root
page's own edits need no invalidation). Nothing is shared between requests or threads.
"""

import threading
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import router
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from . import versions

TOKEN = "wagtail-sites"
MAX_ENTRIES = 100  # (hostname, port) pairs kept per process; hosts come from requests

# (hostname, port) -> (version, the site's field values, its root page's content type id)
_sites: dict[tuple[str, int | str], tuple[str, tuple[Any, ...], int]] = {}
_lock = threading.Lock()


def site_for_request(request: HttpRequest) -> Site | None:
    """The site Wagtail's ``Site.find_for_request`` would give ``request``, with its root
    page loaded as its specific page; None when no site matches."""
    # The host as Wagtail reads it: `_get_raw_host` skips the ALLOWED_HOSTS check.
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    version = versions.current(TOKEN)  # before the rows it covers (core/versions.py)
    kept = _sites.get(key)
    if kept is not None and kept[0] == version:
        site = _build(kept[1], kept[2])
        if site is not None:
            return site
    try:
        site = get_site_for_hostname(*key)
    except Site.DoesNotExist:
        return None
    values = tuple(getattr(site, field.attname) for field in Site._meta.concrete_fields)
    with _lock:
        if len(_sites) >= MAX_ENTRIES:
            _sites.clear()
        _sites[key] = (version, values, site.root_page.content_type_id)
    return site


def _build(values: tuple[Any, ...], content_type_id: int) -> Site | None:
    """A new Site from kept values, its root page read as its specific class; None when
    the root page is gone (the lookup then runs again)."""
    names = [field.attname for field in Site._meta.concrete_fields]
    site = Site.from_db(router.db_for_read(Site), names, list(values))
    model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
    root_page = model._default_manager.filter(pk=site.root_page_id).first()
    if root_page is None:
        return None
    site.root_page = root_page
    return site


class SiteLookupMiddleware:
    """Gives Wagtail's page view the kept site lookup: Wagtail looks for the request's
    site in ``request._wagtail_site`` before querying. Only for page views, so requests
    that never need a site do not read a root page."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: Any, *args: Any) -> None:
        match = request.resolver_match
        if match and match.url_name == "wagtail_serve" and not hasattr(request, "_wagtail_site"):
            request._wagtail_site = site_for_request(request)  # type: ignore[attr-defined]


def invalidate(**kwargs: Any) -> None:
    """Signal receiver: a site was saved or deleted."""
    versions.bump(TOKEN)


def connect() -> None:
    """Replaces the sites' version on every save or deletion of a ``Site``."""
    post_save.connect(invalidate, sender=Site, dispatch_uid="core-site-lookup-save")
    post_delete.connect(invalidate, sender=Site, dispatch_uid="core-site-lookup-delete")
