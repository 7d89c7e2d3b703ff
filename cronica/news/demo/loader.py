"""Loads the demo newsroom from ``content.py``; running it again changes nothing. The
readers' comments in ``content.py`` are loaded by the comments app's own demo."""

import secrets
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import RichText

from ..images import CleanImage
from ..models import ArticleByline, ArticlePage, ArticleSource, Contributor
from ..setup import EDITORS, ensure_site
from . import content
from .images import draw_picture

DEMO_EDITOR = "editor"


def _aware(text: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(text))


def _image(key: str) -> CleanImage:
    spec = content.IMAGES[key]
    title = spec["title"]
    existing = CleanImage.objects.filter(title=title).first()
    if existing:
        return existing
    image = CleanImage(title=title, description=spec["alt"], credit=spec.get("credit", ""))
    image.file = ContentFile(draw_picture(spec["motif"], key), name=f"{key}.jpg")
    image.save()
    return image


def _body(blocks: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    stream = []
    for kind, value in blocks:
        if kind == "paragraph":
            stream.append(("paragraph", RichText(value)))
        elif kind == "image":
            stream.append(
                (
                    "image",
                    {
                        "image": _image(value["image"]),
                        "caption": value.get("caption", ""),
                        "credit": value.get("credit", ""),
                    },
                )
            )
        else:
            stream.append((kind, value))
    return stream


def _article(home: Page, spec: dict[str, Any], contributors: dict[str, Contributor]) -> ArticlePage:
    page = ArticlePage.objects.filter(slug=spec["slug"]).first()
    if page is None:
        page = ArticlePage(
            title=spec["title"],
            slug=spec["slug"],
            language=spec["language"],
            summary=spec.get("summary", ""),
            body=_body(spec["body"]),
            lead_image=_image(spec["lead_image"]) if spec.get("lead_image") else None,
        )
        for position, name in enumerate(spec["authors"]):
            page.bylines.add(ArticleByline(contributor=contributors[name], sort_order=position))
        for position, (outlet, url) in enumerate(spec.get("sources", [])):
            page.sources.add(ArticleSource(outlet=outlet, url=url, sort_order=position))
        page.tags.add(*spec.get("tags", []))
        home.add_child(instance=page)
        page.save_revision().publish()
        published = _aware(spec["published"])
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=published, last_published_at=published
        )
    return page


def _editor(stdout: OutputWrapper) -> None:
    User = get_user_model()
    if User.objects.filter(username=DEMO_EDITOR).exists():
        stdout.write(
            f"Demo editor '{DEMO_EDITOR}' exists already "
            f"(reset its password with: cronica changepassword {DEMO_EDITOR})."
        )
        return
    password = secrets.token_urlsafe(12)
    user = User.objects.create_user(
        DEMO_EDITOR, password=password, first_name="Demo", last_name="Editor"
    )
    user.groups.add(Group.objects.get(name=EDITORS))
    stdout.write(
        "Demo editor account, for this local demo only (shown once):\n"
        f"  user: {DEMO_EDITOR}\n  password: {password}\n"
        "  admin: http://127.0.0.1:8000/admin/"
    )


@transaction.atomic
def load(stdout: OutputWrapper) -> None:
    home = ensure_site()
    contributors: dict[str, Contributor] = {}
    for spec in content.CONTRIBUTORS:
        contributors[spec["pen_name"]], _ = Contributor.objects.get_or_create(
            pen_name=spec["pen_name"],
            defaults={"bio": spec.get("bio", ""), "bio_es": spec.get("bio_es", "")},
        )
    for spec in content.ARTICLES:
        _article(home, spec, contributors)
    _editor(stdout)
    stdout.write(f"Demo newsroom: {len(content.ARTICLES)} articles.")
