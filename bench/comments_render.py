"""An article with 2,000 published comments, rendered uncached.

Usage: .venv/bin/python bench/comments_render.py [N] [--backend sqlite|postgres]

N comments (default 2000: 500 threads of a comment and 3 replies, with links and
timestamp references like real threads) are stored, then the article page is rendered
through the full stack (Django test client: middleware, Wagtail routing, templates) five
times; the median is reported. Baseline in the same run: the same kind of article with no
comments. (Isso, a peer, needs seconds for 1,000 comments.)
"""

import sys

from comments_common import add_comments, drop_pg, measure, site


def main(n, backend):
    article, pg_name = site(backend)
    from django.test import Client

    from cronica.news.models import ArticlePage

    empty = ArticlePage(title="No comments", slug="empty", body=[("heading", "x")])
    article.get_parent().add_child(instance=empty)
    empty.save_revision().publish()
    add_comments(article, n)
    client = Client()

    # Uncached: no kept article parts or thread markup (cronica/news/fragments.py).
    base, _, _ = measure(client, empty.url, 5, CRONICA_FRAGMENT_SECONDS=0)
    full, _, response = measure(client, article.url, 5, CRONICA_FRAGMENT_SECONDS=0)
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
