"""Slugs that a page directly under the home page cannot have, read off the routes.

Articles live at ``/<language>/<slug>/``; the same place is claimed first by the URL
patterns inside the language prefix (comments, tips, the knowledge base) and by the home
page's own routes (tags, archive, search, feeds...). Deriving the list from the routes
themselves keeps the importer and the admin's validation in step when a route is added.
"""

import re
from functools import cache

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern

FIRST_SEGMENT = re.compile(r"^\^?([\w.-]+)/")


def _first_segment(pattern: URLPattern | URLResolver) -> str | None:
    match = FIRST_SEGMENT.match(str(pattern.pattern))
    return match[1] if match else None


@cache
def reserved_slugs() -> frozenset[str]:
    """``frozenset`` of the first path segments the routes claim under a language prefix."""
    # Looked up through the app registry: models.py imports this module for validation.
    home_page = apps.get_model("news", "HomePage")
    patterns = list(home_page.get_subpage_urls())
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and isinstance(entry.pattern, LocalePrefixPattern):
            patterns.extend(entry.url_patterns)
    return frozenset(filter(None, map(_first_segment, patterns)))
