"""Cross-site posting protection without cookies, one rule for every public form.

Public pages are cached and carry no CSRF token (docs/invariants.md, invariant 6), so the comment,
report and tip forms are all checked here, by where the request comes from, instead. Browsers send
``Sec-Fetch-Site`` on every request (Chromium, Firefox and Tor Browser, Safari 16.4+);
it must say ``same-origin``. Older browsers send ``Origin``, which must be this site.
The site's ``no-referrer`` policy makes some browsers send ``Origin: null`` for
same-origin form posts, which is why ``Sec-Fetch-Site`` is checked first. A request with
neither header is refused: browsers always send one, and scripts could forge either.
"""

from django.conf import settings
from django.http import HttpRequest


def same_origin(request: HttpRequest) -> bool:
    """True when a POST demonstrably comes from a page of this site."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return False
    allowed = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    return origin in allowed
