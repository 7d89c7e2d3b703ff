"""Turning a post's HTML, as Blogger or WordPress stored it, into article body blocks.

The HTML is read with Python's own parser (through BeautifulSoup), never rendered or
fetched. Only what the article body can hold survives: paragraphs with bold, italic,
links and lists, headings, quotes, images (as references the writer resolves later) and
video links. Scripts, styles, forms and iframes are dropped; an iframe or embed from a
known video host becomes a click-to-load video link, because an iframe would call the
host on page load (design.md invariant 2). Every paragraph is cleaned again by nh3, so
no attribute other than a link's http(s)/mailto ``href`` reaches the database.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urljoin, urlparse

import nh3
from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

INLINE_TAGS = {"b", "i", "a", "br"}
KEPT_INLINE = {"b", "i", "a"}
LIST_TAGS = INLINE_TAGS | {"ul", "ol", "li"}
URL_SCHEMES = {"http", "https", "mailto"}
RENAMES = {"strong": "b", "em": "i"}
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
    "audio",
    "video",
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
    "body",
    "html",
    "nav",
    "hr",
}
BLOCKISH = CONTAINERS | HEADINGS | EMBEDS | {"img", "figure", "blockquote", "ul", "ol"}
IMAGE_FILE = re.compile(r"\.(jpe?g|png|gif|webp|heic|avif)$", re.I)
SKIPPED_NODES = (Comment, Declaration, Doctype, ProcessingInstruction)


@dataclass
class ImageRef:
    """An image the post showed from a URL; the writer downloads it or keeps a link."""

    src: str
    alt: str = ""
    caption: str = ""


def _clean(html, tags):
    """nh3 with the body's allowances; a link left without an href is unwrapped."""
    html = nh3.clean(
        html, tags=tags, attributes={"a": {"href"}}, url_schemes=URL_SCHEMES, link_rel=None
    )
    return re.sub(r"<a>(.*?)</a>", r"\1", html, flags=re.S)


def _text(node):
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


def video_url(src):
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


class _BodyBuilder:
    def __init__(self, base_url):
        self.base_url = base_url
        self.blocks = []
        self.inline = []

    def flush(self):
        html = _clean("".join(self.inline), INLINE_TAGS)
        self.inline = []
        html = re.sub(r"^(\s|<br>)+|(\s|<br>)+$", "", html)
        if re.sub(r"<[^>]+>", "", html).strip():
            self.blocks.append(("paragraph", f"<p>{html}</p>"))

    def block(self, kind, value):
        self.flush()
        self.blocks.append((kind, value))

    def url(self, value):
        value = (value or "").strip()
        if value.startswith("//"):
            value = "https:" + value
        if self.base_url:
            value = urljoin(self.base_url, value)
        return value if urlparse(value).scheme in ("http", "https") else ""

    def walk(self, node):
        for child in list(node.children):
            if isinstance(child, SKIPPED_NODES):
                continue
            if isinstance(child, NavigableString):
                self.inline.append(str(child).replace("&", "&amp;").replace("<", "&lt;"))
                continue
            self.element(child)

    def element(self, node):
        name = node.name
        if name in DROPPED:
            return
        if name in EMBEDS:
            self.embed(node)
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
        elif name in HEADINGS and not node.find(BLOCKISH):
            if _text(node):
                self.block("heading", _text(node)[:255])
        elif name == "blockquote":
            self.quote(node)
        elif name in ("ul", "ol"):
            html = _clean(str(node), LIST_TAGS)
            if _text(node):
                self.block("paragraph", html)
        elif name in CONTAINERS or name in HEADINGS:
            self.flush()
            self.walk(node)
            self.flush()
        elif name in KEPT_INLINE and not node.find(BLOCKISH | {"br"}):
            self.inline.append(str(node))  # cleaned by nh3 at flush
        else:  # span, font and other wrappers: their content counts, they do not
            self.walk(node)

    def after_break(self):
        """Whether the paragraph so far ends with a line break (whitespace aside)."""
        for item in reversed(self.inline):
            if item.strip():
                return item == "<br>"
        return False

    def embed(self, node):
        src = node.get("src") or node.get("data") or ""
        if not src and node.name == "object":
            movie = node.find("param", attrs={"name": "movie"})
            src = movie.get("value", "") if movie else ""
        url = video_url(src)
        if url:
            title = (node.get("title") or "").strip() or "Video"
            self.block("video", {"url": url, "title": title[:255], "description": ""})

    def image(self, node, caption):
        src = self.url(node.get("src"))
        link = node.find_parent("a")
        full_size = self.url(link.get("href")) if link is not None else ""
        if IMAGE_FILE.search(urlparse(full_size).path):
            src = full_size  # both blogs link a thumbnail to the full-size file
        if src:
            self.block(
                "image",
                ImageRef(src=src, alt=(node.get("alt") or "").strip(), caption=caption[:500]),
            )

    def figure(self, node, caption_node=None):
        caption_node = caption_node or node.find("figcaption")
        caption = _text(caption_node) if caption_node else ""
        images = node.find_all("img")
        for img in images:
            self.image(img, caption)
        if not images:
            for embed in node.find_all(list(EMBEDS)):
                self.embed(embed)

    def quote(self, node):
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


def html_to_blocks(html, base_url=""):
    """Body blocks of ``html``: ``(kind, value)`` pairs, images as :class:`ImageRef`."""
    soup = BeautifulSoup(html or "", "html.parser")
    for old, new in RENAMES.items():
        for tag in soup.find_all(old):
            tag.name = new
    builder = _BodyBuilder(base_url)
    builder.walk(soup)
    builder.flush()
    return builder.blocks


def html_to_text(html):
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
