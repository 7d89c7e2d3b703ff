from django.apps import AppConfig


class DossierConfig(AppConfig):
    """The knowledge base: entities, aliases, relations, linker and event extraction."""

    name = "cronica.dossier"
    label = "dossier"
