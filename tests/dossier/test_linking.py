"""Linking through the real parts: publishing an article in Wagtail runs the background
task (immediate in tests), which stores mentions and events; the article page links
first mentions; editors' decisions survive re-linking."""

import pytest

from cronica.dossier.linking import link
from cronica.dossier.models import Alias, Event, Mention, Review, UnknownName

TEXT = [
    "<p>Ecuadorian police said José Adolfo Macías Villamar, known as Fito, leader of "
    "Los Choneros, was seen in Guayaquil. Fito had escaped before.</p>",
    "<p>Police in Algeciras found 9.5 tons of cocaine hidden in boxes of bananas. "
    "Witnesses named Carlos Andrade Pérez and the Frente Oliver Sinisterra.</p>",
]


@pytest.mark.django_db
def test_publishing_links_mentions_in_the_background(kb, make_article):
    article = make_article("Fito seen in Guayaquil", TEXT)
    mentions = {m.entity.name: m for m in Mention.objects.filter(article=article)}
    assert set(mentions) == {
        "José Adolfo Macías Villamar",
        "Los Choneros",
        "Guayaquil",
        "Algeciras",
    }
    assert mentions["José Adolfo Macías Villamar"].count == 4  # title + body
    assert all(m.status == Review.SUGGESTED for m in mentions.values())
    seizure = Event.objects.get(article=article, kind="seizure")
    assert (seizure.kg, seizure.drug, seizure.place.name) == (9500.0, "cocaine", "Algeciras")
    assert seizure.country.name == "Spain"
    assert seizure.status == Review.SUGGESTED
    unknown = set(UnknownName.objects.filter(article=article).values_list("name", flat=True))
    assert {"Carlos Andrade Pérez", "Frente Oliver Sinisterra"} <= unknown


@pytest.mark.django_db
def test_article_page_links_first_mention_only(kb, make_article, client):
    article = make_article("Fito seen again", TEXT, slug="fito-seen-again")
    html = client.get(article.url).content.decode()
    assert html.count('href="/en/kb/jose-adolfo-macias-villamar/"') == 1
    assert (
        'href="/en/kb/jose-adolfo-macias-villamar/" title="José Adolfo Macías Villamar">'
        "José Adolfo Macías Villamar</a>" in html
    )
    assert html.count('class="kb-link"') == 4
    assert "Set-Cookie" not in client.get(article.url).headers


@pytest.mark.django_db
def test_rejected_link_stays_rejected_and_unlinked(kb, make_article, client):
    article = make_article("Fito seen", TEXT)
    mention = Mention.objects.get(article=article, entity=kb["choneros"])
    mention.status = Review.REJECTED
    mention.save()
    event = Event.objects.get(article=article, kind="seizure")
    event.status = Review.CONFIRMED
    event.save()
    link(article)
    link(article)
    assert Mention.objects.get(article=article, entity=kb["choneros"]).status == "rejected"
    assert Event.objects.filter(article=article, kind="seizure").count() == 1
    assert Event.objects.get(article=article, kind="seizure").pk == event.pk
    html = client.get(article.url).content.decode()
    assert "/en/kb/los-choneros/" not in html
    assert "/en/kb/guayaquil/" in html


@pytest.mark.django_db
def test_new_alias_is_used_on_next_link(kb, make_article):
    article = make_article("Carlos", TEXT)
    assert not Mention.objects.filter(article=article, entity=kb["ecuador"]).exists()
    Alias.objects.create(entity=kb["ecuador"], text="Ecuadorian", language="en")
    link(article)
    assert Mention.objects.get(article=article, entity=kb["ecuador"]).surface == "Ecuadorian"


@pytest.mark.django_db
def test_spanish_article_links_accentless_spelling(kb, make_article):
    article = make_article(
        "Cae el jefe",
        ["<p>El CARTEL DE SINALOA perdió a El Mayo; en mayo nadie lo esperaba.</p>"],
        language="es",
    )
    found = {m.entity.name: m.count for m in Mention.objects.filter(article=article)}
    assert found == {"Sinaloa Cartel": 1, "Ismael Zambada García": 1}


@pytest.mark.django_db
def test_periodic_job_relinks_old_articles_when_the_knowledge_base_changes(kb, make_article):
    from cronica.dossier import jobs
    from cronica.dossier.models import Entity

    article = make_article("Noboa", ["<p>Daniel Noboa spoke about Los Choneros.</p>"])
    assert jobs.relink_if_changed() >= 1
    assert jobs.relink_if_changed() == 0  # nothing changed since
    noboa = Entity.objects.create(kind="person", name="Daniel Noboa")
    assert jobs.relink_if_changed() >= 1
    assert Mention.objects.filter(article=article, entity=noboa).exists()


@pytest.mark.django_db
def test_relinking_an_unchanged_article_keeps_rows(kb, make_article):
    article = make_article("Haul", TEXT)
    before = (
        sorted(Mention.objects.filter(article=article).values_list("pk", flat=True)),
        sorted(Event.objects.filter(article=article).values_list("pk", flat=True)),
    )
    link(article)
    after = (
        sorted(Mention.objects.filter(article=article).values_list("pk", flat=True)),
        sorted(Event.objects.filter(article=article).values_list("pk", flat=True)),
    )
    assert before == after and before[1]
