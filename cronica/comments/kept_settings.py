"""Each site's comment settings for the form under an article, from a per-process copy.

Whether an article still takes comments depends on its site's ``close_after_days``, so
every render of an article read the site's ``CommentSettings`` with a query of its own
(bench/README.md, "Uncached article render"), for a row editors change a few times a
year. Each process keeps the row's field values per site, under a version
(``core/versions.py``) that every save or deletion of a ``CommentSettings`` or a ``Site``
replaces in every process: a new closing age applies from the next render on. Only values
are kept, so each render gets its own instance. Posting reads its settings through
``targets`` (with the article they apply to), not through this copy.
"""

import threading
from typing import Any

from django.db import router
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site

from cronica.core import versions

from . import policy
from .models import CommentSettings

TOKEN = "comment-settings"
MAX_ENTRIES = 100  # sites kept per process

# site id -> (version, the row's field values)
_kept: dict[int | None, tuple[str, tuple[Any, ...]]] = {}
_lock = threading.Lock()


def for_article(article: Any) -> CommentSettings:
    """The comment settings of ``article``'s site, as ``policy.site_settings`` reads them."""
    parts = article.get_url_parts()
    site_id = parts[0] if parts is not None else None
    version = versions.current(TOKEN)  # before the row it covers (core/versions.py)
    kept = _kept.get(site_id)
    names = [field.attname for field in CommentSettings._meta.concrete_fields]
    if kept is not None and kept[0] == version:
        return CommentSettings.from_db(router.db_for_read(CommentSettings), names, list(kept[1]))
    settings = policy.site_settings(article)
    with _lock:
        if len(_kept) >= MAX_ENTRIES:
            _kept.clear()
        _kept[site_id] = (version, tuple(getattr(settings, name) for name in names))
    return settings


@receiver(post_save)
@receiver(post_delete)
def _changed(sender: type, created: bool = False, **kwargs: Any) -> None:
    """Every change but a new ``CommentSettings`` row: no copy can predate it (a site has
    one row at most, and a render keeps only a row that exists, often the one it just
    made), so the render that creates it keeps it at once."""
    if issubclass(sender, Site) or (issubclass(sender, CommentSettings) and not created):
        versions.bump(TOKEN)
