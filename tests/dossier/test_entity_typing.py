"""What names are without a knowledge base, and how long group names and country-bound
aliases link with one, on sentences written for these tests."""

import pytest

from cronica.dossier.extraction import extract
from cronica.dossier.gazetteer import EntityInfo, Gazetteer
from cronica.dossier.naming import unknown_names


def typed(text):
    return {item["name"]: item["type"] for item in unknown_names(text, [])}


@pytest.mark.parametrize(
    "text,name,kind",
    [
        (
            "The Drug Enforcement Administration said on Monday it had acted.",
            "Drug Enforcement Administration",
            "institution",
        ),
        (
            "Trucks wait at the Laredo International Bridge every morning.",
            "Laredo International Bridge",
            "place",
        ),
        (
            "The crew of the Coast Guard Cutter Stone unloaded the bales.",
            "Coast Guard Cutter Stone",
            "other",
        ),
        ('Los marinos inspeccionaron el buque "Santa Clara" en el muelle.', "Santa Clara", "other"),
        ("Officials said Port Director Maria Lopez, of Laredo, spoke.", "Maria Lopez", "person"),
        ("Attorney General Laura Smith announced the charges.", "Laura Smith", "person"),
        ("La portavoz del Ejército, Carla Méndez, confirmó el hallazgo.", "Carla Méndez", "person"),
        (
            "Personal de la Secretaría de la Defensa Nacional llegó al lugar.",
            "Secretaría de la Defensa Nacional",
            "institution",
        ),
        (
            "Los agentes llegaron a Baja California Sur por la tarde.",
            "Baja California Sur",
            "place",
        ),
        (
            "Los soldados patrullaron la Octava Región Naval durante meses.",
            "Octava Región Naval",
            "institution",
        ),
        (
            "The raid was part of Operation Blue Lantern, officials said.",
            "Operation Blue Lantern",
            "other",
        ),
    ],
)
def test_names_typed_from_evidence(text, name, kind):
    assert typed(text)[name] == kind


def test_datelines_headlines_and_sentence_starts_are_not_people():
    found = typed(
        "Customs Officers Seize Record Load At Border Crossing\n\n"
        "EL PASO, Texas — Officers at the Ysleta crossing found the load. "
        "Detiene Marina a tres personas en Oaxaca."
    )
    assert found.get("EL PASO") == "place"
    assert not any(kind == "person" for kind in found.values())


def test_customs_and_border_protection_is_one_institution():
    found = typed("Officers of U.S. Customs and Border Protection inspected the truck.")
    assert found == {"U.S. Customs and Border Protection": "institution"}


KB = [
    (1, "group", "", "Jalisco New Generation Cartel", ["CJNG"]),
    (2, "group", "", "Sinaloa Cartel", []),
    (3, "place", "region", "Sinaloa", []),
    (4, "place", "country", "Ecuador", []),
    (5, "institution", "", "Armed Forces of Ecuador", ["Fuerzas Armadas", "fuerzas armadas"]),
]


@pytest.fixture
def gazetteer():
    rows = [(i, text, False, "") for i, _k, _l, name, aliases in KB for text in [name, *aliases]]
    made = Gazetteer(rows, {})
    made.entities = {
        i: EntityInfo(i, name, kind, level, name.lower(), 4 if kind == "place" else None)
        for i, kind, level, name, _a in KB
    }
    return made


def known(text, gazetteer):
    return {
        (e["name"], e["type"]) for e in extract(text, gazetteer).as_json()["entities"] if e["known"]
    }


@pytest.mark.parametrize(
    "text",
    [
        "El cártel de Jalisco Nueva Generación controla la ruta.",
        "Agents tied the lab to the Jalisco cartel.",
        "Members of the Cartel Jalisco Nueva Generacion were charged.",
        "Prosecutors charged leaders of the Jalisco New Generation drug cartel.",
    ],
)
def test_long_group_names_link_to_the_group(text, gazetteer):
    assert known(text, gazetteer) == {("Jalisco New Generation Cartel", "group")}


def test_a_cartel_named_for_a_state_is_the_group_not_the_state(gazetteer):
    assert known("The Sinaloa drug cartel moved the shipment.", gazetteer) == {
        ("Sinaloa Cartel", "group")
    }
    assert ("Sinaloa", "place") in known("The shipment crossed Sinaloa by road.", gazetteer)


def test_country_bound_alias_does_not_link_across_countries(gazetteer):
    assert known("Las fuerzas armadas colombianas patrullan el río.", gazetteer) == set()
    assert known("Las Fuerzas Armadas ecuatorianas patrullan el río.", gazetteer) == {
        ("Armed Forces of Ecuador", "institution")
    }


def groups(text, gazetteer=None):
    """The groups an extraction reports, each as (name, known)."""
    found = extract(text, gazetteer or Gazetteer([], {})).as_json()["entities"]
    return {(e["name"], e["known"]) for e in found if e["type"] == "group"}


@pytest.mark.parametrize(
    "text,expected",
    [
        (  # a list after a gang word: every item is a group
            "Police blamed gangs such as Los Tiguerones, Los Fatales and Tren de Aragua.",
            {"Los Tiguerones", "Los Fatales", "Tren de Aragua"},
        ),
        (  # names with figures and hyphens, a list with articles
            "La pandilla Barrio 18 y la Mara Salvatrucha se disputan el penal.",
            {"Barrio 18", "Mara Salvatrucha"},
        ),
        ("Prosecutors said the MS-13 gang ran the scheme.", {"MS-13"}),
        ("The Tren de Aragua gang ran the scheme.", {"Tren de Aragua"}),
        ("Agents said the criminal group La Línea paid them.", {"La Línea"}),
        ("El sicario trabajaba para la facción de Los Mayos.", {"Los Mayos"}),
        (  # a capitalized Cártel whose region word the writer left in lower case
            "El laboratorio era del Cártel del golfo, según la fiscalía.",
            {"Cártel del golfo"},
        ),
        ("Members of the Gulf Cartel's armed wing were arrested.", {"Gulf Cartel"}),
    ],
)
def test_groups_named_by_the_words_around_them(text, expected):
    assert {name for name, _known in groups(text)} == expected


def test_a_gang_word_after_a_known_place_or_a_date_is_not_a_name(gazetteer):
    assert groups("A Sinaloa gang and the gang Tuesday were mentioned.", gazetteer) == set()
    assert groups("A Texas-based gang and a Honduras gang were mentioned.") == set()
    assert ("Sinaloa", "place") in known("A Sinaloa gang was mentioned.", gazetteer)


def test_a_known_group_in_a_list_links_to_it(gazetteer):
    text = "Gangs such as the CJNG, Los Fatales and Barrio 18 fought for the port."
    assert groups(text, gazetteer) == {
        ("Jalisco New Generation Cartel", True),
        ("Los Fatales", False),
        ("Barrio 18", False),
    }


def test_los_before_a_place_word_is_a_place_not_a_group():
    assert typed("The leaders met in Los Angeles on Tuesday.") == {"Los Angeles": "place"}
    assert typed("The attack was claimed by Los Fatales, police said.") == {"Los Fatales": "group"}
