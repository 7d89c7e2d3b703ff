"""Uncached article render: median time and queries per render (bench/README.md, "Uncached article render").

Usage: .venv/bin/python bench/article_render.py [COUNTS ...] [--backend sqlite|postgres]
       [--runs N] [--rounds K]

For each COUNT (default 0 11 200) an article with that many published comments (threads
of a comment and three replies, as in bench/comments_render.py) is rendered through the
full Django stack (test client: middleware, Wagtail routing, templates; the page cache
sits in the WSGI wrapper in front of this, so every render here is a real one), in two
modes, interleaved in K rounds (default 3) of N renders (default 10) each:

- uncached: ``CRONICA_FRAGMENT_SECONDS=0``, everything rendered every time (the baseline,
  what every page-cache miss cost before the kept fragments);
- fragments warm: the article's parts and its thread markup kept in the default cache
  (cronica/news/fragments.py, cronica/comments/threads.py), as after one render of the
  current revision and thread, the usual state on a page-cache miss (a purge after a
  comment is approved leaves the article's parts warm, only its thread is rebuilt).

Prints, per article, the median of the rounds' medians (wall clock, and this process's
CPU time, which moves less with the machine's load) and the most queries of a render
in each mode, and the ratio; both modes must give the same bytes. Target: the uncached
render of the 11-comment article under 15 ms median (issue 12, item 3).
"""

import argparse
import os

from comments_common import add_comments, drop_pg, measure, median, site

MODES = {"uncached": {"CRONICA_FRAGMENT_SECONDS": 0}, "fragments warm": {}}


def main(counts, backend, runs, rounds):
    article, pg_name = site(backend)
    from django.test import Client

    from cronica.news.models import ArticleByline, ArticlePage

    urls = {}
    for n in counts:
        page = ArticlePage(
            title=f"{n} comments", slug=f"comments-{n}", language="en", body=article.body
        )
        page.bylines.add(ArticleByline(contributor=article.contributors[0]))
        article.get_parent().add_child(instance=page)
        page.save_revision().publish()
        add_comments(page, n)
        urls[n] = page.url
    client = Client()
    load = os.getloadavg()[0]
    results = {}
    for n, url in urls.items():
        medians = {mode: [] for mode in MODES}
        cpu = {mode: [] for mode in MODES}
        queries, pages = {}, {}
        for _ in range(rounds):
            for mode, overrides in MODES.items():
                seconds, most, response = measure(client, url, runs, cpu[mode], **overrides)
                medians[mode].append(seconds)
                queries[mode] = max(queries.get(mode, 0), most)
                pages[mode] = response.content
        assert pages["uncached"] == pages["fragments warm"], "the kept render differs"
        results[n] = {mode: (median(m), queries[mode]) for mode, m in medians.items()}
        results[n]["cpu"] = {mode: median(c) for mode, c in cpu.items()}
        results[n]["size"] = len(pages["uncached"])
    if pg_name:
        drop_pg(pg_name)
    print(
        f"{backend}, {rounds} rounds x {runs} renders per mode, "
        f"load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    )
    print(
        f"{'comments':>8}  {'page':>7}  {'uncached':>20}  {'(CPU)':>8}"
        f"  {'fragments warm':>20}  {'(CPU)':>8}  ratio"
    )
    for n, r in results.items():
        (cold, cold_q), (warm, warm_q) = r["uncached"], r["fragments warm"]
        cold_cpu, warm_cpu = r["cpu"]["uncached"], r["cpu"]["fragments warm"]
        print(
            f"{n:>8}  {r['size'] // 1024:>4} KiB  {cold * 1000:>8.1f} ms {cold_q:>3} queries"
            f"  {cold_cpu * 1000:>5.1f} ms  {warm * 1000:>8.1f} ms {warm_q:>3} queries"
            f"  {warm_cpu * 1000:>5.1f} ms  {warm / cold:.2f}"
        )
    if 11 in results:
        cold = results[11]["uncached"][0]
        print(
            f"target: uncached, 11 comments, median < 15 ms: {'met' if cold < 0.015 else 'NOT met'}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("counts", nargs="*", type=int, default=[0, 11, 200])
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    main(options.counts, options.backend, options.runs, options.rounds)
