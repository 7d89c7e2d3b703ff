"""The suite's own markers, made real (a plugin loaded by tests/conftest.py).

- ``postgres_only``: the test needs PostgreSQL; it is skipped, with the reason, unless
  ``DATABASE_URL`` is a ``postgres://`` (or ``postgresql://``) URL.
- ``slow``: the test starts a real ``cronica`` process (``cronica serve``, a SIGKILL, a
  migrate in a child) or takes more than about ten seconds. ``./dev test`` runs them all;
  ``./dev test -m "not slow"`` is the fast local run. Modules that start ``cronica`` for
  every test say so with ``pytestmark``; a test that uses one of PROCESS_FIXTURES (each
  starts and migrates a site of its own) is marked here, wherever it lives.
"""

import os

import pytest

PROCESS_FIXTURES = {
    "site_env",  # tests/hostile: a migrated demo site for `cronica screen` and `extract`
    "tip_site",  # tests/durability: `cronica serve` with the tip line, killed with SIGKILL
    "comment_site",  # tests/durability: `cronica serve` for comments, killed with SIGKILL
}


# Tests in files other branches were editing when the marker came; `pytestmark` there later.
PROCESS_TESTS = (
    "tests/importers/test_command.py::",  # `cronica migrate` and `import` in a child
    "tests/dossier/test_extract_command.py::test_the_cronica_command_reads_stdin",
)


def on_postgresql():
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def pytest_collection_modifyitems(config, items):
    for item in items:
        uses_process = PROCESS_FIXTURES & set(getattr(item, "fixturenames", ()))
        if uses_process or item.nodeid.startswith(PROCESS_TESTS):
            item.add_marker(pytest.mark.slow)


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres_only") and not on_postgresql():
        pytest.skip("postgres_only: DATABASE_URL is not a PostgreSQL URL")
