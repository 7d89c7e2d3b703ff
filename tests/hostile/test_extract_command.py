"""Hostile input to `cronica extract`, through the real executable on a site of its own
(SQLite, migrated and loaded with the demo knowledge base once per test process; see
test_screen_command.sqlite_site_env).

Bad input (nothing, blanks, binary, invalid UTF-8, over the size cap) must give a clear
message on stderr and a non-zero exit, never a traceback, and nothing on stdout.
Pathological but valid text (thousands of numbers and currency signs, nested quotes,
every alias of the knowledge base repeated) must give the output contract, in strict
JSON, without blowing up in memory (bench/cli_long_inputs.py times the long ones).
"""

import json
import os
import subprocess

import pytest

from .test_screen_command import EXECUTABLE, REPO, run

KEYS = {"language", "entities", "seizures", "events", "money", "places"}


def strict_json(raw):
    """Parses ``raw`` as RFC 8259 JSON: NaN and Infinity are not JSON."""

    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(raw, parse_constant=refuse)


def extract(text, env, *args):
    code, out, err = run("extract", text if isinstance(text, bytes) else text.encode(), env)
    assert code == 0 and "Traceback" not in err, err[-3000:]
    result = strict_json(out)
    assert set(result) == KEYS
    return result


@pytest.mark.parametrize(
    "stdin, message",
    [
        (b"", "no text"),
        (b" \n\t\n\r\n  ", "no text"),
        (os.urandom(20_000), "UTF-8"),
        (b"Los Zetas en Tamaulipas \xff\xfe fin", "UTF-8"),
        (b"\xef\xbb\xbf\xed\xa0\x80 surrogate", "UTF-8"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 5000, "UTF-8"),
        (b"a" * 8_000_001, "longer than"),
    ],
)
def test_bad_input_is_a_clear_error_and_no_output(site_env, stdin, message):
    code, out, err = run("extract", stdin, site_env)
    assert code != 0 and out == b"", out[:300]
    assert "Traceback" not in err and message in err, err[-3000:]


def test_invisible_characters_alone_give_an_empty_result(site_env):
    """Zero-width and wide spaces are text to the command (unlike ASCII blanks, which are
    "no text"): the whole contract comes back, with nothing found."""
    result = extract("\u200b\u00a0\u3000\n", site_env)
    assert all(result[key] == [] for key in KEYS - {"language"})


PARAGRAPH = (
    "Police seized 1.5 tons of cocaine worth $20 million in Manzanillo on May 3, "
    "2024. The Sinaloa Cartel was blamed. Ovidio Guzmán was not charged.\n\n"
)


def test_a_long_article_keeps_the_contract(site_env):
    result = extract(PARAGRAPH * (200_000 // len(PARAGRAPH)), site_env)
    assert result["language"] == "en"
    assert "Sinaloa Cartel" in {e["name"] for e in result["entities"]}
    assert result["seizures"][0]["kg"] == 1500.0  # the same seizure, told 1,400 times


def test_a_megabyte_of_article_text_keeps_the_contract(site_env):
    """1.2 MB, under the 8 MB cap: the whole contract comes back (its time is measured in
    bench/cli_long_inputs.py, not here)."""
    text = (PARAGRAPH * (1_200_000 // len(PARAGRAPH))).encode()
    code, out, err = run("extract", text, site_env)
    assert code == 0 and "Traceback" not in err, err[-3000:]
    result = strict_json(out)
    assert set(result) == KEYS
    assert "Sinaloa Cartel" in {e["name"] for e in result["entities"]}


def test_thousands_of_numbers_and_currency_signs(site_env):
    text = " ".join(
        f"${i},{i % 1000:03d}.{i % 100:02d} US$ {i} MXN {i} € {i} millones de pesos"
        for i in range(3000)
    )
    text += "\n\n" + "$" * 50_000 + " " + "1," * 50_000 + " toneladas de cocaína"
    text += "\n\n" + "1" * 200_000 + " kilos de cocaína" + "\n\n" + "9.5 tons " * 5000
    result = extract(text, site_env)
    assert len(result["money"]) >= 3000
    for item in result["money"]:
        assert item["usd"] is None or item["usd"] >= 0


def test_nested_quotes_and_brackets(site_env):
    text = (
        '«“‘"(' * 3000
        + "Los Zetas controlan la plaza"
        + ')"’”»' * 3000
        + "\n\n"
        + 'alias "' * 5000
        + "El Mencho"
        + '"' * 5000
    )
    result = extract(text, site_env)
    assert result["language"] == "es"


def test_every_alias_repeated(site_env):
    names = subprocess.run(
        [
            str(EXECUTABLE),
            "shell",
            "-c",
            "import json\nfrom cronica.dossier.models import Alias, Entity\n"
            "print(json.dumps([a.text for a in Alias.objects.all()]"
            " + [e.name for e in Entity.objects.all()]))",
        ],
        env=site_env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    aliases = json.loads(names.stdout.splitlines()[-1])
    assert len(aliases) > 50
    # One alias a sentence: run together without punctuation, neighbouring names read as
    # one longer unknown name (as a headline fragment would), which is not what this tests.
    result = extract((". ".join(aliases) + ".\n") * 100, site_env)
    known = [e for e in result["entities"] if e["known"]]
    assert len(known) >= 30
    # Each entity is listed once, however often it is named.
    assert len({e["name"] for e in result["entities"]}) == len(result["entities"])


def test_absurdly_long_numbers_still_give_strict_json(site_env):
    extract(
        "Police seized "
        + "9" * 400
        + " tons of cocaine worth $"
        + "9" * 400
        + " million in Manzanillo on May 3, 2024.",
        site_env,
    )
