"""The demo as a new user meets it: the tip line is open to a demo-only key, the printed
password and recovery code get the demo editor into the admin, and a tip sent through the
public form can be read in the inbox."""

import io
import re
import stat

import pytest
from django.core.management import call_command

from cronica.tips import demo as tips_demo
from cronica.tips.models import Recipient

from .conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_output(db, settings, tmp_path):
    from django.core.cache import cache

    cache.clear()
    settings.CRONICA_TIPS_RECIPIENTS = []
    settings.CRONICA_TIPS_ARGON2 = {"time_cost": 1, "memory_cost": 8192}
    settings.CRONICA_TIPS_ROOT = tmp_path / "tips"
    settings.DATA_DIR = tmp_path
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_demo_key_opens_the_tip_line_and_the_editor_reads_a_tip(client, demo_output):
    path = tips_demo.identity_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "DEMO ONLY" in path.read_text()
    recipient = Recipient.objects.get()
    assert "DEMO ONLY" in recipient.name and recipient.public_key == tips_demo.demo_recipient()
    assert "DEMO-ONLY journalist key" in demo_output

    # A source sends a tip through the public form.
    form = client.get("/en/tips/new/")
    assert form.status_code == 200
    fields = dict(
        re.findall(
            r'name="(codename_shown|codename_signature)" value="([^"]*)"', form.content.decode()
        )
    )
    sent = client.post(
        "/en/tips/send/",
        {"mode": "new", **fields, "codename": fields["codename_shown"], "message": "Ruta 45"},
        headers={"Sec-Fetch-Site": "same-origin"},
    )
    assert sent.status_code == 200, sent.content.decode()[:400]

    # The new user signs in with what the demo printed: the password and a recovery code.
    password = re.search(r"password: (\S+)", demo_output).group(1)
    code = re.search(r"recovery codes[^:]*: (\w+)", demo_output).group(1)
    assert re.search(r"authenticator key \(type it into any TOTP app\): [A-Z2-7]{32}", demo_output)
    editor = client.__class__()
    sign_in(editor, "editor", password=password)
    verified = editor.post("/admin/staff/2fa/verify/", {"code": code, "next": "/admin/tips/"})
    assert verified.status_code == 302 and verified.url == "/admin/tips/"
    inbox = editor.get("/admin/tips/").content.decode()
    assert "demo journalist key is a recipient" in inbox
    source = re.search(r'href="(/admin/tips/source/\d+/)"', inbox).group(1)
    page = editor.get(source).content.decode()
    assert "Opened with the demo-only key" in page and "Ruta 45" in page


def test_demo_adds_no_key_where_recipients_exist(db, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.CRONICA_TIPS_RECIPIENTS = ["age1" + "q" * 58]
    out = io.StringIO()
    tips_demo.load(out)
    assert "no demo key added" in out.getvalue()
    assert not tips_demo.identity_path().exists() and not Recipient.objects.exists()
