from django.apps import AppConfig


class TipsConfig(AppConfig):
    """The anonymous tip line: codenames, scrubbing, streaming encryption, inbox."""

    name = "cronica.tips"
    label = "tips"
    periodic_jobs = [
        (3600, "cronica.tips.jobs.purge_expired"),
        (300, "cronica.tips.blobs.settle"),
        (24 * 3600, "cronica.tips.jobs.send_digest"),
    ]
