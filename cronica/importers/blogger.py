"""Blogger exports: the legacy "Back up content" Atom file and the Takeout ``feed.atom``.

Both are Atom feeds whose entries are posts, pages, comments, settings and the template.
Posts become articles and pages (About, Contact) simple pages.
The legacy file says what an entry is with a ``kind`` category and threads comments with
``thr:in-reply-to`` plus a ``related`` link; Takeout (2018 schema) says it with
``blogger:type``, ``blogger:status``, ``blogger:parent`` and ``blogger:inReplyTo``.
Authors' and commenters' e-mail, profile URL and avatar are never read.
"""

import re
from typing import cast
from urllib.parse import quote, urlparse
from xml.etree.ElementTree import Element

from cronica.comments.models import Comment

from .dates import iso
from .records import CommentRecord, Export, ImportFileError, PostRecord
from .xmlfile import local, text_of

ATOM = "{http://www.w3.org/2005/Atom}"
BLOGGER_2018 = "{http://schemas.google.com/blogger/2018}"
THREAD = "{http://purl.org/syndication/thread/1.0}"
APP = "{http://purl.org/atom/app#}"
GDATA = "{http://schemas.google.com/g/2005}"
KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
KIND_PREFIX = "http://schemas.google.com/blogger/2008/kind#"
# .../feeds/<blog id>/<post id>/comments/default/<comment id>
RELATED_COMMENT = re.compile(r"/feeds/(\d+)/\d+/comments/default/(\d+)")

TAKEOUT_COMMENT_STATUS = {
    "LIVE": Comment.Status.PUBLISHED,
    "SPAM": Comment.Status.SPAM,
    "DELETED": Comment.Status.REJECTED,
    "TRASHED": Comment.Status.REJECTED,
    "SOFT_TRASHED": Comment.Status.REJECTED,
}


def parse(root: Element, path: str = "export") -> Export:
    if root.tag != f"{ATOM}feed":
        raise ImportFileError(
            f"{path}: not a Blogger export (the root element is <{local(root.tag)}>, "
            "expected an Atom <feed>); for a WordPress file use `cronica import wxr`"
        )
    feed_id = text_of(root.find(f"{ATOM}id"))
    if "blogger.com" not in feed_id:
        raise ImportFileError(
            f"{path}: an Atom feed, but not a Blogger export (its id is {feed_id or 'missing'!r})"
        )
    export = Export(source="blogger")
    takeout = root.find(f"{ATOM}entry/{BLOGGER_2018}type") is not None
    staff = _staff_profiles(root)
    for number, entry in enumerate(root.iterfind(f"{ATOM}entry"), start=1):
        entry_id = text_of(entry.find(f"{ATOM}id"))
        if not entry_id:
            raise ImportFileError(f"{path}: entry {number} has no <id>")
        where = f"{path}: entry {entry_id}"
        read = _takeout_entry if takeout else _legacy_entry
        read(entry, entry_id, where, export, staff)
    return export


def _is_comment(entry: Element) -> bool:
    return text_of(entry.find(f"{BLOGGER_2018}type")).upper() == "COMMENT" or any(
        c.get("term", "") == f"{KIND_PREFIX}comment" for c in entry.iterfind(f"{ATOM}category")
    )


def _staff_profiles(root: Element) -> set[str]:
    """Profile URLs of the blog's own authors (of the feed and of its posts), only to
    recognise their replies among the comments; never stored."""
    entries = [root] + [e for e in root.iterfind(f"{ATOM}entry") if not _is_comment(e)]
    return {
        text_of(author.find(f"{ATOM}uri"))
        for entry in entries
        for author in entry.iterfind(f"{ATOM}author")
    } - {""}


def _labels(entry: Element) -> list[str]:
    return [
        c.get("term", "").strip()
        for c in entry.iterfind(f"{ATOM}category")
        if c.get("scheme") != KIND_SCHEME and c.get("term", "").strip()
    ]


def _authors(entry: Element) -> list[str]:
    return [
        text_of(a.find(f"{ATOM}name"))
        for a in entry.iterfind(f"{ATOM}author")
        if text_of(a.find(f"{ATOM}name"))
    ]


def _content(entry: Element) -> str:
    content = entry.find(f"{ATOM}content")
    return (content.text or "") if content is not None else ""


def _alternate_path(entry: Element) -> str:
    for link in entry.iterfind(f"{ATOM}link"):
        href = link.get("href")
        if link.get("rel") == "alternate" and href:
            return urlparse(href).path
    return ""


def _post(
    entry: Element,
    entry_id: str,
    where: str,
    is_draft: bool,
    old_paths: list[str],
    summary: str = "",
) -> PostRecord:
    published = text_of(entry.find(f"{ATOM}published"))
    paths = [p for p in dict.fromkeys(old_paths) if p and p != "/"]
    slug_hint = paths[0].rsplit("/", 1)[-1].removesuffix(".html") if paths else ""
    return PostRecord(
        external_id=entry_id,
        title=text_of(entry.find(f"{ATOM}title")),
        html=_content(entry),
        published=iso(published, where) if published else None,
        is_draft=is_draft,
        authors=_authors(entry),
        tags=_labels(entry),
        old_paths=[] if is_draft else paths,
        slug_hint=slug_hint,
        summary=summary,
    )


def _add_post(export: Export, post: PostRecord) -> None:
    export.posts.append(post)
    if not post.is_draft and post.kind == "post":
        for label in post.tags:
            export.tag_path(label, f"/search/label/{quote(label)}")


def _comment(
    entry: Element,
    entry_id: str,
    where: str,
    post_id: str,
    parent_id: str | None,
    status: str,
    staff: set[str],
) -> CommentRecord:
    authors = _authors(entry)
    profiles = {text_of(a.find(f"{ATOM}uri")) for a in entry.iterfind(f"{ATOM}author")}
    published = text_of(entry.find(f"{ATOM}published"))
    if not published:
        raise ImportFileError(f"{where}: comment without a <published> date")
    return CommentRecord(
        external_id=entry_id,
        post_id=post_id,
        parent_id=parent_id or None,
        author_name=authors[0] if authors else "",
        html=_content(entry),
        created_at=iso(published, where),
        status=status,
        is_staff=bool(profiles & staff),
    )


def _legacy_entry(
    entry: Element, entry_id: str, where: str, export: Export, staff: set[str]
) -> None:
    kinds = [
        c.get("term", "")
        for c in entry.iterfind(f"{ATOM}category")
        if c.get("scheme") == KIND_SCHEME
    ]
    kind = kinds[0].removeprefix(KIND_PREFIX) if kinds else ""
    if kind in ("post", "page"):
        draft = text_of(entry.find(f"{APP}control/{APP}draft")) == "yes"
        post = _post(
            entry,
            entry_id,
            where,
            draft,
            [_alternate_path(entry)],
            text_of(entry.find(f"{ATOM}summary")),
        )
        post.kind = kind
        _add_post(export, post)
    elif kind == "comment":
        reply_to = entry.find(f"{THREAD}in-reply-to")
        post_id = reply_to.get("ref") if reply_to is not None else None
        if not post_id:
            raise ImportFileError(f"{where}: comment without thr:in-reply-to")
        parent_id = None
        for link in entry.iterfind(f"{ATOM}link"):
            match = RELATED_COMMENT.search(link.get("href", ""))
            if match and link.get("rel") == "related":
                parent_id = f"tag:blogger.com,1999:blog-{match[1]}.post-{match[2]}"
        removed = any(
            p.get("name") == "blogger.contentRemoved" and p.get("value") == "true"
            for p in entry.iterfind(f"{GDATA}extendedProperty")
        )
        # TextChoices members are str; without Django's types mypy sees (value, label).
        status = cast(str, Comment.Status.REJECTED if removed else Comment.Status.PUBLISHED)
        export.comments.append(_comment(entry, entry_id, where, post_id, parent_id, status, staff))
    else:
        export.skip(f"Blogger {kind or 'unknown'} entries")


def _takeout_entry(
    entry: Element, entry_id: str, where: str, export: Export, staff: set[str]
) -> None:
    kind = text_of(entry.find(f"{BLOGGER_2018}type")).upper()
    status = text_of(entry.find(f"{BLOGGER_2018}status")).upper()
    trashed = (
        "TRASH" in status
        or status == "DELETED"
        or bool(text_of(entry.find(f"{BLOGGER_2018}trashed")))
    )
    if kind in ("POST", "PAGE"):
        if trashed:
            export.skip(f"Blogger {kind.lower()}s in the trash")
            return
        paths = [text_of(entry.find(f"{BLOGGER_2018}filename")), _alternate_path(entry)]
        post = _post(
            entry,
            entry_id,
            where,
            status != "LIVE",
            paths,
            text_of(entry.find(f"{BLOGGER_2018}metaDescription")),
        )
        post.kind = kind.lower()
        _add_post(export, post)
    elif kind == "COMMENT":
        post_id = text_of(entry.find(f"{BLOGGER_2018}parent"))
        if not post_id:
            raise ImportFileError(f"{where}: comment without blogger:parent")
        # Unknown moderation states stay pending: never published by default.
        comment_status = cast(
            str,
            TAKEOUT_COMMENT_STATUS.get("TRASHED" if trashed else status, Comment.Status.PENDING),
        )
        export.comments.append(
            _comment(
                entry,
                entry_id,
                where,
                post_id,
                text_of(entry.find(f"{BLOGGER_2018}inReplyTo")),
                comment_status,
                staff,
            )
        )
    else:
        export.skip(f"Blogger {kind.lower() or 'unknown'} entries")
