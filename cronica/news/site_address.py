"""The default Wagtail Site answers to the public address, ``CRONICA_SITE_URL``, so that
absolute URLs (canonical links, feeds, the sitemap, purges) name it.

The address is set on ``migrate`` and checked again by every process on its first request
(``sync_on_request``, a ``request_started`` receiver): an operator who changes the
variable and restarts the site gets the new address without migrating. After that first
check a request costs one string comparison, never a query.
"""

import threading
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from django.conf import settings

if TYPE_CHECKING:
    from wagtail.models import Page, Site

_lock = threading.Lock()
_synced: dict[str, str | None] = {"url": None}


def public_host_and_port(url: str | None = None) -> tuple[str | None, int]:
    public = urlparse(url or settings.SITE_URL)
    return public.hostname, public.port or (443 if public.scheme == "https" else 80)


def sync_default_site(
    root_page: "Page | None" = None, site_name: str | None = None
) -> "Site | None":
    """Points the default site at the public address (and at ``root_page`` if given);
    saves only when something differs. Returns the site, or None when there is none yet
    (before the first ``migrate``)."""
    from wagtail.models import Site

    hostname, port = public_host_and_port()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None and root_page is None:
        return None
    site = site or Site(is_default_site=True)
    wanted_root = root_page.id if root_page is not None else site.root_page_id
    if (site.root_page_id, site.hostname, site.port) != (wanted_root, hostname, port):
        if root_page is not None:
            site.root_page = root_page
        site.hostname, site.port = hostname, port
        if site_name:
            site.site_name = site_name
        site.save()  # Wagtail drops its cached site root paths on save
    return site


def sync_on_request(sender: Any, **kwargs: Any) -> None:
    """Once per process and per value of SITE_URL: make the default site follow it."""
    if _synced["url"] == settings.SITE_URL:
        return
    with _lock:
        if _synced["url"] != settings.SITE_URL:
            sync_default_site()
            _synced["url"] = settings.SITE_URL
