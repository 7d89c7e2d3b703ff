"""WordPress shortcodes, which the export keeps as written and WordPress expands on display.

Left alone they reach readers as raw text (``[gallery ids="3,4"]``). The known ones become
the HTML the body conversion understands: a gallery becomes its images (read from the
export's attachment items), audio and video become the media elements that the
conversion turns into click-to-load links, ``[embed]`` and the WordPress.com video
shortcodes become frames that the conversion turns into video links or plain links; no
frame ever reaches a reader. Unknown shortcodes are removed, keeping the text an
enclosing one wraps, and counted for the import summary.

Only what looks like a shortcode is touched: a name with attributes (``[foo a="b"]``), a
name with a dash or underscore, or an enclosing pair (``[foo]...[/foo]``). A bare
``[sic]`` or ``[1]`` in a sentence is text, as WordPress itself shows it.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape

GALLERY = "gallery"
MEDIA_ATTRIBUTES = {
    "audio": ("src", "mp3", "m4a", "ogg", "wav", "wma"),
    "video": ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv"),
}
FRAME_SHORTCODES = {"embed", "youtube", "vimeo", "dailymotion", "ted", "soundcloud", "googlemaps"}
KNOWN = {GALLERY, "audio", "video", "playlist", "wpvideo", "caption"} | FRAME_SHORTCODES
ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"\]]+)"""
    r"""|"([^"]*)"|'([^']*)'|(\S+)"""
)
ESCAPED = re.compile(r"\[\[([^\[\]]+)\]\]")
ENCLOSING = re.compile(r"\[([a-zA-Z][\w-]*)(\s[^\]]*)?\](.*?)\[/\1\]", re.S)
SINGLE = re.compile(r"\[([a-zA-Z][\w-]*)(\s[^\]]*?)?\s*/?\]")


@dataclass
class Attachment:
    url: str
    title: str = ""
    caption: str = ""
    parent: str = ""
    order: int = 0


@dataclass
class Expansion:
    html: str
    notes: Counter = field(default_factory=Counter)


def attributes(text: str | None) -> tuple[dict[str, str], list[str]]:
    """``(named, positional)`` as WordPress's ``shortcode_parse_atts`` reads them."""
    named: dict[str, str] = {}
    positional: list[str] = []
    for match in ATTRIBUTE.finditer(text or ""):
        key = match[1] or match[3] or match[5]
        if key:
            named[key.lower()] = match[2] if match[1] else match[4] if match[3] else match[6]
        else:
            positional.append(next(g for g in match.groups()[6:] if g is not None))
    return named, positional


def _frame(url: str) -> str:
    return f'\n\n<iframe src="{escape(url)}"></iframe>\n\n' if url.startswith("http") else ""


class _Expander:
    def __init__(self, attachments: dict[str, Attachment], post_id: str) -> None:
        self.attachments = attachments
        self.post_id = post_id
        self.notes: Counter[str] = Counter()

    def gallery(self, named: dict[str, str]) -> str:
        ids = [i.strip() for i in named.get("ids", named.get("include", "")).split(",")]
        if ids != [""]:
            items = [self.attachments[i] for i in ids if i in self.attachments]
        else:
            items = sorted(
                (a for a in self.attachments.values() if a.parent == self.post_id),
                key=lambda a: a.order,
            )
        if not items:
            self.notes["galleries whose images the file does not list, left out"] += 1
        return "".join(
            f'\n\n<figure><img src="{escape(a.url)}" alt="{escape(a.title)}">'
            f"<figcaption>{escape(a.caption)}</figcaption></figure>\n\n"
            for a in items
        )

    def expand(self, name: str, attrs: str, content: str = "") -> str | None:
        named, positional = attributes(attrs)
        first = positional[0] if positional else ""
        if name == GALLERY:
            return self.gallery(named)
        if name in MEDIA_ATTRIBUTES:
            keys = MEDIA_ATTRIBUTES[name]
            src = next((named[k] for k in keys if named.get(k)), "") or first or content.strip()
            if not src.startswith("http"):
                self.notes[f"[{name}] shortcodes without a file, left out"] += 1
                return ""
            return f'\n\n<{name} src="{escape(src)}"></{name}>\n\n'
        if name == "playlist":
            ids = [i.strip() for i in named.get("ids", "").split(",")]
            tag = "video" if named.get("type") == "video" else "audio"
            return "".join(
                f'\n\n<{tag} src="{escape(self.attachments[i].url)}"></{tag}>\n\n'
                for i in ids
                if i in self.attachments
            )
        if name == "wpvideo" and first:
            return f'\n\n<p><a href="https://videopress.com/v/{escape(first)}">Video</a></p>\n\n'
        if name in FRAME_SHORTCODES:
            url = content.strip() or named.get("url", "") or named.get("id", "") or first
            if name == "vimeo" and url.isdigit():
                url = f"https://vimeo.com/{url}"
            if name == "youtube" and url and not url.startswith("http"):
                url = f"https://www.youtube.com/watch?v={url}"
            return _frame(url.replace("&amp;", "&"))
        return None

    def enclosing(self, match: re.Match[str]) -> str:
        name = match[1].lower()
        if name == "caption":
            return match[0]  # wxr turns these into figures
        expanded = self.expand(name, match[2], match[3])
        if expanded is not None:
            return expanded
        self.notes[f"unknown [{name}] shortcodes removed (their text kept)"] += 1
        return match[3]

    def single(self, match: re.Match[str]) -> str:
        name, attrs = match[1].lower(), match[2] or ""
        if name == "caption":
            return match[0]
        expanded = self.expand(name, attrs) if name in KNOWN else None
        if expanded is not None:
            return expanded
        if name in KNOWN or "=" in attrs or "-" in name or "_" in name:
            self.notes[f"unknown [{name}] shortcodes removed"] += 1
            return ""
        return match[0]


def expand(
    text: str, attachments: dict[str, Attachment] | None = None, post_id: str = ""
) -> Expansion:
    """:class:`Expansion` of the shortcodes in a post's ``text``. ``attachments`` maps
    attachment ids to :class:`Attachment`; ``post_id`` finds a gallery's own images."""
    expander = _Expander(attachments or {}, post_id)
    escaped: list[str] = []

    def protect(match: re.Match[str]) -> str:
        escaped.append(f"[{match[1]}]")
        return f"\x00{len(escaped) - 1}\x00"

    text = ESCAPED.sub(protect, text)
    previous = None
    while previous != text:  # enclosing shortcodes can nest
        previous, text = text, ENCLOSING.sub(expander.enclosing, text)
    text = SINGLE.sub(expander.single, text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: escaped[int(m[1])], text)
    return Expansion(text, expander.notes)
