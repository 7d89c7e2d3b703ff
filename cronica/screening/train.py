"""Training the screening model: ``cronica train_screening`` (or ``python -m
cronica.screening.train``) rebuilds ``data/screening-model.npz`` from the corpora.

Reproducible: the corpora are read by path (and repository commit), split by a hash of
each text, the solver is deterministic (liblinear with a fixed seed), and the model
records the SHA-256 of every file it learned from. Only corpora whose licence allows a
model shipped in the project are trained on (docs/screening-data.md); evaluation-only
sets are never read here.

Per label, a logistic regression on 80 % of the label's training items, then a Platt
sigmoid fitted on the other 20 %, so the probability is calibrated on data the weights
never saw. Classes are balanced by weight: threats and doxxing are rare in the data and
must not be drowned by it.
"""

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import corpora, features
from .rules import LABELS, evaluate

if TYPE_CHECKING:  # SciPy is imported only when training
    from scipy.sparse import csr_matrix

SEED = 20261201
C = {"spam": 2.0, "abuse": 4.0, "threat": 8.0, "doxxing": 8.0}
# Percent of Davidson's tweets used as negatives for the labels it does not annotate.
NEGATIVE_SHARE = {"spam": 20, "threat": 10, "doxxing": 10}
VERSION = 1


def design(texts: Sequence[str]) -> "csr_matrix":
    """The sparse feature matrix (rows = texts) the model is trained on."""
    from scipy.sparse import csr_matrix

    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for text in texts:
        buckets, _owners, n_text = features.extract(text, evaluate(text).codes())
        indices.extend(buckets)
        data.extend(features.values(buckets, n_text))
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(texts), features.DIM), dtype="float64")


def _rows_for(label: str, items: Sequence[corpora.Item]) -> list[tuple[int, int]]:
    """The items that say something about ``label``. Public corpora without the label
    still teach what it is not (an insulting tweet is not spam, nor, almost always, a
    threat), except the project's set, which marks its threats as abuse. A share of
    Davidson's tweets is enough as negatives and keeps the rare labels' data balanced."""
    out = []
    for i, item in enumerate(items):
        value = item[label]
        if value is None and item["source"] in ("davidson", "youtube"):
            share = NEGATIVE_SHARE[label]
            if item["source"] == "davidson" and corpora.bucket("negative " + item["text"]) >= share:
                continue
            value = False
        if value is not None:
            out.append((i, int(value)))
    return out


def fit(items: Sequence[corpora.Item], log: Callable[[str], object] = print) -> dict[str, Any]:
    """Trains on ``items``; returns the model's arrays (see model.Model)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    X = design([item["text"] for item in items])
    weights = np.zeros((features.DIM, len(LABELS)), dtype="float32")
    bias, platt_a, platt_b = (np.zeros(len(LABELS)) for _ in range(3))
    for j, label in enumerate(LABELS):
        rows = _rows_for(label, items)
        calib = [(i, y) for i, y in rows if corpora.bucket(items[i]["text"] + label) < 20]
        fit_rows = [(i, y) for i, y in rows if corpora.bucket(items[i]["text"] + label) >= 20]
        idx, y = zip(*fit_rows, strict=True)
        clf = LogisticRegression(
            C=C[label], class_weight="balanced", solver="liblinear", random_state=SEED
        )
        clf.fit(X[list(idx)], np.array(y))
        cidx, cy = zip(*calib, strict=True)
        margins = clf.decision_function(X[list(cidx)]).reshape(-1, 1)
        platt = LogisticRegression(C=1e4, solver="lbfgs").fit(margins, np.array(cy))
        weights[:, j] = clf.coef_[0]
        bias[j] = clf.intercept_[0]
        platt_a[j], platt_b[j] = platt.coef_[0][0], platt.intercept_[0]
        log(f"{label}: {sum(y)} positive of {len(y)} fitted, {sum(cy)} of {len(cy)} calibrating")
    return {
        "labels": np.array(LABELS),
        "weights": weights.astype("float16"),
        "bias": bias,
        "platt_a": platt_a,
        "platt_b": platt_b,
    }


def sources() -> list[Path]:
    base = corpora.corpora_dir()
    return [
        *sorted((base / "youtube-spam").glob("Youtube0*.csv")),
        base / "davidson-offensive" / "labeled_data.csv",
        corpora.PROJECT_LABELED,
        corpora.BEAT_TRAIN,
    ]


def _relative(path: Path | str) -> str:
    path = Path(path)
    return str(path.relative_to(corpora.REPO)) if path.is_relative_to(corpora.REPO) else str(path)


def main(out: Path | None = None, log: Callable[[str], object] = print) -> Path:
    import numpy as np

    train, _heldout = corpora.training_and_heldout()
    log(f"training on {len(train)} labelled comments")
    arrays = fit(train, log=log)
    meta = {
        "version": VERSION,
        "seed": SEED,
        "dim": features.DIM,
        "data": {
            **{_relative(path): digest for path, digest in corpora.fingerprint(sources()).items()},
            **corpora.snapshot_fingerprint(),
        },
    }
    target = out or corpora.PACKAGE / "data" / "screening-model.npz"
    np.savez_compressed(target, meta=np.array(json.dumps(meta, sort_keys=True)), **arrays)
    log(f"wrote {target}")
    return target


if __name__ == "__main__":
    try:
        main()
    except corpora.CorpusMissing as error:
        sys.exit(f"cannot train: {error}")
