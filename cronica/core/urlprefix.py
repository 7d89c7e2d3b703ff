"""The path under which an included URLconf lives, for one language.

robots.txt and the reader cookie's path need the prefix of a whole app's URLs (such as
``/es/comments/``), which no single route names; it comes from the same resolver that
``reverse`` uses, so moving an ``include`` in cronica/urls.py moves them too.
"""

from django.urls import get_resolver, get_script_prefix
from django.utils import translation


def namespace_prefix(namespace: str, language: str) -> str:
    """``/<language>/<app>/`` for the URLs included under ``namespace``."""
    with translation.override(language):
        prefix, _ = get_resolver().namespace_dict[namespace]
    return f"{get_script_prefix()}{prefix}"
