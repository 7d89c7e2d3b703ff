"""The site's fixed structure: its home page, the comment policy page and the three roles.

Runs after every ``migrate`` (see apps.py), so a fresh install, the demo and the test
database all get the same structure; every step is idempotent. The roles' permissions on
news's own models are set here; every other app grants its own with ``grant`` from a
receiver made by ``after_migrate`` (see comments/apps.py), so news names no other app.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.apps import AppConfig, apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Task,
)

from .site_address import sync_default_site

CONTRIBUTORS, EDITORS, ADMINISTRATORS = "Contributors", "Editors", "Administrators"

PAGE_PERMISSIONS = {
    CONTRIBUTORS: ["add", "change"],  # drafts only: publishing goes through an editor
    EDITORS: ["add", "change", "publish", "lock", "unlock"],
    ADMINISTRATORS: ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
}
IMAGE_PERMISSIONS = {
    CONTRIBUTORS: ["add_image", "choose_image", "add_document", "choose_document"],
    EDITORS: [
        "add_image",
        "change_image",
        "choose_image",
        "delete_image",
        "add_document",
        "change_document",
        "choose_document",
        "delete_document",
    ],
}
MODEL_PERMISSIONS = {
    CONTRIBUTORS: ["wagtailadmin.access_admin", "news.view_contributor"],
    EDITORS: [
        "wagtailadmin.access_admin",
        "news.add_contributor",
        "news.change_contributor",
        "news.view_contributor",
    ],
}

POLICY_EN = """<p>Comments are read by an editor before they appear. We publish disagreement,
local knowledge and corrections. We do not publish threats, calls to violence, insults
against a group of people, spam, or anything that identifies a private person: names of
relatives, addresses, phone numbers, plates, photos of faces or ID numbers.</p>
<p>You do not need an account and we do not keep your address. Do not put your own name
or details in a comment if that could put you at risk.</p>"""
POLICY_ES = """<p>Un editor lee los comentarios antes de publicarlos. Publicamos desacuerdos,
conocimiento local y correcciones. No publicamos amenazas, llamados a la violencia,
insultos contra grupos de personas, spam ni nada que identifique a una persona privada:
nombres de familiares, domicilios, teléfonos, placas, fotos de rostros o números de
identificación.</p>
<p>No necesitas una cuenta y no guardamos tu dirección IP. No pongas tu nombre ni tus
datos en un comentario si eso puede ponerte en riesgo.</p>"""


def _permission(dotted: str) -> Permission | None:
    app_label, codename = dotted.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def after_migrate(callback: Callable[[], object]) -> Callable[..., None]:
    """A ``post_migrate`` receiver that calls ``callback()`` once per ``migrate``, after
    every app's permissions exist. post_migrate is sent once per app that has models, in
    INSTALLED_APPS order, and each app's permissions are created on its own signal, so
    the receiver waits for the last such app."""

    def receiver(sender: AppConfig, **kwargs: Any) -> None:
        with_models = [config for config in apps.get_app_configs() if config.models_module]
        if sender is with_models[-1]:
            callback()

    return receiver


def grant(role: str, dotted_names: Iterable[str]) -> None:
    """Gives the group ``role`` (CONTRIBUTORS, EDITORS) the model permissions
    ``dotted_names`` ("app_label.codename"); missing ones are skipped. Administrators
    get every permission in ``ensure_roles``."""
    group, _created = Group.objects.get_or_create(name=role)
    group.permissions.add(*[p for p in map(_permission, dotted_names) if p is not None])


@transaction.atomic
def ensure_site(site_name: str = "Crónica") -> Page:
    """Creates the home page, the default site and the comment policy page if missing."""
    from .models import HomePage, StandardPage

    _ensure_tree_roots()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        for placeholder in Page.objects.filter(depth=2).exact_type(Page):
            placeholder.delete()  # Wagtail's "Welcome to your new Wagtail site!" page
        root.refresh_from_db()
        home = root.add_child(
            instance=HomePage(
                title=site_name,
                slug="home",
                tagline="Reporting on organized crime, from the border to the Andes.",
                tagline_es="Periodismo sobre el crimen organizado, de la frontera a los Andes.",
            )
        )
    # The default site answers to the public address (CRONICA_SITE_URL), so that absolute
    # URLs (canonical links, feeds, sitemap) name it; site_address keeps it so at run time.
    sync_default_site(root_page=home, site_name=site_name)
    if not StandardPage.objects.filter(slug="comment-policy").exists():
        home.add_child(
            instance=StandardPage(
                title="Comment policy",
                title_es="Política de comentarios",
                slug="comment-policy",
                body=POLICY_EN,
                body_es=POLICY_ES,
            )
        )
    ensure_roles(home)
    return home


def _ensure_tree_roots() -> None:
    """Wagtail creates its default locale, root page and root collection in migrations; a
    database flushed since (a transactional test, a restore of a partial dump) lacks them."""
    if not Locale.objects.exists():
        Locale.objects.create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", live=True))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def ensure_roles(home: Page) -> None:
    """Contributors write drafts, Editors publish and moderate, Administrators do all."""
    groups = {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (CONTRIBUTORS, EDITORS, ADMINISTRATORS)
    }
    for name, kinds in PAGE_PERMISSIONS.items():
        for kind in kinds:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{kind}_page"
            )
            GroupPagePermission.objects.get_or_create(
                group=groups[name], page=home, permission=permission
            )
    root_collection = Collection.get_first_root_node()
    for name, codenames in IMAGE_PERMISSIONS.items():
        for codename in codenames:
            app = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
            permission = Permission.objects.get(content_type__app_label=app, codename=codename)
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name], collection=root_collection, permission=permission
            )
    for name, dotted_names in MODEL_PERMISSIONS.items():
        perms = [p for p in map(_permission, dotted_names) if p is not None]
        groups[name].permissions.add(*perms)
    groups[ADMINISTRATORS].permissions.set(Permission.objects.all())
    for codename in IMAGE_PERMISSIONS[EDITORS]:
        app = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
        GroupCollectionPermission.objects.get_or_create(
            group=groups[ADMINISTRATORS],
            collection=root_collection,
            permission=Permission.objects.get(content_type__app_label=app, codename=codename),
        )

    # Wagtail's stock groups overlap ours: its "Moderators" approval task is handed to
    # Editors, and the stock group is removed so that there is one way to grant a role.
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None:
        for task in Task.objects.all():
            specific = task.specific
            if hasattr(specific, "groups") and specific.groups.filter(pk=moderators.pk).exists():
                specific.groups.remove(moderators)
                specific.groups.add(groups[EDITORS])
        moderators.delete()
