"""An article with 2,000 published comments, rendered uncached.

Usage: .venv/bin/python bench/comments_render.py [N] [--backend sqlite|postgres]

N comments (default 2000: 500 threads of a comment and 3 replies, with links and
timestamp references like real threads) are stored, then the article page is rendered
through the full stack (Django test client: middleware, Wagtail routing, templates) five
times; the median is reported. Baseline in the same run: the same kind of article with no
comments. (Isso, a peer, needs seconds for 1,000 comments.)
"""

import sys
from datetime import timedelta

from comments_common import drop_pg, measure, site

BODIES = [
    "The port of Manzanillo has been theirs for years, everybody in Colima knows it.",
    "{ref} eso es lo que agarraron, imagínate lo que pasó. https://example.org/nota",
    "Los marinos tomaron las aduanas y sigue igual.\n\nNada cambió en Lázaro Cárdenas.",
    "{ref} Never going to happen. They will send advisers and boats, not troops.",
]


def main(n, backend):
    article, pg_name = site(backend)
    from django.test import Client
    from django.utils import timezone

    from cronica.comments.models import Comment
    from cronica.news.models import ArticlePage

    empty = ArticlePage(title="No comments", slug="empty", body=[("heading", "x")])
    article.get_parent().add_child(instance=empty)
    empty.save_revision().publish()
    start_at = timezone.now() - timedelta(days=3)
    made = 0
    parent = None
    while made < n:
        at = start_at + timedelta(minutes=made)
        local = timezone.localtime(at - timedelta(minutes=1))
        body = BODIES[made % len(BODIES)].format(ref=f"{local:%-I:%M}")
        comment = Comment(
            article=article,
            body=body,
            created_at=at,
            status=Comment.Status.PUBLISHED,
            parent=None if made % 4 == 0 else parent,
            author_name="" if made % 3 else "Porteño",
        )
        comment.save()
        if made % 4 == 0:
            parent = comment
        made += 1
    client = Client()

    base, _, _ = measure(client, empty.url, 5)
    full, _, response = measure(client, article.url, 5)
    html = response.content.decode()
    assert html.count('class="comment') >= n and 'class="timeref"' in html
    if pg_name:
        drop_pg(pg_name)
    print(
        f"{backend:9} article with {n} comments: {full * 1000:.0f} ms "
        f"(page {len(html) // 1024} KiB)   baseline, no comments: {base * 1000:.0f} ms   "
        f"ratio {full / base:.1f}",
        flush=True,
    )


if __name__ == "__main__":
    n = int(next((a for a in sys.argv[1:] if a.isdigit()), 2000))
    backend = sys.argv[sys.argv.index("--backend") + 1] if "--backend" in sys.argv else "sqlite"
    main(n, backend)
