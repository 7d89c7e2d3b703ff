"""StreamField blocks for article bodies."""

from typing import Any
from urllib.parse import urlparse

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

from cronica.news.table_cells import cell_html, cell_text

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# Paragraphs also keep the inline markup old posts use for corrections (<s>), commands
# (<kbd>), code and footnote marks, so that importing them loses nothing editors can't edit.
PARAGRAPH_FEATURES = RICH_TEXT_FEATURES + [
    "strikethrough",
    "code",
    "keyboard",
    "superscript",
    "subscript",
]


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=500)
    credit = blocks.CharBlock(
        required=False, max_length=255, help_text=_("Overrides the image's own credit.")
    )

    class Meta:
        icon = "image"
        template = "news/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = "news/blocks/quote.html"


def _video_host(url: str) -> str:
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


class VideoLinkBlock(blocks.StructBlock):
    """A video hosted elsewhere, shown as a click-to-load link: an iframe would call the
    host on page load and tell it who reads the article (docs/invariants.md, invariant 2)."""

    url = blocks.URLBlock()
    title = blocks.CharBlock(max_length=255)
    description = blocks.TextBlock(required=False)

    def get_context(
        self, value: Any, parent_context: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        context = super().get_context(value, parent_context)
        context["host"] = _video_host(value["url"])
        return context

    class Meta:
        icon = "media"
        template = "news/blocks/video.html"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "news/blocks/heading.html"
        form_classname = "title"


class DataTableBlock(TableBlock):
    """A table of figures (seizures, sentences, casualties): cells are plain text, the
    first row and column can be headers, and the table scrolls inside its own box on a
    phone instead of widening the page. A cell may link with ``[text](address)``
    (news/table_cells.py), which is how imported tables keep their links."""

    def is_html_renderer(self) -> bool:
        # Cells reach the template already escaped by cell_html, links included.
        return True

    def render(
        self, value: dict[str, Any] | None, context: dict[str, Any] | None = None
    ) -> SafeString:
        if value and value.get("data"):
            rows = [[cell_html(cell) if cell else cell for cell in row] for row in value["data"]]
            value = dict(value, data=rows)
        return super().render(value, context)

    def get_searchable_content(self, value: dict[str, Any] | None) -> list[str]:
        return [cell_text(cell) for cell in super().get_searchable_content(value)]

    class Meta:
        icon = "table"
        template = "news/blocks/table.html"


class CodeBlock(blocks.StructBlock):
    """Preformatted text shown as written: code, logs, transcripts, ASCII tables."""

    language = blocks.CharBlock(
        required=False, max_length=40, help_text=_("For example: python, bash (optional).")
    )
    code = blocks.TextBlock()

    class Meta:
        icon = "code"
        template = "news/blocks/code.html"


class DefinitionBlock(blocks.StructBlock):
    term = blocks.CharBlock(max_length=255)
    definition = blocks.TextBlock()


class DefinitionListBlock(blocks.ListBlock):
    """Terms and what they mean: a glossary of slang, of group names, of charges."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(DefinitionBlock(), **kwargs)

    class Meta:
        icon = "list-ul"
        template = "news/blocks/definitions.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)
    heading = HeadingBlock(max_length=255)
    quote = QuoteBlock()
    image = ImageWithCaptionBlock()
    video = VideoLinkBlock()
    table = DataTableBlock(table_options={"contextMenu": True})
    code = CodeBlock()
    definitions = DefinitionListBlock()
