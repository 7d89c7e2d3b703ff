"""A real `cronica serve` (gunicorn + worker) on a fresh data directory, for tests that must
kill it, restart it or talk raw HTTP to it.

On SQLite the site's database lives in its own data directory; when the suite runs with
``DATABASE_URL`` (PostgreSQL), the site gets a database of its own, created and migrated
here and dropped afterwards, so the served process and the test never share state by
accident.
"""

import atexit
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse, urlunparse

REPO = Path(__file__).resolve().parents[2]
CRONICA = [sys.executable, "-m", "cronica.cli"]
ADMIN_USER, ADMIN_PASSWORD = "qa-editor", "qa-password-not-secret-1234"
# Browsers without JavaScript post the tip forms with these (Referrer-Policy no-referrer
# makes the Origin "null").
FORM_HEADERS = {"Sec-Fetch-Site": "same-origin", "Origin": "null"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _base_env(data_dir):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "CRONICA_TASKS_BACKEND", "REDIS_URL")
    }
    env.update(
        {
            "CRONICA_DATA_DIR": str(data_dir),
            "DJANGO_SETTINGS_MODULE": "cronica.settings",
            "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD,
        }
    )
    return env


class _Database:
    """A PostgreSQL database of its own for the served site (None on SQLite), optionally a
    copy of ``template``."""

    def __init__(self, base_url, template=None):
        import psycopg

        self._psycopg = psycopg
        parts = urlparse(base_url)
        self.name = f"cronica_qa_{uuid.uuid4().hex[:12]}"
        self.admin_url = base_url
        self.url = urlunparse(parts._replace(path=f"/{self.name}"))
        clause = f' TEMPLATE "{template.name}"' if template else ""
        with psycopg.connect(base_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"{clause}')

    def drop(self):
        with self._psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def manage(env, *args, stdin=None):
    """Runs ``cronica ARGS`` in a child process; its completed process (output as text)."""
    return subprocess.run(
        CRONICA + list(args),
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
        input=stdin,
    )


_template = {}


def migrated_template():
    """A migrated site with an administrator, made once per test process (migrating takes
    half a minute); each ServedSite starts from a copy of it."""
    if not _template:
        import tempfile

        data_dir = Path(tempfile.mkdtemp(prefix="cronica-qa-template-"))
        env = _base_env(data_dir)
        database = _Database(env["DATABASE_URL"]) if env.get("DATABASE_URL") else None
        if database:
            env["DATABASE_URL"] = database.url
        manage(env, "migrate", "--noinput")  # also creates the site structure
        manage(
            env,
            "createsuperuser",
            "--noinput",
            "--username",
            ADMIN_USER,
            "--email",
            "qa@example.org",
        )
        _template.update(data_dir=data_dir, database=database)

        def remove():
            shutil.rmtree(data_dir, ignore_errors=True)
            if database:
                database.drop()

        atexit.register(remove)
    return _template


class ServedSite:
    """One site: ``start()``, ``kill()`` (SIGKILL of the whole process group), ``stop()``.
    Its data directory (and PostgreSQL database) is a fresh copy of the migrated template."""

    def __init__(self, tmp_path, extra_env=None, workers=1, threads=None):
        """``workers=None`` (or ``threads=None``) serves with `cronica serve`'s own default."""
        template = migrated_template()
        self.data_dir = tmp_path / "site-data"
        shutil.copytree(template["data_dir"], self.data_dir)
        self.log_path = tmp_path / "serve.log"
        self.workers, self.threads = workers, threads
        env = _base_env(self.data_dir)
        env.update(extra_env or {})
        self.database = (
            _Database(env["DATABASE_URL"], template["database"]) if template["database"] else None
        )
        if self.database:
            env["DATABASE_URL"] = self.database.url
        self.env = env
        self.port = free_port()
        self.process = None

    def manage(self, *args, stdin=None):
        return manage(self.env, *args, stdin=stdin)

    def start(self, ready_path="/en/"):
        with open(self.log_path, "a") as log:
            self.process = subprocess.Popen(
                CRONICA
                + ["serve", "--port", str(self.port)]
                + (["--workers", str(self.workers)] if self.workers else [])
                + (["--threads", str(self.threads)] if self.threads else []),
                env=self.env,
                cwd=REPO,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # its own process group, so kill() gets every child
        deadline = time.monotonic() + 60
        while True:
            try:
                if self.status(ready_path) < 500:
                    return self
            except OSError:
                pass
            assert self.process.poll() is None, self.log_path.read_text()
            assert time.monotonic() < deadline, self.log_path.read_text()
            time.sleep(0.3)

    def status(self, path):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request("GET", path)
            return conn.getresponse().status
        finally:
            conn.close()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def kill(self):
        """SIGKILL gunicorn's master and workers and the task worker at once: a crash."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self._wait_port_free()

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)
        self.process = None

    def close(self):
        self.stop()
        if self.database:
            self.database.drop()

    def _wait_port_free(self):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
            except OSError:
                return
            time.sleep(0.2)

    def admin_session(self):
        """A logged-in `requests` session on the Wagtail admin."""
        import requests

        session = requests.Session()
        login = session.get(f"{self.url}/admin/login/", timeout=10)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
        done = session.post(
            f"{self.url}/admin/login/",
            timeout=10,
            data={
                "csrfmiddlewaretoken": token,
                "username": ADMIN_USER,
                "password": ADMIN_PASSWORD,
                "next": "/admin/",
            },
            headers={"Referer": f"{self.url}/admin/login/"},
        )
        assert done.ok and "/admin/login/" not in done.url, done.text[:500]
        return self._enrol_second_factor(session, done)

    def _enrol_second_factor(self, session, page):
        """The second factor as an editor's authenticator app gives it (same TOTP): enrol
        on the first sign-in, then a later code (each is accepted once) on the next."""
        import base64

        from django_otp.oath import TOTP

        if "/admin/staff/2fa/enrol/" in page.url:
            secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page.text).group(1)
            self._totp = TOTP(base64.b32decode(secret + "=" * (-len(secret) % 8)))
        else:
            assert "/admin/staff/2fa/verify/" in page.url, page.url
            self._totp.time = time.time() + 30 * getattr(self, "_totp_uses", 0)
        self._totp_uses = getattr(self, "_totp_uses", 0) + 1
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        done = session.post(
            page.url,
            timeout=10,
            data={
                "csrfmiddlewaretoken": token,
                "code": f"{self._totp.token():06d}",
                "next": "/admin/",
            },
            headers={"Referer": page.url},
        )
        assert done.ok and "/admin/staff/2fa/" not in done.url or "recovery-codes" in done.text
        admin = session.get(f"{self.url}/admin/", timeout=10, allow_redirects=False)
        assert admin.status_code == 200, admin.headers.get("Location")
        return session

    def database_dump(self):
        """Every row of every model, as JSON text (covers PostgreSQL, whose files are
        elsewhere)."""
        return self.manage("dumpdata", "--format", "json").stdout

    def every_byte_on_disk(self):
        """Every file under the data directory, as (path, bytes)."""
        return [(p, p.read_bytes()) for p in self.data_dir.rglob("*") if p.is_file()]
