"""Spanish through the real ``score()``: greetings, questions and warm Mexican slang are
left alone, while Spanish insults and hate score; and the openly licensed Spanish sets
(docs/screening-data.md) are split so that no held-out case could be a training case.

A bare "hola" was abuse (0.75: Davidson's tweets have "holla" and "ho") until Tatoeba's
Spanish sentences were trained on as negatives. The shipped model still misses hate that
carries no lexicon word: a strict expected failure, so it is noticed the day it passes."""

import pytest

from cronica.screening import corpora
from cronica.screening.scoring import score

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "hola",
        "Hola",
        "hola a todos",
        "Hola, ¿cómo están?",
        "Buenos días desde Culiacán",
        "gracias por informar",
        "¿A qué hora sale la nota completa?",
        "¿Dónde puedo leer el reportaje?",
        "¿Alguien sabe si ya abrieron la carretera a Mazatlán?",
        "¿Cuándo publican la segunda parte?",
        "qué chingón reportaje, felicidades",
        "no mames, qué buena nota",
        "órale, está bien perro el calor",
        "ese cabrón sí sabe de lo que habla",
    ],
)
def test_everyday_spanish_is_not_held(text):
    scores = score(text)
    assert scores.abuse < 0.5 and scores.threat < 0.3, scores
    assert scores.spam < 0.3 and scores.doxxing < 0.3, scores


@pytest.mark.parametrize(
    "text",
    [
        "eres un pendejo de mierda",
        pytest.param(
            "Los inmigrantes son una plaga, hay que echarlos a todos.",
            marks=pytest.mark.xfail(strict=True, reason="hate without a lexicon word"),
        ),
        "Odio a las mujeres, son basura.",
    ],
)
def test_spanish_insults_and_hate_are_abuse(text):
    assert score(text).abuse >= 0.5


def test_hatecheck_is_held_out_by_template_and_tatoeba_is_benign():
    splits = corpora.spanish_splits()
    train, test = splits["hatecheck-es"]
    cases = train + test
    assert len(cases) > 3000 and 0.2 < len(test) / len(cases) < 0.4
    assert not {i["template"] for i in train} & {i["template"] for i in test}
    assert not {i["text"] for i in train} & {i["text"] for i in test}
    # HateCheck teaches abuse only; its held-out part keeps what it says about spam.
    assert all(i["threat"] is i["spam"] is i["doxxing"] is None for i in train)
    assert {i["abuse"] for i in train} == {True, False, None}
    train, test = splits["tatoeba-es"]
    assert len(train) + len(test) > 3000 and not {i["text"] for i in train} & {
        i["text"] for i in test
    }
    assert all(not any(i[label] for label in corpora.LABELS) for i in train + test)
    # Every training sentence is an abuse negative; a few are threat negatives.
    assert all(i["abuse"] is False for i in train)
    threat_negatives = sum(i["threat"] is False for i in train)
    assert 0 < threat_negatives < 0.07 * len(train)


def test_jigsaw_spanish_comments_are_real_split_by_text_and_teach_abuse_only():
    """The 2,500 Spanish rows of Jigsaw Multilingual's validation file (docs/screening-
    data.md), 70 % trained on for abuse, and the non-toxic ones as threat negatives on
    both sides (the held-out ones give the bench's share of real comments held as
    threats); a toxic comment may be a threat, so its threat label is unknown."""
    train, test = corpora.spanish_splits()["jigsaw-es"]
    comments = train + test
    assert len(comments) == 2500 and sum(i["abuse"] for i in comments) == 422
    assert 0.25 < len(test) / len(comments) < 0.35
    assert not {i["text"] for i in train} & {i["text"] for i in test}
    assert all(i["lang"] == "es" and i["spam"] is i["doxxing"] is None for i in comments)
    for part in (train, test):
        assert {i["threat"] for i in part if not i["abuse"]} == {False}
        assert {i["threat"] for i in part if i["abuse"]} == {None}
    assert "Saludos" in " ".join(i["text"] for i in comments if not i["abuse"])
