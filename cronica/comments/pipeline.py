"""The screening pipeline: an ordered list of steps, the first decision wins.

Each step looks at a ``Context`` (the comment, its screening scores, the reader's record,
the moderation mode) and returns a ``Decision`` or None to pass. It runs on every new
comment and again on every edit, so editing cannot smuggle in what posting could not.
The last step always decides, according to the moderation mode.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from cronica.screening.scoring import score
from cronica.screening.thresholds import FLAG, SURE_SPAM

from . import policy
from .models import Comment, Mode


class Decision(Enum):
    PUBLISH = "publish"
    PUBLISH_AND_FLAG = "publish and flag"
    HOLD = "hold"
    REJECT = "reject"


@dataclass
class Context:
    comment: Comment
    scores: Any
    reader: Any
    mode: str
    trusted_after: int


def staff_reply(ctx: Context) -> Decision | None:
    return Decision.PUBLISH if ctx.comment.is_staff_reply else None


def blocked_reader(ctx: Context) -> Decision | None:
    return Decision.REJECT if ctx.reader is not None and ctx.reader.blocked else None


def threat(ctx: Context) -> Decision | None:
    return Decision.HOLD if ctx.scores.threat >= FLAG else None


def certain_spam(ctx: Context) -> Decision | None:
    return Decision.REJECT if ctx.scores.spam >= SURE_SPAM else None


def flagged(ctx: Context) -> Decision | None:
    s = ctx.scores
    return Decision.HOLD if max(s.spam, s.abuse, s.doxxing) >= FLAG else None


def by_mode(ctx: Context) -> Decision | None:
    if ctx.mode == Mode.PUBLISH_THEN_REVIEW:
        return Decision.PUBLISH_AND_FLAG
    if ctx.mode == Mode.FLAGGED_ONLY and ctx.reader and ctx.reader.is_trusted(ctx.trusted_after):
        return Decision.PUBLISH
    return Decision.HOLD


STEPS: list[Callable[[Context], Decision | None]] = [
    staff_reply,
    blocked_reader,
    threat,
    certain_spam,
    flagged,
    by_mode,
]


def decide(ctx: Context) -> tuple[Decision, str]:
    for step in STEPS:
        decision = step(ctx)
        if decision is not None:
            return decision, step.__name__
    raise AssertionError("the last step always decides")


def screen(comment: Comment, settings: Any = None) -> Decision:
    """Scores ``comment`` and applies the pipeline's decision to it, without saving.

    It only reads (the newsroom model, the article's policy), so a caller can screen
    before opening the transaction that stores the comment: on SQLite that transaction
    holds the database's one write lock, which scoring must not keep waiting."""
    settings = settings or policy.site_settings(comment.article)
    scores = score(f"{comment.author_name}\n{comment.body}")
    ctx = Context(
        comment,
        scores,
        comment.reader,
        policy.mode_for(comment.article, settings),
        settings.trusted_after,
    )
    decision, step = decide(ctx)
    comment.screening = {**scores.as_dict(), "decision": decision.value, "step": step}
    comment.score = scores.top
    comment.urgent = comment.urgent or scores.threat >= FLAG
    comment.flagged = decision == Decision.PUBLISH_AND_FLAG
    comment.status = {
        Decision.PUBLISH: Comment.Status.PUBLISHED,
        Decision.PUBLISH_AND_FLAG: Comment.Status.PUBLISHED,
        Decision.HOLD: Comment.Status.PENDING,
        Decision.REJECT: (
            Comment.Status.SPAM if step == "certain_spam" else Comment.Status.REJECTED
        ),
    }[decision]
    if decision == Decision.REJECT and step == "certain_spam":
        comment.reject_reason = "spam"
    return decision


def screen_and_save(comment: Comment, settings: Any = None) -> Decision:
    """Scores ``comment``, applies the pipeline's decision and saves it."""
    decision = screen(comment, settings)
    comment.save()
    return decision
