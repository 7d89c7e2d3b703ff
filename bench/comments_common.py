"""Shared set-up for the comment benchmarks: a throw-away site (SQLite in a temporary data
directory, or a temporary PostgreSQL database) with the real migrations, a home page and
one article. Each benchmark calls ``site(backend)`` once per process."""

import os
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
PG_ADMIN_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def _pg_database():
    import psycopg

    name = f"bench_comments_{os.getpid()}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name, name


def drop_pg(name):
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def site(backend="sqlite"):
    """Sets Django up on a fresh database; returns (article, pg_database_name or None)."""
    os.environ["CRONICA_DATA_DIR"] = tempfile.mkdtemp(prefix="cronica-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "cronica.settings"
    os.environ["CRONICA_TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    os.environ["CRONICA_ALLOWED_HOSTS"] = "testserver,localhost"
    pg_name = None
    os.environ.pop("DATABASE_URL", None)
    if backend == "postgres":
        os.environ["DATABASE_URL"], pg_name = _pg_database()
    import django

    from cronica.core import datadir

    datadir.prepare()  # the keys, as `cronica` makes them before any command
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from cronica.news.models import ArticleByline, ArticlePage, Contributor
    from cronica.news.setup import ensure_site

    home = ensure_site()
    writer, _ = Contributor.objects.get_or_create(pen_name="Bench")
    article = ArticlePage(
        title="Benchmark article", slug="bench", language="en", body=[("heading", "Benchmark")]
    )
    article.bylines.add(ArticleByline(contributor=writer))
    home.add_child(instance=article)
    article.save_revision().publish()
    article.refresh_from_db()
    return article, pg_name


@contextmanager
def timed(label, results):
    start = time.perf_counter()
    yield
    results[label] = time.perf_counter() - start


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def measure(client, url, runs, cpu=None, **overrides):
    """Median seconds and most queries of `runs` renders of `url`, after one warm render,
    with the settings in `overrides` (e.g. CRONICA_FRAGMENT_SECONDS=0: no kept fragments).
    With a list as `cpu`, also appends the median CPU seconds of this process per render
    (SQLite's work included, a PostgreSQL server's not): on this shared 2-core machine
    it moves less with the other helpers' load than the wall-clock time.

    The warm render compiles templates and fills the kept fragments, so the median is
    the steady cost a reader pays on a page-cache miss. Shared by the render benchmarks.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, override_settings

    times, cpu_times, queries = [], [], []
    with override_settings(**overrides):
        client.get(url)
        for _ in range(runs):
            with CaptureQueriesContext(connection) as captured:
                start, start_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                times.append(time.perf_counter() - start)
                cpu_times.append(time.process_time() - start_cpu)
            assert response.status_code == 200
            queries.append(len(captured.captured_queries))
    if cpu is not None:
        cpu.append(median(cpu_times))
    return median(times), max(queries), response


BODIES = [
    "The port of Manzanillo has been theirs for years, everybody in Colima knows it.",
    "{ref} eso es lo que agarraron, imagínate lo que pasó. https://example.org/nota",
    "Los marinos tomaron las aduanas y sigue igual.\n\nNada cambió en Lázaro Cárdenas.",
    "{ref} Never going to happen. They will send advisers and boats, not troops.",
]


def add_comments(article, n):
    """`n` published comments on `article`: threads of a comment and three replies, with
    links and timestamp references like real threads."""
    from datetime import timedelta

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
