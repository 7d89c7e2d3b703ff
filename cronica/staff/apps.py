from django.apps import AppConfig


class StaffConfig(AppConfig):
    """Staff accounts: two-factor login, per-account login throttling, session limits."""

    name = "cronica.staff"
    label = "staff"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from . import sessions

        user_logged_in.connect(sessions.start, dispatch_uid="cronica.staff.sessions.start")
