"""Uncached article render: median time and queries per render (issue 12, benchmark 3).

Usage: .venv/bin/python bench/article_render.py [COMMENTS] [--backend sqlite|postgres]

An article with COMMENTS published comments (default 200; threads of a comment and three
replies, as in bench/comments_render.py) is rendered RUNS times through the full Django
stack (test client: middleware, Wagtail routing, templates; the page cache sits in the
WSGI wrapper in front of this, so every render here is a real one). Baseline in the same
run: the same article with no comments. Target: median under 15 ms.
"""

import sys
from datetime import timedelta

from comments_common import drop_pg, measure, site

RUNS = 30
BODIES = [
    "The port of Manzanillo has been theirs for years, everybody in Colima knows it.",
    "{ref} eso es lo que agarraron, imagínate lo que pasó. https://example.org/nota",
    "Los marinos tomaron las aduanas y sigue igual.\n\nNada cambió en Lázaro Cárdenas.",
    "{ref} Never going to happen. They will send advisers and boats, not troops.",
]


def add_comments(article, n):
    from django.utils import timezone

    from cronica.comments.models import Comment

    start_at = timezone.now() - timedelta(days=3)
    parent = None
    for made in range(n):
        at = start_at + timedelta(minutes=made)
        local = timezone.localtime(at - timedelta(minutes=1))
        comment = Comment.objects.create(
            article=article,
            body=BODIES[made % len(BODIES)].format(ref=f"{local:%-I:%M}"),
            created_at=at,
            status=Comment.Status.PUBLISHED,
            parent=None if made % 4 == 0 else parent,
            author_name="" if made % 3 else "Porteño",
        )
        if made % 4 == 0:
            parent = comment


def main(n, backend):
    article, pg_name = site(backend)
    from django.test import Client

    from cronica.news.models import ArticlePage

    empty = ArticlePage(title="No comments", slug="empty", body=[("heading", "x")])
    article.get_parent().add_child(instance=empty)
    empty.save_revision().publish()
    add_comments(article, n)
    client = Client()
    base, base_queries, _ = measure(client, empty.url, RUNS)
    full, full_queries, response = measure(client, article.url, RUNS)
    size = len(response.content)
    if pg_name:
        drop_pg(pg_name)
    print(
        f"{backend}: article with {n} comments ({size // 1024} KiB): median {full * 1000:.1f} ms, "
        f"{full_queries} queries per render\n"
        f"{backend}: baseline, no comments: median {base * 1000:.1f} ms, {base_queries} queries\n"
        f"ratio {full / base:.2f}; target median < 15 ms: {'met' if full < 0.015 else 'NOT met'}",
        flush=True,
    )


if __name__ == "__main__":
    count = int(next((a for a in sys.argv[1:] if a.isdigit()), 200))
    chosen = sys.argv[sys.argv.index("--backend") + 1] if "--backend" in sys.argv else "sqlite"
    main(count, chosen)
