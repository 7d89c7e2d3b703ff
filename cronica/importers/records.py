"""The source-neutral shape of an export, produced by the parsers and consumed by the writer.

Parsing the whole file into these records before anything is written is what makes a
broken file import nothing: every error surfaces while the database is still untouched.
Nothing here has a field for a commenter's e-mail, address or web site, so the parsers
cannot pass them on even by mistake.
"""

from dataclasses import dataclass, field
from datetime import datetime


class ImportFileError(Exception):
    """The export cannot be imported as a whole; the message says why, for a person."""


@dataclass
class PostRecord:
    external_id: str
    title: str
    html: str
    published: datetime | None
    is_draft: bool
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    old_paths: list[str] = field(default_factory=list)
    slug_hint: str = ""
    summary: str = ""
    comments_closed: bool = False
    kind: str = "post"  # "post", or "page" for a blog's About, Contact... (a StandardPage)
    # What the parser could not carry over, for the summary ("2 unknown [foo] shortcodes").
    notes: list[str] = field(default_factory=list)


@dataclass
class CommentRecord:
    external_id: str
    post_id: str
    parent_id: str | None
    author_name: str
    html: str
    created_at: datetime
    status: str  # a Comment.Status value
    is_staff: bool = False  # written by one of the blog's own authors


@dataclass
class Export:
    """Everything one file holds that the site keeps."""

    source: str  # an ImportedItem.Source value: "blogger" or "wordpress"
    base_url: str = ""  # the old site's address, against which relative image URLs resolve
    posts: list[PostRecord] = field(default_factory=list)
    comments: list[CommentRecord] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    # What had to be repaired or guessed to read the file, for the summary.
    warnings: list[str] = field(default_factory=list)
    # Old addresses of label/category/tag listings, by tag name: they redirect to tag pages.
    tag_paths: dict[str, set[str]] = field(default_factory=dict)

    def tag_path(self, name: str, path: str) -> None:
        self.tag_paths.setdefault(name, set()).add(path)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
