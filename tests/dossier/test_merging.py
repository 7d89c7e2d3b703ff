"""One event reported by two articles is one event with two sources, shown once on a
profile, its timeline and in the ledger; totals and restatements never enter the ledger.
Through the real parts: articles published in Wagtail, linked by the background task."""

import pytest

from cronica.dossier import ledger, profiles
from cronica.dossier.models import Event, Review

FIRST = [
    "<p>Police in Algeciras found 2,300 kilos of cocaine hidden in boxes of bananas on "
    "March 3, 2024. The container had come from Guayaquil.</p>",
    "<p>Police also arrested José Adolfo Macías Villamar in Algeciras on March 3, 2024.</p>",
]
SECOND = [
    "<p>La policía española halló 2.300 kilos de cocaína ocultos entre cajas de banano en "
    "Algeciras el 4 de marzo de 2024.</p>",
    "<p>José Adolfo Macías Villamar fue arrestado en Algeciras el 4 de marzo de 2024.</p>",
    "<p>En lo que va del año, la policía acumula 31 toneladas de cocaína decomisadas.</p>",
]


def confirm(*articles):
    Event.objects.filter(article__in=articles).update(status=Review.CONFIRMED)


@pytest.mark.django_db
def test_the_same_seizure_and_arrest_in_two_articles_are_one_event(kb, make_article):
    first = make_article("Cocaine found in Algeciras", FIRST)
    second = make_article("Cocaína en Algeciras", SECOND, language="es")
    seizure_1 = Event.objects.get(article=first, kind="seizure", role="report")
    seizure_2 = Event.objects.get(article=second, kind="seizure", role="report")
    assert seizure_2.same_as == seizure_1 and seizure_1.same_as is None
    profiles.attach_sources([seizure_1, seizure_2])
    assert seizure_1.shown_sources == [first, second] == seizure_2.shown_sources
    arrest_1 = Event.objects.get(article=first, kind="arrest")
    arrest_2 = Event.objects.get(article=second, kind="arrest")
    assert arrest_2.same_as == arrest_1

    confirm(first, second)
    fito = profiles.profile(kb["fito"])
    arrests = [e for e in fito.events if e.kind == "arrest"]
    assert arrests == [arrest_1]  # once, not once per article
    assert [item for item in fito.timeline() if item[1] == "event"] == [
        (arrest_1.date, "event", arrest_1)
    ]
    algeciras = profiles.profile(kb["algeciras"])
    assert [e for e in algeciras.events if e.kind == "seizure"] == [seizure_1]


@pytest.mark.django_db
def test_a_report_of_another_seizure_is_not_merged(kb, make_article):
    first = make_article("Cocaine found in Algeciras", FIRST)
    other = make_article(
        "Another haul",
        ["<p>Police in Algeciras found 900 kilos of cocaine on March 3, 2024.</p>"],
    )
    assert Event.objects.get(article=other, kind="seizure").same_as is None
    assert Event.objects.get(article=first, kind="seizure").same_as is None


@pytest.mark.django_db
def test_totals_and_duplicates_never_enter_the_ledger_twice(kb, make_article):
    first = make_article("Cocaine found in Algeciras", FIRST)
    second = make_article("Cocaína en Algeciras", SECOND, language="es")
    total = Event.objects.get(article=second, kind="seizure", role="aggregate")
    assert total.kg == 31000
    confirm(first, second)  # an editor confirming everything at once
    rows = list(ledger.confirmed_seizures())
    assert [(e.kg, e.article_id) for e in rows] == [(2300.0, first.pk)]
    assert total not in rows


@pytest.mark.django_db
def test_a_restatement_is_linked_to_the_seizure_it_repeats(kb, make_article):
    article = make_article(
        "Police seize 2.3 tons of cocaine in Algeciras",
        ["<p>Police in Algeciras found 2,300 kilos of cocaine in a container.</p>"],
    )
    restatement = Event.objects.get(article=article, role="restatement")
    report = Event.objects.get(article=article, role="report")
    assert list(restatement.parts.all()) == [report]
    confirm(article)
    assert list(ledger.confirmed_seizures()) == [report]


@pytest.mark.django_db
def test_a_rejected_report_is_never_a_merge_target(kb, make_article):
    first = make_article("Cocaine found in Algeciras", FIRST)
    Event.objects.filter(article=first).update(status=Review.REJECTED)
    second = make_article("Cocaína en Algeciras", SECOND, language="es")
    assert Event.objects.get(article=second, kind="seizure", role="report").same_as is None


@pytest.mark.django_db
def test_the_profile_page_lists_every_source_of_a_merged_event(client, kb, make_article):
    first = make_article("Cocaine found in Algeciras", FIRST)
    second = make_article("Cocaína en Algeciras", SECOND, language="es")
    third = make_article(
        "Another haul",
        ["<p>Police in Algeciras found 900 kilos of cocaine on March 3, 2024.</p>"],
    )
    confirm(first, second, third)
    html = client.get(kb["algeciras"].get_absolute_url()).content.decode()
    events = html.split('class="kb-events"', 1)[1].split("</section>", 1)[0]
    items = events.split('<li class="kb-event ')[1:]
    merged = next(i for i in items if "2,300" in i or "2300" in i)
    assert first.url in merged and second.url in merged
    other = next(i for i in items if "900" in i)
    assert third.url in other and first.url not in other and second.url not in other


@pytest.mark.django_db
def test_a_source_that_is_not_published_is_not_listed(client, kb, make_article):
    first = make_article("Cocaine found in Algeciras", FIRST)
    second = make_article("Cocaína en Algeciras", SECOND, language="es")
    confirm(first, second)
    second.unpublish()
    html = client.get(kb["algeciras"].get_absolute_url()).content.decode()
    events = html.split('class="kb-events"', 1)[1].split("</section>", 1)[0]
    assert first.url in events and second.title not in events
    api = client.get(f"/en/kb/api/entities/{kb['algeciras'].slug}/").json()
    (seizure,) = [e for e in api["events"] if e["type"] == "seizure"]
    assert len(seizure["sources"]) == 1 and seizure["sources"][0].endswith(first.url)


@pytest.mark.django_db
def test_the_ledger_shows_a_merged_report_when_the_first_one_is_not_published(kb, make_article):
    """The ledger asks per event whether its article (and the first report's) is live and
    outside every private section: the same articles as ``live().public()``."""
    from wagtail.models import PageViewRestriction

    first = make_article("Cocaine found in Algeciras", FIRST)
    second = make_article("Cocaína en Algeciras", SECOND, language="es")
    confirm(first, second)
    seizure_1 = Event.objects.get(article=first, kind="seizure", role="report")
    seizure_2 = Event.objects.get(article=second, kind="seizure", role="report")
    assert list(ledger.confirmed_seizures()) == [seizure_1]

    restriction = PageViewRestriction.objects.create(page=first, restriction_type="login")
    assert list(ledger.confirmed_seizures()) == [seizure_2]  # the first is private
    restriction.delete()
    first.unpublish()
    assert list(ledger.confirmed_seizures()) == [seizure_2]  # the first is not live
    second.unpublish()
    assert list(ledger.confirmed_seizures()) == []
