"""Hostile and broken files: a clear error, and nothing imported at all."""

import pytest
from django.core.management.base import CommandError

from .conftest import fixture, rewritten, run_import, snapshot


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind, name, message",
    [
        ("blogger", "billion-laughs.xml", "DOCTYPE, entities or external references"),
        ("wxr", "external-entity.xml", "DOCTYPE, entities or external references"),
        ("blogger", "doctype-only.xml", "DOCTYPE, entities or external references"),
        ("blogger", "truncated.xml", "not well-formed XML"),
        ("blogger", "wrong-root.xml", "not a Blogger export (the root element is <opml>"),
        ("wxr", "wrong-root.xml", "not a WordPress export (the root element is <opml>"),
        ("blogger", "not-blogger-atom.xml", "an Atom feed, but not a Blogger export"),
        ("wxr", "blogger-legacy.xml", "not a WordPress export (the root element is <feed>"),
        ("blogger", "wordpress.xml", "not a Blogger export (the root element is <rss>"),
        ("blogger", "no-such-file.xml", "no such file"),
    ],
)
def test_refused_with_a_clear_message_and_nothing_written(home, kind, name, message):
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run_import(kind, fixture(name))
    assert "Nothing was imported." in str(error.value)
    assert message in str(error.value)
    assert snapshot() == before


@pytest.mark.django_db
def test_an_error_in_the_last_entry_leaves_the_first_ones_unwritten(home, tmp_path):
    """The file is read whole before anything is written: a bad date in the very last
    comment stops the import before the posts above it are created."""
    broken = rewritten(tmp_path, "wordpress.xml", "2024-03-12 19:00:00", "yesterday")
    before = snapshot()
    with pytest.raises(CommandError, match="unreadable date 'yesterday'"):
        run_import("wxr", broken)
    assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "blog-7001.post-1002</id>",
            "blog-7001.post-1001</id>",
            "post tag:blogger.com,1999:blog-7001.post-1001 appears twice",
        ),
        (
            "blog-7001.post-5003</id>",
            "blog-7001.post-5002</id>",
            "comment tag:blogger.com,1999:blog-7001.post-5002 appears twice",
        ),
        (
            "<published>2023-09-21T06:45:00.000-07:00</published>",
            "",
            "comment without a <published> date",
        ),
    ],
)
def test_inconsistent_entries_refuse_the_whole_file(home, tmp_path, old, new, message):
    broken = rewritten(tmp_path, "blogger-legacy.xml", old, new)
    before = snapshot()
    with pytest.raises(CommandError, match=message.replace("<", ".").replace(">", ".")):
        run_import("blogger", broken)
    assert snapshot() == before
