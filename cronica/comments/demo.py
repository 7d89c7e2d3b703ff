"""Demo comments: the readers' threads written in the news demo's ``content.py``, and a
few comments waiting in the moderation queue, so that `cronica demo` shows editors what
the queue looks like: a plain comment, a reply, an insult, a threat (urgent queue), a
phone number (doxxing) and spam, each screened by the real pipeline. Idempotent."""

from datetime import datetime, timedelta
from typing import Any

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone

from cronica.news.demo import content
from cronica.news.models import ArticlePage

from .models import Comment
from .pipeline import screen_and_save

# (key, author name, body, key of the comment it replies to)
QUEUE: list[tuple[str, str, str, str | None]] = [
    ("q1", "", "The port police changed three times this year and nothing changed.", None),
    ("q2", "Colimense", "9:35 they caught that one because someone did not pay.", "q1"),
    ("q3", "", "Eres un pendejo, no sabes nada de Manzanillo.", None),
    ("q4", "", "Ya sabemos dónde vives, reportero. Cuídate la espalda.", None),
    ("q5", "", "El que manda en el puerto contesta al 314 123 4567, pregúntenle.", None),
    (
        "q6",
        "",
        "Gana dinero desde casa con apuestas, escríbeme por WhatsApp: http://example.com/promo",
        None,
    ),
]


def _threads(
    article: ArticlePage,
    items: list[dict[str, Any]],
    parent: Comment | None = None,
    prefix: str = "demo",
) -> None:
    for item in items:
        external_id = f"{prefix}:{article.slug}:{item['id']}"
        comment, _ = Comment.objects.get_or_create(
            origin=Comment.Origin.DEMO,
            external_id=external_id,
            defaults=dict(
                article=article,
                parent=parent,
                author_name=item.get("name", ""),
                body=item["body"],
                created_at=timezone.make_aware(datetime.fromisoformat(item["at"])),
                status=item.get("status", Comment.Status.PUBLISHED),
                is_staff_reply=item.get("staff", False),
            ),
        )
        _threads(article, item.get("replies", []), parent=comment, prefix=prefix)


@transaction.atomic
def load_threads(stdout: OutputWrapper) -> None:
    """The comments of ``content.ARTICLES``, under the articles the news demo loaded."""
    slugs = [spec["slug"] for spec in content.ARTICLES]
    articles = {page.slug: page for page in ArticlePage.objects.filter(slug__in=slugs)}
    for spec in content.ARTICLES:
        article = articles.get(spec["slug"])
        if article is not None:
            _threads(article, spec.get("comments", []))
    count = Comment.objects.filter(origin=Comment.Origin.DEMO).count()
    stdout.write(f"Demo comments: {count}.")


def load(stdout: OutputWrapper) -> None:
    load_threads(stdout)
    article = ArticlePage.objects.live().order_by("-first_published_at").first()
    if article is None:
        return
    made: dict[str, Comment] = {}
    now = timezone.now()
    for position, (key, name, body, parent) in enumerate(QUEUE):
        external_id = f"demo-queue:{article.slug}:{key}"
        comment = Comment.objects.filter(
            origin=Comment.Origin.DEMO, external_id=external_id
        ).first()
        if comment is None:
            comment = Comment(
                article=article,
                author_name=name,
                body=body,
                parent=made[parent] if parent else None,
                origin=Comment.Origin.DEMO,
                external_id=external_id,
                created_at=now - timedelta(minutes=30 - position),
            )
            screen_and_save(comment)
            if comment.status == Comment.Status.PUBLISHED:  # a lenient site mode
                Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.PENDING)
        made[key] = comment
    pending = Comment.objects.filter(status=Comment.Status.PENDING).count()
    stdout.write(f"Moderation queue: {pending} comments waiting (admin → Comments).")
