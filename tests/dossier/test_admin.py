"""Editors manage the knowledge base in the Wagtail admin: entities with aliases and
relations, the links found (confirm or reject), events, and suggested new entities."""

import pytest

from cronica.dossier.models import Entity, Mention, Review


@pytest.mark.django_db
def test_editor_sees_every_knowledge_base_screen(editor_client, kb, make_article):
    make_article("Fito seen", ["<p>Fito and Carlos Andrade Pérez met Los Choneros.</p>"])
    for url in [
        "/admin/snippets/dossier/entity/",
        "/admin/snippets/dossier/entity/add/",
        f"/admin/snippets/dossier/entity/edit/{kb['fito'].pk}/",
        "/admin/snippets/dossier/mention/",
        "/admin/snippets/dossier/event/",
        "/admin/dossier_suggestions/",
    ]:
        assert editor_client.get(url).status_code == 200, url
    suggestions = editor_client.get("/admin/dossier_suggestions/").content.decode()
    assert "Carlos Andrade Pérez" in suggestions
    add = "/admin/snippets/dossier/entity/add/?name=Carlos%20Andrade%20P%C3%A9rez&kind=person"
    assert f'href="{add.replace("&", "&amp;")}"' in suggestions
    form = editor_client.get(add).content.decode()
    assert 'value="Carlos Andrade Pérez"' in form
    assert '<option value="person" selected>' in form


@pytest.mark.django_db
def test_editor_rejects_a_link(editor_client, kb, make_article):
    article = make_article("Fito seen", ["<p>Fito, leader of Los Choneros.</p>"])
    mention = Mention.objects.get(article=article, entity=kb["choneros"])
    response = editor_client.post(
        f"/admin/snippets/dossier/mention/edit/{mention.pk}/", {"status": "rejected"}
    )
    assert response.status_code == 302
    mention.refresh_from_db()
    assert mention.status == Review.REJECTED


@pytest.mark.django_db
def test_editor_creates_entity_with_alias_and_it_links(editor_client, kb, make_article):
    from cronica.dossier.linking import link

    article = make_article("Lobos", ["<p>Los Lobos fought Los Choneros in Guayaquil.</p>"])
    data = {
        "kind": "group",
        "status": "active",
        "name": "Los Lobos",
        "slug": "",
        "summary": "An Ecuadorian gang.",
        "summary_es": "",
        "level": "",
        "parent": "",
        "latitude": "",
        "longitude": "",
        "sources": "",
        "aliases-TOTAL_FORMS": "1",
        "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
        "aliases-0-text": "Lobos",
        "aliases-0-language": "",
        "aliases-0-needs_context": "on",
        "aliases-0-ORDER": "1",
        "aliases-0-id": "",
        "aliases-0-DELETE": "",
        "relations-TOTAL_FORMS": "1",
        "relations-INITIAL_FORMS": "0",
        "relations-MIN_NUM_FORMS": "0",
        "relations-MAX_NUM_FORMS": "1000",
        "relations-0-kind": "rival_of",
        "relations-0-target": str(kb["choneros"].pk),
        "relations-0-start": "",
        "relations-0-end": "",
        "relations-0-source": "",
        "relations-0-ORDER": "1",
        "relations-0-id": "",
        "relations-0-DELETE": "",
    }
    response = editor_client.post("/admin/snippets/dossier/entity/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    lobos = Entity.objects.get(name="Los Lobos")
    assert lobos.slug == "los-lobos"
    assert [a.text for a in lobos.aliases.all()] == ["Lobos"]
    assert lobos.relations.get().target == kb["choneros"]
    link(article)
    assert Mention.objects.filter(article=article, entity=lobos).exists()


@pytest.mark.django_db
def test_editor_confirms_and_rejects_in_bulk(editor_client, kb, make_article):
    from cronica.dossier.models import Event

    article = make_article(
        "Haul",
        ["<p>Police in Algeciras seized 2 tons of cocaine. Fito and Los Choneros were named.</p>"],
    )
    mentions = list(Mention.objects.filter(article=article).order_by("pk"))
    ids = "&".join(f"id={m.pk}" for m in mentions[:2])
    url = f"/admin/bulk/dossier/mention/reject/?{ids}&next=/admin/snippets/dossier/mention/"
    page = editor_client.get(url)
    assert page.status_code == 200 and "Reject" in page.content.decode()
    assert editor_client.post(url).status_code == 302
    statuses = [m.status for m in Mention.objects.filter(article=article).order_by("pk")]
    assert statuses[:2] == ["rejected", "rejected"]
    assert set(statuses[2:]) == {"suggested"}
    event = Event.objects.get(article=article, kind="seizure")
    form = editor_client.get(f"/admin/snippets/dossier/event/edit/{event.pk}/")
    assert form.status_code == 200 and "Police in Algeciras seized" in form.content.decode()
    assert (
        editor_client.get(f"/admin/snippets/dossier/mention/edit/{mentions[0].pk}/").status_code
        == 200
    )
    editor_client.post(f"/admin/bulk/dossier/event/confirm/?id={event.pk}")
    event.refresh_from_db()
    assert event.status == Review.CONFIRMED
