"""Held-out precision and recall of screening on the project's labeled set.

Usage: .venv/bin/python bench/screening_eval.py

Splits tests/screening/data/labeled.jsonl (231 comments, English and Spanish) 70/30 by a
hash of the text, measures the rules alone on the held-out part (the baseline), teaches
the model the training part as moderators' decisions, and measures the model alone and
rules + model on the same held-out part. Threshold 0.5, the one that holds a comment.
"""

import json
import time
from pathlib import Path

from comments_common import site

DATA = Path(__file__).resolve().parent.parent / "tests" / "screening" / "data" / "labeled.jsonl"


def main():
    site("sqlite")
    from cronica.screening import evaluation

    items = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    train, test = evaluation.split(items)
    print(f"{len(items)} labeled comments: {len(train)} to learn from, {len(test)} held out")
    rules = evaluation.measure(test)
    t = time.perf_counter()
    evaluation.train(train)
    learn_time = time.perf_counter() - t
    model = evaluation.measure(test, scorer=evaluation.model_only)
    t = time.perf_counter()
    combined = evaluation.measure(test)
    score_time = time.perf_counter() - t
    for title, figures in (
        ("rules only (baseline)", rules),
        ("model only", model),
        ("rules + model", combined),
    ):
        print(title)
        for f in figures:
            print(f"  {f}")
    print(
        f"learning {len(train) / learn_time:.0f} decisions/s, "
        f"scoring {len(test) / score_time:.0f} comments/s"
    )


if __name__ == "__main__":
    main()
