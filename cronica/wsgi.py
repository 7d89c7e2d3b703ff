"""The WSGI application `cronica serve` runs: Django behind the embedded page cache
(cronica/core/pagecache.py), which answers anonymous reads without Django."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cronica.settings")
django_application = get_wsgi_application()

from cronica.core.pagecache import PageCache  # noqa: E402 (needs settings loaded above)

application = PageCache(django_application)
