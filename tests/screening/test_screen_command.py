"""``cronica screen``: JSON lines in, one JSON line of scores out per input line."""

import io
import json
import sys

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(stdin, *args, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    out = io.StringIO()
    call_command("screen", *args, stdout=out, stderr=io.StringIO())
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_one_line_of_scores_per_input_line(monkeypatch):
    lines = run(
        '{"text": "Eres un pendejo"}\n'
        '{"text": "Good article, thanks"}\n'
        "not json\n"
        '{"text": "su cel es 81 1234 5678"}\n',
        monkeypatch=monkeypatch,
    )
    assert len(lines) == 4
    insult, clean, broken, phone = lines
    for result in (insult, clean, phone):
        assert set(result) >= {"spam", "abuse", "doxxing", "reasons"}
        assert all(0 <= result[k] <= 1 for k in ("spam", "abuse", "doxxing"))
    assert insult["abuse"] >= 0.5 and clean["abuse"] < 0.5 and phone["doxxing"] >= 0.5
    assert "error" in broken
    assert any("phone" in r for r in phone["reasons"])


def test_learn_file_is_validated_before_anything_is_learned(tmp_path, monkeypatch):
    from cronica.screening.models import LabelStat

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok", "spam": false}\n{"nope": 1}\n')
    with pytest.raises(CommandError, match="bad.jsonl:2"):
        run("", "--learn", str(bad), monkeypatch=monkeypatch)
    assert not LabelStat.objects.exists()


@pytest.mark.parametrize("value", ['"no"', "0", '"false"'])
def test_a_label_that_is_not_true_false_or_null_is_refused(value, tmp_path, monkeypatch):
    """A label is taught by its truth value, so "no" or "false" would be learned as spam:
    the file is refused and nothing is learned, not even its good lines."""
    from cronica.screening.models import LabelStat

    path = tmp_path / "labels.jsonl"
    path.write_text(f'{{"text": "ok", "abuse": null}}\n{{"text": "buy now", "spam": {value}}}\n')
    with pytest.raises(CommandError, match='labels.jsonl:2: "spam" must be true, false or null'):
        run("", "--learn", str(path), monkeypatch=monkeypatch)
    assert not LabelStat.objects.exists()


def test_learned_labels_reach_the_newsroom_counts(tmp_path, monkeypatch):
    from cronica.screening.models import LabelStat

    path = tmp_path / "labels.jsonl"
    path.write_text('{"text": "buy now", "spam": true}\n{"text": "good piece", "spam": false}\n')
    run("", "--learn", str(path), monkeypatch=monkeypatch)
    spam = LabelStat.objects.get(label="spam")
    assert (spam.positive_docs, spam.negative_docs) == (1, 1)
    assert not LabelStat.objects.filter(label="abuse").exists()


def test_the_executable_scores_as_the_management_command_does(tmp_path, monkeypatch):
    """`cronica screen` runs a light entry (Django with the screening app alone); on a data
    directory nobody migrated it scores with the rules and the shipped model, says so on
    stderr, and gives the scores the full site's command gives with an empty newsroom."""
    import os
    import subprocess
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    stdin = '{"text": "Eres un pendejo"}\n{"text": "su cel es 81 1234 5678"}\n[1]\n'
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env["CRONICA_DATA_DIR"] = str(tmp_path)
    done = subprocess.run(
        [str(repo / ".venv" / "bin" / "cronica"), "screen"],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "not migrated" in done.stderr and "Traceback" not in done.stderr
    light = [json.loads(line) for line in done.stdout.splitlines()]
    assert light == run(stdin, monkeypatch=monkeypatch)
