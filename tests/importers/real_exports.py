"""Real, unmodified public export files, read from fetched repository mirrors.

None of these files is committed here (they belong to their projects): each is read at
test time with ``git show COMMIT:PATH`` from the mirror under ``CRONICA_MIRROR_DIR`` (tests/mirrors.py),
and a test that needs a missing one is skipped with the reason. docs/import-corpus.md
lists the same provenance for people.

Besides the file, this module reads each export's published posts on its own, with the
standard library's XML parser and none of the importer's code, so that the tests check
the import against the file and not against itself.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlparse
from xml.etree import ElementTree

from ..mirrors import mirror_file


@dataclass(frozen=True)
class RealExport:
    name: str
    kind: str  # the `cronica import` format: "wxr" or "blogger"
    repo: str
    commit: str
    path: str
    licence: str
    note: str = ""

    def data(self):
        """The file's bytes, or a pytest skip saying what is missing."""
        return mirror_file(self.repo, self.path, self.commit)

    def write(self, directory):
        target = Path(directory) / Path(self.path).name
        target.write_bytes(self.data())
        return target


CORPUS = [
    RealExport(
        "theme-unit-test",
        "wxr",
        "WordPress/theme-test-data",
        "b47acf980696897936265182cb684dca648476c7",
        "themeunittestdata.wordpress.xml",
        "no licence file (WordPress project test content)",
        "WordPress.com export (https:// wp namespace), galleries, audio, captions, pages",
    ),
    RealExport(
        "block-test-data",
        "wxr",
        "WordPress/theme-test-data",
        "b47acf980696897936265182cb684dca648476c7",
        "64-block-test-data.xml",
        "no licence file (WordPress project test content)",
        "WordPress 6.4 block editor: tables, code, preformatted, verse, footnotes",
    ),
    RealExport(
        "jekyll-import-wordpress-com",
        "wxr",
        "jekyll/jekyll-import",
        "9c35f6652f899dd46abff91851b2062092f5fa51",
        "test/mocks/sitetitle.wordpress.2025-01-19.000.xml",
        "MIT",
        "WordPress.com export of 2025",
    ),
    RealExport(
        "pelican-wordpress",
        "wxr",
        "getpelican/pelican",
        "c2149063585de9984cb1c1a9b9034061a431080b",
        "pelican/tests/content/wordpressexport.xml",
        "AGPL-3.0",
        "WXR 1.1, drafts, custom post types, shortcodes",
    ),
    RealExport(
        "pelican-blogger",
        "blogger",
        "getpelican/pelican",
        "c2149063585de9984cb1c1a9b9034061a431080b",
        "pelican/tests/content/bloggerexport.xml",
        "AGPL-3.0",
        "legacy Blogger backup, Dutch interface, pages and a comment",
    ),
    RealExport(
        "hakyll-convert-blogger-2017",
        "blogger",
        "Minoru/hakyll-convert",
        "08878b767faf2148874497d798fc496836d6fa33",
        "test/golden/data/blogger-000/input.xml",
        "BSD-3-Clause",
        "legacy Blogger backup of 2017, Russian interface",
    ),
    RealExport(
        "hakyll-convert-blogger-2020",
        "blogger",
        "Minoru/hakyll-convert",
        "08878b767faf2148874497d798fc496836d6fa33",
        "test/golden/data/blogger-002/input.xml",
        "BSD-3-Clause",
        "legacy Blogger backup of 2020",
    ),
    RealExport(
        "hakyll-convert-wordpress",
        "wxr",
        "Minoru/hakyll-convert",
        "08878b767faf2148874497d798fc496836d6fa33",
        "test/golden/data/wordpress-000/input.xml",
        "BSD-3-Clause",
        "self-hosted WordPress export",
    ),
]


@dataclass
class SourcePost:
    """A published post as the file states it."""

    title: str
    html: str
    published: datetime | None
    author: str
    old_path: str
    tags: list


def _local(tag):
    return tag.rsplit("}", 1)[-1]


def _child(element, name):
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def _text(element, name):
    child = _child(element, name)
    return (child.text or "").strip() if child is not None else ""


def published_posts(export, data):
    """The file's published, already-live posts, read with ElementTree alone."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:  # pelican's file drops the app: declaration
        prefixes = set(re.findall(rb"</?([A-Za-z][\w.-]*):", data)) - {b"xml"}
        missing = [p for p in prefixes if b"xmlns:" + p + b"=" not in data]
        root_tag = re.search(rb"<feed\b", data)
        declarations = b"".join(b' xmlns:%s="urn:undeclared:%s"' % (p, p) for p in missing)
        root = ElementTree.fromstring(
            data[: root_tag.end()] + declarations + data[root_tag.end() :]
        )
    return _wxr(root) if export.kind == "wxr" else _blogger(root)


def _wxr(root):
    channel = root.find("channel")
    names = {}
    for author in channel:
        if _local(author.tag) == "author":
            login = _text(author, "author_login")
            names[login] = _text(author, "author_display_name") or login
    posts = []
    for item in channel.iterfind("item"):
        if _text(item, "post_type") != "post" or _text(item, "status") != "publish":
            continue
        if _text(item, "post_password"):
            continue
        gmt = _text(item, "post_date_gmt")
        if gmt and not gmt.startswith("0000"):
            published = datetime.strptime(gmt, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        elif _text(item, "pubDate").startswith(("Thu, 01 Jan 1970", "Mon, 30 Nov -0001")):
            published = None  # WordPress's "no date": the file does not say when
        else:
            published = parsedate_to_datetime(_text(item, "pubDate"))
        if published and published > datetime.now(UTC):
            continue
        link = urlparse(_text(item, "link"))
        tags = [
            (c.text or "").strip()
            for c in item.iterfind("category")
            if c.get("domain") in ("category", "post_tag")
            and c.get("nicename") not in ("uncategorized", "sin-categoria")
        ]
        posts.append(
            SourcePost(
                title=_text(item, "title"),
                html=_text(item, "encoded"),
                published=published,
                author=names.get(_text(item, "creator"), _text(item, "creator")),
                old_path=link.path + (f"?{link.query}" if link.query else ""),
                tags=tags,
            )
        )
    return posts


ATOM = "{http://www.w3.org/2005/Atom}"


def _blogger(root):
    posts = []
    for entry in root.iterfind(f"{ATOM}entry"):
        terms = [c.get("term", "") for c in entry.iterfind(f"{ATOM}category")]
        if not any(t.endswith("/kind#post") for t in terms):
            continue
        if any(_local(e.tag) == "draft" and (e.text or "").strip() == "yes" for e in entry.iter()):
            continue
        alternate = next(
            (a.get("href") for a in entry.iterfind(f"{ATOM}link") if a.get("rel") == "alternate"),
            "",
        )
        posts.append(
            SourcePost(
                title=_text(entry, "title"),
                html=(entry.find(f"{ATOM}content").text or ""),
                published=datetime.fromisoformat(_text(entry, "published")),
                author=_text(entry.find(f"{ATOM}author"), "name"),
                old_path=urlparse(alternate).path,
                tags=[t for t in terms if "schemas.google.com" not in t],
            )
        )
    return posts


SHORTCODE = re.compile(r"\[/?[a-zA-Z][\w-]*(?:\s[^\]]*)?\]")
# WordPress shows a URL alone on its line as the embedded thing (oEmbed), not as text.
OEMBED_LINE = re.compile(r"^\s*https?://\S+\s*$", re.M)


def reader_html(post):
    """The post's HTML as its readers saw the text of it: shortcodes and oEmbed lines
    stand for media, not words."""
    return OEMBED_LINE.sub(" ", SHORTCODE.sub(" ", post.html))
