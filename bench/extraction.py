"""Extraction quality on real news and speed, next to the extractor of commit f65dafe
(the one before the rewrite; bench/README.md, "Extraction on real news"), both measured in
the same run.

    .venv/bin/python bench/extraction.py [--split test|dev|all] [--baseline f65dafe]

Quality: seizure recall and precision (quantity within 1 %, drug right; aggregates and
restatements the extractor lets into the ledger count as errors), aggregates recognised,
recall of named groups with a small knowledge base, recall of people and typing accuracy
of names with no knowledge base, per language, on the hand-labelled articles of
``tests/dossier/corpus`` (see ``score.py`` there for the split and the matching rules).
The baseline is read from git (``git show COMMIT:cronica/dossier/...``) into a temporary
package, so no frozen copy of the old code lives in the tree.

Speed: a 1,000-word article made of the development articles, and 10 and 100 times
that, best of 5 runs, after start-up (the first call, which loads pint's units, is not
timed); milliseconds per 1,000 words show whether the time stays linear.
"""

import argparse
import importlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cronica.dossier.gazetteer import EntityInfo  # noqa: E402
from tests.dossier.corpus import score  # noqa: E402

# (id, kind, level, name, aliases, country id): a knowledge base as an editor would start it.
KB = [
    (1, "group", "", "Jalisco New Generation Cartel", ["CJNG"], None),
    (2, "group", "", "Sinaloa Cartel", ["Cártel de Sinaloa", "Cartel de Sinaloa"], None),
    (3, "group", "", "Los Chapitos", ["Chapitos"], None),
    (4, "group", "", "Clan del Golfo", [], None),
    (5, "group", "", "Los Choneros", ["Choneros"], None),
    (10, "place", "country", "Mexico", ["México"], 10),
    (11, "place", "country", "United States", ["Estados Unidos", "U.S."], 11),
    (12, "place", "country", "Colombia", [], 12),
    (13, "place", "country", "Ecuador", [], 13),
    (14, "place", "country", "Guatemala", [], 14),
    (15, "place", "country", "Costa Rica", [], 15),
    (16, "place", "region", "Sinaloa", [], 10),
    (17, "place", "region", "Jalisco", [], 10),
    (18, "place", "city", "Culiacán", ["Culiacan"], 10),
    (19, "place", "site", "Port Everglades", [], 11),
    (20, "place", "city", "Santa Marta", [], 12),
    (30, "institution", "", "Drug Enforcement Administration", ["DEA"], None),
    (31, "institution", "", "Armed Forces of Ecuador", ["Fuerzas Armadas del Ecuador"], None),
]
GROUPS = {name for _id, kind, _l, name, _a, _c in KB if kind == "group"}


def gazetteer_of(package, with_kb=True):
    module = importlib.import_module(f"{package}.gazetteer")
    rows = []
    if with_kb:
        for entity_id, _kind, _level, name, aliases, _country in KB:
            rows += [(entity_id, text, False, "") for text in [name, *aliases]]
    gazetteer = module.Gazetteer(rows, {})
    if with_kb:
        gazetteer.entities = {
            entity_id: EntityInfo(entity_id, name, kind, level, name.lower(), country)
            for entity_id, kind, level, name, _aliases, country in KB
        }
    return gazetteer


def extractor(package, with_kb=True):
    extract = importlib.import_module(f"{package}.extraction").extract
    gazetteer = gazetteer_of(package, with_kb)
    return lambda text: extract(text, gazetteer).as_json()


def load_baseline(commit, into):
    """The dossier modules of ``commit`` as the package ``baseline_<commit>`` (every
    top-level module is copied; only those the extractor imports are loaded)."""
    name = f"baseline_{commit}"
    folder = Path(into) / name
    folder.mkdir()
    listed = subprocess.run(
        ["git", "ls-tree", "--name-only", commit, "cronica/dossier/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for path in (p for p in listed if p.endswith(".py")):
        source = subprocess.run(
            ["git", "show", f"{commit}:{path}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        (folder / Path(path).name).write_text(source)
    sys.path.insert(0, str(into))
    return name


def timing(package, words):
    text = " ".join(t for _n, t, _l in score.articles("dev"))
    tokens = text.split()
    while len(tokens) < words:
        tokens += tokens
    article = " ".join(tokens[:words])
    run = extractor(package)
    run(article)  # start-up: pint's registry, caches
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        run(article)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=["test", "dev", "all", "heldout"])
    parser.add_argument("--baseline", default="f65dafe")
    args = parser.parse_args()
    which = None if args.split == "all" else args.split

    with tempfile.TemporaryDirectory() as temp:
        baseline = load_baseline(args.baseline, temp)
        systems = {
            f"{args.baseline} (before)": baseline,
            "now": "cronica.dossier",
        }
        results = {
            label: score.evaluate(
                extractor(package), extractor(package, with_kb=False), GROUPS, which
            )
            for label, package in systems.items()
        }
        count = len(score.articles(which))
        print(f"split: {args.split} ({count} articles)")
        for language in ("all", "en", "es"):
            print(f"\n[{language}]")
            header = f"{'':40}" + "".join(f"{label:>18}" for label in systems)
            print(header)
            for metric in results["now"]["all"]:
                cells = "".join(
                    f"{results[label][language][metric]:>18.2f}"
                    if isinstance(results[label][language][metric], float)
                    else f"{results[label][language][metric]:>18}"
                    for label in systems
                )
                print(f"{metric:40}{cells}")
        print("\nspeed (best of 5, after start-up)")
        for words in (1_000, 10_000, 100_000):
            cells = ""
            for label, package in systems.items():
                ms = timing(package, words)
                cells += f"  {label}: {ms:8.1f} ms ({ms / words * 1000:5.1f} ms/1k words)"
            print(f"{words:>7,} words{cells}")


if __name__ == "__main__":
    main()
