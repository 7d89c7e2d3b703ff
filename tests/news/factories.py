"""Small builders for news content in tests (the demo loader is tested separately)."""

from datetime import datetime

from django.utils import timezone
from wagtail.rich_text import RichText

from cronica.news.models import ArticleByline, ArticlePage, ArticleSource, Contributor


def make_contributor(pen_name="Sombra", account=None):
    return Contributor.objects.get_or_create(pen_name=pen_name, defaults={"account": account})[0]


def make_article(
    home,
    title="Port seizure",
    slug=None,
    language="en",
    body="Body text.",
    tags=("Ecuador",),
    contributors=None,
    published="2024-01-10T08:00:00",
    sources=(("Reuters", "https://www.reuters.com/"),),
    live=True,
    summary="",
):
    page = ArticlePage(
        title=title,
        slug=slug or title.lower().replace(" ", "-"),
        language=language,
        summary=summary,
        body=[("paragraph", RichText(f"<p>{body}</p>"))],
    )
    for i, person in enumerate(contributors or [make_contributor()]):
        page.bylines.add(ArticleByline(contributor=person, sort_order=i))
    for i, (outlet, url) in enumerate(sources):
        page.sources.add(ArticleSource(outlet=outlet, url=url, sort_order=i))
    page.tags.add(*tags)
    page.live = False
    home.add_child(instance=page)
    if live:
        page.save_revision().publish()
        when = timezone.make_aware(datetime.fromisoformat(published))
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=when, last_published_at=when
        )
        page.refresh_from_db()
    return page
