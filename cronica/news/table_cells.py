"""Links inside table cells.

A table cell is plain text (so figures stay figures and editors type what readers see), but
a source or a court document is often linked from a cell. A cell may therefore hold links
written as ``[text](address)``; only http, https and mailto addresses become links, the rest
of the cell is escaped, so a cell can never carry markup of its own.
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

CELL_LINK = re.compile(r"\[([^\[\]\n]+)\]\(((?:https?://|mailto:)[^\s()<>\[\]]+)\)", re.I)


def cell_link(text: str, href: str) -> str | None:
    """The ``[text](address)`` form of a link, or None when a cell cannot hold it."""
    text = re.sub(r"\s+", " ", text).strip()
    candidate = f"[{text}]({href})"
    match = CELL_LINK.fullmatch(candidate)
    return candidate if text and match else None


def cell_html(text: str) -> SafeString:
    """A cell as safe HTML: its text escaped, its well-formed links turned into anchors."""
    parts: list[str] = []
    position = 0
    for match in CELL_LINK.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(format_html('<a href="{}">{}</a>', match[2], match[1]))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


def cell_text(text: str) -> str:
    """What a reader sees of a cell: the link texts without their addresses."""
    return CELL_LINK.sub(r"\1", text)
