"""The moderation queue with 1,000,000 comments of which 100,000 pending.

Usage: .venv/bin/python bench/comments_queue.py [TOTAL] [--backend sqlite|postgres]

Fills the comments table (TOTAL rows, default 1,000,000, 10% pending, 0.5% urgent threats,
the rest published/rejected/spam, over 50 articles) with raw multi-row inserts, then times
the admin queue pages an editor uses (median of 5, through the full stack with a logged-in
editor): pending newest first, pending by screening score, the urgent tab, a deep page, one
article's pending comments. Baseline in the same run: the same pages with 1,000 comments
(100 pending).
"""

import json
import random
import sys
import time
from datetime import timedelta

from comments_common import drop_pg, median, site

PAGES = {
    "pending, newest": "/admin/comments/",
    "pending, by score": "/admin/comments/?sort=score",
    "urgent threats": "/admin/comments/?tab=urgent",
    "pending, page 1000": "/admin/comments/?page=1000",
    "one article": "/admin/comments/?article={article}",
}


def fill(articles, total, start_pk):
    from django.db import connection, transaction
    from django.utils import timezone

    from cronica.comments.models import Comment

    table = Comment._meta.db_table
    columns = [
        "id",
        "article_id",
        "author_name",
        "body",
        "created_at",
        "status",
        "is_staff_reply",
        "origin",
        "external_id",
        "screening",
        "score",
        "urgent",
        "flagged",
        "reject_reason",
        "report_count",
        "learned",
    ]
    now = timezone.now()
    rng = random.Random(1)
    statuses = ["pending"] * 10 + ["published"] * 85 + ["rejected"] * 3 + ["spam"] * 2
    screening = json.dumps(
        {
            "spam": 0.1,
            "abuse": 0.2,
            "doxxing": 0.0,
            "threat": 0.0,
            "reasons": ["abuse: insult \u201cpinche\u201d"],
            "matches": ["pinche"],
        }
    )
    adapt = connection.ops.adapt_datetimefield_value
    chunk = 500
    row_sql = "(" + ",".join(["%s"] * len(columns)) + ")"
    with transaction.atomic(), connection.cursor() as cursor:
        for offset in range(0, total, chunk):
            rows = []
            for i in range(offset, min(total, offset + chunk)):
                status = statuses[i % 100]
                urgent = status == "pending" and i % 20 == 0
                rows.extend(
                    [
                        start_pk + i,
                        articles[i % len(articles)].pk,
                        "",
                        f"Comment number {i}: pinche gobierno, la plaza es de ellos.",
                        adapt(now - timedelta(seconds=total - i)),
                        status,
                        False,
                        "site",
                        "",
                        screening,
                        rng.random(),
                        urgent,
                        False,
                        "",
                        0,
                        "{}",
                    ]
                )
            cursor.execute(
                f"INSERT INTO {table} ({','.join(columns)}) VALUES "
                + ",".join([row_sql] * (len(rows) // len(columns))),
                rows,
            )
    if connection.vendor == "postgresql":
        # What autovacuum does on a live site after a bulk load; without the visibility
        # map, COUNT(*) cannot be answered from the index alone.
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {table}")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def measure(client, articles):
    out = {}
    for label, url in PAGES.items():
        url = url.format(article=articles[0].pk)
        times = []
        for _ in range(6):
            t = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - t)
            assert response.status_code == 200, (url, response.status_code)
        out[label] = median(times[1:])
    return out


def main(total, backend):
    article, pg_name = site(backend)
    from django.contrib.auth import get_user_model
    from django.test import Client

    from cronica.news.models import ArticlePage

    home = article.get_parent()
    articles = [article]
    for i in range(1, 50):
        page = ArticlePage(title=f"Article {i}", slug=f"article-{i}", body=[("heading", "x")])
        home.add_child(instance=page)
        articles.append(page)
    editor = get_user_model().objects.create_superuser("bench", password="x" * 16)
    client = Client()
    client.force_login(editor)
    t = time.perf_counter()
    fill(articles, 1000, 1)
    baseline = measure(client, articles)
    fill(articles, total - 1000, 1001)
    fill_time = time.perf_counter() - t
    full = measure(client, articles)
    if pg_name:
        drop_pg(pg_name)
    print(f"{backend}: {total:,} comments ({total // 10:,} pending), filled in {fill_time:.0f} s")
    for label in PAGES:
        print(
            f"  {label:20} {full[label] * 1000:7.0f} ms   baseline (1,000 comments) "
            f"{baseline[label] * 1000:5.0f} ms   ratio {full[label] / baseline[label]:.1f}"
        )


if __name__ == "__main__":
    total = int(next((a for a in sys.argv[1:] if a.isdigit()), 1_000_000))
    backend = sys.argv[sys.argv.index("--backend") + 1] if "--backend" in sys.argv else "sqlite"
    main(total, backend)
