"""The write gate (cronica/core/writegate.py): SQLite writers queue for it in the kernel
instead of polling for SQLite's write lock, and a comment POST stores behind it."""

import fcntl
import os
import threading

import pytest
from django.db import connection

from cronica.comments.models import Comment
from cronica.core import writegate


def test_the_gate_waits_for_another_process_holding_the_lock_file(tmp_path):
    path = tmp_path / "db.sqlite3-writegate"
    other = os.open(path, os.O_RDWR | os.O_CREAT)  # another open file: as another process
    fcntl.flock(other, fcntl.LOCK_EX)
    entered = threading.Event()

    def write():
        with writegate.gate(path):
            entered.set()

    thread = threading.Thread(target=write)
    thread.start()
    try:
        assert not entered.wait(0.5)
    finally:
        fcntl.flock(other, fcntl.LOCK_UN)
        os.close(other)
    assert entered.wait(10)
    thread.join()


def test_an_in_memory_database_has_no_lock_file(tmp_path):
    assert writegate.lock_path(":memory:") is None
    assert writegate.lock_path("file:memorydb_default?mode=memory&cache=shared") is None
    assert writegate.lock_path(tmp_path / "db.sqlite3") == tmp_path / "db.sqlite3-writegate"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="the gate is for SQLite")
def test_a_comment_post_stores_only_once_it_holds_the_gate(article, post):
    path = writegate.lock_path(connection.settings_dict["NAME"])
    post(article, "A first comment: loads the screening model before the gate is taken.")
    done = threading.Event()
    result = {}

    def send():
        result["response"] = post(article, "Posted while another writer held the gate.")
        done.set()

    with writegate.gate(path):
        thread = threading.Thread(target=send)
        thread.start()
        assert not done.wait(2)
        assert Comment.objects.count() == 1
    assert done.wait(30)
    thread.join()
    assert result["response"].status_code == 303
    assert Comment.objects.count() == 2


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded default's setting")
def test_serving_threads_keep_their_sqlite_connection(settings):
    # Opening one per request (PRAGMAs, Django's SQL functions) cost an eighth of a POST.
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] >= 60


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="the gate is for SQLite")
def test_the_gate_opens_before_the_commit_hooks_run(article):
    from django.db import transaction

    path = writegate.lock_path(connection.settings_dict["NAME"])
    seen = {}

    def hook():
        # Another writer gets in while this transaction's hooks are still running.
        other = threading.Thread(target=lambda: seen.update(entered=_enter(path)))
        other.start()
        other.join(10)
        seen["committed"] = Comment.objects.filter(body="Stored").exists()

    with writegate.write_transaction():
        transaction.on_commit(hook)
        Comment.objects.create(article=article, body="Stored")
    assert seen == {"entered": True, "committed": True}


def _enter(path):
    with writegate.gate(path):
        return True
