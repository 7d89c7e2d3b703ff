"""docs/invariants.md, invariant 4, "nothing acknowledged is lost", for the tip line, against a real
`cronica serve` killed with SIGKILL (gunicorn master, its workers and the task worker, all
at once), then started again on the same data directory.

The source's side is driven over HTTP exactly as a browser without JavaScript drives it:
GET the first-tip page, POST the multipart form with the codename typed back, POST the
review form. The journalist's side is the real admin inbox and pyrage decryption.
"""

import json
import re
import socket
import time

import pyrage
import requests

from .served_site import FORM_HEADERS

MARKER = "QA-PLAINTEXT-MARKER-9d2e41"
FILE_BYTES = (f"{MARKER} route of the trucks, km 112\n" * 40).encode()  # ~2 KB


def first_tip_form(site):
    page = requests.get(f"{site.url}/en/tips/new/", timeout=10)
    assert page.status_code == 200
    fields = dict(
        re.findall(r'name="(codename_shown|codename_signature)" value="([^"]*)"', page.text)
    )
    return {"mode": "new", **fields, "codename": fields["codename_shown"]}


def send_tip(site, message, files):
    form = {**first_tip_form(site), "message": message, "links": ""}
    response = requests.post(
        f"{site.url}/en/tips/send/", data=form, files=files, headers=FORM_HEADERS, timeout=60
    )
    assert response.status_code == 200, response.text[:2000]
    token = re.search(r'name="token" value="([^"]+)"', response.text).group(1)
    return token


def confirm(site, token):
    return requests.post(
        f"{site.url}/en/tips/confirm/",
        timeout=30,
        headers=FORM_HEADERS,
        data={"token": token, "metadata": "remove", "action": "send"},
    )


def inbox_sources(session, site):
    page = session.get(f"{site.url}/admin/tips/", timeout=10)
    assert page.status_code == 200
    return re.findall(r'href="/admin/tips/source/(\d+)/"', page.text)


def tip_counts(site):
    out = site.manage(
        "shell",
        "-c",
        (
            "from cronica.tips.models import Source, Submission, StoredFile\n"
            "print(Source.objects.count(), Submission.objects.count(), "
            "Submission.objects.filter(pending=False).count(), StoredFile.objects.count())"
        ),
    )
    return tuple(int(n) for n in out.stdout.splitlines()[-1].split())


def test_acknowledged_tip_survives_sigkill(tip_site, journalist_identity):
    site = tip_site.start()
    token = send_tip(
        site, f"Message {MARKER}", files={"files": ("ruta.txt", FILE_BYTES, "text/plain")}
    )
    acknowledged = confirm(site, token)
    site.kill()  # the instant the success response is in: no graceful shutdown
    assert acknowledged.status_code == 200 and "Your tip was sent" in acknowledged.text

    site.start()
    try:
        admin = site.admin_session()
        sources = inbox_sources(admin, site)
        assert len(sources) == 1, "the acknowledged tip is not listed in the inbox"
        detail = admin.get(f"{site.url}/admin/tips/source/{sources[0]}/", timeout=10).text
        manifest_url = re.search(r'href="(/admin/tips/submission/\d+/manifest/)"', detail)
        file_urls = re.findall(r'href="(/admin/tips/file/\d+/)"', detail)
        assert manifest_url and len(file_urls) == 1

        manifest = admin.get(site.url + manifest_url.group(1), timeout=10).content
        stored = admin.get(site.url + file_urls[0], timeout=10).content
        assert manifest.startswith(b"age-encryption.org/v1")
        assert stored.startswith(b"age-encryption.org/v1")
        content = json.loads(pyrage.decrypt(manifest, [journalist_identity]))
        assert content["message"] == f"Message {MARKER}"
        assert [f["name"] for f in content["files"]] == ["ruta.txt"]
        plain = pyrage.decrypt(stored, [journalist_identity])  # padded to its size bucket
        assert plain[: len(FILE_BYTES)] == FILE_BYTES and not plain[len(FILE_BYTES) :].strip(b"\0")
    finally:
        site.stop()
    # Nothing readable was written anywhere to get there.
    for path, data in site.every_byte_on_disk():
        assert MARKER.encode() not in data, path
    assert MARKER not in site.database_dump()


def multipart_head(form, boundary):
    parts = []
    for name, value in form.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
        )
    return b"".join(parts)


def file_part(boundary, filename):
    return (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
        f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
    ).encode()


def wait_for(condition, what, timeout=30):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def test_crash_mid_upload_and_before_confirmation_leaves_nothing_visible(tip_site):
    site = tip_site.start()
    tips_dir = site.data_dir / "tips"
    # 1. A submission the source has not confirmed yet (review page shown, not sent).
    pending_token = send_tip(
        site, f"Pending {MARKER}", files={"files": ("pending.txt", FILE_BYTES, "text/plain")}
    )
    blobs_before = set(tips_dir.rglob("*.age"))

    # 2. An upload cut by the crash: a first file complete, the second one half-way.
    boundary = "qaBoundary7MA4YWxkTrZu0gW"
    form = {**first_tip_form(site), "message": f"Cut {MARKER}", "links": ""}
    first_file = FILE_BYTES * 750  # ~1.5 MB
    second_file = FILE_BYTES * 5000  # ~10 MB, of which only a third is ever sent
    body_start = (
        multipart_head(form, boundary)
        + file_part(boundary, "one.txt")
        + first_file
        + b"\r\n"
        + file_part(boundary, "two.txt")
    )
    total = len(body_start) + len(second_file) + len(f"\r\n--{boundary}--\r\n")
    upload = socket.create_connection(("127.0.0.1", site.port), timeout=30)
    upload.sendall(
        (
            f"POST /en/tips/send/ HTTP/1.1\r\nHost: 127.0.0.1:{site.port}\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
            f"Content-Length: {total}\r\nSec-Fetch-Site: same-origin\r\n"
            "Origin: null\r\n\r\n"
        ).encode()
        + body_start
    )
    upload.sendall(second_file[: len(second_file) // 3])

    def first_file_committed_and_second_streaming():
        committed = set(tips_dir.rglob("*.age")) - blobs_before
        parts = [p for p in (tips_dir / "incoming").glob("*.part") if p.stat().st_size > 0]
        return committed and parts

    wait_for(first_file_committed_and_second_streaming, "the upload to reach the disk")
    site.kill()
    upload.close()

    # What the crash left on disk is ciphertext only.
    for path, data in site.every_byte_on_disk():
        assert MARKER.encode() not in data, path
        if tips_dir in path.parents and path.stat().st_size:
            assert data.startswith(b"age-encryption.org/v1"), path

    site.start()
    try:
        # Neither the cut upload nor the unconfirmed submission is visible to journalists.
        admin = site.admin_session()
        assert inbox_sources(admin, site) == []
        assert tip_counts(site) == (1, 1, 0, 1)  # only the pending one, still pending

        # The hourly sweep removes the cut upload's leftovers, and only them.
        site.manage(
            "shell",
            "-c",
            "from cronica.tips import blobs, jobs\nblobs.sweep_incoming(0)\njobs.sweep_orphans(0)",
        )
        assert not list((tips_dir / "incoming").glob("*.part"))
        assert set(tips_dir.rglob("*.age")) == blobs_before

        # The source can still send what they reviewed before the crash.
        assert "Your tip was sent" in confirm(site, pending_token).text
        assert len(inbox_sources(admin, site)) == 1
    finally:
        site.stop()
    assert MARKER not in site.database_dump()
