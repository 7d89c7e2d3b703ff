"""`cronica serve` as an operator runs it: a production server and the worker, on a
fresh data directory, with scheduled publishing firing by itself and no trace of the
reader's address, user agent or referrer anywhere on disk or in the logs."""

import http.client
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.durability.served_site import CRONICA, REPO, free_port, manage

pytestmark = pytest.mark.slow  # starts real `cronica` processes (tests/markers.py)

CANARY_UA = "CanaryAgent/7.3 (reader-device-fingerprint)"
CANARY_REFERRER = "https://canary-referrer.example/secret-path"
CLIENT_ADDRESS = "127.0.0.3"


def get(port, path):
    conn = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=10, source_address=(CLIENT_ADDRESS, 0)
    )
    conn.request("GET", path, headers={"User-Agent": CANARY_UA, "Referer": CANARY_REFERRER})
    response = conn.getresponse()
    return response.status, response.read().decode()


@pytest.fixture
def site_env(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "CRONICA_TASKS_BACKEND")
    }
    env["CRONICA_DATA_DIR"] = str(tmp_path / "data")
    env["DJANGO_SETTINGS_MODULE"] = "cronica.settings"
    if env.get("DATABASE_URL"):
        pytest.skip("serves its own embedded SQLite site")
    manage(env, "migrate", "--noinput")
    return env


def test_serve_publishes_on_schedule_and_keeps_no_reader_trace(site_env, tmp_path):
    schedule = (
        "from datetime import timedelta\n"
        "from django.utils import timezone\n"
        "from wagtail.rich_text import RichText\n"
        "from cronica.news.models import ArticlePage, ArticleByline, Contributor, HomePage\n"
        "home = HomePage.objects.get()\n"
        "page = ArticlePage(title='Timed story', slug='timed-story', "
        "body=[('paragraph', RichText('<p>On time.</p>'))])\n"
        "page.bylines.add(ArticleByline(contributor=Contributor.objects.create(pen_name='Reloj')))\n"
        "page.live = False\n"
        "home.add_child(instance=page)\n"
        "page.go_live_at = timezone.now() + timedelta(seconds=3)\n"
        "page.save_revision().publish()\n"
    )
    port = free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            CRONICA + ["serve", "--port", str(port), "--workers", "1"],
            env=site_env,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _ = get(port, "/en/")
                break
            except OSError:
                assert time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.5)
        assert status == 200
        manage(site_env, "shell", "-c", schedule)
        assert get(port, "/en/timed-story/")[0] == 404

        # The worker's clock runs scheduled publishing every 30 seconds.
        deadline = time.monotonic() + 90
        while get(port, "/en/timed-story/")[0] != 200:
            assert time.monotonic() < deadline, "scheduled page never went live"
            time.sleep(2)
        status, html = get(port, "/en/")
        assert "Timed story" in html
        assert get(port, "/en/no-such-page/")[0] == 404
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    traces = [CLIENT_ADDRESS, CANARY_UA, "CanaryAgent", "canary-referrer"]
    logged = log_path.read_text()
    for trace in traces:
        assert trace not in logged
    for path in Path(site_env["CRONICA_DATA_DIR"]).rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for trace in traces:
                assert trace.encode() not in data, f"{trace} found in {path}"
