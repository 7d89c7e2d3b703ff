"""``Entity.article_count`` stays the number of articles its profile lists on every path
that changes it: publishing, unpublishing, an edit that drops a link, an editor's review
(one link or in bulk), deleting an article, a private section, the same event reported
by two articles, the worker's recount. Each test changes things through the real parts
(Wagtail publishing, the linker, the admin's bulk action) and checks the stored count
against the profile's list and the index page."""

from collections import Counter
from types import SimpleNamespace

import pytest
from wagtail.rich_text import RichText

from cronica.dossier import jobs
from cronica.dossier.models import Entity, Mention, Review

FITO = ["<p>José Adolfo Macías Villamar, alias Fito, leads Los Choneros.</p>"]
FITO_AGAIN = ["<p>Fito escaped from prison in Guayaquil.</p>"]
SEIZURE = [
    "<p>Police in Algeciras found 2,300 kilos of cocaine hidden in boxes of bananas on "
    "March 3, 2024. The container had come from Guayaquil.</p>"
]
SEIZURE_ES = [
    "<p>La policía española halló 2.300 kilos de cocaína ocultos entre cajas de banano en "
    "Algeciras el 4 de marzo de 2024.</p>"
]


def count(entity):
    """The stored count, checked against what the profile lists."""
    entity.refresh_from_db()
    assert entity.article_count == entity.linked_articles().count()
    return entity.article_count


@pytest.mark.django_db
def test_publishing_and_unpublishing_follow(kb, make_article, monkeypatch):
    from cronica.dossier import tasks

    fito, choneros = kb["fito"], kb["choneros"]
    assert count(fito) == count(choneros) == 0
    first = make_article("Fito", FITO)
    assert count(fito) == count(choneros) == 1
    make_article("Fito again", FITO_AGAIN)
    assert count(fito) == 2 and count(choneros) == 1
    first.unpublish()
    assert count(fito) == 1 and count(choneros) == 0
    # Republished: the count follows at once, not when the worker gets to the linking.
    monkeypatch.setattr(tasks, "link_article", SimpleNamespace(enqueue=lambda *args: None))
    first.save_revision().publish()
    assert count(fito) == 2 and count(choneros) == 1


@pytest.mark.django_db
def test_an_edit_that_drops_a_link(kb, make_article):
    article = make_article("Fito", FITO)
    assert count(kb["choneros"]) == 1
    article.body = [("paragraph", RichText("<p>Fito escaped from prison.</p>"))]
    article.save_revision().publish()
    assert count(kb["choneros"]) == 0 and count(kb["fito"]) == 1


@pytest.mark.django_db
def test_an_editors_review_one_link_or_many(kb, make_article):
    from cronica.dossier.wagtail_hooks import ConfirmBulkAction, RejectBulkAction

    make_article("Fito", FITO)
    second = make_article("Fito again", FITO_AGAIN)
    mention = Mention.objects.get(article=second, entity=kb["fito"])
    mention.status = Review.REJECTED
    mention.save()  # as the mention's edit form saves it
    assert count(kb["fito"]) == 1

    links = list(Mention.objects.filter(entity__in=[kb["fito"], kb["choneros"]]))
    RejectBulkAction.execute_action(links, self=SimpleNamespace(model=Mention))
    assert count(kb["fito"]) == count(kb["choneros"]) == 0
    ConfirmBulkAction.execute_action(links, self=SimpleNamespace(model=Mention))
    assert count(kb["fito"]) == 2 and count(kb["choneros"]) == 1


@pytest.mark.django_db
def test_deleting_an_article_or_making_it_private(kb, make_article, home):
    from wagtail.models import PageViewRestriction

    first = make_article("Fito", FITO)
    make_article("Fito again", FITO_AGAIN)
    restriction = PageViewRestriction.objects.create(page=home, restriction_type="login")
    assert count(kb["fito"]) == 0
    restriction.delete()
    assert count(kb["fito"]) == 2
    first.delete()
    assert count(kb["fito"]) == 1 and count(kb["choneros"]) == 0


@pytest.mark.django_db
def test_one_event_reported_by_two_articles_counts_both(kb, make_article):
    from cronica.dossier.models import Event

    first = make_article("Cocaine found in Algeciras", SEIZURE)
    second = make_article("Cocaína en Algeciras", SEIZURE_ES, language="es")
    reports = Event.objects.filter(kind="seizure", article__in=[first, second])
    assert reports.get(article=second).same_as == reports.get(article=first)  # merged
    assert count(kb["algeciras"]) == 2
    first.unpublish()
    assert count(kb["algeciras"]) == 1


@pytest.mark.django_db
def test_saving_an_entity_and_the_workers_recount_repair_a_wrong_count(kb, make_article):
    make_article("Fito", FITO)
    Entity.objects.filter(pk__in=[kb["fito"].pk, kb["choneros"].pk]).update(article_count=7)
    kb["fito"].save()
    assert count(kb["fito"]) == 1
    kb["choneros"].refresh_from_db()
    assert kb["choneros"].article_count == 7
    assert jobs.recount_articles() == 1
    assert count(kb["choneros"]) == 1
    assert jobs.recount_articles() == 0


@pytest.mark.django_db
def test_the_index_shows_and_orders_by_the_count(client, kb, make_article):
    make_article("Fito", FITO)
    make_article("Fito again", FITO_AGAIN)
    html = client.get("/en/kb/").content.decode()
    assert 'href="/en/kb/jose-adolfo-macias-villamar/">José Adolfo Macías Villamar</a> ' in html
    assert "(2 articles)" in html and "(1 article)" in html
    people = html[html.index("<h2>Person</h2>") :]
    assert people.index("Macías Villamar") < people.index("Ismael Zambada")


@pytest.mark.django_db
def test_real_articles_keep_every_count_true(kb, make_article):
    """Real news articles (the development split of ``tests/dossier/corpus``, each file's
    source address in ``dev-labels.json``), in both languages, published and linked as an
    editor's would be: every entity's stored count is what its profile lists, after
    publishing and after unpublishing the most linked article, and the worker's recount
    finds nothing to fix."""
    import html

    from tests.dossier.corpus import score

    published = []
    for name, text, _label in list(score.articles("dev"))[:16]:
        paragraphs = [f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip()]
        published.append(
            make_article(name.removesuffix(".txt")[:60], paragraphs, score.language_of(name))
        )
    counted = {entity.pk: count(entity) for entity in Entity.objects.all()}
    assert sum(1 for n in counted.values() if n) >= 2, counted  # the real text did link

    mentions = Mention.objects.exclude(status=Review.REJECTED)
    linked = Counter(mentions.values_list("article", flat=True))
    most = max(published, key=lambda article: linked[article.pk])
    most.unpublish()
    after = {entity.pk: count(entity) for entity in Entity.objects.all()}
    assert after != counted
    assert jobs.recount_articles() == 0
