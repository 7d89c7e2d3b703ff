"""Writing a parsed export into the site: pages, bylines, tags, images, comments and
redirects from the old addresses. The caller runs it inside one transaction, after the
whole file parsed and the images were fetched, so it either all lands or none of it does.
"""

import hashlib
import html
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, cast
from urllib.parse import unquote, urlparse

from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.text import slugify
from tqdm import tqdm
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from cronica.comments.models import Comment
from cronica.dossier import published
from cronica.news.images import CleanImage
from cronica.news.models import ArticleByline, ArticlePage, Contributor, StandardPage
from cronica.news.reserved import reserved_slugs
from cronica.news.setup import ensure_site
from cronica.news.table_cells import cell_html

from .html_body import Block, Body, ImageRef, html_to_text
from .language import SITE_LANGUAGES, detect_language
from .models import ImportedItem
from .records import CommentRecord, Export, PostRecord

ANONYMOUS_NAMES = {"anonymous", "anónimo", "anonimo", "unknown", "desconocido"}
# TextChoices members are str; without Django's types mypy sees (value, label) tuples.
COMMENT_ORIGIN: dict[str, str] = {
    "blogger": cast(str, Comment.Origin.BLOGGER),
    "wordpress": cast(str, Comment.Origin.WORDPRESS),
}
TAG_MAX_LENGTH = 100
LINKED_IMAGE_WORD = {"en": "Image", "es": "Imagen"}
# A simple page's rich text holds paragraphs, lists and two heading levels only.
PAGE_HEADING = "h2"


@dataclass
class Summary:
    posts: int = 0
    drafts: int = 0
    scheduled: int = 0
    already_imported: int = 0
    deleted_since: int = 0
    comments: int = 0
    comments_already_imported: int = 0
    comments_without_post: int = 0
    contributors: int = 0
    redirects: int = 0
    images_downloaded: int = 0
    images_linked: int = 0
    pages: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # {"“Title” (old address)": [what could not be carried over, or needs a look]}
    notes: dict[str, list[str]] = field(default_factory=dict)

    def note(self, post: PostRecord, notes: list[str]) -> None:
        if notes:
            where = post.old_paths[0] if post.old_paths else post.external_id
            self.notes[f"“{plain_title(post.title)}” ({where})"] = list(notes)

    def lines(self) -> Iterator[str]:
        yield (
            f"Imported {self.posts} posts ({self.drafts} drafts, {self.scheduled} scheduled), "
            + (f"{self.pages} pages, " if self.pages else "")
            + f"{self.comments} comments, {self.contributors} new contributors, "
            f"{self.redirects} redirects."
        )
        yield (
            f"Images: {self.images_downloaded} downloaded into the library, "
            f"{self.images_linked} kept as links."
        )
        if self.already_imported or self.comments_already_imported:
            yield (
                f"Already imported before, left unchanged: {self.already_imported} posts, "
                f"{self.comments_already_imported} comments."
            )
        if self.deleted_since:
            yield (
                f"{self.deleted_since} posts deleted on this site since an earlier import "
                "were not brought back."
            )
        if self.comments_without_post:
            yield f"Skipped {self.comments_without_post} comments on posts not imported."
        for reason, count in sorted(self.skipped.items()):
            yield f"Skipped {count} {reason}."
        for warning in self.warnings:
            yield f"Note: {warning}."
        if self.notes:
            yield f"Not carried over as it was, or to check, in {len(self.notes)} posts:"
            for post, notes in self.notes.items():
                yield f"  {post}: " + "; ".join(notes) + "."


def plain_title(title: str | None) -> str:
    """A title as readers saw it: WordPress allows markup in titles (``<em>``), which
    would otherwise show as literal tags; entities are decoded once, by the parser."""
    text = " ".join(BeautifulSoup(title or "", "html.parser").get_text().split())
    return (text or "Untitled")[:255]


def page_html(kind: str, value: Any) -> tuple[str, bool]:
    """``(html, kept as it was)`` of a body block inside a simple page's rich text."""
    if kind == "paragraph":
        return value, True
    if kind == "heading":
        return f"<{PAGE_HEADING}>{escape(value)}</{PAGE_HEADING}>", True
    if kind == "quote":
        return "".join(f"<p>{escape(p)}</p>" for p in value["quote"].split("\n\n")), False
    if kind == "table":
        rows = [" | ".join(cell_html(c) for c in cells) for cells in value["data"]]
        return "".join(f"<p>{row}</p>" for row in rows), False
    if kind == "code":
        return "<p>" + escape(value["code"]).replace("\n", "<br>") + "</p>", False
    if kind == "definitions":
        return "".join(
            f"<p><b>{escape(i['term'])}</b>: {escape(i['definition'])}</p>" for i in value
        ), False
    if kind == "video":
        return f'<p><a href="{escape(value["url"])}">{escape(value["title"])}</a></p>', False
    if isinstance(value, ImageRef):
        label = value.caption or value.alt or value.src
        return f'<p><a href="{escape(value.src)}">{escape(label)}</a></p>', False
    return "", False


def image_key(url: str) -> str:
    """External id of a downloaded image: its URL can be longer than the key column."""
    return hashlib.sha256(url.encode()).hexdigest()


CHUNK = 500  # ids per IN (...) query: SQLite limits the number of query parameters


def in_chunks(ids: Iterable[Any]) -> Iterator[list[Any]]:
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def imported(source: str, external_ids: Iterable[str]) -> dict[str, int]:
    """``{external_id: object id}`` of what earlier runs imported, including what editors
    have deleted since: a deleted post or comment is never brought back."""
    found: dict[str, int] = {}
    for chunk in in_chunks(external_ids):
        found.update(
            ImportedItem.objects.filter(source=source, external_id__in=chunk).values_list(
                "external_id", "object_id"
            )
        )
    return found


def still_there(source: str, external_ids: Iterable[str], model: Any) -> dict[str, Any]:
    """``{external_id: object}`` of what earlier runs imported and still exists."""
    rows = imported(source, external_ids)
    objects: dict[int, Any] = {}
    for chunk in in_chunks(rows.values()):
        objects.update(model.objects.in_bulk(chunk))
    return {key: objects[pk] for key, pk in rows.items() if pk in objects}


def remember(source: str, external_id: str, obj: Any) -> None:
    ImportedItem.objects.create(
        source=source,
        external_id=external_id,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
    )


class Writer:
    def __init__(
        self,
        export: Export,
        bodies: dict[str, Body],
        downloads: dict[str, bytes],
        progress: IO[str] | None = None,
        renames: dict[str, str] | None = None,
    ) -> None:
        self.export = export
        self.renames = renames or {}  # {name in the export: pen name to use instead}
        self.bodies = bodies  # {post external id: blocks from html_to_blocks}
        self.downloads = downloads  # {image url: bytes}, only for images that downloaded
        self.progress = progress
        self.summary = Summary(skipped=dict(export.skipped), warnings=list(export.warnings))
        self.home = ensure_site()
        self.site = Site.objects.filter(root_page=self.home).first() or Site.objects.get(
            is_default_site=True
        )
        self.contributors: dict[str, Contributor] = {}
        self.images: dict[str, CleanImage | None] = {}
        self.stored_files: list[str] = []  # for the caller to delete if the transaction rolls back

    def bar(self, items: Iterable[Any] | None, what: str, total: int | None = None) -> tqdm:
        return tqdm(
            items,
            desc=what,
            total=total,
            unit=what.lower().rstrip("s"),
            file=self.progress,
            disable=self.progress is None,
        )

    def run(self) -> Summary:
        source = self.export.source
        done = imported(source, [p.external_id for p in self.export.posts])
        self.summary.deleted_since = len(done) - len(still_there(source, done, Page))
        pages = still_there(source, done, ArticlePage)
        for post in self.bar(self.export.posts, "Posts"):
            if post.external_id in done:
                self.summary.already_imported += 1
                continue
            if post.kind == "page":
                remember(source, post.external_id, self.standard_page(post))
                continue
            pages[post.external_id] = self.page(post)
            remember(source, post.external_id, pages[post.external_id])
        earlier = {c.post_id for c in self.export.comments} - set(pages) - set(done)
        pages.update(still_there(source, earlier, ArticlePage))  # posts of older exports
        self.comments(pages)
        self.tag_redirects()
        return self.summary

    # Pages --------------------------------------------------------------------------

    def language(self, post: PostRecord, notes: list[str]) -> str:
        language = detect_language(f"{post.title}\n{html_to_text(post.html)}")
        if language not in SITE_LANGUAGES:
            notes.append(
                f"written in a language the site's interface does not offer ({language}): "
                "kept as the article's language, shown under the default interface"
            )
        return language

    def page(self, post: PostRecord) -> ArticlePage:
        body: Body = self.bodies[post.external_id]
        notes = post.notes + body.notes
        if not post.is_draft and post.published is None:
            notes.append("no publication date in the file: dated the day of the import")
        language = self.language(post, notes)
        stream = [self.block(kind, value, post, language) for kind, value in body.blocks]
        page = ArticlePage(
            title=plain_title(post.title),
            slug=self.slug(post.slug_hint or post.title),
            summary=html.unescape(strip_tags(post.summary)).strip()[:600],
            body=[item for item in stream if item],
            comments_closed=post.comments_closed,
            language=language,
            live=False,
        )
        for position, name in enumerate(dict.fromkeys(post.authors)):
            page.bylines.add(ArticleByline(contributor=self.contributor(name), sort_order=position))
        page.tags.add(*self.tag_names(post.tags))
        scheduled = not post.is_draft and post.published and post.published > timezone.now()
        if scheduled:  # publishing the revision schedules it (Wagtail's go-live date)
            page.go_live_at = post.published
        self.publish(page, post, notes)
        if scheduled:
            self.summary.scheduled += 1
        self.summary.note(post, notes)
        self.summary.posts += 1
        return page

    def standard_page(self, post: PostRecord) -> StandardPage:
        """A blog's About or Contact page as a simple page: rich text only, so tables,
        code and images become paragraphs and links (said so in the summary)."""
        body: Body = self.bodies[post.external_id]
        notes = post.notes + body.notes
        parts: list[str] = []
        flattened = 0
        for kind, value in body.blocks:
            html_part, same = page_html(kind, value)
            parts.append(html_part)
            flattened += not same
        if flattened:
            notes.append(f"{flattened} tables, code, images or videos shown as plain paragraphs")
        page = StandardPage(
            title=plain_title(post.title),
            slug=self.slug(post.slug_hint or post.title),
            body="".join(parts),
            live=False,
        )
        self.publish(page, post, notes)
        self.summary.note(post, notes)
        self.summary.pages += 1
        return page

    def publish(self, page: Page, post: PostRecord, notes: list[str]) -> None:
        """Adds ``page`` under the home page. A draft stays one; otherwise it is published
        (an article dated in the future goes live then, by its ``go_live_at``), carries
        the post's own date once that date has come, and its old addresses redirect to
        it (``notes`` gets any clash)."""
        self.home.add_child(instance=page)
        revision = page.save_revision()
        if post.is_draft:
            self.summary.drafts += 1
            return
        revision.publish()
        if post.published and post.published <= timezone.now():
            type(page).objects.filter(pk=page.pk).update(
                first_published_at=post.published, last_published_at=post.published
            )
            # An UPDATE sends no signal: events the linker already found on publishing
            # would keep the import's time as their article's date until the worker's
            # hourly check (cronica/dossier/published.py).
            published.sync_articles([page.pk])
        notes += self.clash_notes(self.redirects(page, post.old_paths))

    def slug(self, text: str) -> str:
        base = slugify(text)[:70].strip("-") or "post"
        if base in reserved_slugs():
            base = f"{base}-post"
        taken = set(
            Page.objects.child_of(self.home)
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        )
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug

    def contributor(self, name: str) -> Contributor:
        name = self.renames.get(name.strip(), name.strip())[:120]
        if name not in self.contributors:
            person = Contributor.objects.filter(pen_name=name).first()
            if person is None:
                base = slugify(name)[:130] or "contributor"
                slug, number = base, 2
                while Contributor.objects.filter(slug=slug).exists():
                    slug, number = f"{base}-{number}", number + 1
                person = Contributor.objects.create(pen_name=name, slug=slug)
                self.summary.contributors += 1
            self.contributors[name] = person
        return self.contributors[name]

    @staticmethod
    def tag_names(names: Iterable[str]) -> list[str]:
        from taggit.models import Tag

        chosen: dict[str, str] = {}
        for name in names:
            name = " ".join(name.split())[:TAG_MAX_LENGTH]
            if name:
                chosen.setdefault(name.lower(), name)
        # Reuse an existing tag spelled with other capitals rather than a near-duplicate.
        result: list[str] = []
        for lowered, name in chosen.items():
            existing = (
                Tag.objects.filter(name__iexact=lowered).values_list("name", flat=True).first()
            )
            result.append(existing or name)
        return result

    def redirects(self, page: Page, old_paths: Iterable[str], route_path: str = "") -> list[str]:
        """Permanent redirects from ``old_paths``; returns those already taken."""
        clashes: list[str] = []
        for old_path in old_paths:
            normalised = Redirect.normalise_path(old_path)
            if len(normalised) > 255 or normalised == "/":
                continue
            if Redirect.objects.filter(site=self.site, old_path=normalised).exists():
                clashes.append(old_path)  # an editor's redirect, or another post's: kept
                continue
            Redirect.objects.create(
                site=self.site,
                old_path=normalised,
                redirect_page=page,
                redirect_page_route_path=route_path,
                is_permanent=True,
            )
            self.summary.redirects += 1
        return clashes

    @staticmethod
    def clash_notes(clashes: list[str]) -> list[str]:
        return [f"its old address {path} already leads elsewhere, kept so" for path in clashes]

    def tag_redirects(self) -> None:
        """Old label, category and tag listings go to the tag's page on the home page."""
        from taggit.models import Tag

        for name, paths in self.export.tag_paths.items():
            tag = Tag.objects.filter(name__in=self.tag_names([name])).first()
            if tag is not None:
                route = self.home.reverse_subpage("tag", args=(tag.slug,))
                self.redirects(self.home, sorted(paths), route_path=f"/{route}")

    # Body blocks ----------------------------------------------------------------------

    def block(self, kind: str, value: Any, post: PostRecord, language: str) -> Block:
        if kind == "paragraph":
            return ("paragraph", RichText(value))
        if kind != "image":
            return (kind, value)
        image = self.image(value, post)
        if image is not None:
            return ("image", {"image": image, "caption": value.caption, "credit": ""})
        self.summary.images_linked += 1
        # A link in the text, in the article's language: the old host is only contacted
        # by a reader who chooses to follow it.
        label = value.caption or value.alt or unquote(os.path.basename(urlparse(value.src).path))
        word = LINKED_IMAGE_WORD.get(language, LINKED_IMAGE_WORD["en"])
        return (
            "paragraph",
            RichText(f'<p>{word}: <a href="{escape(value.src)}">{escape(label)}</a></p>'),
        )

    def image(self, ref: ImageRef, post: PostRecord) -> CleanImage | None:
        key = image_key(ref.src)
        if key in self.images:
            return self.images[key]
        source = cast(str, ImportedItem.Source.IMAGE_URL)
        earlier = imported(source, [key])
        # Deleted from the library since an earlier import: it stays a link.
        found = still_there(source, [key], CleanImage).get(key)
        data = self.downloads.get(ref.src)
        if not earlier and data is not None:
            name = unquote(os.path.basename(urlparse(ref.src).path)) or "image"
            alt = (ref.alt or ref.caption or post.title or name)[:255]
            image: CleanImage | None
            image = CleanImage(title=(ref.caption or ref.alt or name)[:255], description=alt)
            image.file = ContentFile(data, name=name[:100])
            try:
                image.save()
            except ValueError:  # not an image after all: it stays a link
                image = None
            if image is not None:
                self.stored_files.append(image.file.name)
                remember(source, key, image)
                self.summary.images_downloaded += 1
                found = image
        self.images[key] = found
        return found

    # Comments -------------------------------------------------------------------------

    def comments(self, pages: dict[str, ArticlePage]) -> None:
        origin = COMMENT_ORIGIN[self.export.source]
        records = sorted(self.export.comments, key=lambda c: c.created_at)
        ids = [c.external_id for c in records]
        done = imported(self.export.source, ids)
        # external id -> (pk, article pk) of the comments that exist, for replies' parents
        known: dict[str, tuple[int, int]] = {}
        for chunk in in_chunks(ids):
            for external_id, pk, article_id in Comment.objects.filter(
                origin=origin, external_id__in=chunk
            ).values_list("external_id", "pk", "article_id"):
                known[external_id] = (pk, article_id)
        waiting: list[CommentRecord] = []
        for record in records:
            if record.external_id in done or record.external_id in known:
                self.summary.comments_already_imported += 1
            elif record.post_id not in pages:
                self.summary.comments_without_post += 1
            else:
                waiting.append(record)
        bar = self.bar(None, "Comments", total=len(waiting))
        # Oldest first, so a reply's parent normally exists already; a reply dated before
        # its parent (clock skew in the source) waits for the next pass.
        while waiting:
            pending = {record.external_id for record in waiting}
            later: list[CommentRecord] = []
            for record in waiting:
                if record.parent_id in pending:
                    later.append(record)
                    continue
                comment = self.comment(record, pages, known, origin)
                remember(self.export.source, record.external_id, comment)
                known[record.external_id] = (comment.pk, comment.article_id)
                pending.discard(record.external_id)
                bar.update(1)
            if len(later) == len(waiting):  # replies that answer each other in a loop
                later[0].parent_id = None
            waiting = later
        bar.close()

    def comment(
        self,
        record: CommentRecord,
        pages: dict[str, ArticlePage],
        known: dict[str, tuple[int, int]],
        origin: str,
    ) -> Comment:
        name = self.renames.get(record.author_name.strip(), record.author_name.strip())
        if name.lower() in ANONYMOUS_NAMES:
            name = ""
        self.summary.comments += 1
        article = pages[record.post_id]
        parent: tuple[int | None, int | None] = (None, None)
        if record.parent_id is not None:
            parent = known.get(record.parent_id, parent)
        parent_id, parent_article = parent
        if parent_article != article.pk:
            parent_id = None  # a "reply" to a comment on another post stands on its own
        return Comment.objects.create(
            article=article,
            parent_id=parent_id,
            author_name=name[:80],
            body=html_to_text(record.html),
            created_at=record.created_at,
            status=record.status,
            origin=origin,
            is_staff_reply=record.is_staff,
            external_id=record.external_id,
        )
