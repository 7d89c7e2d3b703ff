"""The WSGI application `cronica serve` runs: Django behind the embedded page cache
(cronica/core/pagecache.py), which answers anonymous reads without Django, behind the cap
on requests with a body in flight (cronica/core/inflight.py), which keeps threads free
for those reads. Each serving process loads the shipped screening model as it starts,
not on its first comment POST: that load (NumPy and the model's arrays) would otherwise
hold the process's interpreter, and the readers its threads answer, during a spike."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cronica.settings")
django_application = get_wsgi_application()

from django.conf import settings  # noqa: E402

from cronica.core.inflight import BodyGate  # noqa: E402 (needs settings loaded above)
from cronica.core.pagecache import PageCache  # noqa: E402
from cronica.screening import model  # noqa: E402

model.load()

application = BodyGate(
    PageCache(django_application), settings.CRONICA_BODY_SLOTS, settings.CRONICA_BODY_TIMEOUT
)
