"""Addresses of the news pages, reversed by name and never written out in templates.

The home page is the site's root page, so its address is the language prefix that
Wagtail's own URL pattern reverses to ("/en/"); its routes (tags, contributors, archive,
search, feeds) come from HomePage's router. Neither needs the home page object, so any
template (the knowledge base, the tip line, a 404) can link them without a query.
"""

from typing import Any

from django import template
from django.urls import reverse

from ..models import HomePage

register = template.Library()


@register.simple_tag
def home_url() -> str:
    return reverse("wagtail_serve", args=[""])


@register.simple_tag
def news_url(name: str, *args: Any, **kwargs: Any) -> str:
    """``{% news_url "tag" tag.slug %}``: one of the home page's routes."""
    return home_url() + HomePage.get_resolver().reverse(name, *args, **kwargs)
