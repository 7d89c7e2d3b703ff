"""Rich-text features Wagtail does not ship: ``<kbd>``, which old posts use for key
presses and commands, so that an imported ``<kbd>`` survives an editor's next save."""

from typing import Any

import wagtail.admin.rich_text.editors.draftail.features as draftail_features
from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler

KEYBOARD = "KEYBOARD"


@hooks.register("register_rich_text_features")
def register_keyboard_feature(features: Any) -> None:
    features.register_editor_plugin(
        "draftail",
        "keyboard",
        draftail_features.InlineStyleFeature(
            {"type": KEYBOARD, "label": "kbd", "description": "Keyboard key"}
        ),
    )
    features.register_converter_rule(
        "contentstate",
        "keyboard",
        {
            "from_database_format": {"kbd": InlineStyleElementHandler(KEYBOARD)},
            "to_database_format": {"style_map": {KEYBOARD: "kbd"}},
        },
    )
