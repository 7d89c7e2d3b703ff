"""Turning a post's HTML, as Blogger or WordPress stored it, into article body blocks.

The HTML is read with Python's own parser (through BeautifulSoup), never rendered or
fetched. Only what the article body can hold survives: paragraphs with bold, italic,
strike-through, code, keys, links and lists, headings, quotes, tables, code blocks,
definition lists, images (as references the writer resolves later) and video links.
Posts that Blogger's Markdown plugins keep inside ``<script type="text/x-markdown">`` are
rendered with markdown-it and then go through the same conversion. Other scripts, styles
and forms are dropped; an iframe, embed or ``<script src>`` becomes a click-to-load link
(a video link for known video hosts), because an iframe would call the host on page load
(docs/invariants.md, invariant 2). Every paragraph is cleaned again by nh3, so no attribute other
than a link's http(s)/mailto ``href`` reaches the database.

Whatever reader-visible text the conversion could not carry over is counted, per post,
in :attr:`Body.notes`, which the import summary lists: nothing is lost silently.
"""

import re
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote, urljoin, urlparse

import nh3
from bs4 import (
    BeautifulSoup,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
)
from markdown_it import MarkdownIt

from cronica.news.table_cells import cell_link, cell_text

KEPT_INLINE = {"b", "i", "a", "s", "code", "kbd", "sup", "sub"}
INLINE_TAGS = KEPT_INLINE | {"br"}
LIST_TAGS = INLINE_TAGS | {"ul", "ol", "li"}
URL_SCHEMES = {"http", "https", "mailto"}
RENAMES = {
    "strong": "b",
    "em": "i",
    "var": "i",
    "del": "s",
    "strike": "s",
    "tt": "code",
    "samp": "code",
}
MARKDOWN_TYPES = {"text/x-markdown", "text/markdown"}
# Deeper than this is no real post (Blogger's and WordPress's editors nest a few dozen
# levels at most); refusing it keeps the recursive walk far from Python's stack limit.
MAX_DEPTH = 250
# Invisible to readers: not counted as text a conversion could lose.
INVISIBLE = {"script", "style", "template", "head", "title", "meta", "link", "noscript"}
WORD = re.compile(r"\w+")
DROPPED = {
    "script",
    "style",
    "noscript",
    "template",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "svg",
    "math",
    "canvas",
    "head",
    "title",
    "meta",
    "link",
    "map",
    "area",
    "frameset",
    "frame",
    "applet",
}
EMBEDS = {"iframe", "embed", "object"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
CONTAINERS = {
    "p",
    "div",
    "section",
    "article",
    "center",
    "main",
    "header",
    "footer",
    "aside",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "pre",
    "address",
    "details",
    "summary",
    "figcaption",
    "body",
    "html",
    "nav",
    "hr",
}
MEDIA = {"audio", "video"}
BLOCKISH = CONTAINERS | HEADINGS | EMBEDS | MEDIA | {"img", "figure", "blockquote", "ul", "ol"}
# A table holding any of these lays a page out; only its content is kept, not its grid.
LAYOUT_CONTENT = EMBEDS | MEDIA | HEADINGS | {"img", "table", "ul", "ol", "blockquote", "pre"}
IMAGE_FILE = re.compile(r"\.(jpe?g|png|gif|webp|heic|avif)$", re.I)
SKIPPED_NODES = (Comment, Declaration, Doctype, ProcessingInstruction)


# A body block as ``(kind, value)``: the value is the StreamField block's raw value, whose
# shape depends on the kind (text, a dict, a list of dicts), or an ImageRef.
Block = tuple[str, Any]


class BodyError(ValueError):
    """The post's HTML cannot be converted; the message says why, for a person."""


@dataclass
class Body:
    """A post's body blocks, and what of the original could not be carried over."""

    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class ImageRef:
    """An image the post showed from a URL; the writer downloads it or keeps a link."""

    src: str
    alt: str = ""
    caption: str = ""


def _clean(html: str, tags: set[str]) -> str:
    """nh3 with the body's allowances; a link left without an href is unwrapped."""
    html = nh3.clean(
        html, tags=tags, attributes={"a": {"href"}}, url_schemes=URL_SCHEMES, link_rel=None
    )
    return re.sub(r"<a>(.*?)</a>", r"\1", html, flags=re.S)


def _value(node: Tag, name: str) -> str:
    """An attribute as text, "" when absent. BeautifulSoup gives a multi-valued attribute
    (``class``, ``rel``, ``headers``) as a list of its words: they are joined back."""
    value = node.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


def _has_text(text: str | None) -> bool:
    return bool(text and text.strip())


def _text(node: Tag) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


def video_url(src: str) -> str | None:
    """The watch page of a YouTube or Vimeo player URL, or None for any other host."""
    if src.startswith("//"):
        src = "https:" + src
    parsed = urlparse(src)
    host = (parsed.hostname or "").removeprefix("www.").removeprefix("m.")
    parts = [p for p in parsed.path.split("/") if p]
    if (
        host in ("youtube.com", "youtube-nocookie.com")
        and len(parts) >= 2
        and parts[0] in ("embed", "v", "shorts")
    ):
        return f"https://www.youtube.com/watch?v={parts[1]}"
    if host == "youtube.com" and parts == ["watch"] and parse_qs(parsed.query).get("v"):
        return f"https://www.youtube.com/watch?v={parse_qs(parsed.query)['v'][0]}"
    if host == "youtu.be" and parts:
        return f"https://www.youtube.com/watch?v={parts[0]}"
    if host == "player.vimeo.com" and len(parts) >= 2 and parts[0] == "video":
        return f"https://vimeo.com/{parts[1]}"
    if host == "vimeo.com" and parts and parts[0].isdigit():
        return f"https://vimeo.com/{parts[0]}"
    return None


def _cell_text(node: Tag) -> str:
    """A node's text with its line breaks, for plain-text cells, code and definitions."""
    for br in node.find_all("br"):
        br.replace_with("\n")
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in node.get_text().split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _embed_label(url: str) -> str:
    parsed = urlparse(url)
    return unquote(f"{parsed.hostname or ''}{parsed.path}".rstrip("/"))[:200]


class _BodyBuilder:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.blocks: list[Block] = []
        self.inline: list[str] = []
        self.notes: Counter[str] = Counter()

    def flush(self) -> None:
        html = _clean("".join(self.inline), INLINE_TAGS)
        self.inline = []
        html = re.sub(r"^(\s|<br>)+|(\s|<br>)+$", "", html)
        if re.sub(r"<[^>]+>", "", html).strip():
            self.blocks.append(("paragraph", f"<p>{html}</p>"))

    def block(self, kind: str, value: Any) -> None:
        self.flush()
        self.blocks.append((kind, value))

    def link_block(self, word: str, url: str, label: str | None = None) -> None:
        """A visible, click-to-load link standing for something the post embedded."""
        label = label or _embed_label(url) or url
        link = _clean(f'{word}: <a href="{_attr(url)}">{_escape(label)}</a>', INLINE_TAGS)
        self.block("paragraph", f"<p>{link}</p>")

    def url(self, value: str | None) -> str:
        value = (value or "").strip()
        if value.startswith("//"):
            value = "https:" + value
        if self.base_url:
            value = urljoin(self.base_url, value)
        return value if urlparse(value).scheme in ("http", "https") else ""

    def walk(self, node: Tag) -> None:
        for child in list(node.children):
            if isinstance(child, SKIPPED_NODES):
                continue
            if isinstance(child, NavigableString):
                self.inline.append(_escape(str(child)))
            elif isinstance(child, Tag):
                self.element(child)

    def element(self, node: Tag) -> None:
        name = node.name
        if name == "script" and node.get("src"):
            self.script_embed(node)
        elif name in DROPPED:
            return
        elif name in EMBEDS:
            self.embed(node)
        elif name in MEDIA:
            self.media(node)
        elif name == "br":
            if self.after_break():
                self.flush()  # two line breaks in a row end a paragraph, as readers saw it
            else:
                self.inline.append("<br>")
        elif name == "img":
            self.image(node, caption="")
        elif name == "figure":
            self.figure(node)
        elif name == "table" and node.find(class_="tr-caption") and node.find("img"):
            self.figure(node, caption_node=node.find(class_="tr-caption"))
        elif name == "table" and not node.find(LAYOUT_CONTENT):
            self.table(node)
        elif name == "pre":
            self.code(node)
        elif name == "dl" and not node.find(BLOCKISH - {"dt", "dd"}):
            self.definitions(node)
        elif name in HEADINGS and not node.find(BLOCKISH):
            if _text(node):
                self.block("heading", _text(node)[:255])
        elif name == "blockquote":
            self.quote(node)
        elif name in ("ul", "ol"):
            self.list(node)
        elif name in CONTAINERS or name in HEADINGS:
            self.flush()
            self.walk(node)
            self.flush()
        elif name == "abbr" and node.get("title") and not node.find(BLOCKISH):
            # The expansion readers saw on hover is written out once, in brackets.
            self.walk(node)
            self.inline.append(_escape(f" ({_value(node, 'title').strip()})"))
        elif name in KEPT_INLINE and not node.find(BLOCKISH | {"br"}):
            self.inline.append(str(node))  # cleaned by nh3 at flush
        else:  # span, font and other wrappers: their content counts, they do not
            self.walk(node)

    def after_break(self) -> bool:
        """Whether the paragraph so far ends with a line break (whitespace aside)."""
        for item in reversed(self.inline):
            if item.strip():
                return item == "<br>"
        return False

    def list(self, node: Tag) -> None:
        # wpautop and Blogger leave line breaks between items and at their edges.
        for br in node.find_all("br"):
            if getattr(br.parent, "name", None) in ("ul", "ol") or not (
                br.find_previous_sibling(string=_has_text) or br.find_previous_sibling(True)
            ):
                br.decompose()
        for item in node.find_all("li"):
            while item.contents and getattr(item.contents[-1], "name", None) == "br":
                item.contents[-1].decompose()
        if _text(node):
            self.block("paragraph", _clean(str(node), LIST_TAGS))

    def embed(self, node: Tag) -> None:
        src = _value(node, "src") or _value(node, "data")
        if not src and node.name == "object":
            movie = node.find("param", attrs={"name": "movie"})
            src = _value(movie, "value") if movie else ""
        url = video_url(src)
        if url:
            title = _value(node, "title").strip() or "Video"
            self.block("video", {"url": url, "title": title[:255], "description": ""})
        elif self.url(src) and not _hidden(node):
            self.link_block("Embedded content", self.url(src))
            self.notes["embedded frames kept as links"] += 1

    def media(self, node: Tag) -> None:
        """``<audio>`` and ``<video>``: the file becomes a link (a video link for a known
        video host); the element itself would load it from the old host."""
        sources = [_value(node, "src")] + [_value(s, "src") for s in node.find_all("source")]
        src = next((self.url(s) for s in sources if self.url(s)), "")
        if src and node.name == "video" and video_url(src):
            self.block("video", {"url": video_url(src), "title": "Video", "description": ""})
        elif src:
            word = "Audio" if node.name == "audio" else "Video"
            self.link_block(word, src, unquote(src.rsplit("/", 1)[-1]) or src)

    def script_embed(self, node: Tag) -> None:
        """``<script src>`` embeds (GitHub gists, widgets) become a visible link."""
        src = self.url(_value(node, "src"))
        if not src:
            return
        parsed = urlparse(src)
        if parsed.hostname == "gist.github.com":
            self.link_block("Gist", src.split("?")[0].removesuffix(".js"))
        else:
            self.link_block("Embedded content", src)
        self.notes["script embeds kept as links"] += 1

    def image(self, node: Tag, caption: str) -> None:
        src = self.url(_value(node, "src"))
        link = node.find_parent("a")
        full_size = self.url(_value(link, "href")) if link is not None else ""
        if IMAGE_FILE.search(urlparse(full_size).path):
            src = full_size  # both blogs link a thumbnail to the full-size file
        if src:
            self.block(
                "image",
                ImageRef(src=src, alt=_value(node, "alt").strip(), caption=caption[:500]),
            )

    def figure(self, node: Tag, caption_node: Tag | None = None) -> None:
        caption_node = caption_node or node.find("figcaption")
        caption = _text(caption_node) if caption_node else ""
        images = node.find_all("img")
        for img in images:
            self.image(img, caption)
        embeds = node.find_all(list(EMBEDS | MEDIA))
        if not images:
            for embed in embeds:
                self.element(embed)
        if not images and not embeds:  # a table, a quote or code in a figure
            self.flush()
            self.walk(node)
            self.flush()

    def table(self, node: Tag) -> None:
        rows = []
        for tr in node.find_all("tr"):
            row = []
            for cell in tr.find_all(["td", "th"], recursive=False):
                row.append(self.table_cell(cell))
                span = _value(cell, "colspan") or "1"
                row.extend([""] * (min(int(span), 50) - 1 if span.isdigit() else 0))
            if row:
                rows.append((row, tr))
        if not any(any(cells) for cells, _ in rows):
            return
        width = max(len(cells) for cells, _ in rows)
        data = [cells + [""] * (width - len(cells)) for cells, _ in rows]
        first = rows[0][1]
        header_row = len(rows) > 1 and (
            first.find_parent("thead") is not None
            or all(c.name == "th" for c in first.find_all(["td", "th"], recursive=False))
        )
        body = rows[1:] if header_row else rows
        first_col = bool(body) and all((tr.find(["td", "th"]) or tr).name == "th" for _, tr in body)
        caption = node.find("caption")
        self.block(
            "table",
            {
                "data": data,
                "first_row_is_table_header": header_row,
                "first_col_is_header": first_col,
                "table_caption": _text(caption)[:255] if caption else "",
                "table_header_choice": _header_choice(header_row, first_col),
                "cell": [],
                "mergeCells": [],
            },
        )

    def table_cell(self, cell: Tag) -> str:
        """A cell's text, its http(s)/mailto links kept in the cell's ``[text](address)``
        form; a link to any other address, or one a cell cannot hold, stays as its text."""
        for link in cell.find_all("a", href=True):
            href = _value(link, "href").strip()
            href = href if href.lower().startswith("mailto:") else self.url(href)
            kept = cell_link(link.get_text(" "), href) if href else None
            if kept is None:
                self.notes["links inside tables kept as text"] += 1
            link.replace_with(kept or link.get_text())
        return _cell_text(cell)

    def code(self, node: Tag) -> None:
        classes = f"{_value(node, 'class')} {_value(node.code, 'class') if node.code else ''}"
        match = re.search(r"(?:language-|lang-|brush:\s*)([\w+#-]+)", classes)
        text = textwrap.dedent(node.get_text()).strip("\n")
        if text.strip():
            self.block("code", {"language": match[1][:40] if match else "", "code": text})

    def definitions(self, node: Tag) -> None:
        items, terms = [], []
        for child in node.find_all(["dt", "dd"]):
            if child.name == "dt":
                terms.append(_text(child))
            elif terms:
                items.append({"term": " / ".join(terms)[:255], "definition": _cell_text(child)})
                terms = []
            else:  # a definition with no term: the block would have nowhere to put it
                return self.walk_as_paragraphs(node)
        if terms:
            return self.walk_as_paragraphs(node)
        if items:
            self.block("definitions", items)

    def walk_as_paragraphs(self, node: Tag) -> None:
        self.flush()
        self.walk(node)
        self.flush()

    def quote(self, node: Tag) -> None:
        cite = node.find(["cite", "footer"])
        attribution = _text(cite) if cite else ""
        if cite:
            cite.extract()
        for br in node.find_all("br"):
            br.replace_with("\n")
        paragraphs = [
            re.sub(r"[ \t\r\f\v]+", " ", p.get_text()).strip()
            for p in (node.find_all("p") or [node])
        ]
        text = "\n\n".join(p for p in paragraphs if p)
        if text:
            self.block("quote", {"quote": text, "attribution": attribution[:255]})


def _header_choice(first_row: bool, first_col: bool) -> str:
    """TableBlock's own name for which headers the table has."""
    return {(True, True): "both", (True, False): "row", (False, True): "column"}.get(
        (first_row, first_col), "neither"
    )


def _hidden(node: Tag) -> bool:
    """A frame no reader saw: a 1×1 or hidden tracking frame."""
    style = re.sub(r"\s", "", _value(node, "style").lower())
    tiny = any(
        _value(node, side).strip() in ("0", "1", "0px", "1px") for side in ("width", "height")
    )
    return tiny or "display:none" in style or "visibility:hidden" in style


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _attr(text: str) -> str:
    return _escape(text).replace('"', "&quot;")


def _check_depth(soup: BeautifulSoup) -> None:
    """BodyError when elements nest deeper than any real post does."""
    depth = {id(soup): 0}
    for node in soup.descendants:
        if not isinstance(node, Tag):
            continue
        level = depth[id(node.parent)] + 1
        if level > MAX_DEPTH:
            raise BodyError(
                f"its HTML nests elements more than {MAX_DEPTH} levels deep, which no editor "
                "produces; the file looks crafted or damaged"
            )
        depth[id(node)] = level


def _is_markdown(node: Tag) -> bool:
    """Where Blogger's Markdown plugins keep a post: ``<script type="text/x-markdown">``,
    or a (usually hidden) ``<pre>``/``<div class="markdown">`` that their script renders."""
    if node.name == "script":
        return _value(node, "type").split(";")[0].strip().lower() in MARKDOWN_TYPES
    # Exactly that class: a code sample highlighted as Markdown ("brush: markdown",
    # "language-markdown") is code to show, not a post to render.
    return node.name in ("pre", "div") and node.get("class") == ["markdown"]


def _render_markdown(soup: BeautifulSoup) -> None:
    """Replaces each Markdown source with the HTML that the blog's plugin showed."""
    markdown = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    for node in soup.find_all(_is_markdown):
        html = markdown.render(textwrap.dedent(node.get_text()).strip("\n"))
        node.replace_with(BeautifulSoup(html, "html.parser"))


def visible_words(soup: BeautifulSoup) -> Counter[str]:
    """Word counts of what a reader of the old page saw as text."""
    counts: Counter[str] = Counter()
    for text in soup.find_all(string=True):
        if isinstance(text, SKIPPED_NODES) or any(p.name in INVISIBLE for p in text.parents):
            continue
        counts.update(WORD.findall(text.lower()))
    return counts


def block_words(blocks: list[Block]) -> Counter[str]:
    """Word counts of the text the blocks show."""
    counts: Counter[str] = Counter()
    for kind, value in blocks:
        if kind == "paragraph":
            text = BeautifulSoup(value, "html.parser").get_text(" ")
        elif kind == "table":
            cells = [cell_text(c) for row in value["data"] for c in row]
            text = " ".join([value["table_caption"], *cells])
        elif kind == "definitions":
            text = " ".join(f"{item['term']} {item['definition']}" for item in value)
        elif isinstance(value, ImageRef):
            text = value.caption
        elif isinstance(value, dict):
            text = " ".join(str(v) for v in value.values())
        else:
            text = str(value)
        counts.update(WORD.findall(text.lower()))
    return counts


def convert(html: str | None, base_url: str = "") -> Body:
    """The :class:`Body` of ``html``: blocks, images as :class:`ImageRef`, and notes on
    what could not be carried over. BodyError for HTML no editor produces."""
    soup = BeautifulSoup(html or "", "html.parser")
    _check_depth(soup)
    _render_markdown(soup)
    before = visible_words(soup)
    for old, new in RENAMES.items():
        for tag in soup.find_all(old):
            tag.name = new
    builder = _BodyBuilder(base_url)
    builder.walk(soup)
    builder.flush()
    notes = [f"{count} {what}" for what, count in sorted(builder.notes.items())]
    lost = before - block_words(builder.blocks)
    if lost:
        sample = ", ".join(word for word, _ in lost.most_common(5))
        notes.append(f"{sum(lost.values())} words of the original text not carried over ({sample})")
    return Body(builder.blocks, notes)


def html_to_blocks(html: str | None, base_url: str = "") -> list[Block]:
    """Body blocks of ``html``: ``(kind, value)`` pairs, images as :class:`ImageRef`."""
    return convert(html, base_url).blocks


def html_to_text(html: str | None) -> str:
    """A comment's HTML as plain text: line breaks and paragraphs kept, markup dropped."""
    soup = BeautifulSoup(html or "", "html.parser")
    for tag in soup.find_all(list(DROPPED | EMBEDS)):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for block in soup.find_all(["p", "div", "blockquote", "li"]):
        block.insert_after("\n\n")
    text = soup.get_text()
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
