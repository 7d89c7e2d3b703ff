"""Quantity and money normalization: the phrasings reporters use, in both languages."""

import pytest

from cronica.dossier.quantities import money, parse_number, quantities

TON = 1000.0
LB = 0.45359237

WEIGHTS = [
    # English
    ("Police seized 9.5 tons of cocaine", 9.5 * TON, "", "9.5 tons"),
    ("a record 9.5-ton cocaine haul", 9.5 * TON, "", "9.5-ton"),
    ("about 8 tonnes of cocaine", 8 * TON, "about", "about 8 tonnes"),
    ("over 1,200 kilos of cocaine", 1200, "more_than", "over 1,200 kilos"),
    ("more than 3.2 metric tons", 3200, "more_than", "more than 3.2 metric tons"),
    ("nearly 600 kilograms", 600, "nearly", "nearly 600 kilograms"),
    ("almost 2 tons", 2 * TON, "nearly", "almost 2 tons"),
    ("roughly 40 kg of fentanyl", 40, "about", "roughly 40 kg"),
    ("some 300 pounds of meth", 300 * LB, "about", "some 300 pounds"),
    ("at least 12,000 pounds", 12000 * LB, "at_least", "at least 12,000 pounds"),
    ("up to 500 lbs", 500 * LB, "up_to", "up to 500 lbs"),
    ("nine tons of cocaine", 9 * TON, "", "nine tons"),
    ("half a ton of cocaine", 500, "", "half a ton"),
    ("2 million pounds of marijuana", 2e6 * LB, "", "2 million pounds"),
    ("an estimated 4 tons", 4 * TON, "about", "an estimated 4 tons"),
    ("approximately 750 grams of heroin", 0.75, "about", "approximately 750 grams"),
    ("just under 3 tonnes", 3 * TON, "nearly", "just under 3 tonnes"),
    ("in excess of 20 kilos", 20, "more_than", "in excess of 20 kilos"),
    ("1,234.5 kg", 1234.5, "", "1,234.5 kg"),
    ("close to 7 tons", 7 * TON, "nearly", "close to 7 tons"),
    ("around 100 kilogrammes", 100, "about", "around 100 kilogrammes"),
    # Spanish
    ("más de 8 toneladas de cocaína", 8 * TON, "more_than", "más de 8 toneladas"),
    ("casi 9,5 toneladas métricas", 9.5 * TON, "nearly", "casi 9,5 toneladas métricas"),
    ("1.200 kilogramos de cocaína", 1200, "", "1.200 kilogramos"),
    ("unas 300 libras de metanfetamina", 300 * LB, "about", "unas 300 libras"),
    ("media tonelada de marihuana", 500, "", "media tonelada"),
    ("una tonelada de cocaína", 1 * TON, "", "una tonelada"),
    ("alrededor de 2,5 toneladas", 2.5 * TON, "about", "alrededor de 2,5 toneladas"),
    ("al menos 40 kilos", 40, "at_least", "al menos 40 kilos"),
    ("por lo menos 15 kg", 15, "at_least", "por lo menos 15 kg"),
    ("hasta 600 kilos", 600, "up_to", "hasta 600 kilos"),
    ("cerca de 3 toneladas", 3 * TON, "nearly", "cerca de 3 toneladas"),
    ("aproximadamente 1.5 toneladas", 1.5 * TON, "about", "aproximadamente 1.5 toneladas"),
    ("poco más de 700 kilos", 700, "more_than", "poco más de 700 kilos"),
    ("MÁS DE 2 TONELADAS", 2 * TON, "more_than", "MÁS DE 2 TONELADAS"),
    ("nueve toneladas", 9 * TON, "", "nueve toneladas"),
    ("250 gramos de heroína", 0.25, "", "250 gramos"),
    ("1.234,5 kilos", 1234.5, "", "1.234,5 kilos"),
    ("dos millones de libras", 2e6 * LB, "", "dos millones de libras"),
]

MONEY = [
    ("worth $160 million", 160e6, "$160 million"),
    ("valued at US$1.2 billion", 1.2e9, "US$1.2 billion"),
    ("a $5,000,000 reward", 5e6, "$5,000,000"),
    ("5 million dollars", 5e6, "5 million dollars"),
    ("$10m in cash", 10e6, "$10m"),
    ("USD 3 million", 3e6, "USD 3 million"),
    ("$250,000", 250000, "$250,000"),
    ("160 millones de dólares", 160e6, "160 millones de dólares"),
    ("3 mil millones de dólares", 3e9, "3 mil millones de dólares"),
    ("un millón de dólares", 1e6, "un millón de dólares"),
    ("25 mdd", 25e6, "25 mdd"),
    ("1,5 millones de dólares", 1.5e6, "1,5 millones de dólares"),
    ("US$ 15 millones", 15e6, "US$ 15 millones"),
]


@pytest.mark.parametrize("text,kg,qualifier,written", WEIGHTS)
def test_weight_normalized_to_kilograms(text, kg, qualifier, written):
    [found] = quantities(text)
    assert found.kg == pytest.approx(kg, abs=1e-3)  # kept to the gram
    assert found.qualifier == qualifier
    assert found.text == written


@pytest.mark.parametrize("text,usd,written", MONEY)
def test_money_in_dollars(text, usd, written):
    [found] = money(text)
    assert found.usd == pytest.approx(usd)
    assert found.text == written


def test_at_least_forty_phrasings_in_both_languages():
    assert len(WEIGHTS) + len(MONEY) >= 40
    assert sum("é" in t or "á" in t or " de " in t for t, *_ in WEIGHTS + MONEY) >= 15


@pytest.mark.parametrize(
    "text",
    [
        "$200 pesos",
        "500 euros",
        "3 millones de pesos",
        "the 1990s",
        "tons of questions",
        "Kilo Squad",
    ],
)
def test_not_a_dollar_sum_or_weight(text):
    assert money(text) == []
    assert quantities(text) == []


@pytest.mark.parametrize(
    "written,value",
    [
        ("9.5", 9.5),
        ("9,5", 9.5),
        ("1,200", 1200),
        ("1.200", 1200),
        ("1.234.567", 1234567),
        ("1,234,567.25", 1234567.25),
        ("nine", 9),
    ],
)
def test_parse_number(written, value):
    assert parse_number(written) == value
