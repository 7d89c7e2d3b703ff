"""How long the tip line's cleaner takes to refuse hostile files, next to a genuine one.

The pass/fail tests (tests/hostile/test_tip_form.py) check what happens to a zip bomb or
a decompression-bomb image: refused or kept unchanged, nothing inflated. This script
prints how long that takes, against the baseline of cleaning an ordinary Word document
(tests/scrubbing/crafted.py) in the same run, because absolute times vary on a shared
machine. Run: .venv/bin/python bench/hostile_uploads.py
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cronica.settings")


def median_seconds(function, runs=5):
    """Median wall time of ``function()`` over ``runs`` calls."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main():
    import django

    django.setup()
    from cronica.scrubbing import files
    from tests.hostile import bombs
    from tests.scrubbing import crafted

    with tempfile.TemporaryDirectory() as tmp:
        document = crafted.docx(Path(tmp))
    cases = {
        "genuine docx (baseline)": document,
        "office zip bomb, 40 MB inflated": bombs.office_zip_bomb(inflated_mb=40),
        "office zip bomb, 120 MB inflated": bombs.office_zip_bomb(inflated_mb=120),
        "PNG decompression bomb": bombs.png_bomb(),
    }
    baseline = None
    print(f"{'file':36} {'bytes':>9} {'median ms':>10} {'x baseline':>11}")
    for name, data in cases.items():
        seconds = median_seconds(lambda data=data: files.scrub(data))
        baseline = baseline or seconds
        print(f"{name:36} {len(data):>9} {seconds * 1000:>10.1f} {seconds / baseline:>11.2f}")


if __name__ == "__main__":
    main()
