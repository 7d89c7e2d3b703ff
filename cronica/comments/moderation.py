"""Editors' decisions on comments, and what follows from each: the reader's record, what
screening learns, and purging cached article pages so readers see the change at once.

A decision can be changed later (approve something rejected by mistake): the previous
decision's effect on the model and on the reader's record is undone first, so each
comment counts once, for its latest decision.
"""

from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from cronica.screening.scoring import learn_decision

from .models import Comment, Reader, RejectReason

APPROVE, REJECT, SPAM = "approve", "reject", "spam"
ACTIONS = (APPROVE, REJECT, SPAM)
_ABUSIVE_REASONS = {RejectReason.INSULT, RejectReason.THREAT}


def _lesson(action: str, reason: str) -> dict[str, bool | None]:
    """What the model learns from a decision: {label: positive or None}."""
    if action == APPROVE:
        return {"spam": False, "abuse": False}
    if action == SPAM:
        return {"spam": True, "abuse": None}
    return {
        "spam": reason == RejectReason.SPAM or None,
        "abuse": True if reason in _ABUSIVE_REASONS else None,
    }


def _apply_lesson(comment: Comment, lesson: dict[str, bool | None], delta: int) -> None:
    text = f"{comment.author_name}\n{comment.body}"
    learn_decision(text, spam=lesson.get("spam"), abuse=lesson.get("abuse"), delta=delta)


def _count_for_reader(comment: Comment, counted: str | None, delta: int) -> None:
    if comment.reader_id and counted in ("approved", "rejected"):
        Reader.objects.filter(pk=comment.reader_id).update(**{counted: F(counted) + delta})


@transaction.atomic
def decide(
    comments: Iterable[Comment], action: str, user: AbstractBaseUser | None = None, reason: str = ""
) -> int:
    """Applies ``action`` (approve, reject, spam) to ``comments``; returns how many
    changed. Rejecting needs a reason code (shown to the commenter)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if action == REJECT and reason not in RejectReason.values:
        raise ValueError("rejecting needs a reason")
    if action == SPAM:
        reason = str(RejectReason.SPAM)
    changed, articles = 0, {}
    now = timezone.now()
    for comment in comments:
        if comment.status == Comment.Status.DELETED:
            continue
        was_public = comment.status == Comment.Status.PUBLISHED
        previous = comment.learned or {}
        if previous.get("lesson"):
            _apply_lesson(comment, previous["lesson"], -1)
        _count_for_reader(comment, previous.get("reader"), -1)
        lesson = _lesson(action, reason)
        _apply_lesson(comment, lesson, 1)
        counted = "approved" if action == APPROVE else "rejected"
        _count_for_reader(comment, counted, 1)
        comment.learned = {"lesson": lesson, "reader": counted}
        comment.status = {
            APPROVE: Comment.Status.PUBLISHED,
            REJECT: Comment.Status.REJECTED,
            SPAM: Comment.Status.SPAM,
        }[action]
        comment.reject_reason = "" if action == APPROVE else reason
        comment.flagged = False
        if action == APPROVE:
            comment.report_count = 0
        comment.moderated_at = now
        comment.moderated_by = user
        comment.save()
        changed += 1
        if was_public or action == APPROVE:
            articles[comment.article_id] = comment.article
    if articles:
        transaction.on_commit(lambda: purge_articles(articles.values()))
    return changed


def purge_articles(articles: Iterable[Page]) -> None:
    """Asks the page caches (the embedded one, and the front cache if one is configured)
    to forget the articles' pages and the listings that show their comment counts, so a
    decision shows at once."""
    from cronica.news.purge import purge_article

    for article in articles:
        purge_article(article)


def set_blocked(reader: Reader, blocked: bool) -> None:
    Reader.objects.filter(pk=reader.pk).update(blocked=blocked)
