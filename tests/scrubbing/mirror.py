"""Real files nobody on the team wrote, read at run time from a local snapshot of their
public repository (``/work/.mirror/<owner>+<name>/repo``, a bare git directory). Nothing
is copied into this repository; a test skips with the reason when the snapshot is absent.

Provenance (see docs/security.md, "Metadata removal"):
- decalage2/oletools at 58ff1a4e5bb6d9087cc9bc2c69e38150e38b69f8,
  tests/test-data/msodde/harmless-clean.doc: a Word 97-2003 document saved by Word 2016.
"""

import os
import subprocess
from pathlib import Path

import pytest

MIRRORS = Path(os.environ.get("CRONICA_TEST_MIRRORS", "/work/.mirror"))


def mirror_file(repo, path, commit="HEAD"):
    """The bytes of ``path`` in the snapshot of ``repo`` ("owner/name"), or a skip."""
    git_dir = MIRRORS / repo.replace("/", "+") / "repo"
    if not git_dir.is_dir():
        pytest.skip(f"no local snapshot of {repo} under {MIRRORS}")
    result = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"], capture_output=True
    )
    if result.returncode != 0:
        pytest.skip(f"{path} is not in the snapshot of {repo}")
    return result.stdout
