"""Scores an extractor against the hand-labelled development set in this folder.

The articles are real news pages (addresses in ``dev-labels.json``), labelled by hand
following ``docs/extraction-labelling.md``. The test split is fixed by a rule chosen before
any tuning: within each language, articles sorted by the SHA-1 of their file name, every
fourth one from the first. Nothing is tuned on it; ``bench/extraction.py`` reports it.

An extractor here is a function ``text -> as_json()`` dict (see ``Extraction.as_json``),
so today's extractor and the one in a past commit are scored the same way. A seizure found
matches a labelled one when the drug is the same and the quantity is within 1 % (kilograms,
or a count of the same unit). Seizures the extractor marks as aggregates or restatements
are kept out of the ledger; a ledger seizure that matches no labelled seizure is an error,
and counted apart when it is in fact a labelled aggregate or restatement.
"""

import hashlib
import json
from collections import defaultdict
from pathlib import Path

from cronica.dossier.folding import fold

HERE = Path(__file__).resolve().parent
LABELS = HERE / "dev-labels.json"
HELD_OUT = HERE / "heldout-labels.json"
POUND = 0.45359237


def labels():
    return json.loads(LABELS.read_text())


def language_of(name):
    return name.split("-", 1)[0]


def split(name, _names=None):
    """``"test"`` or ``"dev"`` for an article file name (the fixed rule above)."""
    names = _names or labels()
    same = sorted(
        (n for n in names if language_of(n) == language_of(name)),
        key=lambda n: hashlib.sha1(n.encode()).hexdigest(),
    )
    return "test" if same.index(name) % 4 == 0 else "dev"


def articles(which=None):
    """``[(name, text, label)]`` of the ``which`` split ("dev", "test" or None for both),
    or of the independent held-out set ("heldout": other articles, found with other
    queries after the rules were written, labelled before the extractor read them)."""
    if which == "heldout":
        held = json.loads(HELD_OUT.read_text())
        return [
            (name, (HERE / "heldout" / name).read_text(), label)
            for name, label in sorted(held.items())
        ]
    every = labels()
    return [
        (name, (HERE / "dev" / name).read_text(), label)
        for name, label in sorted(every.items())
        if which is None or split(name, every) == which
    ]


def _weights(label):
    kgs = []
    if "kg" in label:
        kgs.append(label["kg"])
    if "lb" in label:
        kgs.append(label["lb"] * POUND)
    return kgs + list(label.get("alt_kg", []))


def _close(a, b):
    return a is not None and b is not None and abs(a - b) <= 0.01 * max(abs(b), 1e-9)


def matches(found, label):
    """Whether a found seizure is the labelled one: same drug, quantity within 1 %."""
    if (found.get("drug") or "") != (label.get("drug") or ""):
        return False
    if found.get("kg") is not None and any(_close(found["kg"], kg) for kg in _weights(label)):
        return True
    count = found.get("count")
    return (
        count is not None
        and "count" in label
        and found.get("unit") == label.get("unit")
        and _close(count, label["count"])
    )


def _in_ledger(seizure):
    return seizure.get("role", "report") == "report"


def score_seizures(result, label):
    """Counts for one article: true and false positives, misses, aggregate handling."""
    found = result["seizures"]
    wanted = list(label["seizures"])
    aggregates = list(label["aggregates"])
    tally = defaultdict(int)
    tally["labelled"] = len(wanted)
    tally["aggregates_labelled"] = len(aggregates)
    open_seizures = list(range(len(wanted)))
    open_aggregates = list(range(len(aggregates)))
    for seizure in found:
        if not _in_ledger(seizure):
            continue
        hit = next((i for i in open_seizures if matches(seizure, wanted[i])), None)
        if hit is not None:
            open_seizures.remove(hit)
            tally["tp"] += 1
            continue
        tally["fp"] += 1
        leak = next((i for i in open_aggregates if matches(seizure, aggregates[i])), None)
        if leak is not None:
            open_aggregates.remove(leak)
            tally["aggregates_in_ledger"] += 1
    for seizure in found:
        if _in_ledger(seizure):
            continue
        hit = next((i for i in open_aggregates if matches(seizure, aggregates[i])), None)
        if hit is not None:
            open_aggregates.remove(hit)
            tally["aggregates_recognised"] += 1
    return tally


def _names(result):
    return [(e["name"], e["type"], e["known"]) for e in result["entities"]]


def _same_name(a, b):
    a, b = fold(a), fold(b)
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 0.6 * len(longer) and shorter in longer


def score_entities(result, label):
    """Typing of the labelled names the extractor reports, and recall of people."""
    tally = defaultdict(int)
    found = _names(result)
    for name, kind in label["entities"].items():
        same = [f for f in found if _same_name(f[0], name)]
        if kind == "person":
            tally["people"] += 1
            tally["people_found"] += any(f[1] == "person" for f in same)
        if same:
            tally["typed"] += 1
            tally["typed_right"] += any(f[1] == kind for f in same)
    people = [f for f in found if f[1] == "person" and not f[2]]
    tally["person_guesses"] = len(people)
    tally["person_guesses_labelled_other"] = sum(
        any(_same_name(f[0], n) and k != "person" for n, k in label["entities"].items())
        for f in people
    )
    return tally


def score_groups(result, label, group_names):
    """Recall of labelled groups: linked to the right known group, or an unknown name
    typed as a group. ``group_names``: canonical names of the knowledge base's groups."""
    tally = defaultdict(int)
    found = _names(result)
    for group in label["groups"]:
        tally["groups"] += 1
        if group in group_names:
            tally["groups_found"] += any(f[0] == group and f[2] for f in found)
        else:
            tally["groups_found"] += any(f[1] == "group" and _same_name(f[0], group) for f in found)
    return tally


def ratio(a, b):
    return a / b if b else float("nan")


def summary(tally):
    """The figures the bench prints, from summed tallies."""
    return {
        "seizure recall": ratio(tally["tp"], tally["labelled"]),
        "seizure precision": ratio(tally["tp"], tally["tp"] + tally["fp"]),
        "aggregates recognised": ratio(
            tally["aggregates_recognised"], tally["aggregates_labelled"]
        ),
        "aggregates in ledger": tally["aggregates_in_ledger"],
        "group recall": ratio(tally["groups_found"], tally["groups"]),
        "person recall (no KB)": ratio(tally["people_found"], tally["people"]),
        "typing accuracy (no KB)": ratio(tally["typed_right"], tally["typed"]),
        "'person' guesses that are not people": ratio(
            tally["person_guesses_labelled_other"], tally["person_guesses"]
        ),
    }


def evaluate(extract_with_kb, extract_without_kb, group_names, which="test"):
    """``{"all"|"en"|"es": summary}`` of an extractor on a split."""
    tallies = defaultdict(lambda: defaultdict(int))
    for name, text, label in articles(which):
        with_kb = extract_with_kb(text)
        without = extract_without_kb(text)
        parts = [
            score_seizures(with_kb, label),
            score_groups(with_kb, label, group_names),
            score_entities(without, label),
        ]
        for key in ("all", language_of(name)):
            for part in parts:
                for field, value in part.items():
                    tallies[key][field] += value
    return {key: summary(tally) for key, tally in tallies.items()}
