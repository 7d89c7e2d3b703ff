"""Admin wiring of the second-factor pages (their URLs live under /admin/)."""

from django.urls import include, path
from wagtail import hooks

from . import urls


@hooks.register("register_admin_urls")
def second_factor_urls():
    return [path("", include(urls))]
