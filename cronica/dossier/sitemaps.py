"""Knowledge-base profiles in sitemap.xml, in both UI languages, with hreflang alternates."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from .models import Entity


class EntitySitemap(Sitemap):
    i18n = True
    alternates = True
    languages = [code for code, _name in settings.LANGUAGES]
    changefreq = "weekly"

    def items(self) -> QuerySet:
        return Entity.objects.order_by("pk")
