"""Screening learns from moderators: their decisions, made through the queue's own code,
change the scores of later comments, in both directions, and a changed decision is
counted once."""

import pytest

from cronica.comments import moderation
from cronica.comments.models import Comment
from cronica.screening.models import LabelStat
from cronica.screening.scoring import score

pytestmark = pytest.mark.django_db


def _decide(article, texts, action, reason=""):
    comments = [Comment.objects.create(article=article, body=t) for t in texts]
    moderation.decide(comments, action, reason=reason)
    return comments


INSULTS = [
    "eres un idiota",
    "bola de pendejos",
    "cállate imbécil",
    "pinche naco ignorante",
    "hijo de puta vendido",
    "eres una rata",
]


def test_approving_a_word_the_rules_flag_teaches_that_it_is_fine_here(article):
    # Slang aimed at a person, which the rules and the shipped model hold as abuse ("eres
    # un pinche cabrón"); a newsroom whose readers say it as praise teaches it otherwise.
    # (Slang aimed at nobody, or at an institution, is not held in the first place:
    # test_directed.py; and warm "qué cabrón eres" is not held by the shipped model.)
    text = "Eres un pinche cabrón, siempre llegas primero a Tierra Caliente"
    before = score(text).abuse
    assert before >= 0.5
    _decide(article, INSULTS, "reject", reason="insult")
    _decide(
        article,
        [
            f"eres un pinche cabrón {w}"
            for w in (
                "otra vez primero",
                "siempre con los datos",
                "sabes todo de Zacatecas",
                "ni se te escapa una",
                "y tus fuentes",
                "nadie te gana",
            )
        ],
        "approve",
    )
    after = score(text).abuse
    assert before >= 0.5 > after


def test_marking_spam_raises_the_score_of_similar_comments(article):
    text = "Gorras bordadas del señor de los cielos, envío gratis, pregunta por inbox"
    before = score(text).spam
    _decide(
        article,
        [
            "Good reporting, thanks",
            "the port was Manzanillo",
            "la plaza es del CJNG",
            "nunca va a pasar",
            "gracias por la nota de Culiacán",
            "¿cuándo sale la segunda parte?",
        ],
        "approve",
    )
    _decide(
        article,
        [
            f"Gorras bordadas {x}, envío gratis, pregunta por inbox"
            for x in (
                "del Chapo",
                "del Mencho",
                "de la 4 letras",
                "del Mayo",
                "de Los Chapitos",
                "del Güero",
                "de la Tuta",
                "del Marro",
            )
        ],
        "spam",
    )
    after = score(text).spam
    assert after >= 0.5 > before


def test_changing_a_decision_undoes_the_previous_lesson(article):
    [comment] = _decide(article, ["some words here"], "spam")
    moderation.decide([comment], "approve")
    spam = LabelStat.objects.get(label="spam")
    assert (spam.positive_docs, spam.negative_docs) == (0, 1)
