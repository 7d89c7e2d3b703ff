"""Helpers for the importer tests: the fixture exports, running `cronica import` in
process, a snapshot of everything an import writes, and a local image server."""

import functools
import http.server
import io
import threading
from pathlib import Path

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command

FIXTURES = Path(__file__).parent / "fixtures"
# Every fixture's images live on this unresolvable host (RFC 2606 reserves .invalid):
# the "unreachable" path. Tests that need reachable images rewrite it to a local server.
IMAGE_HOST = "http://images.invalid"


def fixture(name):
    return FIXTURES / name


def run_import(kind, path, *args):
    """``cronica import KIND PATH``, in process; returns (stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    call_command("import_content", kind, str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def snapshot():
    """Every row an import can touch, serialized: equal snapshots mean nothing changed."""
    from taggit.models import Tag, TaggedItem
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import Page, Revision

    from cronica.comments.models import Comment
    from cronica.importers.models import ImportedItem
    from cronica.news.images import CleanImage
    from cronica.news.models import ArticleByline, ArticlePage, ArticleTag, Contributor

    models = [
        Page,
        ArticlePage,
        Revision,
        Comment,
        Contributor,
        ArticleByline,
        ArticleTag,
        Tag,
        TaggedItem,
        Redirect,
        CleanImage,
        ImportedItem,
    ]
    return {m.__name__: serializers.serialize("json", m.objects.order_by("pk")) for m in models}


def whole_database_text():
    """All rows of all tables as one string, to look for data that must never be stored."""
    return "\n".join(
        serializers.serialize("json", model.objects.all())
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    )


def rewritten(tmp_path, name, old, new):
    """A copy of fixture ``name`` with ``old`` replaced by ``new``."""
    target = tmp_path / name
    target.write_text(fixture(name).read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return target


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):
        self.server.requested.append(self.path)
        super().do_GET()


@pytest.fixture
def image_server(tmp_path):
    """A real HTTP server on 127.0.0.1 serving ``tmp_path/served``; ``.url`` is its base
    URL, ``.root`` the directory, ``.requested`` the paths asked for."""
    root = tmp_path / "served"
    root.mkdir()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Handler, directory=str(root))
    )
    server.requested = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    server.root = root
    yield server
    server.shutdown()
    server.server_close()
