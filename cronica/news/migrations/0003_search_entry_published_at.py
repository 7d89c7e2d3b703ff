"""On PostgreSQL, each page's search index entry carries the page's publication date, and
the joined title and body vector Wagtail matches on is GIN-indexed
(cronica/news/search_postgres.py): "the newest articles that match these words" is then
read from one table, by walking an index by date or from the GIN index, instead of a join
per article between the page tree and the index entries (174-179 ms for two words at
100,000 articles; bench/README.md, "Search and ledger").

The column belongs to Wagtail's table but is kept by PostgreSQL itself, so no code path
that writes pages or index entries (the admin, imports, the worker's indexing task,
``update_index``) can forget it: a trigger fills it whenever an entry is written, and
another whenever a page's ``live`` or ``first_published_at`` changes. Its value is the
page's ``first_published_at`` while the page is live, NULL otherwise; a live page without
a date gets 'infinity', which sorts where PostgreSQL puts that NULL in the site's
newest-first order (first). Django's models never see the column; SQLite has no such
column (its search is Wagtail's FTS5 backend, unchanged).
"""

from django.db import migrations

FORWARD = """
ALTER TABLE wagtailsearch_indexentry ADD COLUMN cronica_published_at timestamptz;

CREATE FUNCTION cronica_entry_published_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Only pages have an integer object id and a row in wagtailcore_page with the entry's
    -- (specific) content type; every other entry keeps NULL.
    NEW.cronica_published_at := NULL;
    IF NEW.object_id ~ '^[0-9]{1,9}$' THEN
        SELECT CASE WHEN p.live THEN coalesce(p.first_published_at, 'infinity') END
        INTO NEW.cronica_published_at
        FROM wagtailcore_page p
        WHERE p.id = NEW.object_id::integer AND p.content_type_id = NEW.content_type_id;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER cronica_entry_published_at
BEFORE INSERT OR UPDATE ON wagtailsearch_indexentry
FOR EACH ROW EXECUTE FUNCTION cronica_entry_published_at();

CREATE FUNCTION cronica_page_published_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Rewriting the entry runs the trigger above, which reads the page as it is now.
    UPDATE wagtailsearch_indexentry SET cronica_published_at = NULL
    WHERE content_type_id = NEW.content_type_id AND object_id = NEW.id::text;
    RETURN NULL;
END
$$;

CREATE TRIGGER cronica_page_published_at
AFTER UPDATE OF live, first_published_at ON wagtailcore_page
FOR EACH ROW
WHEN (OLD.live IS DISTINCT FROM NEW.live
      OR OLD.first_published_at IS DISTINCT FROM NEW.first_published_at)
EXECUTE FUNCTION cronica_page_published_at();

-- Existing entries: rewriting each runs the entry trigger.
UPDATE wagtailsearch_indexentry SET cronica_published_at = NULL;

-- Newest first, as the site orders articles (-first_published_at, -id); only pages that
-- are live have a date, so only they are in the index (and the cast never meets a
-- non-integer object id).
CREATE INDEX cronica_entry_newest ON wagtailsearch_indexentry
    (content_type_id, cronica_published_at DESC, (object_id::integer) DESC)
    WHERE cronica_published_at IS NOT NULL;
-- The vector Wagtail matches on (title || body), so that every word of a search is one
-- GIN lookup. Not partial: PostgreSQL estimates matches from an expression index's
-- statistics only when the index has no WHERE.
CREATE INDEX cronica_entry_words ON wagtailsearch_indexentry USING gin ((title || body));
ANALYZE wagtailsearch_indexentry;
"""

BACKWARD = """
DROP INDEX cronica_entry_words;
DROP INDEX cronica_entry_newest;
DROP TRIGGER cronica_page_published_at ON wagtailcore_page;
DROP FUNCTION cronica_page_published_at();
DROP TRIGGER cronica_entry_published_at ON wagtailsearch_indexentry;
DROP FUNCTION cronica_entry_published_at();
ALTER TABLE wagtailsearch_indexentry DROP COLUMN cronica_published_at;
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(sql)  # no parameters: several statements at once

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_article_language_codes_tables_code_definitions"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD))]
