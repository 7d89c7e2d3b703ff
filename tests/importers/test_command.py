"""The `cronica import` contract as independent checks use it: the installed command in a
fresh data directory, exit status, progress bar on stderr, message on stderr."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import fixture

CRONICA = Path(sys.executable).parent / "cronica"


def cronica(data_dir, *args):
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env["CRONICA_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [str(CRONICA), *args], env=env, capture_output=True, text=True, timeout=300
    )


def count(data_dir, table):
    with sqlite3.connect(data_dir / "db.sqlite3") as db:
        return db.execute(f"select count(*) from {table}").fetchone()[0]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("cronica-import-cli")
    result = cronica(directory, "migrate", "--noinput")
    assert result.returncode == 0, result.stderr
    return directory


def test_hostile_file_exits_non_zero_with_a_message_and_writes_nothing(data_dir):
    result = cronica(data_dir, "import", "blogger", str(fixture("billion-laughs.xml")))
    assert result.returncode != 0
    assert "Nothing was imported." in result.stderr and "DOCTYPE" in result.stderr
    assert result.stdout == ""
    assert count(data_dir, "news_articlepage") == 0
    assert count(data_dir, "comments_comment") == 0


def test_import_then_reimport(data_dir):
    first = cronica(data_dir, "import", "wxr", str(fixture("wordpress.xml")))
    assert first.returncode == 0, first.stderr
    assert "Imported 3 posts (1 drafts, 0 scheduled), 1 pages, 7 comments" in first.stdout
    assert "Posts: 100%" in first.stderr and "Comments: 100%" in first.stderr
    pages, comments = count(data_dir, "news_articlepage"), count(data_dir, "comments_comment")
    assert (pages, comments) == (3, 7)

    again = cronica(data_dir, "import", "wxr", str(fixture("wordpress.xml")), "--no-progress")
    assert again.returncode == 0, again.stderr
    assert "left unchanged: 4 posts, 7 comments" in again.stdout
    assert again.stderr == ""
    assert (count(data_dir, "news_articlepage"), count(data_dir, "comments_comment")) == (3, 7)
