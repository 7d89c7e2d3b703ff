"""The demo newsroom's knowledge base: the groups, people, places and institutions its
articles report on, written for cronica from public facts. ``load()`` creates or updates
them (looked up by name, so running it again changes nothing), links every published
article and confirms the events found in them, as the demo's editor would.

Entity spec: (kind, name, fields, aliases). An alias is a string, or a tuple
``(text, language, needs_context)``.
"""

from collections.abc import Iterable
from typing import Any, TextIO

from django.db import transaction
from django.db.models import QuerySet

from .linking import link
from .models import Alias, Entity, Event, Relation, Review

# An alias as the demo lists it: its text, or (text, language, needs_context).
AliasSpec = str | tuple[str, str, bool]

# (name, level, parent's name, latitude, longitude, aliases)
PLACES: list[tuple[str, str, str | None, float, float, list[AliasSpec]]] = [
    ("Ecuador", "country", None, -1.83, -78.18, ["República del Ecuador"]),
    ("Spain", "country", None, 40.42, -3.70, [("España", "", False)]),
    ("Mexico", "country", None, 23.63, -102.55, [("México", "", False)]),
    (
        "United States",
        "country",
        None,
        38.9,
        -77.04,
        [("Estados Unidos", "es", False), ("EE.UU.", "es", False), "U.S.", "US", "USA"],
    ),
    (
        "Netherlands",
        "country",
        None,
        52.37,
        4.90,
        [("Países Bajos", "es", False), ("Holanda", "es", False), "Holland"],
    ),
    ("Colombia", "country", None, 4.71, -74.07, []),
    ("Algeciras", "city", "Spain", 36.13, -5.45, []),
    ("Guayaquil", "city", "Ecuador", -2.19, -79.89, []),
    ("Manta", "city", "Ecuador", -0.95, -80.73, []),
    ("Quito", "city", "Ecuador", -0.18, -78.47, []),
    (
        "La Regional prison",
        "site",
        "Guayaquil",
        -2.07,
        -79.95,
        ["La Regional", ("cárcel La Regional", "es", False)],
    ),
    ("Rotterdam", "city", "Netherlands", 51.92, 4.48, []),
    ("Vlissingen", "city", "Netherlands", 51.44, 3.57, ["Flushing"]),
    ("El Paso", "city", "United States", 31.76, -106.49, []),
    ("Sinaloa", "region", "Mexico", 25.0, -107.5, []),
    ("Culiacán", "city", "Sinaloa", 24.81, -107.39, ["Culiacan"]),
    ("Jalisco", "region", "Mexico", 20.66, -103.35, []),
]

# (kind, name, fields, aliases)
ENTITIES: list[tuple[str, str, dict[str, Any], list[AliasSpec]]] = [
    (
        "group",
        "Los Choneros",
        {
            "status": "weakened",
            "summary": "Ecuadorian criminal group born in the 1990s in Chone, Manabí province; "
            "for years the country's dominant prison gang and a partner of Mexican "
            "traffickers in moving cocaine through Ecuador's ports.",
            "summary_es": "Grupo criminal ecuatoriano nacido en los años noventa en Chone, "
            "Manabí; durante años la principal banda carcelaria del país y socia "
            "de traficantes mexicanos en el envío de cocaína por los puertos.",
        },
        ["Choneros"],
    ),
    (
        "group",
        "Los Lobos",
        {
            "status": "active",
            "summary": "Ecuadorian gang that split from Los Choneros and became their main "
            "rival; it has been linked to illegal mining and to the CJNG.",
            "summary_es": "Banda ecuatoriana escindida de Los Choneros y hoy su principal "
            "rival; se la vincula con la minería ilegal y con el CJNG.",
        },
        [("Lobos", "", True)],
    ),
    (
        "group",
        "Sinaloa Cartel",
        {
            "status": "weakened",
            "summary": "Mexican trafficking organization based in Sinaloa, long led by Joaquín "
            "Guzmán Loera and Ismael Zambada; split by open war between factions "
            "after Zambada's arrest in 2024.",
            "summary_es": "Organización narcotraficante mexicana con base en Sinaloa, dirigida "
            "durante años por Joaquín Guzmán Loera e Ismael Zambada; dividida por "
            "la guerra entre facciones tras la detención de Zambada en 2024.",
        },
        [("Cártel de Sinaloa", "", False), "Cartel de Sinaloa", ("CDS", "", False)],
    ),
    (
        "group",
        "Los Chapitos",
        {
            "status": "active",
            "summary": "Faction of the Sinaloa Cartel led by sons of Joaquín Guzmán Loera, "
            "accused by US prosecutors of flooding the United States with fentanyl.",
            "summary_es": "Facción del Cártel de Sinaloa encabezada por hijos de Joaquín Guzmán "
            "Loera, acusada por fiscales de EE.UU. de inundar el país de fentanilo.",
        },
        ["Chapitos"],
    ),
    (
        "group",
        "Jalisco New Generation Cartel",
        {
            "status": "active",
            "summary": "Mexican cartel founded around 2010 and led by Nemesio Oseguera "
            'Cervantes, "El Mencho"; a rival of the Sinaloa Cartel with a presence '
            "across the Americas.",
            "summary_es": "Cártel mexicano fundado hacia 2010 y dirigido por Nemesio Oseguera "
            'Cervantes, "El Mencho"; rival del Cártel de Sinaloa con presencia en '
            "todo el continente.",
        },
        [
            ("Cártel Jalisco Nueva Generación", "", False),
            "Cartel Jalisco Nueva Generacion",
            ("CJNG", "", False),
            "Jalisco Cartel",
        ],
    ),
    (
        "person",
        "José Adolfo Macías Villamar",
        {
            "status": "extradited",
            "summary": 'Leader of Los Choneros, known as "Fito". He escaped from La Regional '
            "prison in Guayaquil in January 2024, was recaptured in Manta in June "
            "2025 and extradited to the United States in July 2025.",
            "summary_es": 'Líder de Los Choneros, conocido como "Fito". Se fugó de la cárcel '
            "La Regional de Guayaquil en enero de 2024, fue recapturado en Manta "
            "en junio de 2025 y extraditado a Estados Unidos en julio de 2025.",
        },
        [
            "Fito",
            "Adolfo Macías",
            "Adolfo Macías Villamar",
            "José Adolfo Macías",
            ("Macías", "", True),
        ],
    ),
    (
        "person",
        "Fernando Villavicencio",
        {
            "status": "deceased",
            "summary": "Ecuadorian journalist and presidential candidate who had denounced "
            "links between politics and organized crime; shot dead after a campaign "
            "rally in Quito on 9 August 2023.",
            "summary_es": "Periodista y candidato presidencial ecuatoriano que denunció los "
            "vínculos entre política y crimen organizado; asesinado a tiros tras un "
            "mitin en Quito el 9 de agosto de 2023.",
        },
        [("Villavicencio", "", True)],
    ),
    (
        "person",
        "Daniel Noboa",
        {
            "status": "active",
            "summary": "President of Ecuador since November 2023. In January 2024 he decreed an "
            '"internal armed conflict" and named gangs, Los Choneros and Los Lobos '
            "among them, as terrorist organizations.",
            "summary_es": "Presidente de Ecuador desde noviembre de 2023. En enero de 2024 "
            'decretó un "conflicto armado interno" y declaró organizaciones '
            "terroristas a bandas como Los Choneros y Los Lobos.",
        },
        ["Daniel Noboa Azín", ("Noboa", "", True)],
    ),
    (
        "person",
        "Ovidio Guzmán López",
        {
            "status": "extradited",
            "summary": "Son of Joaquín Guzmán Loera and a leader of Los Chapitos, known as "
            '"El Ratón"; arrested in Culiacán in January 2023 and extradited to the '
            "United States in September 2023.",
            "summary_es": "Hijo de Joaquín Guzmán Loera y uno de los líderes de Los Chapitos, "
            'apodado "El Ratón"; detenido en Culiacán en enero de 2023 y '
            "extraditado a Estados Unidos en septiembre de 2023.",
        },
        ["Ovidio Guzmán", "El Ratón", "El Raton", ("Ovidio", "", True), ("Guzmán", "", True)],
    ),
    (
        "person",
        "Joaquín Guzmán López",
        {
            "status": "detained",
            "summary": "Son of Joaquín Guzmán Loera and member of Los Chapitos; taken into US "
            "custody with Ismael Zambada in El Paso, Texas, in July 2024.",
            "summary_es": "Hijo de Joaquín Guzmán Loera e integrante de Los Chapitos; quedó bajo "
            "custodia de EE.UU. junto con Ismael Zambada en El Paso, Texas, en "
            "julio de 2024.",
        },
        [("Guzmán López", "", True), ("Guzmán", "", True)],
    ),
    (
        "person",
        "Ismael Zambada García",
        {
            "status": "detained",
            "summary": 'Co-founder of the Sinaloa Cartel, known as "El Mayo"; never arrested '
            "in five decades until he landed in El Paso, Texas, in July 2024.",
            "summary_es": 'Cofundador del Cártel de Sinaloa, conocido como "El Mayo"; nunca '
            "había sido detenido en cinco décadas hasta que aterrizó en El Paso, "
            "Texas, en julio de 2024.",
        },
        ["El Mayo", "Mayo Zambada", "Ismael Zambada", ("Mayo", "", True), ("Zambada", "", True)],
    ),
    (
        "person",
        "Joaquín Guzmán Loera",
        {
            "status": "detained",
            "summary": 'Former leader of the Sinaloa Cartel, "El Chapo"; serving a life '
            "sentence in the United States since 2019.",
            "summary_es": 'Exlíder del Cártel de Sinaloa, "El Chapo"; cumple cadena perpetua '
            "en Estados Unidos desde 2019.",
        },
        ["El Chapo", "Chapo Guzmán", ("Chapo", "", True)],
    ),
    (
        "person",
        "Nemesio Oseguera Cervantes",
        {
            "status": "fugitive",
            "summary": 'Founder and leader of the Jalisco New Generation Cartel, "El Mencho"; '
            "one of the most wanted men in Mexico and the United States.",
            "summary_es": 'Fundador y líder del Cártel Jalisco Nueva Generación, "El Mencho"; '
            "uno de los hombres más buscados de México y Estados Unidos.",
        },
        ["El Mencho", "Nemesio Oseguera", ("Mencho", "", True)],
    ),
    (
        "institution",
        "Drug Enforcement Administration",
        {
            "status": "active",
            "summary": "The United States federal drug enforcement agency.",
            "summary_es": "La agencia federal antidrogas de Estados Unidos.",
        },
        [("DEA", "", False)],
    ),
    (
        "institution",
        "US Department of Justice",
        {
            "status": "active",
            "summary": "The federal justice department of the United States, whose prosecutors "
            "charge extradited traffickers.",
            "summary_es": "El departamento de justicia federal de Estados Unidos, cuyos fiscales "
            "acusan a los narcotraficantes extraditados.",
        },
        ["Department of Justice", "Justice Department", ("Departamento de Justicia", "es", False)],
    ),
    (
        "institution",
        "Armed Forces of Ecuador",
        {
            "status": "active",
            "summary": "Ecuador's military, deployed against gangs under the 2024 internal "
            "armed conflict decree.",
            "summary_es": "Las fuerzas militares de Ecuador, desplegadas contra las bandas bajo "
            "el decreto de conflicto armado interno de 2024.",
        },
        [("Fuerzas Armadas", "es", False), "Ecuadorian military", "Ecuadorian Army"],
    ),
]

RELATIONS = [
    ("José Adolfo Macías Villamar", "leader_of", "Los Choneros"),
    ("Los Lobos", "rival_of", "Los Choneros"),
    ("Los Lobos", "allied_with", "Jalisco New Generation Cartel"),
    ("Los Choneros", "allied_with", "Sinaloa Cartel"),
    ("Los Choneros", "based_in", "Ecuador"),
    ("Los Lobos", "based_in", "Ecuador"),
    ("Los Chapitos", "faction_of", "Sinaloa Cartel"),
    ("Ovidio Guzmán López", "member_of", "Los Chapitos"),
    ("Joaquín Guzmán López", "member_of", "Los Chapitos"),
    ("Ismael Zambada García", "leader_of", "Sinaloa Cartel"),
    ("Joaquín Guzmán Loera", "leader_of", "Sinaloa Cartel"),
    ("Nemesio Oseguera Cervantes", "leader_of", "Jalisco New Generation Cartel"),
    ("Jalisco New Generation Cartel", "rival_of", "Sinaloa Cartel"),
    ("Sinaloa Cartel", "based_in", "Sinaloa"),
    ("Jalisco New Generation Cartel", "based_in", "Jalisco"),
    ("Sinaloa Cartel", "operates_in", "Ecuador"),
    ("Jalisco New Generation Cartel", "operates_in", "Ecuador"),
]


def _alias_spec(alias: AliasSpec) -> tuple[str, str, bool]:
    return alias if isinstance(alias, tuple) else (alias, "", False)


def _entity(kind: str, name: str, fields: dict[str, Any], aliases: Iterable[AliasSpec]) -> Entity:
    entity = Entity.objects.filter(name=name).first()
    if entity is None:
        entity = Entity.objects.create(kind=kind, name=name, **fields)
    for text, language, needs_context in map(_alias_spec, aliases):
        Alias.objects.get_or_create(
            entity=entity,
            text=text,
            defaults={"language": language, "needs_context": needs_context},
        )
    return entity


@transaction.atomic
def build_knowledge_base() -> dict[str, Entity]:
    made: dict[str, Entity] = {}
    for name, level, parent, lat, lon, aliases in PLACES:
        made[name] = _entity(
            "place",
            name,
            {
                "level": level,
                "parent": made.get(parent) if parent is not None else None,
                "latitude": lat,
                "longitude": lon,
                "status": "active",
            },
            aliases,
        )
    for kind, name, fields, aliases in ENTITIES:
        made[name] = _entity(kind, name, fields, aliases)
    for subject, kind, target in RELATIONS:
        Relation.objects.get_or_create(subject=made[subject], kind=kind, target=made[target])
    return made


def confirm_demo_events(articles: QuerySet) -> int:
    """What the demo's editor would confirm: each seizure once (several articles report
    the same haul), and dated arrests, extraditions and rewards naming a person or group.
    Only the demo's own articles: a real site's suggestions wait for a real editor."""
    confirmed = Event.objects.filter(article__in=articles, status=Review.CONFIRMED)
    seen = {(e.drug, e.kg, e.country_id) for e in confirmed if e.kind == Event.Kind.SEIZURE}
    count = 0
    suggested = Event.objects.filter(article__in=articles, status=Review.SUGGESTED).order_by(
        "article__first_published_at", "pk"
    )
    for event in suggested:
        if event.kind == Event.Kind.SEIZURE:
            if event.role != Event.Role.REPORT:
                continue  # a restatement or a total is shown with its seizures, not counted
            key = (event.drug, event.kg, event.country_id)
            if key in seen:
                continue
            seen.add(key)
        elif event.kind == Event.Kind.KILLING or not (
            event.occurred_on and event.entities.exists()
        ):
            continue  # who killed whom is for a person to read, even in a demo
        event.status = Review.CONFIRMED
        event.save(update_fields=["status"])
        count += 1
    return count


def load(stdout: TextIO) -> None:
    from cronica.news.demo.content import ARTICLES
    from cronica.news.models import ArticlePage

    made = build_knowledge_base()
    demo_articles = ArticlePage.objects.live().filter(slug__in=[a["slug"] for a in ARTICLES])
    linked = 0
    for article in demo_articles:
        link(article)
        linked += 1
    confirmed = confirm_demo_events(demo_articles)
    stdout.write(
        f"Demo knowledge base: {len(made)} entities, {linked} articles linked, "
        f"{confirmed} events confirmed."
    )
