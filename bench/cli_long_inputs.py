"""The command-line contracts on long inputs, timed outside the test suite:

- `cronica screen` on a 1 MB line: the length cap answers it without scoring it, so the
  stream does not stall. Baseline: the same command on one short line (process start-up
  and model load dominate both); the ratio should stay near 1.
- `cronica extract` on 1.2 MB of article text (the demo knowledge base loaded). Baseline:
  the same command on one paragraph of it.

    .venv/bin/python bench/cli_long_inputs.py
"""

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXECUTABLE = REPO / ".venv" / "bin" / "cronica"
PARAGRAPH = (
    "Police seized 1.5 tons of cocaine worth $20 million in Manzanillo on May 3, "
    "2024. The Sinaloa Cartel was blamed. Ovidio Guzmán was not charged.\n\n"
)


def timed(command, stdin, env, runs=3):
    """Best wall-clock seconds of `cronica COMMAND` over ``runs`` runs, and its output."""
    best, out = None, b""
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [str(EXECUTABLE), command], input=stdin, env=env, capture_output=True, check=True
        )
        seconds = time.perf_counter() - started
        best, out = min(best or seconds, seconds), done.stdout
    return best, out


def report(what, seconds, baseline):
    print(f"{what}: {seconds:.2f} s (baseline {baseline:.2f} s, ratio {seconds / baseline:.2f})")


def main():
    data_dir = Path(tempfile.mkdtemp(prefix="cronica-bench-cli-"))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update({"CRONICA_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "cronica.settings"})
    try:
        for step in (["migrate", "--noinput"], ["demo"]):
            subprocess.run([str(EXECUTABLE), *step], env=env, check=True, capture_output=True)

        after = json.dumps({"text": "after"}).encode() + b"\n"
        huge = json.dumps({"text": "spam casino " * 85_000}).encode() + b"\n"
        baseline, _ = timed("screen", after, env)
        capped, out = timed("screen", huge + after, env)
        answers = [json.loads(line) for line in out.splitlines()]
        assert len(answers) == 2 and "error" in answers[0] and "error" not in answers[1]
        report("screen: a 1 MB line, then a short one", capped, baseline)

        long_text = (PARAGRAPH * (1_200_000 // len(PARAGRAPH))).encode()
        baseline, _ = timed("extract", PARAGRAPH.encode(), env)
        seconds, out = timed("extract", long_text, env, runs=1)
        assert json.loads(out)["entities"]
        report("extract: 1.2 MB of article text", seconds, baseline)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
