"""URL configuration. Public pages live under a language prefix (/en/, /es/) so that a
cache in front needs no Vary on Accept-Language; the admin and machine-read files do not."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cronica.core import views as core_views
from cronica.dossier.sitemaps import EntitySitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": WagtailSitemap, "kb": EntitySitemap}},
        name="sitemap",
    ),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("", core_views.language_root, name="language_root"),
]

urlpatterns += i18n_patterns(
    path("comments/", include("cronica.comments.urls")),
    path("tips/", include("cronica.tips.urls")),
    path("kb/", include("cronica.dossier.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.SERVE_MEDIA:
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns.insert(
        0, re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )
