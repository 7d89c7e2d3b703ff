"""The ``cronica extract`` contract, on articles written for these tests."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ARTICLE_EN = """Record cocaine haul in Algeciras

Spanish police found 9.5 tons of cocaine hidden among boxes of bananas in a refrigerated
container at the port of Algeciras on Aug. 9, 2023, a shipment worth an estimated
$160 million. The container had left Guayaquil, where Los Choneros control much of the
port. Investigators said the shipment may be linked to the Frente Oliver Sinisterra.

José Adolfo Macías Villamar, known as "Fito", remained the best known leader of the gang.
The United States later offered a reward of up to $5 million for information on Carlos
Andrade Pérez."""

ARTICLE_ES = """Extraditan a "Fito" a Estados Unidos

José Adolfo Macías Villamar, alias Fito, fue extraditado a Estados Unidos el 20 de julio
de 2025, un mes después de su recaptura en Manta. El líder de Los Choneros enfrenta cargos
por tráfico de cocaína.

En enero de 2024 la policía ecuatoriana decomisó casi 22 toneladas de cocaína ocultas en
cajas de banano en Guayaquil, valoradas en 1.000 millones de dólares."""


def run(text, **options):
    out = io.StringIO()
    call_command("extract", stdin=io.StringIO(text), stdout=out, **options)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_english_article(kb):
    result = run(ARTICLE_EN)
    assert result["language"] == "en"
    known = {e["name"]: e for e in result["entities"] if e["known"]}
    assert set(known) >= {"Algeciras", "Guayaquil", "Los Choneros", "José Adolfo Macías Villamar"}
    assert known["José Adolfo Macías Villamar"]["type"] == "person"
    assert known["José Adolfo Macías Villamar"]["mentions"] == [
        "José Adolfo Macías Villamar",
        "Fito",
    ]
    unknown = {e["name"]: e["type"] for e in result["entities"] if not e["known"]}
    assert unknown["Frente Oliver Sinisterra"] == "group"
    assert unknown["Carlos Andrade Pérez"] == "person"
    [seizure] = result["seizures"]
    assert seizure == {
        "drug": "cocaine",
        "kg": 9500.0,
        "quantity_text": "9.5 tons",
        "qualifier": None,
        "place": "Algeciras",
        "concealment": "boxes of bananas",
        "value_usd": 160e6,
        "date": "2023-08-09",
        "count": None,
        "unit": None,
        "role": "report",
        "parts": [],
    }
    assert [m["usd"] for m in result["money"]] == [160e6, 5e6]
    assert {"Algeciras", "Guayaquil"} <= set(result["places"])
    reward = [e for e in result["events"] if e["type"] == "reward"]
    assert reward and reward[0]["value_usd"] == 5e6


@pytest.mark.django_db
def test_spanish_article(kb):
    result = run(ARTICLE_ES)
    assert result["language"] == "es"
    known = {e["name"] for e in result["entities"] if e["known"]}
    assert {"José Adolfo Macías Villamar", "Los Choneros", "Guayaquil"} <= known
    [seizure] = result["seizures"]
    assert seizure["kg"] == 22000.0
    assert seizure["qualifier"] == "nearly"
    assert seizure["concealment"] == "cajas de banano"
    assert seizure["place"] == "Guayaquil"
    assert seizure["value_usd"] == 1e9
    assert seizure["date"] is None  # "en enero de 2024" is a month, not a date
    kinds = [e["type"] for e in result["events"]]
    assert "extradition" in kinds
    # Only places the knowledge base knows are listed: Manta (not in it) and "Estados
    # Unidos" (named, but unknown) stay out.
    assert "Manta" not in known
    assert result["places"] == ["Guayaquil"]


@pytest.mark.django_db
def test_language_can_be_forced_and_bad_input_is_refused(kb):
    assert run("Fito.", language="es")["language"] == "es"
    assert run("Incautaron 2 toneladas de cocaína.")["language"] == "es"
    assert run("Fito escaped.")["language"] == "en"
    with pytest.raises(CommandError, match="no text"):
        call_command("extract", stdin=io.StringIO("  \n"), stdout=io.StringIO())
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("extract", stdin=io.BytesIO(b"caf\xe9"), stdout=io.StringIO())


def test_the_cronica_command_reads_stdin(tmp_path):
    """The real executable, on its own data directory, as independent checks call it."""
    cronica = Path(sys.executable).with_name("cronica")
    env = dict(os.environ, CRONICA_DATA_DIR=str(tmp_path))
    # Its own SQLite database, never the server the test run was pointed at.
    for name in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL"):
        env.pop(name, None)
    subprocess.run([cronica, "migrate", "-v0"], env=env, check=True, timeout=300)
    done = subprocess.run(
        [cronica, "extract"],
        input=ARTICLE_ES,
        env=env,
        text=True,
        capture_output=True,
        check=True,
        timeout=120,
    )
    result = json.loads(done.stdout)
    assert result["language"] == "es"
    assert result["seizures"][0]["kg"] == 22000.0
    assert any(e["name"] == "Los Choneros" and e["known"] is False for e in result["entities"])


@pytest.mark.parametrize(
    "sentence,kind,count",
    [
        ("Gunmen killed 12 people in a bar in Guayaquil on Saturday.", "killing", 12),
        ("Ecuador recorded 8,008 homicides in 2023, a record.", "killing", 8008),
        ("Ecuador registró 8.008 homicidios en 2023.", "killing", 8008),
        ("La masacre dejó 31 reos muertos en la Penitenciaría.", "killing", 31),
        ("Police arrested six suspects, all Colombian nationals, within hours.", "arrest", 6),
        ("La policía detuvo a cinco sospechosos tras el ataque.", "arrest", 5),
        ("Police said the container belonged to a fruit importer.", None, None),
    ],
)
def test_killings_and_arrests_with_counts(sentence, kind, count):
    from cronica.dossier.extraction import extract
    from cronica.dossier.gazetteer import Gazetteer

    events = extract(sentence, Gazetteer([])).events
    if kind is None:
        assert events == []
    else:
        assert [(e.kind, e.count) for e in events] == [(kind, count)]


def test_unknown_names_from_quotes_and_capitalized_runs():
    from cronica.dossier.naming import unknown_names

    found = {
        item["name"]: item["type"]
        for item in unknown_names(
            "Ecuador's gangs grew. Ismael 'El Mayo' Zambada met ‘Rasquiña’ and Los Lobos; "
            "the Frente Oliver Sinisterra and the Policía Nacional replied in January.",
            [],
        )
    }
    assert found == {
        "El Mayo": "person",
        "Rasquiña": "person",
        "Los Lobos": "group",
        "Frente Oliver Sinisterra": "group",
        "Policía Nacional": "institution",
    }
