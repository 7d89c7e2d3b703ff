from django.apps import AppConfig


class ImportersConfig(AppConfig):
    """Importers from Blogger (Atom) and WordPress (WXR) exports."""

    name = "cronica.importers"
    label = "importers"
