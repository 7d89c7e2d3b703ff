"""The labelled corpora the screening model is trained and evaluated on, read where they
live: public sets from the shared corpora folder and from fetched repository snapshots
(by repository, commit and path, never copied into this project), and the project's own
written examples (docs/screening-data.md says which is which and under what licence).

Every item is ``{"text", "lang", "source", "spam", "abuse", "threat", "doxxing"}`` with a
label None where the corpus says nothing about it. Splits are by a hash of the text, so a
comment posted twice lands on one side only and figures are comparable run to run.
"""

import csv
import hashlib
import io
import json
import os
import subprocess
import zipfile
from pathlib import Path

from .rules import LABELS

PACKAGE = Path(__file__).resolve().parent
REPO = PACKAGE.parent.parent
BEAT_TRAIN = PACKAGE / "corpus" / "beat_train.jsonl"
BEAT_HELDOUT = REPO / "tests" / "screening" / "data" / "beat_heldout.jsonl"
PROJECT_LABELED = REPO / "tests" / "screening" / "data" / "labeled.jsonl"

# Public sets in snapshots of their repositories: (repository, commit, path, member).
HATEVAL_TRIAL = ("msang/hateval", "edeecf5", "public_trial.zip", "trial_es.tsv")


class CorpusMissing(Exception):
    """A corpus is not on this machine; the message says where it was looked for."""


def corpora_dir():
    return Path(os.environ.get("CRONICA_CORPORA", "/work/shared/corpora"))


def mirror_dir():
    return Path(os.environ.get("CRONICA_MIRROR_DIR", "/work/.mirror"))


def bucket(text):
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) % 100


def split(items, test_share):
    """(train, test) by a hash of each text."""
    train, test = [], []
    for item in items:
        (test if bucket(item["text"]) < test_share * 100 else train).append(item)
    return train, test


def _item(text, lang, source, **labels):
    return {"text": text, "lang": lang, "source": source, **{k: labels.get(k) for k in LABELS}}


def _need(path):
    if not path.exists():
        raise CorpusMissing(f"{path} not found (set CRONICA_CORPORA, see docs/screening-data.md)")
    return path


def youtube():
    """YouTube Spam Collection (CC BY 4.0): comments under four music videos."""
    folder = _need(corpora_dir() / "youtube-spam")
    items = []
    for path in sorted(folder.glob("Youtube0*.csv")):
        # One file starts with a blank line before its header.
        text = path.read_text(encoding="utf-8").lstrip("\n")
        for row in csv.DictReader(io.StringIO(text, newline="")):
            spam = row["CLASS"].strip() == "1"
            items.append(_item(row["CONTENT"], "en", "youtube", spam=spam, abuse=False))
    return items


def davidson():
    """Davidson et al. tweets (MIT): hate speech (0) and offensive (1) count as abuse."""
    path = _need(corpora_dir() / "davidson-offensive" / "labeled_data.csv")
    with path.open(encoding="utf-8", newline="") as f:
        return [
            _item(row["tweet"], "en", "davidson", abuse=row["class"] in ("0", "1"))
            for row in csv.DictReader(f)
        ]


def _jsonl(path, source):
    items = []
    for line in _need(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labels = {k: None if row.get(k) is None else bool(row[k]) for k in LABELS}
            items.append(_item(row["text"], row["lang"], source, **labels))
    return items


def beat_train():
    """Comments written for this project in the beat's voice (threats, doxxing, hard
    negatives): the training part."""
    return _jsonl(BEAT_TRAIN, "beat")


def beat_heldout():
    """The same kind of comments, written apart and never trained on."""
    return _jsonl(BEAT_HELDOUT, "beat-heldout")


def project_labeled():
    """The project's earlier bilingual labelled set (no threat label: its threats are
    marked abuse, so the threat label is unknown where abuse is true)."""
    items = _jsonl(PROJECT_LABELED, "project")
    for item in items:
        item["threat"] = None if item["abuse"] else False
    return items


def _git_show(repo, commit, path):
    git_dir = mirror_dir() / repo.replace("/", "+") / "repo"
    if (git_dir / ".git").exists():
        git_dir = git_dir / ".git"
    if not git_dir.exists():
        raise CorpusMissing(f"snapshot of {repo} not found under {mirror_dir()} (fetch it)")
    done = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],
        capture_output=True,
        check=False,
    )
    if done.returncode:
        raise CorpusMissing(f"{repo}@{commit}:{path}: {done.stderr.decode().strip()}")
    return done.stdout


def hateval_trial_es():
    """HatEval 2019 Spanish trial tweets (CC BY-NC 4.0: evaluation only, never trained
    on). HS = hate speech against women or immigrants; labelled abuse here."""
    repo, commit, path, member = HATEVAL_TRIAL
    data = zipfile.ZipFile(io.BytesIO(_git_show(repo, commit, path))).read(member)
    rows = csv.DictReader(io.StringIO(data.decode("utf-8")), delimiter="\t")
    return [_item(r["text"], "es", "hateval-es", abuse=r["HS"] == "1") for r in rows]


def training_and_heldout():
    """(train, {name: held-out items}) over every corpus the shipped model may learn
    from, plus the evaluation-only sets that are present."""
    yt_train, yt_test = split(youtube(), 0.3)
    dv_train, dv_test = split(davidson(), 0.2)
    pr_train, pr_test = split(project_labeled(), 0.3)
    train = yt_train + dv_train + pr_train + beat_train()
    heldout = {
        "youtube": yt_test,
        "davidson": dv_test,
        "project": pr_test,
        "beat-heldout": beat_heldout(),
    }
    try:
        heldout["hateval-es"] = hateval_trial_es()
    except CorpusMissing:
        pass
    return train, heldout


def fingerprint(paths):
    """SHA-256 of the files a model was trained from, recorded in the model."""
    out = {}
    for path in paths:
        out[path] = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    return out
