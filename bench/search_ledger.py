"""Search and the seizure ledger over 100,000 articles and 20,000 entities on PostgreSQL
(bench/README.md, "Search and ledger at 100,000 articles"): median latency of the real
pages, uncached.

Usage: .venv/bin/python bench/search_ledger.py [--articles 100000] [--entities 20000]
       [--seizures 5000] [--runs 15] [--keep]

A temporary PostgreSQL database (BENCH_PG_URL) gets the real migrations, one article
published through Wagtail, then ARTICLES - 1 copies of it made by bulk INSERT ... SELECT
(tree paths, slugs, titles drawn from a word list, publication dates over ten years),
their search index entries (PostgreSQL full-text vectors, as Wagtail's database backend
writes them), ENTITIES entities, up to three mentions of them per article (as the linker
stores them) and SEIZURES confirmed seizures attached to random articles and countries. Then, through the full Django stack (test client), median of 15:
/en/search/?q=... for one- and two-word queries, /en/kb/seizures/ unfiltered and filtered,
/en/kb/ (the index), the home page (page 1, page 2 and a deep page, half-way down the
listing), the archive and one month of it. Target: median under 100 ms. Baseline in the same run: the same
pages on the same site with the one original article only (before the bulk load), and,
interleaved request by request with today's search at 100,000 articles, two earlier
searches: the capped search of commit bf047c1 (candidates found by walking the articles
by date with a correlated EXISTS on their index entries; cronica/news/search.py read from
git) and the search before the cap (Wagtail ranking every match).

``--keep`` leaves the loaded database in place and prints its name, to profile the pages'
queries with EXPLAIN ANALYZE on the same data (drop it afterwards).
"""

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import time
import types
from collections import defaultdict
from contextlib import contextmanager, nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from comments_common import drop_pg, site  # noqa: E402

WORDS = [
    "sinaloa",
    "jalisco",
    "tamaulipas",
    "manzanillo",
    "guayaquil",
    "culiacan",
    "reynosa",
    "tijuana",
    "juarez",
    "convoy",
    "marinos",
    "aduana",
    "puerto",
    "laboratorio",
    "fentanilo",
    "cocaina",
    "metanfetamina",
    "plaza",
    "sicarios",
    "extradicion",
    "recompensa",
    "fiscalia",
    "narcomanta",
    "emboscada",
    "decomiso",
    "frontera",
    "carretera",
    "rancho",
    "pista",
    "avioneta",
    "lancha",
    "contenedor",
    "bodega",
]
QUERIES = ["manzanillo", "convoy", "fentanilo decomiso", "puerto contenedor", "reynosa"]


def base36(n, width=4):
    """A treebeard path step: ``width`` base-36 digits."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    for _ in range(width):
        n, r = divmod(n, 36)
        out = digits[r] + out
    return out


def bulk_articles(template, count):
    from django.db import connection

    from cronica.news.models import HomePage

    home = HomePage.objects.get()
    rng = random.Random(12)
    rows = [
        (n, " ".join(rng.choice(WORDS) for _ in range(6)).capitalize(), base36(n + 100))
        for n in range(1, count + 1)
    ]
    with connection.cursor() as cur:
        cur.execute("CREATE TEMP TABLE bench_titles (n int primary key, title text, step text)")
        cur.executemany("INSERT INTO bench_titles VALUES (%s, %s, %s)", rows)
        cur.execute(
            """
            SELECT column_name FROM information_schema.columns
            WHERE table_name = 'wagtailcore_page' AND column_name <> 'id'
            """
        )
        columns = [row[0] for row in cur.fetchall()]
        replaced = {
            "path": "t.path_prefix || b.step",
            "title": "b.title",
            "draft_title": "b.title",
            "slug": "'bench-' || b.n",
            "url_path": "t.parent_url || 'bench-' || b.n || '/'",
            "translation_key": "gen_random_uuid()",
            "first_published_at": "now() - mod(b.n, 3650) * interval '1 day'",
            "last_published_at": "now() - mod(b.n, 3650) * interval '1 day'",
            "latest_revision_id": "NULL",
            "live_revision_id": "NULL",
        }
        select = ", ".join(replaced.get(c, f"p.{c}") for c in columns)
        cur.execute(
            f"""
            WITH t AS (SELECT %s::text AS path_prefix, %s::text AS parent_url)
            INSERT INTO wagtailcore_page ({", ".join(columns)})
            SELECT {select}
            FROM wagtailcore_page p, t, bench_titles b
            WHERE p.id = %s
            """,
            [home.path, home.url_path, template.pk],
        )
        cur.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'news_articlepage' AND column_name <> 'page_ptr_id'"
        )
        article_columns = [row[0] for row in cur.fetchall()]
        cur.execute(
            f"""
            INSERT INTO news_articlepage (page_ptr_id, {", ".join(article_columns)})
            SELECT p.id, {", ".join("a." + c for c in article_columns)}
            FROM wagtailcore_page p, news_articlepage a
            WHERE p.slug LIKE 'bench-%%' AND a.page_ptr_id = %s
            """,
            [template.pk],
        )
        cur.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'wagtailsearch_indexentry' AND column_name <> 'id'"
        )
        index_columns = [row[0] for row in cur.fetchall()]
        replaced = {
            "object_id": "p.id::text",
            "title": "to_tsvector('simple', p.title)",
            "autocomplete": "to_tsvector('simple', p.title)",
            "body": "e.body || to_tsvector('simple', p.title)",
        }
        cur.execute(
            f"""
            INSERT INTO wagtailsearch_indexentry ({", ".join(index_columns)})
            SELECT {", ".join(replaced.get(c, "e." + c) for c in index_columns)}
            FROM wagtailcore_page p, wagtailsearch_indexentry e
            WHERE p.slug LIKE 'bench-%%' AND e.object_id = %s
              AND e.content_type_id = p.content_type_id
            """,
            [str(template.pk)],
        )
        cur.execute(
            "UPDATE wagtailcore_page SET numchild = numchild + %s WHERE id = %s",
            [count, home.pk],
        )
        # As autovacuum would soon after 100,000 inserts: without it every search also
        # scans the GIN indexes' pending lists (fastupdate; ~480 pages each), and
        # index-only scans fetch heap pages that are not yet marked all-visible.
        cur.execute("VACUUM ANALYZE wagtailcore_page, news_articlepage, wagtailsearch_indexentry")
        cur.execute("ANALYZE")


def bulk_knowledge(entities, seizures):
    from django.db import connection

    from cronica.dossier.models import Entity, Event, Review

    rng = random.Random(7)
    countries = Entity.objects.bulk_create(
        Entity(kind="place", level="country", name=f"Country {i}", slug=f"country-{i}")
        for i in range(40)
    )
    kinds = ["group", "person", "place", "institution"]
    Entity.objects.bulk_create(
        (
            Entity(kind=kinds[i % 4], name=f"Entity {i} {rng.choice(WORDS)}", slug=f"entity-{i}")
            for i in range(entities - len(countries))
        ),
        batch_size=2000,
    )
    with connection.cursor() as cur:
        cur.execute("SELECT page_ptr_id FROM news_articlepage")
        article_ids = [row[0] for row in cur.fetchall()]
    drugs = ["cocaine", "fentanyl", "methamphetamine", "marijuana"]
    Event.objects.bulk_create(
        (
            Event(
                article_id=rng.choice(article_ids),
                kind="seizure",
                status=Review.CONFIRMED,
                fingerprint=f"bench-{i}",
                sentence=f"Marines seized {i % 900 + 1} kg of {drugs[i % 4]} at the port.",
                drug=drugs[i % 4],
                kg=float(i % 900 + 1),
                country=countries[i % len(countries)],
            )
            for i in range(seizures)
        ),
        batch_size=2000,
    )
    with connection.cursor() as cur:
        # What the linker stores: each article names up to three entities, a few of them
        # often (the cube of a uniform draw favours the first ids), one in twenty rejected.
        cur.execute("SELECT setseed(0.12)")
        cur.execute(
            """
            INSERT INTO dossier_mention (article_id, entity_id, surface, "offset", count, status)
            SELECT a.page_ptr_id,
                   e.ids[1 + floor(power(random(), 3) * array_length(e.ids, 1))::int],
                   'bench', 0, 1,
                   CASE WHEN random() < 0.05 THEN 'rejected' ELSE 'suggested' END
            FROM news_articlepage a, generate_series(1, 3) AS g,
                 (SELECT array_agg(id ORDER BY id) AS ids FROM dossier_entity) AS e
            ON CONFLICT DO NOTHING
            """
        )
        cur.execute("ANALYZE")


def sync_published():
    """The bulk INSERTs bypass the paths that keep ``Event.published`` true: the worker's
    periodic check sets it (and is timed, with the ANALYZE after it), as it would on a
    site loaded by SQL. Without fresh statistics PostgreSQL believes no event is published
    and plans the ledger's anti-join as a nested loop: about a minute a page."""
    from django.db import connection

    from cronica.dossier.jobs import check_published

    flagged = check_published()
    with connection.cursor() as cur:
        cur.execute("ANALYZE dossier_event")  # as autovacuum would after so many changes
    return flagged


def recount_articles():
    """The bulk INSERTs bypass the paths that keep ``Entity.article_count`` true: the
    worker's periodic recount sets it (and is timed), as on a site loaded by SQL. None on
    code before the stored count (a baseline run of an older checkout)."""
    from django.db import connection

    from cronica.dossier import jobs

    if not hasattr(jobs, "recount_articles"):
        return None
    fixed = jobs.recount_articles()
    with connection.cursor() as cur:
        cur.execute("ANALYZE dossier_entity")  # as autovacuum would after so many changes
    return fixed


def measure(client, paths, runs=15):
    results = {}
    for path in paths:
        client.get(path)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200, (path, response.status_code)
        results[path] = (statistics.median(times), response)
    return results


@contextmanager
def uncapped_search():
    """Search as it was before the cap: Wagtail ranks every match, then the page is cut."""
    from cronica.news import search

    def rank_every_match(articles, query):
        terms = search.normalize_query(query)
        results = articles.search(terms, operator="and") if terms else articles.none()
        return search.Found(results, capped=False)

    capped = search.search_articles
    search.search_articles = rank_every_match
    try:
        yield
    finally:
        search.search_articles = capped


PREVIOUS = "bf047c1"  # the capped search before the entries carried dates (2026-12-03)


@contextmanager
def previous_search():
    """The capped search of commit PREVIOUS, read from git: candidates by walking the live
    articles newest first, each checked with a correlated EXISTS on its index entry."""
    from cronica.news import search

    root = Path(__file__).resolve().parent.parent
    source = subprocess.run(
        ["git", "show", f"{PREVIOUS}:cronica/news/search.py"],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    old = types.ModuleType("search_at_" + PREVIOUS)
    exec(compile(source, f"{PREVIOUS}:cronica/news/search.py", "exec"), old.__dict__)
    current = search.search_articles
    search.search_articles = old.search_articles
    try:
        yield
    finally:
        search.search_articles = current


VARIANTS = {"today": nullcontext, PREVIOUS: previous_search, "uncapped": uncapped_search}


def measure_interleaved(client, paths, runs):
    """``{path: ({variant: median}, today's response)}``, each run trying every variant."""
    times, responses = defaultdict(lambda: defaultdict(list)), {}
    for _ in range(runs):
        for path in paths:
            for name, context in VARIANTS.items():
                with context():
                    start = time.perf_counter()
                    response = client.get(path)
                    times[path][name].append(time.perf_counter() - start)
                assert response.status_code == 200, (path, response.status_code)
                if name == "today":
                    responses[path] = response
    return {
        p: ({name: statistics.median(t) for name, t in times[p].items()}, responses[p])
        for p in paths
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--entities", type=int, default=20_000)
    parser.add_argument("--seizures", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    template, pg_name = site("postgres")
    from django.test import Client

    from cronica.news.models import PAGE_SIZE

    client = Client()
    paths = [f"/en/search/?q={q.replace(' ', '+')}" for q in QUERIES]
    paths += ["/en/kb/seizures/", "/en/kb/seizures/?drug=cocaine", "/en/kb/"]
    month = time.strftime("%Y/%m", time.localtime(time.time() - 400 * 86400))
    paths += ["/en/", "/en/archive/", f"/en/archive/{month}/"]
    try:
        baseline = measure(client, paths, runs=5)
        start = time.perf_counter()
        bulk_articles(template, args.articles - 1)
        bulk_knowledge(args.entities, args.seizures)
        # Older pages of the home listing, which one article does not have: the next one
        # and one half-way down.
        older = [f"/en/?page={n}" for n in (2, args.articles // PAGE_SIZE // 2)]
        paths[paths.index("/en/archive/") : paths.index("/en/archive/")] = older
        checked = time.perf_counter()
        flagged = sync_published()
        checked = time.perf_counter() - checked
        print(
            f"bulk load: {args.articles} articles, {args.entities} entities, "
            f"{args.seizures} confirmed seizures in {time.perf_counter() - start:.0f} s; "
            f"load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        print(
            f"worker check of Event.published over every event: {checked * 1000:.0f} ms "
            f"({flagged} flags set)",
            flush=True,
        )
        counted = time.perf_counter()
        recounted = recount_articles()
        if recounted is not None:
            print(
                f"worker recount of Entity.article_count over every entity: "
                f"{(time.perf_counter() - counted) * 1000:.0f} ms ({recounted} counts set)",
                flush=True,
            )
        searches = [p for p in paths if "/search/" in p]
        compared = measure_interleaved(client, searches, runs=args.runs)
        loaded = measure(client, [p for p in paths if p not in searches], runs=args.runs)
        worst = 0.0
        for path in paths:
            if path in compared:
                medians, response = compared[path]
                median = medians["today"]
                before = "".join(
                    f", {name} {medians[name] * 1000:6.1f} ms ({medians[name] / median:4.1f}x)"
                    for name in VARIANTS
                    if name != "today"
                )
            else:
                (median, response), before = loaded[path], ""
            worst = max(worst, median)
            if path in baseline:
                base = baseline[path][0]
                compared_to_one = f"1 article: {base * 1000:6.1f} ms, ratio {median / base:5.1f}"
            else:
                compared_to_one = "no page with 1 article"
            found = re.search(
                r'class="search-count" role="status">([^<]*)<', response.content.decode()
            )
            print(
                f"{path:34} median {median * 1000:7.1f} ms  ({compared_to_one}{before})  "
                f"{len(response.content) // 1024} KiB"
                + (f"  {found.group(1)[:40]}" if found else ""),
                flush=True,
            )
        print(
            f"target median < 100 ms on every page: {'met' if worst < 0.1 else 'NOT met'}; "
            f"load average {os.getloadavg()[0]:.1f}"
        )
    finally:
        if args.keep:
            print(f"database kept: {pg_name}")
        else:
            drop_pg(pg_name)


if __name__ == "__main__":
    main()
