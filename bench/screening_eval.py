"""Held-out precision, recall and F1 of screening, per corpus, label and language, the
shipped model next to today's approach, in the same run.

Usage: .venv/bin/python bench/screening_eval.py [--baseline-commit f65dafe]

Corpora (docs/screening-data.md): held-out splits of the YouTube Spam Collection,
Davidson et al. tweets and the project's labelled set, the beat's own held-out comments
(tests/screening/data/beat_heldout.jsonl, never trained on), held-out splits of
Multilingual HateCheck's Spanish cases (by template), of Tatoeba's Spanish sentences
(benign only: the share each scorer would hold) and of Jigsaw Multilingual's Spanish
Wikipedia talk-page comments (real comments; its non-toxic ones also as the share held
for threats), and, when its snapshot is present,
HatEval 2019's Spanish trial tweets (evaluation only: CC BY-NC). Compared:

- "today: rules" -- the rules of the baseline commit (screening before the learned model),
  read from git, with its threat-is-abuse rule;
- "today: rules + NB" -- the same rules combined with today's naive Bayes, trained in
  memory on the same training items the new model learned from, combined as today's
  scoring combines them;
- "model" -- the shipped model's own probabilities;
- "shipped" -- ``score()``: rules + model, the scores the site uses.

Then calibration (Brier score, and observed rate per predicted-probability bin), and
speed in the same run: comments per second for today's rules, today's ``score()`` and
the shipped ``score()``; comment POSTs through the real view with today's and the
shipped screening taking turns; and ``cronica screen`` from start to exit with one
comment against the same command with no input (set-up only).
"""

import argparse
import importlib
import math
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from comments_common import site

ROOT = Path(__file__).resolve().parent.parent
LABELS = ("spam", "abuse", "threat", "doxxing")


def legacy_package(commit):
    """Today's screening, as of ``commit``, importable as ``legacy_screening``: its rules,
    lexicon, tokens, scoring and naive Bayes (on the same database tables)."""
    folder = Path(tempfile.mkdtemp(prefix="legacy-screening-")) / "legacy_screening"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    for name in ("rules", "lexicon", "tokens", "scoring", "bayes"):
        source = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{commit}:cronica/screening/{name}.py"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        source = source.replace("from .models import", "from cronica.screening.models import")
        (folder / f"{name}.py").write_text(source)
    sys.path.insert(0, str(folder.parent))
    return (
        importlib.import_module("legacy_screening.rules"),
        importlib.import_module("legacy_screening.tokens"),
        importlib.import_module("legacy_screening.scoring"),
    )


class TodayNB:
    """Today's bayes.py (binarised multinomial naive Bayes with Laplace smoothing over
    today's tokens), in memory, combined with today's rules the way today's scoring does
    (log-odds sum, rule floor 0.1, a rule hit the model cannot lower)."""

    def __init__(self, legacy_rules, legacy_tokens, items):
        self.rules, self.tokens = legacy_rules, legacy_tokens
        self.counts = {label: [Counter(), Counter()] for label in ("spam", "abuse")}
        self.docs = {label: [0, 0] for label in ("spam", "abuse")}
        for item in items:
            feats = set(self.tokens.tokens(item["text"]))
            for label in ("spam", "abuse"):
                if item[label] is None:
                    continue
                side = 1 if item[label] else 0
                self.docs[label][side] += 1
                self.counts[label][side].update(feats)
        self.vocab = len(set().union(*(c[0] | c[1] for c in self.counts.values())))
        self.totals = {k: [sum(c[0].values()), sum(c[1].values())] for k, c in self.counts.items()}

    def nb(self, label, feats):
        neg, pos = self.docs[label]
        lp, ln = math.log(pos / (pos + neg)), math.log(neg / (pos + neg))
        for t in feats:
            p, n = self.counts[label][1][t], self.counts[label][0][t]
            if p == 0 and n == 0:
                continue
            lp += math.log((p + 1) / (self.totals[label][1] + self.vocab))
            ln += math.log((n + 1) / (self.totals[label][0] + self.vocab))
        return 1 / (1 + math.exp(-max(-50, min(50, lp - ln))))

    def __call__(self, text):
        result = self.rules.evaluate(text)
        out = dict(result.scores)
        feats = set(self.tokens.tokens(text))
        for label in ("spam", "abuse"):
            rule = result.scores[label]
            rp = min(0.98, max(0.1, rule))
            mp = min(0.999, max(0.001, self.nb(label, feats)))
            final = 1 / (1 + math.exp(-(math.log(rp / (1 - rp)) + math.log(mp / (1 - mp)))))
            if final < rule:
                final = rule
            if rule == 0 and final <= 0.1:
                final = min(final, mp)
            out[label] = final
        out["abuse"] = max(out["abuse"], result.scores["threat"])
        return out


def today_rules(legacy_rules):
    def scorer(text):
        scores = dict(legacy_rules.evaluate(text).scores)
        scores["abuse"] = max(scores["abuse"], scores["threat"])
        return scores

    return scorer


def figures(items, scorer, label, threshold=0.5):
    tp = fp = fn = 0
    for item in items:
        if item[label] is None:
            continue
        predicted, actual = scorer(item["text"])[label] >= threshold, item[label]
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
    if tp + fn == 0:
        return None
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, tp + fn


def cached(scorer):
    memo = {}

    def wrapped(text):
        if text not in memo:
            memo[text] = scorer(text)
        return memo[text]

    return wrapped


def report(heldout, scorers):
    print("| corpus | lang | label | n+ | " + " | ".join(f"{n} P/R/F1" for n in scorers) + " |")
    print("| --- | --- | --- | --- |" + " --- |" * len(scorers))
    for name, items in heldout.items():
        for lang in sorted({i["lang"] for i in items}) + ["all"]:
            subset = [i for i in items if lang in ("all", i["lang"])]
            if lang == "all" and len({i["lang"] for i in items}) == 1:
                continue
            for label in LABELS:
                row = [figures(subset, s, label) for s in scorers.values()]
                if row[0] is None:
                    continue
                cells = " | ".join(f"{p:.2f} / {r:.2f} / {f:.2f}" for p, r, f, _n in row)
                print(f"| {name} | {lang} | {label} | {row[0][3]} | {cells} |")


def false_alarms(heldout, scorers, threshold=0.5):
    """For held-out sets with no positive at all (benign text): the share of comments
    each scorer would hold, per label."""
    for name, items in heldout.items():
        if any(item[label] for item in items for label in LABELS):
            negatives_only(name, items, scorers, threshold)
            continue
        print(f"\n{name}: {len(items)} benign comments, share held (score >= {threshold}):")
        print("| label | " + " | ".join(scorers) + " |")
        print("| --- |" + " --- |" * len(scorers))
        for label in LABELS:
            cells = []
            for scorer in scorers.values():
                held = sum(scorer(item["text"])[label] >= threshold for item in items)
                cells.append(f"{held / len(items):.3f} ({held})")
            print(f"| {label} | " + " | ".join(cells) + " |")


def negatives_only(name, items, scorers, threshold):
    """For a label a set marks only false (Jigsaw's non-toxic comments are no threats):
    the share of those comments each scorer would hold for it."""
    for label in LABELS:
        negatives = [item for item in items if item[label] is False]
        if not negatives or any(item[label] for item in items):
            continue
        cells = []
        for scorer in scorers.values():
            held = sum(scorer(item["text"])[label] >= threshold for item in negatives)
            cells.append(f"{held / len(negatives):.3f} ({held})")
        print(
            f"\n{name}: {len(negatives)} marked not {label}, share held: "
            + ", ".join(f"{n} {c}" for n, c in zip(scorers, cells, strict=True))
        )


def calibration(heldout, scorer):
    print("\ncalibration of the shipped model on the public held-out sets (spam, abuse):")
    bins = [[0, 0.0] for _ in range(5)]
    brier, n = 0.0, 0
    for name in ("youtube", "davidson"):
        for item in heldout[name]:
            for label in ("spam", "abuse"):
                if item[label] is None or (name == "youtube") != (label == "spam"):
                    continue
                p = scorer(item["text"])[label]
                brier += (p - item[label]) ** 2
                n += 1
                b = bins[min(4, int(p * 5))]
                b[0] += 1
                b[1] += item[label]
    print(f"  Brier score {brier / n:.3f} over {n} predictions")
    for k, (count, positives) in enumerate(bins):
        if count:
            print(
                f"  predicted {k / 5:.1f}-{(k + 1) / 5:.1f}: {count:5d} comments, "
                f"observed rate {positives / count:.2f}"
            )


def speed(texts, scorers):
    """Comments per second per core: CPU time of this process (SQLite runs in it), which
    the other work on a shared machine does not inflate the way it does wall time."""
    print("\nspeed (one core, same texts, best of 3; CPU time, wall time in brackets):")
    rates = {}
    for name, scorer in scorers.items():
        cpu = wall = math.inf
        for _ in range(3):
            start, start_cpu = time.perf_counter(), time.process_time()
            for text in texts:
                scorer(text)
            cpu = min(cpu, time.process_time() - start_cpu)
            wall = min(wall, time.perf_counter() - start)
        rates[name] = len(texts) / cpu
        print(
            f"  {name}: {rates[name]:.0f} comments/s per core ({1000 / rates[name]:.2f} ms "
            f"each) [{len(texts) / wall:.0f}/s wall]"
        )
    return rates


def post_cost(article, legacy_scoring, n=100, rounds=4):
    """Comment POSTs through the real view, today's screening and the shipped one taking
    turns (the pipeline's ``score`` swapped), so both see the same load."""
    from django.conf import settings
    from django.test import Client

    from cronica.comments import pipeline
    from cronica.screening.scoring import score

    # The test client comes from 127.0.0.1, a shared address: the shared budget applies.
    settings.CRONICA_COMMENT_SHARED_BUDGET = n * rounds * 20
    client, url = Client(), f"/en/comments/post/{article.pk}/"
    headers = {"Sec-Fetch-Site": "same-origin"}
    client.post(url, {"body": "warm up"}, headers=headers)
    best = {"today": [math.inf, math.inf], "shipped": [math.inf, math.inf]}
    turns = [("today", legacy_scoring.score), ("shipped", score)]
    for r in range(rounds):
        for name, scorer in turns if r % 2 == 0 else turns[::-1]:
            pipeline.score = scorer
            start, start_cpu = time.perf_counter(), time.process_time()
            for i in range(n):
                body = f"Los marinos tomaron las aduanas y sigue igual, ronda {r} {name} {i}"
                response = client.post(url, {"body": body}, headers=headers)
                assert response.status_code == 303, response.status_code
            cpu, wall = time.process_time() - start_cpu, time.perf_counter() - start
            best[name] = [min(best[name][0], cpu / n), min(best[name][1], wall / n)]
    pipeline.score = score
    (today_cpu, today_wall), (shipped_cpu, shipped_wall) = best["today"], best["shipped"]
    print(
        f"  comment POST, CPU: today {today_cpu * 1000:.2f} ms, shipped {shipped_cpu * 1000:.2f}"
        f" ms, ratio {shipped_cpu / today_cpu:.2f}; wall: {today_wall * 1000:.2f} ms and "
        f"{shipped_wall * 1000:.2f} ms, ratio {shipped_wall / today_wall:.2f} "
        f"(best of {rounds} rounds of {n}, taking turns)"
    )


def startup():
    """``cronica screen`` from start to exit with one comment (its light set-up, the model
    loaded, one score), next to the same command with no input (set-up only: the model
    is loaded on first use). bench/screening_startup.py compares with the whole site's
    set-up."""
    cronica = ROOT / ".venv" / "bin" / "cronica"
    best = {"no input": [math.inf, math.inf], "one comment": [math.inf, math.inf]}
    for _ in range(3):
        for name, stdin in (("no input", ""), ("one comment", '{"text": "hola"}\n')):
            start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(
                [str(cronica), "screen"], input=stdin, capture_output=True, text=True, check=True
            )
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            best[name] = [min(best[name][0], time.perf_counter() - start), min(best[name][1], cpu)]
    for name, (wall, cpu) in best.items():
        print(f"  cronica screen, start to exit, {name}: {wall:.2f} s wall, {cpu:.2f} s CPU")
    print("  (no input = set-up only: the model is loaded on first use); best of 3")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline-commit", default="f65dafe")
    args = parser.parse_args()
    article, _pg = site("sqlite")
    from cronica.screening import corpora, model
    from cronica.screening.scoring import score

    train, heldout = corpora.training_and_heldout()
    print(f"trained on {len(train)} items; held out: ", end="")
    print(", ".join(f"{k} {len(v)}" for k, v in heldout.items()))
    legacy_rules, legacy_tokens, legacy_scoring = legacy_package(args.baseline_commit)
    shipped = model.load()

    def model_only(text):
        from cronica.screening import rules

        return {k: v.p for k, v in shipped.predict(text, rules.evaluate(text).codes()).items()}

    def shipped_score(text):
        s = score(text)
        return {label: getattr(s, label) for label in LABELS}

    scorers = {
        "today: rules": cached(today_rules(legacy_rules)),
        "today: rules + NB": cached(TodayNB(legacy_rules, legacy_tokens, train)),
        "model": cached(model_only),
        "shipped": cached(shipped_score),
    }
    report(heldout, scorers)
    false_alarms(heldout, scorers)
    calibration(heldout, scorers["shipped"])
    texts = [i["text"] for items in heldout.values() for i in items][:3000]
    rates = speed(
        texts,
        {
            "today: rules": today_rules(legacy_rules),
            "today: score() (rules + newsroom NB queries)": legacy_scoring.score,
            "shipped: score() (rules + model + newsroom NB queries)": shipped_score,
        },
    )
    print(f"  ratio shipped / today's score(): {rates[list(rates)[2]] / rates[list(rates)[1]]:.2f}")
    post_cost(article, legacy_scoring)
    startup()


if __name__ == "__main__":
    main()
