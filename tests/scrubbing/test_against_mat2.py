"""mat2 (the metadata removal tool of Tails, Debian package ``mat2``) as a second opinion:
on every crafted file mat2 supports, ``mat2 --show`` must find nothing in cronica's output
that it does not also find in mat2's own cleaned copy of the same file (the structural
fields some formats must keep), and nothing at all where mat2's copy is empty.

mat2 writes its cleaned copy next to the input (``name.cleaned.ext``): these are test
files in a temporary folder, never tips."""

import re
import shutil
import subprocess

import pytest

from cronica.scrubbing import files

from . import crafted

pytestmark = pytest.mark.skipif(
    shutil.which("mat2") is None, reason="mat2 is not installed (apt-get install mat2)"
)


def shown_fields(path):
    """Field names ``mat2 --show`` reports for ``path`` (prefixed by zip member), or None
    when mat2 does not support the format."""
    out = subprocess.run(["mat2", "--show", str(path)], capture_output=True, text=True).stdout
    if "No metadata found" in out:
        return set()
    if "Metadata for" not in out:
        return None
    fields, member = set(), ""
    for line in out.splitlines():
        if line.startswith("[++] Metadata for "):
            member = line[len("[++] Metadata for ") : -1] + "/"
        elif match := re.match(r"\s+([^:]+):", line):
            fields.add(member + match.group(1).strip())
    return fields


def mat2_cleaned(path):
    subprocess.run(["mat2", "--unknown-members", "omit", str(path)], capture_output=True, text=True)
    cleaned = path.with_name(f"{path.stem}.cleaned{path.suffix}")
    return cleaned if cleaned.exists() else None


@pytest.mark.parametrize("name", sorted(crafted.CLEANABLE))
def test_mat2_finds_nothing_it_could_remove(tmp_path, name):
    original = tmp_path / f"original{name[name.rindex('.') :]}"
    original.write_bytes(crafted.CLEANABLE[name](tmp_path))
    before = shown_fields(original)
    if before is None:
        pytest.skip(f"mat2 does not support {name}")
    assert before  # mat2 does see what the crafted file carries
    ours = tmp_path / f"ours{original.suffix}"
    ours.write_bytes(files.scrub(original.read_bytes()).cleaned)
    theirs = mat2_cleaned(original)
    found = shown_fields(ours)
    baseline = shown_fields(theirs) if theirs else set()
    assert found <= baseline, sorted(found - baseline)
