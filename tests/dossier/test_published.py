"""``Event.published`` follows its article on every path that makes the article stop or
start being live and public (publish, unpublish, a private section on it or above it, a
move, linking, the worker's check), and the ledger and profiles follow the flag. Each test
changes the article only through Wagtail, so it fails if that path's sync is removed."""

import io
from types import SimpleNamespace

import pytest

from cronica.dossier import jobs, ledger, profiles
from cronica.dossier.models import Event, Review

SEIZURE = [
    "<p>Police in Algeciras found 2,300 kilos of cocaine hidden in boxes of bananas on "
    "March 3, 2024. The container had come from Guayaquil.</p>"
]


@pytest.fixture
def reported(kb, make_article):
    """A published article with one confirmed seizure, as the ledger shows it."""
    article = make_article("Cocaine found in Algeciras", SEIZURE)
    Event.objects.filter(article=article).update(status=Review.CONFIRMED)
    seizure = Event.objects.get(article=article, kind="seizure", role="report")
    assert seizure.published and list(ledger.confirmed_seizures()) == [seizure]
    return article, seizure


def shown(seizure):
    seizure.refresh_from_db()
    in_ledger = seizure in ledger.confirmed_seizures()
    assert in_ledger == (seizure in profiles.confirmed_events(seizure.place))
    assert in_ledger == seizure.published
    return in_ledger


@pytest.mark.django_db
def test_unpublishing_hides_the_event_and_publishing_shows_it_before_linking(reported, monkeypatch):
    from cronica.dossier import tasks

    article, seizure = reported
    article.unpublish()
    assert not shown(seizure)
    # Republished: the flag follows at once, not when the worker gets to the linking.
    monkeypatch.setattr(tasks, "link_article", SimpleNamespace(enqueue=lambda *args: None))
    article.save_revision().publish()
    assert shown(seizure)


@pytest.mark.django_db
def test_a_private_article_or_section_hides_the_event(reported, home):
    from wagtail.models import PageViewRestriction

    article, seizure = reported
    restriction = PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert not shown(seizure)
    restriction.delete()
    assert shown(seizure)
    above = PageViewRestriction.objects.create(page=home, restriction_type="password", password="x")
    assert not shown(seizure)
    above.restriction_type = "login"
    above.save()
    assert not shown(seizure)
    above.delete()
    assert shown(seizure)


@pytest.mark.django_db
def test_moving_the_article_under_a_private_page_hides_the_event(reported, home):
    from wagtail.models import Page, PageViewRestriction

    from cronica.news.models import HomePage

    article, seizure = reported
    private = HomePage(title="Staff only", slug="staff-only")
    Page.get_first_root_node().add_child(instance=private)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    article.move(private, pos="last-child")
    assert not shown(seizure)
    Page.objects.get(pk=article.pk).move(home, pos="last-child")
    assert shown(seizure)


@pytest.mark.django_db
def test_events_found_by_linking_take_the_state_of_their_article(kb, make_article):
    from wagtail.models import PageViewRestriction

    from cronica.dossier.linking import link

    article = make_article("Cocaine found in Algeciras", SEIZURE)
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    Event.objects.filter(article=article).delete()
    link(article)  # new events, in a private article
    seizure = Event.objects.get(article=article, kind="seizure", role="report")
    assert not seizure.published
    Event.objects.filter(pk=seizure.pk).update(published=True, status=Review.CONFIRMED)
    link(article)  # re-linking repairs a flag that is wrong
    assert not shown(seizure)


@pytest.mark.django_db
def test_an_event_saved_outside_linking_takes_the_state_of_its_article(reported, home):
    from wagtail.models import PageViewRestriction

    article, _seizure = reported
    fields = {"kind": "arrest", "sentence": "Police arrested a man.", "status": Review.CONFIRMED}
    assert Event.objects.create(article=article, fingerprint="a", **fields).published
    PageViewRestriction.objects.create(page=home, restriction_type="login")
    assert not Event.objects.create(article=article, fingerprint="b", **fields).published


@pytest.mark.django_db
def test_the_worker_check_repairs_flags_set_behind_its_back(reported, make_article):
    article, seizure = reported
    other = make_article("Unrelated", ["<p>Weather report for the coast.</p>"])
    assert jobs.check_published() == 0
    Event.objects.filter(pk=seizure.pk).update(published=False)
    assert not shown(seizure)
    assert jobs.check_published() == 1
    assert shown(seizure)
    other_events = Event.objects.filter(article=other)
    assert all(e.published for e in other_events)


@pytest.mark.django_db
def test_the_migration_flags_the_events_of_live_public_articles(reported, make_article):
    """The data migration's own function, on the events as they were before the field."""
    import importlib

    from django.apps import apps
    from django.db import connection
    from wagtail.models import PageViewRestriction

    migration = importlib.import_module("cronica.dossier.migrations.0003_event_published")
    article, seizure = reported
    private = make_article("Private", SEIZURE, slug="private-one")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    hidden = Event.objects.get(article=private, kind="seizure", role="report")
    Event.objects.update(published=False)
    migration.set_published(apps, SimpleNamespace(connection=connection))
    seizure.refresh_from_db(), hidden.refresh_from_db()
    assert seizure.published and not hidden.published


@pytest.mark.django_db(transaction=True)
def test_a_flag_change_purges_the_ledger_and_the_profiles_it_changes(reported, kb, purge_endpoint):
    from wagtail.models import PageViewRestriction

    article, _seizure = reported
    purge_endpoint.clear()
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    host = "127.0.0.1:8000"
    for language in ("en", "es"):
        for path in ("/kb/seizures/", f"/kb/{kb['algeciras'].slug}/", f"/kb/{kb['spain'].slug}/"):
            assert f"{host}/{language}{path}" in purge_endpoint, (language, path)
    assert not any(f"/kb/{kb['mayo'].slug}/" in url for url in purge_endpoint)


def _dated(seizure):
    seizure.refresh_from_db()
    seizure.article.refresh_from_db()
    return seizure.article_published_at


@pytest.mark.django_db
def test_a_new_event_and_a_first_publish_give_the_event_its_article_date(reported, home):
    from cronica.news.models import ArticlePage

    article, seizure = reported
    assert article.first_published_at and _dated(seizure) == article.first_published_at
    draft = ArticlePage(title="Draft", slug="draft-one", body=[])
    home.add_child(instance=draft)
    fields = {"kind": "arrest", "sentence": "Police arrested a man.", "status": Review.CONFIRMED}
    event = Event.objects.create(article=draft, fingerprint="a", **fields)
    assert event.article_published_at is None
    draft.save_revision().publish()
    draft.refresh_from_db()
    assert draft.first_published_at and _dated(event) == draft.first_published_at


@pytest.mark.django_db
def test_a_republish_gives_the_event_a_changed_first_publication_date(reported, monkeypatch):
    """Wagtail keeps ``first_published_at`` across publishes, but SQL can change it (the
    importer sets a post's own date after publishing it): the next publish carries it."""
    from datetime import UTC, datetime

    from wagtail.models import Page

    from cronica.dossier import tasks

    article, seizure = reported
    monkeypatch.setattr(tasks, "link_article", SimpleNamespace(enqueue=lambda *args: None))
    dated = datetime(2019, 5, 4, 12, tzinfo=UTC)
    Page.objects.filter(pk=article.pk).update(first_published_at=dated)
    article.refresh_from_db()
    article.save_revision().publish()
    assert _dated(seizure) == dated


@pytest.mark.django_db
def test_the_worker_check_repairs_article_dates_set_behind_its_back(reported):
    from datetime import UTC, datetime

    article, seizure = reported
    for wrong in (None, datetime(2001, 1, 1, tzinfo=UTC)):
        Event.objects.filter(pk=seizure.pk).update(article_published_at=wrong)
        assert jobs.check_published() == 1
        assert _dated(seizure) == article.first_published_at
    assert jobs.check_published() == 0


@pytest.mark.django_db
def test_the_migration_copies_the_article_dates(reported):
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "cronica.dossier.migrations.0004_event_article_published_at"
    )
    article, seizure = reported
    Event.objects.update(article_published_at=None)
    migration.set_article_published_at(apps, None)
    assert _dated(seizure) == article.first_published_at


@pytest.mark.django_db
def test_an_imported_post_gives_its_events_the_post_date_not_the_import_time(kb, home, tmp_path):
    """The importer publishes, then sets the post's own date with an UPDATE (no signal);
    the events the linker found on publishing must carry that date at once."""
    from datetime import UTC, datetime

    from django.core.management import call_command

    export = tmp_path / "seizure.xml"
    export.write_text(
        f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Test</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>a</wp:author_login>
<wp:author_display_name>Cronista</wp:author_display_name></wp:author>
<item><title>Cocaine found in Algeciras</title>
<link>https://old.example/2019/05/04/algeciras/</link><dc:creator>a</dc:creator>
<content:encoded><![CDATA[{SEIZURE[0]}]]></content:encoded>
<wp:post_id>7</wp:post_id><wp:post_date_gmt>2019-05-04 12:00:00</wp:post_date_gmt>
<wp:post_name>algeciras</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type></item>
</channel></rss>""",
        encoding="utf-8",
    )
    call_command("import_content", "wxr", str(export), stdout=io.StringIO())
    seizure = Event.objects.get(kind="seizure", role="report")
    assert seizure.article.first_published_at == datetime(2019, 5, 4, 12, tzinfo=UTC)
    assert seizure.article_published_at == seizure.article.first_published_at
