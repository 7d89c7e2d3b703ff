"""cronica's cleaner against mat2 (Debian's ``mat2``, Tails' metadata remover) on the same
crafted hostile files (tests/scrubbing/crafted.py): for each file, how many identifying
traces the full unpacking checker (tests/scrubbing/unpack.py) finds in the original, in
cronica's output and in mat2's (default settings, and ``--unknown-members omit``), and the
time each takes; mat2 is the baseline of the ratio.

    .venv/bin/python bench/scrub_vs_mat2.py
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cronica.settings")


def mat2(path, *options):
    """(cleaned bytes or None, seconds, mat2's complaint)."""
    started = time.perf_counter()
    result = subprocess.run(["mat2", *options, str(path)], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    out = path.with_name(f"{path.stem}.cleaned{path.suffix}")
    if not out.exists():
        text = result.stderr + result.stdout
        complaint = "unsupported format" if "is not supported" in text else "unknown part"
        if "something went wrong" in text:
            complaint = "error"
        return None, seconds, complaint
    data = out.read_bytes()
    out.unlink()
    return data, seconds, ""


def main():
    import django

    from cronica.core import datadir

    os.environ.setdefault("CRONICA_DATA_DIR", tempfile.mkdtemp(prefix="cronica-bench-"))
    datadir.prepare()  # the keys, as `cronica` makes them before any command
    django.setup()
    from cronica.scrubbing import files
    from tests.scrubbing import crafted
    from tests.scrubbing.unpack import leaks_in

    makers = {**crafted.CLEANABLE, **crafted.UNCLEANABLE}
    print("| file | traces before | cronica | mat2 | mat2 omit | cronica ms | mat2 ms | ratio |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for name, make in makers.items():
            data = make(folder)
            path = folder / f"input{Path(name).suffix}"
            path.write_bytes(data)
            before = "?" if name == "locked.pdf" else len(leaks_in(data, name))
            started = time.perf_counter()
            result = files.scrub(data)
            ours_s = time.perf_counter() - started
            ours = "refused" if result.cleaned is None else len(leaks_in(result.cleaned, name))
            cells = []
            theirs_s = 0.0
            for options in ((), ("--unknown-members", "omit")):
                cleaned, seconds, complaint = mat2(path, *options)
                theirs_s = theirs_s or seconds
                cells.append(
                    f"refused: {complaint}" if cleaned is None else len(leaks_in(cleaned, name))
                )
            ratio = f"{ours_s / theirs_s:.2f}" if theirs_s else "-"
            print(
                f"| {name} | {before} | {ours} | {cells[0]} | {cells[1]} "
                f"| {ours_s * 1000:.0f} | {theirs_s * 1000:.0f} | {ratio} |"
            )


if __name__ == "__main__":
    main()
