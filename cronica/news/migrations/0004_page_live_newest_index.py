"""The home page and a month of the archive list live articles newest first, and a page
of them is chosen on the page tree alone (``models.newest_articles``): this index on
Wagtail's page table holds exactly those rows in that order, so PostgreSQL (and SQLite)
read the ids of any page of the listing from the index, without a sort: 14 ms for a page
50,000 articles deep, where the join with the article table and a sort took 140-210 ms
at 100,000 articles (bench/README.md, "Search and ledger"). Partial: only live pages.
"""

from django.db import migrations

FORWARD = """
CREATE INDEX cronica_page_live_newest ON wagtailcore_page
    (content_type_id, first_published_at DESC, id DESC) WHERE live
"""
BACKWARD = "DROP INDEX cronica_page_live_newest"


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_search_entry_published_at"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
