"""The extractor on the saved development set of real news articles
(``tests/dossier/corpus``, labelled by hand with docs/extraction-labelling.md): the
overall figures stay above a floor, on both splits. The floors sit below the figures
``bench/extraction.py`` reports so that an honest improvement elsewhere never fails
here, and well above the extractor this work replaced (recall 0.47, precision 0.66)."""

import sys
from pathlib import Path

import pytest

from tests.dossier.corpus import score

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


@pytest.fixture(scope="module")
def figures():
    import extraction as bench

    run = bench.extractor("cronica.dossier")
    bare = bench.extractor("cronica.dossier", with_kb=False)
    return {
        which: score.evaluate(run, bare, bench.GROUPS, which)["all"] for which in ("dev", "test")
    }


def test_the_set_is_real_and_large_enough():
    labels = score.labels()
    assert len(labels) >= 40
    assert len({label["outlet"] for label in labels.values()}) >= 15
    assert {score.language_of(name) for name in labels} == {"en", "es"}
    assert all(label["url"].startswith("http") for label in labels.values())
    tests = [name for name in labels if score.split(name, labels) == "test"]
    assert 0.2 <= len(tests) / len(labels) <= 0.3


@pytest.mark.parametrize("which", ["dev", "test"])
def test_seizures_found_and_not_invented(figures, which):
    assert figures[which]["seizure recall"] >= 0.8
    assert figures[which]["seizure precision"] >= 0.85


@pytest.mark.parametrize("which", ["dev", "test"])
def test_aggregates_are_recognised_and_stay_out_of_the_ledger(figures, which):
    assert figures[which]["aggregates recognised"] >= 0.6
    assert figures[which]["aggregates in ledger"] <= 2


@pytest.mark.parametrize("which", ["dev", "test"])
def test_groups_and_names(figures, which):
    assert figures[which]["group recall"] >= 0.8
    assert figures[which]["typing accuracy (no KB)"] >= 0.8
