"""Shared fixtures: the site structure, the demo newsroom and a real Chromium.

Browser tests run against pytest-django's ``live_server`` (a real HTTP server on
loopback) and Debian's Chromium driven by Playwright; no browser is ever downloaded.
"""

import os
import shutil
from urllib.parse import urlparse

import pytest

pytest_plugins = ["tests.markers"]  # the postgres_only and slow markers

CHROMIUM = os.environ.get("CRONICA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Playwright's sync API runs an event loop; Django refuses sync ORM calls from a thread
# that has one unless told this is intended (it is: tests drive the browser, then query).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def staff_login():
    """``staff_login(client, user)``: the test client signed in as a staff member who has
    passed two-factor sign-in, as the enrol/verify pages leave a session: a confirmed TOTP
    device, verified through django_otp's session key. Returns the device."""

    def login(client, user):
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from cronica.staff.sessions import second_factor_checked

        client.force_login(user)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="test app", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        second_factor_checked(session)
        session.save()
        return device

    return login


@pytest.fixture
def totp_code():
    """``totp_code(secret, steps=0)``: the code an authenticator app shows now (or
    ``steps`` time steps later) for a TOTP device or a base32 secret, by django-otp's own
    algorithm. Each code is accepted once, so a second sign-in uses ``steps=1``."""
    import base64
    import time

    from django_otp.oath import TOTP

    def code(secret, steps=0):
        if isinstance(secret, str):
            key = base64.b32decode(secret + "=" * (-len(secret) % 8))
        else:
            key = secret.bin_key
        totp = TOTP(key, step=30, t0=0, digits=6)
        totp.time = time.time() + 30 * steps
        return f"{totp.token():06d}"

    return code


@pytest.fixture
def home(db):
    from cronica.news.models import HomePage
    from cronica.news.setup import ensure_site

    ensure_site()
    return HomePage.objects.get()


@pytest.fixture
def demo(db):
    """The demo newsroom, loaded through the same code as `cronica demo`."""
    import io

    from django.core.management import call_command

    call_command("demo", stdout=io.StringIO())


@pytest.fixture
def purge_endpoint(settings):
    """A real HTTP endpoint on loopback standing in for the cache in front (Varnish,
    nginx): the list of ``host/path`` it was asked to PURGE."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    purged = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (HTTP verb)
            purged.append(f"{self.headers['Host']}{self.path}")
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield purged
    server.shutdown()


@pytest.fixture(scope="session")
def playwright_instance():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    browser = playwright_instance.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


class RequestLog:
    """Every request a page made, to assert none left the site's origin."""

    def __init__(self, origin):
        self.origin = origin
        self.urls = []

    def record(self, request):
        self.urls.append(request.url)

    def foreign(self):
        allowed = urlparse(self.origin).netloc
        return [
            u
            for u in self.urls
            if urlparse(u).scheme in ("http", "https", "ws", "wss")
            and urlparse(u).netloc != allowed
        ]


def _new_page(browser, live_server, javascript, viewport):
    context = browser.new_context(
        java_script_enabled=javascript, viewport=viewport, base_url=live_server.url
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    log = RequestLog(live_server.url)
    page.on("request", log.record)
    page.requests = log
    return context, page


@pytest.fixture
def page(browser, live_server):
    """A browser tab on the live server, JavaScript on; ``page.requests`` logs requests."""
    context, tab = _new_page(browser, live_server, True, {"width": 1280, "height": 900})
    yield tab
    context.close()


@pytest.fixture
def page_nojs(browser, live_server):
    """A tab with JavaScript disabled, as Tor Browser in its safest mode."""
    context, tab = _new_page(browser, live_server, False, {"width": 1280, "height": 900})
    yield tab
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    """A 360 px wide phone viewport."""
    context, tab = _new_page(browser, live_server, True, {"width": 360, "height": 740})
    yield tab
    context.close()


# Reader comments: used by the comments, screening and hostile tests.

SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin"}


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request to an /es/ page leaves Spanish
    active in the thread (LocaleMiddleware does not undo it), so a later test's
    ``page.url`` would otherwise carry /es/."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Flood counters, their daily key and stored pages live in caches (the "ratelimit"
    alias is apart from "default"); each test starts with none."""
    from django.conf import settings
    from django.core.cache import caches

    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def article(home):
    from cronica.news.models import ArticleByline, ArticlePage, Contributor

    writer, _ = Contributor.objects.get_or_create(pen_name="Sombra")
    page = ArticlePage(
        title="Port seizure in Manzanillo",
        slug="port-seizure",
        language="en",
        summary="Marines found cocaine in a container.",
        body=[("heading", "What was found")],
    )
    page.bylines.add(ArticleByline(contributor=writer))
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def post(client):
    """Posts a comment as a browser on this site would; returns the response."""

    def send(article, body, name="", parent="", lang="en", headers=SAME_ORIGIN, **extra):
        data = {"name": name, "body": body, "parent": parent, "website": "", **extra}
        return client.post(f"/{lang}/comments/post/{article.pk}/", data, headers=headers)

    return send


@pytest.fixture
def report(client):
    """Reports comment ``pk`` as a browser on this site would; returns the response."""

    def send(pk, reason="spam", headers=SAME_ORIGIN, **extra):
        return client.post(
            f"/en/comments/{pk}/report/", {"reason": reason}, headers=headers, **extra
        )

    return send


@pytest.fixture
def editor(home):
    """A user in the Editors group (created by the site setup), as the newsroom has: for
    the moderation and screening tests that read the comment queue."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("editora", password="x" * 16)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(editor, staff_login):
    from django.test import Client

    client = Client()
    staff_login(client, editor)
    return client
