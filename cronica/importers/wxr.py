"""WordPress eXtended RSS (WXR) exports, versions 1.0 to 1.2.

Posts are ``<item>`` elements with ``wp:post_type`` "post"; their comments are nested
``wp:comment`` elements threaded by ``wp:comment_parent``. Authors are listed once in the
channel (``wp:author``) and named on posts by login; the display name becomes the pen
name, the login, real names and e-mail are never read. Commenters' e-mail, URL and IP
(``wp:comment_author_email``, ``_url``, ``_IP``) are never read either.
"""

import html
import json
import re
from typing import cast
from urllib.parse import urlparse
from xml.etree.ElementTree import Element

from cronica.comments.models import Comment

from . import shortcodes
from .dates import wordpress as wp_date
from .html_body import video_url
from .records import CommentRecord, Export, ImportFileError, PostRecord
from .xmlfile import local, namespace

NAMESPACE_PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}
POST_STATUS_DRAFT = {"draft", "pending", "private"}
# "future" (scheduled) posts are imported as scheduled: published at their date.
COMMENT_STATUS = {
    "1": Comment.Status.PUBLISHED,
    "0": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
    "trash": Comment.Status.REJECTED,
}
# Self-hosted WordPress writes http://, WordPress.com https://; WXR 1.0 to 1.2 alike.
WXR_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/1\.[0-2]/(excerpt/)?$")
DEFAULT_CATEGORIES = {"uncategorized", "sin-categoria"}
LISTING_PATHS = {"category": "category", "post_tag": "tag"}  # WordPress's default bases


def _name(tag: str) -> str:
    """``{http://wordpress.org/export/1.2/}post_id`` -> ``wp:post_id``, whatever the WXR
    version in the namespace, so the rest of the parser reads like the file."""
    uri = namespace(tag)
    wxr = WXR_NAMESPACE.match(uri)
    prefix = ("excerpt" if wxr[1] else "wp") if wxr else NAMESPACE_PREFIXES.get(uri, "")
    return f"{prefix}:{local(tag)}" if prefix else local(tag)


def _fields(element: Element) -> dict[str, str]:
    """Direct children by name; the text of the first of each name."""
    fields: dict[str, str] = {}
    for child in element:
        fields.setdefault(_name(child.tag), child.text or "")
    return fields


def parse(root: Element, path: str = "export") -> Export:
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise ImportFileError(
            f"{path}: not a WordPress export (the root element is <{local(root.tag)}>, "
            "expected <rss> with a <channel>); for Blogger use `cronica import blogger`"
        )
    meta = _fields(channel)
    if "wp:wxr_version" not in meta:
        raise ImportFileError(
            f"{path}: an RSS feed, but not a WordPress export (no wp:wxr_version in the channel)"
        )
    base = (meta.get("wp:base_blog_url") or meta.get("link") or "").strip().rstrip("/")
    if not base:
        raise ImportFileError(f"{path}: the channel has no wp:base_blog_url nor link")
    pen_names: dict[str, str] = {}
    staff_ids: set[str] = set()
    for element in channel:
        if _name(element.tag) == "wp:author":
            author = _fields(element)
            login = author.get("wp:author_login", "").strip()
            staff_ids.add(author.get("wp:author_id", "").strip())
            pen_names[login] = (
                html.unescape(author.get("wp:author_display_name", "").strip()) or login
            )

    export = Export(source="wordpress", base_url=base + "/")
    attachments = _attachments(channel)
    staff = Staff(ids=staff_ids - {"", "0"}, pen_names=pen_names)
    seen: dict[str, int] = {}
    for item in channel.iterfind("item"):
        fields = _fields(item)
        post_id = fields.get("wp:post_id", "").strip()
        seen[post_id] = seen.get(post_id, 0) + 1
        _item(item, fields, base, staff, attachments, path, export, seen[post_id])
    return export


class Staff:
    """Recognises the blog's own authors among commenters: by user id on self-hosted
    WordPress, by login on WordPress.com (whose exports give neither an author id nor a
    comment's user id, but write an author's reply under the author's login)."""

    def __init__(self, ids: set[str], pen_names: dict[str, str]) -> None:
        self.ids = ids
        self.pen_names = pen_names  # {login: display name}

    def author(self, fields: dict[str, str]) -> tuple[str, bool]:
        """``(name to show, is staff)`` for a comment's fields."""
        name = fields.get("wp:comment_author", "").strip()
        if fields.get("wp:comment_user_id", "").strip() in self.ids:
            return self.pen_names.get(name, name), True
        if name in self.pen_names:
            return self.pen_names[name], True
        return name, False


def _attachments(channel: Element) -> dict[str, shortcodes.Attachment]:
    """``{post id: Attachment}`` of the media library items, for gallery shortcodes."""
    found: dict[str, shortcodes.Attachment] = {}
    for item in channel.iterfind("item"):
        fields = _fields(item)
        if fields.get("wp:post_type", "").strip() == "attachment":
            order = fields.get("wp:menu_order", "0").strip()
            found[fields.get("wp:post_id", "").strip()] = shortcodes.Attachment(
                url=fields.get("wp:attachment_url", "").strip() or fields.get("guid", "").strip(),
                title=html.unescape(fields.get("title", "").strip()),
                caption=html.unescape(fields.get("excerpt:encoded", "").strip()),
                parent=fields.get("wp:post_parent", "").strip(),
                order=int(order) if order.lstrip("-").isdigit() else 0,
            )
    return found


def _item(
    item: Element,
    fields: dict[str, str],
    base: str,
    staff: Staff,
    attachments: dict[str, shortcodes.Attachment],
    path: str,
    export: Export,
    occurrence: int = 1,
) -> None:
    post_id = fields.get("wp:post_id", "").strip()
    if not re.fullmatch(r"\d+", post_id):
        raise ImportFileError(
            f"{path}: an item ({fields.get('title', '')!r}) has no numeric wp:post_id"
        )
    kind = fields.get("wp:post_type", "").strip()
    status = fields.get("wp:status", "").strip()
    if kind not in ("post", "page"):
        export.skip(f"WordPress {kind or 'unknown'} items")
        return
    if status not in POST_STATUS_DRAFT | {"publish", "future"}:
        export.skip(f"WordPress posts with status {status or 'unknown'}")
        return
    where = f"{path}: post {post_id}"
    external_id = f"{base}/?p={post_id}"
    notes: list[str] = []
    if occurrence > 1:  # a hand-edited file can repeat an id; the item is kept all the same
        external_id += f"&occurrence={occurrence}"
        notes.append(f"shares the WordPress id {post_id} with an earlier item of the file")
    # A password-protected post was not for everyone: it comes in as a draft.
    is_draft = status in POST_STATUS_DRAFT or bool(fields.get("wp:post_password", "").strip())
    old_paths: list[str] = []
    if not is_draft:
        for url in (fields.get("link", ""), f"{base}/?p={post_id}"):
            parsed = urlparse(url.strip())
            old = parsed.path + (f"?{parsed.query}" if parsed.query else "")
            if old and old != "/":
                old_paths.append(old)
    tags: list[str] = []
    for category in item.iterfind("category"):
        name = html.unescape((category.text or "").strip())
        domain, nicename = category.get("domain"), category.get("nicename", "")
        if domain in LISTING_PATHS and name and nicename not in DEFAULT_CATEGORIES:
            tags.append(name)
            if nicename and not is_draft:
                export.tag_path(name, f"/{LISTING_PATHS[domain]}/{nicename}/")
    login = fields.get("dc:creator", "").strip()
    content = _with_footnotes(fields.get("content:encoded", ""), _postmeta(item, "footnotes"))
    expanded = shortcodes.expand(content, attachments, post_id)
    export.posts.append(
        PostRecord(
            external_id=external_id,
            title=html.unescape(fields.get("title", "").strip()),
            html=autop(expanded.html),
            published=wp_date(fields.get("wp:post_date_gmt"), fields.get("pubDate"), where),
            is_draft=is_draft,
            authors=[staff.pen_names.get(login, login)] if login else [],
            tags=tags,
            old_paths=list(dict.fromkeys(old_paths)),
            slug_hint=fields.get("wp:post_name", "").strip(),
            summary=fields.get("excerpt:encoded", "").strip(),
            comments_closed=fields.get("wp:comment_status", "").strip() == "closed",
            kind=kind,
            notes=notes + [f"{count} {what}" for what, count in sorted(expanded.notes.items())],
        )
    )
    for element in item:
        if _name(element.tag) == "wp:comment":
            _comment(_fields(element), base, external_id, where, staff, export)


def _postmeta(item: Element, key: str) -> str:
    for element in item:
        if _name(element.tag) == "wp:postmeta":
            meta = _fields(element)
            if meta.get("wp:meta_key", "").strip() == key:
                return meta.get("wp:meta_value", "")
    return ""


FOOTNOTES_BLOCK = re.compile(r"<!--\s*wp:footnotes\b.*?-->(?:.*?<!--\s*/wp:footnotes\s*-->)?", re.S)


def _with_footnotes(content: str, meta: str) -> str:
    """The block editor keeps footnotes in post meta and writes them where the post has
    its ``<!-- wp:footnotes /-->`` block (at the end when it has none): readers saw them."""
    try:
        notes = json.loads(meta) if meta.strip() else []
    except ValueError:
        return content
    items = [n.get("content", "") for n in notes if isinstance(n, dict) and n.get("content")]
    if not items:
        return content
    listing = "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"
    if FOOTNOTES_BLOCK.search(content):
        return FOOTNOTES_BLOCK.sub(lambda _: listing, content, count=1)
    return f"{content}\n\n{listing}"


def _comment(
    fields: dict[str, str],
    base: str,
    post_external_id: str,
    where: str,
    staff: Staff,
    export: Export,
) -> None:
    comment_id = fields.get("wp:comment_id", "").strip()
    if not comment_id.isdigit():
        raise ImportFileError(f"{where}: a comment has no numeric wp:comment_id")
    if fields.get("wp:comment_type", "").strip() in ("pingback", "trackback"):
        export.skip("WordPress pingbacks and trackbacks")
        return
    created = wp_date(fields.get("wp:comment_date_gmt"), None, f"{where}, comment {comment_id}")
    if created is None:
        raise ImportFileError(f"{where}: comment {comment_id} has no wp:comment_date_gmt")
    parent = fields.get("wp:comment_parent", "0").strip()
    approved = fields.get("wp:comment_approved", "").strip()
    author_name, is_staff = staff.author(fields)
    export.comments.append(
        CommentRecord(
            external_id=f"{base}/#comment-{comment_id}",
            post_id=post_external_id,
            parent_id=f"{base}/#comment-{parent}" if parent not in ("", "0") else None,
            author_name=author_name,
            html=autop(fields.get("wp:comment_content", "")),
            created_at=created,
            # TextChoices members are str; without Django's types mypy sees (value, label).
            status=cast(str, COMMENT_STATUS.get(approved, Comment.Status.PENDING)),
            is_staff=is_staff,
        )
    )


BLOCK_TAGS = (
    r"(?:p|div|h[1-6]|ul|ol|li|blockquote|figure|figcaption|table|thead|tbody|tfoot|tr|td|th"
    r"|dl|dt|dd|pre|iframe|audio|video|hr|section)"
)
BLOCK_START = re.compile(rf"^\s*<{BLOCK_TAGS}\b", re.I)
# wpautop's own rule: no line break right after or before a block tag (none in a list).
BREAK_AFTER_BLOCK = re.compile(rf"(</?{BLOCK_TAGS}\b[^>]*>)\s*<br>", re.I)
BREAK_BEFORE_BLOCK = re.compile(rf"<br>(\s*</?{BLOCK_TAGS}\b)", re.I)
BARE_URL = re.compile(r"^https?://\S+$")


def autop(text: str) -> str:
    """WordPress stores classic-editor posts without <p>: blank lines separate paragraphs
    and single newlines are line breaks (its ``wpautop`` adds the markup on display)."""
    text = re.sub(r"<!--.*?-->", "", text.replace("\r\n", "\n"), flags=re.S).strip()
    text = _caption_shortcodes(text)
    chunks = [c.strip() for c in re.split(r"\n\s*\n", text) if c.strip()]
    out: list[str] = []
    for chunk in chunks:
        if BARE_URL.match(chunk):  # WordPress embeds a URL alone on its line (oEmbed)
            url = html.escape(html.unescape(chunk))
            out.append(
                f'<iframe src="{url}"></iframe>'
                if video_url(html.unescape(chunk))
                else f'<p><a href="{url}">{url}</a></p>'
            )
        elif BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            paragraph = "<p>" + chunk.replace("\n", "<br>\n") + "</p>"
            paragraph = BREAK_BEFORE_BLOCK.sub(r"\1", BREAK_AFTER_BLOCK.sub(r"\1", paragraph))
            out.append(paragraph)
    return "\n".join(out)


CAPTION = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.S | re.I)
IMAGE_OR_LINKED_IMAGE = re.compile(
    r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.S | re.I
)


def _caption_shortcodes(text: str) -> str:
    """``[caption ...]<img ...> Text[/caption]`` -> ``<figure><img><figcaption>``."""

    def figure(match: re.Match[str]) -> str:
        parts = IMAGE_OR_LINKED_IMAGE.match(match[1])
        if not parts:
            return match[1]
        return f"<figure>{parts[1]}<figcaption>{parts[2].strip()}</figcaption></figure>"

    return CAPTION.sub(figure, text)
