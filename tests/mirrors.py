"""Real files nobody on the team wrote, read at test time from local snapshots of their
public repositories: ``$CRONICA_MIRROR_DIR/<owner>+<name>/repo`` (default
``/work/.mirror``, where the search tool's ``fetch`` puts them), a bare git directory or a
checkout. Nothing is copied into this repository; a test that needs a missing file skips
with the reason. ``cronica/screening/corpora.py`` reads the same variable.
"""

import os
import subprocess
from pathlib import Path

import pytest

MIRRORS = Path(os.environ.get("CRONICA_MIRROR_DIR", "/work/.mirror"))


def git_dir(repo):
    """The git directory of the snapshot of ``repo`` ("owner/name"), present or not."""
    base = MIRRORS / repo.replace("/", "+") / "repo"
    return base / ".git" if (base / ".git").is_dir() else base


def mirror_file(repo, path, commit="HEAD"):
    """The bytes of ``path`` at ``commit`` in the snapshot of ``repo``, or a pytest skip
    saying what is missing."""
    directory = git_dir(repo)
    if not directory.is_dir():
        pytest.skip(f"no local snapshot of {repo} at {directory} (fetch it first)")
    result = subprocess.run(
        ["git", f"--git-dir={directory}", "show", f"{commit}:{path}"],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"{repo}@{commit[:10]} has no {path}")
    return result.stdout
