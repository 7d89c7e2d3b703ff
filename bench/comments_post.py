"""Comment POST throughput on SQLite and PostgreSQL.

Usage: .venv/bin/python bench/comments_post.py [N] [--backend sqlite|postgres|both]

N comments (default 300) are posted through the real view (same-origin check, flood
limit, form cleaning, screening with the learned model, pipeline, reader token, save) with
Django's test client in one process: no network, so the figure is the application's own
cost. Baseline, same run and database: N bare ``Comment.objects.create`` calls, each its
own transaction (the floor any comment system pays to store a row).
"""

import subprocess
import sys
import time

from comments_common import drop_pg, site

BODIES = [
    "The port of Manzanillo has been theirs for years, everybody in Colima knows it.",
    "9:35 eso es lo que agarraron, imagínate lo que pasó. https://example.org/nota",
    "Los marinos tomaron las aduanas y sigue igual, nada cambió en Lázaro Cárdenas.",
    "Never going to happen. They will send advisers and boats, not troops.",
]


def run(backend, n):
    article, pg_name = site(backend)
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client

    from cronica.comments.models import Comment

    # One client (127.0.0.1, a shared address) posts everything; the limit is not measured.
    settings.CRONICA_COMMENT_SHARED_BUDGET = n * 10
    client = Client()
    url = f"/en/comments/post/{article.pk}/"
    headers = {"Sec-Fetch-Site": "same-origin"}
    client.post(url, {"body": "warm up"}, headers=headers)
    start = time.perf_counter()
    for i in range(n):
        response = client.post(
            url,
            {"name": "" if i % 3 else "Porteño", "body": f"{BODIES[i % len(BODIES)]} #{i}"},
            headers=headers,
        )
        assert response.status_code == 303, response.status_code
    post_time = time.perf_counter() - start
    start = time.perf_counter()
    for i in range(n):
        Comment.objects.create(article=article, body=f"{BODIES[i % len(BODIES)]} #{i}")
    base_time = time.perf_counter() - start
    cache.clear()
    if pg_name:
        drop_pg(pg_name)
    print(
        f"{backend:9} POST {n / post_time:7.0f}/s ({post_time / n * 1000:.2f} ms each)   "
        f"baseline insert {n / base_time:7.0f}/s   ratio {base_time / post_time:.2f}",
        flush=True,
    )


if __name__ == "__main__":
    n = int(next((a for a in sys.argv[1:] if a.isdigit()), 300))
    backend = sys.argv[sys.argv.index("--backend") + 1] if "--backend" in sys.argv else "both"
    if backend == "both":
        for name in ("sqlite", "postgres"):
            subprocess.run([sys.executable, __file__, str(n), "--backend", name], check=True)
    else:
        run(backend, n)
