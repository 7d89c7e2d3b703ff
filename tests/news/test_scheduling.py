"""Scheduled publishing fires from the worker's clock."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from cronica.core.clock import declared_jobs, run_due
from cronica.news.models import ArticlePage

from .factories import make_article

pytestmark = pytest.mark.django_db


def test_clock_declares_scheduled_publishing_every_30_seconds():
    assert (30, "cronica.core.clock.publish_scheduled") in declared_jobs()


def test_due_page_is_published_by_the_clock(home):
    page = make_article(home, "Scheduled story", live=False)
    page.go_live_at = timezone.now() + timedelta(seconds=2)
    # What the editor's "Publish" does on a page with a future go-live time: approve the
    # revision for that time, without making it live.
    page.save_revision().publish()
    run_due({}, now=0.0)
    assert not ArticlePage.objects.get(pk=page.pk).live  # not yet due

    while timezone.now() <= page.go_live_at:
        time.sleep(0.2)
    last = run_due({}, now=100.0)
    assert ArticlePage.objects.get(pk=page.pk).live
    # The job is not run again before its interval has passed.
    assert run_due(last, now=110.0) == last


def test_every_periodic_job_runs_at_worker_start_however_long_its_interval():
    """time.monotonic() may be only minutes since boot: a daily job must still run first
    thing, not a day after the machine booted."""
    last = run_due({}, now=5.0)
    assert set(last) == {dotted for _seconds, dotted in declared_jobs()}
    assert all(when == 5.0 for when in last.values())
