"""Import speed of `cronica import wxr`, against a baseline measured in the same run.

Baseline: creating and publishing the same number of bare article pages with Wagtail's
own calls (``add_child`` + ``save_revision().publish()``), the least any importer must
spend per post. The ratio says how much the importer adds on top: parsing, HTML
conversion, bylines, tags, redirects, comments and its idempotence records.

    .venv/bin/python bench/importers.py [POSTS]      (default 200 posts, 3 comments each)

Runs on SQLite in a throw-away data directory.
"""

import io
import os
import sys
import tempfile
import time
from pathlib import Path

POSTS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
COMMENTS_PER_POST = 3

os.environ["CRONICA_DATA_DIR"] = tempfile.mkdtemp(prefix="cronica-bench-import-")
os.environ.pop("DATABASE_URL", None)
os.environ["DJANGO_SETTINGS_MODULE"] = "cronica.settings_test"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402


def wxr(posts):
    items = []
    for n in range(1, posts + 1):
        comments = "".join(
            f"""
    <wp:comment><wp:comment_id>{n * 10 + c}</wp:comment_id>
      <wp:comment_author>Reader {c}</wp:comment_author>
      <wp:comment_author_email>reader{c}@example.com</wp:comment_author_email>
      <wp:comment_author_IP>192.0.2.{c}</wp:comment_author_IP>
      <wp:comment_date_gmt>2024-01-0{1 + c} 10:00:00</wp:comment_date_gmt>
      <wp:comment_content>Comment {c} on post {n}: the checkpoint was moved again.</wp:comment_content>
      <wp:comment_approved>1</wp:comment_approved>
      <wp:comment_parent>{n * 10 + c - 1 if c else 0}</wp:comment_parent>
    </wp:comment>"""
            for c in range(COMMENTS_PER_POST)
        )
        items.append(f"""
  <item><title>Seizure report number {n}</title>
    <link>https://bench.example/2024/01/01/seizure-{n}/</link>
    <dc:creator>desk</dc:creator>
    <content:encoded><![CDATA[The navy reported a seizure of packages at sea, number {n}.

<h2>Details</h2>
The crew of the vessel was detained and handed to prosecutors.
<blockquote>It was the largest load of the month.</blockquote>]]></content:encoded>
    <wp:post_id>{n}</wp:post_id><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt>
    <wp:post_name>seizure-{n}</wp:post_name><wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
    <category domain="category" nicename="maritime">Maritime</category>
    <category domain="post_tag" nicename="navy">Navy</category>{comments}
  </item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>https://bench.example</link>
  <wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://bench.example</wp:base_blog_url>
  <wp:author><wp:author_login>desk</wp:author_login><wp:author_display_name>Bench Desk</wp:author_display_name></wp:author>
  {"".join(items)}
</channel></rss>"""


def baseline(posts):
    from wagtail.rich_text import RichText

    from cronica.news.models import ArticlePage
    from cronica.news.setup import ensure_site

    home = ensure_site()
    start = time.perf_counter()
    with transaction.atomic():
        for n in range(posts):
            page = ArticlePage(
                title=f"Baseline {n}",
                slug=f"baseline-{n}",
                body=[("paragraph", RichText("<p>Text.</p>"))],
            )
            home.add_child(instance=page)
            page.save_revision().publish()
        elapsed = time.perf_counter() - start
        transaction.set_rollback(True)
    return elapsed


def main():
    call_command("migrate", verbosity=0)
    path = Path(os.environ["CRONICA_DATA_DIR"]) / "bench.xml"
    path.write_text(wxr(POSTS), encoding="utf-8")
    base = baseline(POSTS)
    start = time.perf_counter()
    call_command(
        "import_content", "wxr", str(path), "--no-progress", "--no-download", stdout=io.StringIO()
    )
    full = time.perf_counter() - start
    comments = POSTS * COMMENTS_PER_POST
    print(f"posts: {POSTS}, comments: {comments}, file: {path.stat().st_size / 1e6:.1f} MB")
    print(f"baseline (bare Wagtail pages): {base:.2f} s, {POSTS / base:.1f} pages/s")
    print(
        f"cronica import wxr:            {full:.2f} s, {POSTS / full:.1f} posts/s, "
        f"{(POSTS + comments) / full:.1f} items/s"
    )
    print(f"ratio import / baseline: {full / base:.2f}")
    start = time.perf_counter()
    call_command("import_content", "wxr", str(path), "--no-progress", stdout=io.StringIO())
    again = time.perf_counter() - start
    print(f"re-import (changes nothing):   {again:.2f} s, ratio to first import {again / full:.2f}")


if __name__ == "__main__":
    main()
