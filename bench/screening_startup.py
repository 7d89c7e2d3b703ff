"""Start-up of ``cronica screen``: the light entry next to the whole site's set-up.

Usage: .venv/bin/python bench/screening_startup.py [--runs 5]

Each run starts a fresh process that scores one comment and exits, on a throw-away,
migrated SQLite data directory:

- "cronica screen" -- the command as shipped (cronica/screening/cli.py: Django set up with
  the screening app alone, then the shipped model loaded on first use);
- "baseline: full site set-up" -- the same management command through Django's
  ``execute_from_command_line`` with every app of the site, which is what
  ``cronica screen`` did before the light entry.

Prints the best and median wall and CPU time of each over the runs, taking turns so both
see the same load, and the ratio of the two.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
CRONICA = ROOT / ".venv" / "bin" / "cronica"
FULL_SITE = (
    "import os, sys; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'cronica.settings'); "
    "from cronica.core import datadir; datadir.prepare(); "
    "from django.core.management import execute_from_command_line; "
    "execute_from_command_line(['cronica', 'screen'])"
)
STDIN = '{"text": "Los marinos tomaron las aduanas y sigue igual"}\n'


def timed(command, env):
    start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, input=STDIN, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode or len(done.stdout.splitlines()) != 1:
        sys.exit(f"{command}: exit {done.returncode}\n{done.stderr}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, CRONICA_DATA_DIR=tempfile.mkdtemp(prefix="cronica-bench-screen-"))
    env.pop("DATABASE_URL", None)
    subprocess.run([str(CRONICA), "migrate", "--noinput"], env=env, check=True, capture_output=True)
    commands = {
        "cronica screen": [str(CRONICA), "screen"],
        "baseline: full site set-up": [str(PYTHON), "-c", FULL_SITE],
    }
    times = {name: [] for name in commands}
    for run in range(args.runs):
        order = list(commands) if run % 2 == 0 else list(commands)[::-1]
        for name in order:
            times[name].append(timed(commands[name], env))
    print(f"start to exit with one comment, {args.runs} runs each, taking turns:")
    for name, runs in times.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(
            f"  {name}: best {min(walls):.2f} s wall ({min(cpus):.2f} s CPU), "
            f"median {statistics.median(walls):.2f} s wall"
        )
    light, full = (min(w for w, _ in times[name]) for name in commands)
    print(f"  ratio cronica screen / baseline (best wall): {light / full:.2f}")
    print(f"  load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
