"""Fixtures of the knowledge-base tests: a small knowledge base and articles to link."""

import pytest
from wagtail.rich_text import RichText


@pytest.fixture
def kb(db):
    """A few entities with aliases, a relation and places with a country."""
    from cronica.dossier.models import Alias, Entity, Relation

    def entity(kind, name, *aliases, **fields):
        item = Entity.objects.create(kind=kind, name=name, **fields)
        for alias in aliases:
            text, needs_context = (alias[0], True) if isinstance(alias, tuple) else (alias, False)
            Alias.objects.create(entity=item, text=text, needs_context=needs_context)
        return item

    made = {
        "ecuador": entity("place", "Ecuador", level="country", latitude=-1.8, longitude=-78.2),
        "spain": entity("place", "Spain", "España", level="country", latitude=40.4, longitude=-3.7),
        "choneros": entity("group", "Los Choneros", "Choneros"),
        "fito": entity("person", "José Adolfo Macías Villamar", "Fito", "Adolfo Macías"),
        "mayo": entity(
            "person",
            "Ismael Zambada García",
            "El Mayo",
            "Mayo Zambada",
            ("Mayo",),
            "Ismael Zambada",
        ),
        "sinaloa": entity("group", "Sinaloa Cartel", "Cártel de Sinaloa", "Cartel de Sinaloa"),
        "cjng": entity(
            "group", "Jalisco New Generation Cartel", "CJNG", "Cártel Jalisco Nueva Generación"
        ),
        "ovidio": entity("person", "Ovidio Guzmán López", "Ovidio Guzmán", ("Guzmán",)),
        "joaquin": entity("person", "Joaquín Guzmán López", "Joaquín Guzmán López", ("Guzmán",)),
        "chapitos": entity("group", "Los Chapitos", "Chapitos"),
    }
    made["algeciras"] = entity(
        "place", "Algeciras", level="city", parent=made["spain"], latitude=36.13, longitude=-5.45
    )
    made["guayaquil"] = entity(
        "place", "Guayaquil", level="city", parent=made["ecuador"], latitude=-2.19, longitude=-79.89
    )
    Relation.objects.create(subject=made["fito"], kind="leader_of", target=made["choneros"])
    Relation.objects.create(subject=made["mayo"], kind="leader_of", target=made["sinaloa"])
    Relation.objects.create(subject=made["ovidio"], kind="member_of", target=made["chapitos"])
    Relation.objects.create(subject=made["chapitos"], kind="faction_of", target=made["sinaloa"])
    return made


@pytest.fixture
def make_article(home):
    """Publishes an article with the given paragraphs (HTML) through Wagtail."""
    from cronica.news.models import ArticleByline, ArticlePage, Contributor

    writer, _ = Contributor.objects.get_or_create(pen_name="Tester")

    def make(title, paragraphs, language="en", slug=None):
        page = ArticlePage(
            title=title,
            slug=slug or None,
            language=language,
            body=[("paragraph", RichText(p)) for p in paragraphs],
        )
        page.bylines.add(ArticleByline(contributor=writer))
        home.add_child(instance=page)
        page.save_revision().publish()
        return ArticlePage.objects.get(pk=page.pk)

    return make
