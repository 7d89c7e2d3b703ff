"""The same metadata removal through a real `cronica serve` (gunicorn, its default workers,
default Argon2 cost): a dashcam MP4 (ffmpeg on memory files inside a gunicorn worker) and a
Word document are sent, confirmed, and decrypted by the journalist with the CLI and their
own key; nothing identifying is left in any part."""

import re
import subprocess

import pytest

from tests.durability.served_site import ServedSite
from tests.scrubbing import crafted
from tests.scrubbing.unpack import leaks_in

from .source_http import CAN, TipLine

pytestmark = pytest.mark.slow  # starts real `cronica` processes (tests/markers.py)


@pytest.fixture(scope="module")
def journalist_key(tmp_path_factory):
    key = tmp_path_factory.mktemp("journalist") / "journalist.key"
    subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
    return key, re.search(r"public key: (age1\w+)", key.read_text()).group(1)


@pytest.fixture(scope="module")
def site(tmp_path_factory, journalist_key):
    served = ServedSite(
        tmp_path_factory.mktemp("served-scrub"),
        workers=None,
        extra_env={"CRONICA_TIPS_RECIPIENTS": journalist_key[1]},
    )
    try:
        yield served.start("/en/tips/")
    finally:
        served.close()


def submission_ids(site):
    """The ids of the site's submissions, read by the site itself (ids are random, so the
    newest is the one that was not there before, not the highest)."""
    out = site.manage(
        "shell",
        "-c",
        "from cronica.tips.models import Submission\n"
        "print(' '.join(str(pk) for pk in Submission.objects.values_list('pk', flat=True)))",
    )
    lines = out.stdout.strip().splitlines()
    return set(lines[-1].split()) if lines else set()


def new_blobs(site, before):
    """Paths of the manifest and file blob of the one submission not in ``before``."""
    (new,) = submission_ids(site) - before
    out = site.manage(
        "shell",
        "-c",
        (
            "from cronica.tips import blobs\n"
            "from cronica.tips.models import Submission\n"
            f"s = Submission.objects.get(pk={new!r})\n"
            "print(blobs.path_of(s.manifest))\n"
            "print(blobs.path_of(s.files.get().blob))"
        ),
    )
    return out.stdout.split()[-2:]


@pytest.mark.parametrize("name", ["dashcam.mp4", "report.docx"])
def test_cleaned_through_cronica_serve(site, journalist_key, tmp_path, name):
    before = submission_ids(site)
    tip_line = TipLine(site.url)
    review = tip_line.send(name, crafted.CLEANABLE[name](tmp_path))
    assert CAN in review
    tip_line.confirm(review)
    out = tmp_path / "decrypted"
    site.manage(
        "tips", "decrypt", "-i", str(journalist_key[0]), "-o", str(out), *new_blobs(site, before)
    )
    assert leaks_in((out / name).read_bytes(), name) == []
