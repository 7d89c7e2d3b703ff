"""news is the base app: its Python imports are held by import-linter (pyproject.toml, run
by ``./dev lint``); this holds its templates, which import-linter cannot read, to the same
rule, and checks that the other apps still reach the article page through its hooks."""

import re
from pathlib import Path

import pytest

import cronica

ROOT = Path(cronica.__file__).parent
OTHER_APPS = ("comments", "tips", "dossier", "importers", "screening")
OTHER_LIBRARIES = {"comment_tags"} | {
    path.stem
    for app in OTHER_APPS
    for path in (ROOT / app / "templatetags").glob("*.py")
    if path.stem != "__init__"
}
LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
INCLUDE = re.compile(r"""{%\s*(?:include|extends)\s+["']([^"']+)["']""")


def _news_templates():
    return sorted((ROOT / "news" / "templates").rglob("*.html")) + sorted(
        (ROOT / "templates").rglob("*.html")
    )


@pytest.mark.parametrize("template", _news_templates(), ids=lambda p: str(p.relative_to(ROOT)))
def test_news_templates_name_no_other_app(template):
    text = template.read_text()
    libraries = {name for match in LOAD.findall(text) for name in match.split()}
    assert not libraries & OTHER_LIBRARIES, f"{template} loads {libraries & OTHER_LIBRARIES}"
    included = INCLUDE.findall(text)
    foreign = [name for name in included if name.split("/")[0] in OTHER_APPS]
    assert not foreign, f"{template} includes {foreign}"


def test_the_other_apps_plug_into_the_article_page(client, article):
    """Through the hooks only: the thread (comments) and its count on the listing."""
    from cronica.comments.models import Comment

    Comment.objects.create(article=article, body="Seen", status=Comment.Status.PUBLISHED)
    html = client.get(article.url).content.decode()
    assert 'id="comments"' in html and "Seen" in html and "comment-form" in html
    assert "1 comment" in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_each_app_grants_its_own_permissions_on_migrate():
    """news sets up the roles; comments and the knowledge base add their permissions to
    Editors themselves (post_migrate), and a new migrate keeps them."""
    import io

    from django.contrib.auth.models import Group
    from django.core.management import call_command

    call_command("migrate", verbosity=0, stdout=io.StringIO())
    editors = Group.objects.get(name="Editors")
    codenames = set(editors.permissions.values_list("content_type__app_label", "codename"))
    assert {("comments", "change_comment"), ("dossier", "change_entity")} <= codenames
    assert ("news", "change_contributor") in codenames


HARD_CODED = re.compile(r"""(?:href|action|src)=["'](?:/|\.\./)""")
PUBLIC_APPS = ("news", "comments", "dossier", "tips")


def _public_templates():
    for app in PUBLIC_APPS:
        yield from sorted((ROOT / app / "templates").rglob("*.html"))
    yield from sorted((ROOT / "templates").rglob("*.html"))


@pytest.mark.parametrize(
    "template", list(_public_templates()), ids=lambda p: str(p.relative_to(ROOT))
)
def test_templates_reverse_every_address(template):
    """Addresses come from {% url %}, {% pageurl %} or {% news_url %}, never written out,
    so a route can move without a template linking to the old place."""
    lines = [
        f"{n}: {line.strip()[:120]}"
        for n, line in enumerate(template.read_text().splitlines(), 1)
        if HARD_CODED.search(line)
    ]
    assert not lines, "\n".join(lines)
