"""Profanity aimed at nobody is not abuse; aimed at someone it is; and swearing never
hides a threat or doxxing (cronica/screening/target.py)."""

import pytest

from cronica.screening import target
from cronica.screening.scoring import score

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "qué pinche desmadre",
        "this is fucking awful",
        "frustration can be a bitch",
        "puta madre, otra vez sin luz en toda la colonia",
        "Holy shit, three checkpoints on the way to Reynosa today",
        "no mames, ya van cinco balaceras esta semana",
        "what a fucking mess at the border crossing this morning",
        "Está de la verga el tráfico en el puente internacional",
    ],
)
def test_profanity_aimed_at_nobody_is_not_abuse(text):
    scores = score(text)
    assert scores.abuse < 0.5, scores
    assert not target.directed(text)


@pytest.mark.parametrize(
    "text",
    [
        "you are a fucking idiot",
        "fuck you and your blog",
        "shut the fuck up, bitch",
        "eres una pinche mierda",
        "pinche reportero vendido",
        "este wey es un pinche pendejo",
        "@reportero27 chinga tu madre",
        "Eres un cabrón de mierda",
    ],
)
def test_profanity_aimed_at_someone_stays_abuse(text):
    assert target.directed(text)
    assert score(text).abuse >= 0.5


@pytest.mark.parametrize(
    "text,label",
    [
        ("fucking hell, we know where you live, watch your back", "threat"),
        ("qué pinche desmadre, ya sabemos dónde vives", "threat"),
        ("shit, this reporter will pay, we will find you", "threat"),
        ("puta madre, el soplón vive en Calle Hidalgo #245, su cel es 81 1234 5678", "doxxing"),
        ("damn, this is the guy who talked, his number is 915-555-0199", "doxxing"),
    ],
)
def test_swearing_never_hides_a_threat_or_doxxing(text, label):
    assert getattr(score(text), label) >= 0.5


@pytest.mark.parametrize(
    "text,aimed",
    [
        ("eres una pinche mierda", "addressed"),
        ("you are a fucking idiot", "addressed"),
        ("@reportero27 qué pinche nota", "addressed"),
        ("pinche reportero vendido", "pointed"),
        ("Mi mamá piensa que soy una puta mierda", None),
        ("qué pinche desmadre", None),
        ("Eres un cabrón para investigar, compa", None),  # "cabrón" names a person: a noun
    ],
)
def test_the_model_sees_whom_the_swearing_is_aimed_at(text, aimed):
    """A feature of the model (features.py): swearing at the reader, at someone pointed
    at, or at nobody (oneself included) are three different things."""
    assert target.profanity_target(text) == aimed


def test_an_insult_that_names_its_target_needs_no_address():
    """Insults that are nouns for a person are not profanity: they keep their weight."""
    assert not target.profane("pendejo vendido") and score("pendejo vendido").abuse >= 0.5


@pytest.mark.parametrize("text", ["Come mierda, gringo.", "hijo de puta vendido"])
def test_an_insult_made_of_profanity_is_abuse_without_an_address(text):
    assert not target.directed(text) and score(text).abuse >= 0.5
