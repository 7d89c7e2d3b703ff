"""Fixtures for crash tests: a journalist's age identity (made with pyrage, as `cronica
tips keygen` would on their machine) and a served site whose tip line is open to it."""

import pyrage
import pytest

from .served_site import ServedSite


@pytest.fixture
def journalist_identity():
    return pyrage.x25519.Identity.generate()


@pytest.fixture
def tip_site(tmp_path, journalist_identity):
    site = ServedSite(
        tmp_path, extra_env={"CRONICA_TIPS_RECIPIENTS": str(journalist_identity.to_public())}
    )
    try:
        yield site
    finally:
        site.close()
