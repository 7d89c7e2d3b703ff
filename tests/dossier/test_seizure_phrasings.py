"""Each class of phrasing the seizure reader must handle, on sentences written for these
tests (not taken from the development set of real articles), in English and Spanish."""

import pytest

from cronica.dossier.extraction import extract
from cronica.dossier.gazetteer import Gazetteer
from cronica.dossier.quantities import counts, quantities

LB = 0.45359237


def seizures(text):
    return extract(text, Gazetteer([])).as_json()["seizures"]


def ledger(text):
    return [
        (s["drug"], s["kg"], s["count"], s["unit"]) for s in seizures(text) if s["role"] == "report"
    ]


def approx(rows):
    return [(d, pytest.approx(kg, rel=1e-3) if kg else kg, n, u) for d, kg, n, u in rows]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Agents seized 120 kilograms of fentanyl pills, 4.1 kilograms of fentanyl powder, "
            "37 kilograms of methamphetamine, 2 kilograms of cocaine, and 1.5 kilograms of heroin.",
            [
                ("fentanyl", 120, None, None),
                ("fentanyl", 4.1, None, None),
                ("methamphetamine", 37, None, None),
                ("cocaine", 2, None, None),
                ("heroin", 1.5, None, None),
            ],
        ),
        (
            "Los militares aseguraron 80 kilos de metanfetamina, 12 kilos y 40 mil pastillas "
            "de fentanilo y 300 kilos de precursores químicos.",
            [
                ("methamphetamine", 80, None, None),
                ("fentanyl", 12, None, None),
                ("fentanyl", None, 40000, "pills"),
                ("precursors", 300, None, None),
            ],
        ),
    ],
)
def test_every_item_of_a_list(text, expected):
    assert ledger(text) == approx(expected)


@pytest.mark.parametrize(
    "text,drug,kg",
    [
        ("The crew offloaded 5,000 pounds of cocaine in Miami.", "cocaine", 5000 * LB),
        ("An X-ray revealed 90 kilograms of methamphetamine.", "methamphetamine", 90),
        ("Inspectors found the heroin weighing 12 kilograms in a spare tire.", "heroin", 12),
        ("Guardacostas interceptaron 700 kilos de cocaína.", "cocaine", 700),
        ("Los agentes aseguraron 35 kilos de marihuana.", "marijuana", 35),
        ("La Marina incautó 2 toneladas de cocaína.", "cocaine", 2000),
        ("Soldados decomisaron 60 kilos de metanfetamina.", "methamphetamine", 60),
        ("Policías localizaron 18 kilos de heroína en una casa.", "heroin", 18),
        ("Se realizó el aseguramiento de 250 kilos de cocaína.", "cocaine", 250),
        ("Police announced a seizure of 3 tonnes of cocaine.", "cocaine", 3000),
        ("Fueron decomisados 15 kilos de cocaína en el aeropuerto.", "cocaine", 15),
    ],
)
def test_verbs_frames_passive_and_nominal(text, drug, kg):
    assert ledger(text) == approx([(drug, kg, None, None)])


def test_packages_weighing_are_one_seizure_counted_in_packages():
    text = "Officers discovered 40 packages weighing 52 kilograms of heroin."
    assert ledger(text) == [("heroin", 52.0, 40, "packages")]


def test_drug_and_weight_in_two_sentences():
    text = (
        "Los agentes hallaron bultos de polvo blanco con características de cocaína. "
        "El cargamento pesa 410 kg y fue trasladado a la base naval."
    )
    assert ledger(text) == [("cocaine", 410.0, None, None)]


@pytest.mark.parametrize(
    "written,kg",
    [
        ("2 350 kilogramos", 2350),
        ("mil 450 kilos", 1450),
        ("3 mil 700 kilos", 3700),
        ("dos toneladas y cuarenta kilos", 2040),
        ("318.250 gramos", 318.25),
        ("doscientos cincuenta kilos", 250),
        ("441 kilogramos 998 gramos", 441.998),
        ("1,500 pounds (680 kg)", 680),
        ("24 ounces", 24 * 0.028349523125),
    ],
)
def test_numbers_as_written(written, kg):
    [found] = quantities(f"Se aseguraron {written} de cocaína.")
    assert found.kg == pytest.approx(kg, rel=1e-3)  # kept to the gram


def test_us_tons_are_short_tons_where_the_text_counts_in_pounds():
    text = (
        "The Coast Guard offloaded 10,400 pounds of cocaine on Monday. "
        "The 5.2 tons of cocaine were seized in the Caribbean."
    )
    rows = seizures(text)
    assert [r["role"] for r in rows] == ["report", "restatement"]
    assert rows[1]["kg"] == pytest.approx(5.2 * 907.18474)


@pytest.mark.parametrize(
    "written,number,unit",
    [
        ("medio millón de pastillas", 500000, "pills"),
        ("1.2 million counterfeit pills", 1200000, "pills"),
        ("3,400 packages", 3400, "packages"),
        ("600 ladrillos", 600, "bricks"),
        ("2 millones de dosis", 2000000, "doses"),
        ("veinte mil pastillas", 20000, "pills"),
    ],
)
def test_counts_are_kept_as_counts(written, number, unit):
    [found] = counts(f"Encontraron {written} ocultos.")
    assert (found.number, found.unit) == (number, unit)


def test_counts_without_weight_are_seizures_and_with_weight_are_details():
    assert ledger("La Guardia Nacional aseguró medio millón de pastillas de fentanilo.") == [
        ("fentanyl", None, 500000, "pills")
    ]
    rows = seizures("Agents found 210 bricks of cocaine weighing 230 kilograms inside the trailer.")
    reports = [r for r in rows if r["role"] == "report"]
    assert [(r["drug"], r["kg"], r["count"], r["unit"]) for r in reports] == [
        ("cocaine", 230.0, 210, "bricks")
    ]


@pytest.mark.parametrize(
    "text,kept,kinds",
    [
        (
            "Navy seizes 2.2 tons of cocaine\n\n"
            "The navy seized 2,187 kilograms of cocaine from a fishing boat on Friday.",
            2187,
            ["restatement", "report"],
        ),
        (
            "La policía incautó 900 kilos de cocaína en el puerto. En lo que va del año, "
            "la institución acumula 31 toneladas de cocaína decomisadas.",
            900,
            ["report", "aggregate"],
        ),
        (
            "Customs seized 75 kilograms of heroin. So far this year, officers have seized "
            "1,200 kilograms of heroin at the border.",
            75,
            ["report", "aggregate"],
        ),
        (
            "The Coast Guard offloaded 12,000 pounds of cocaine seized in three interdictions. "
            "The first netted 5,000 pounds of cocaine, the second 4,000 pounds of cocaine "
            "and the third 3,000 pounds of cocaine.",
            None,
            ["aggregate", "report", "report", "report"],
        ),
    ],
)
def test_restatements_and_aggregates_are_linked_not_added(text, kept, kinds):
    rows = seizures(text)
    assert [r["role"] for r in rows] == kinds
    for row in rows:
        if row["role"] != "report":
            assert row["parts"] or row["role"] == "aggregate"
    if kept is not None:
        assert [r["kg"] for r in rows if r["role"] == "report"] == [kept]


def test_a_total_links_the_seizures_it_sums():
    rows = seizures(
        "The Coast Guard offloaded 12,000 pounds of cocaine seized in three interdictions. "
        "The first netted 5,000 pounds of cocaine, the second 4,000 pounds of cocaine "
        "and the third 3,000 pounds of cocaine."
    )
    assert rows[0]["role"] == "aggregate"
    assert sorted(rows[0]["parts"]) == [1, 2, 3]


@pytest.mark.parametrize(
    "text",
    [
        "Police seized 1,350 kg of narcotics (meth, marijuana, cocaine) in the raid.",
        "Los agentes incautaron 800 kilos de cocaína y marihuana en la bodega.",
        "Officers seized 600 pounds of drugs at the crossing.",
    ],
)
def test_generic_and_mixed_loads_are_not_one_drug(text):
    [row] = [r for r in seizures(text) if r["role"] == "report"]
    assert row["drug"] == ""


@pytest.mark.parametrize(
    "text",
    [
        "Wholesale cocaine sells for 30,000 euros a kilo in Europe.",
        "Se hallaron 400 paquetes de cocaína de un kilo cada uno.",
        "Los agentes aseguraron 275 kilos de fertilizante en el rancho.",
        "La Policía destruyó 4 toneladas de marihuana por orden judicial.",
    ],
)
def test_not_seizure_weights(text):
    assert [r for r in seizures(text) if r["kg"] is not None and r["role"] == "report"] == []


def test_a_headline_without_full_stop_restates_the_body():
    rows = seizures(
        "Interceptan lancha con más de tres toneladas de cocaína\n"
        "La Marina interceptó una lancha con 3.201 kilogramos de cocaína.\n"
        "Los detenidos fueron llevados a puerto. La prueba dio positivo para 3.201 "
        "kilogramos de cocaína."
    )
    assert [(r["role"], r["kg"], r["parts"]) for r in rows] == [
        ("restatement", 3000.0, [1]),
        ("report", 3201.0, []),
        ("restatement", 3201.0, [1]),
    ]


def test_a_line_wrapped_mid_sentence_is_not_a_headline():
    """Text wrapped at a fixed width has long lines; a headline is short (14 words
    at most)."""
    from cronica.dossier.sentences import sentences

    text = (
        "The United States later offered a reward of up to five million dollars for news "
        "on Carlos\nAndrade Pérez, police said."
    )
    assert [s for _start, s in sentences(text)] == [text]
