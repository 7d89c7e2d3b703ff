from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The audit log of staff actions: who did what, when. Never readers or sources."""

    name = "cronica.audit"
    label = "audit"
