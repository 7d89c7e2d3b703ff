"""The HTML-to-blocks conversion on the markup old blogs really contain."""

import pytest

from cronica.importers.html_body import (
    BodyError,
    ImageRef,
    convert,
    html_to_blocks,
    html_to_text,
    video_url,
)
from cronica.importers.language import guess_language


def test_only_allowed_markup_survives_in_paragraphs():
    blocks = html_to_blocks(
        '<p style="color:red" class="x">A <strong>bold</strong> <em>claim</em> '
        '<a href="javascript:alert(1)">bad link</a> <a href="https://ok.example/" '
        'target="_blank" onmouseover="x()">good link</a> <span onclick="x()">text</span>'
        '<img src="x" onerror="alert(1)"></p>'
    )
    assert blocks[0] == (
        "paragraph",
        "<p>A <b>bold</b> <i>claim</i> bad link "
        '<a href="https://ok.example/">good link</a> text</p>',
    )
    assert len(blocks) == 1  # a relative image with no base address is dropped


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        "<style>p{}</style>",
        "<form><input name=x><button>Go</button></form>",
        "<svg><script>x</script></svg>",
        "<!-- a comment -->",
        "<p><br><br></p>",
        "<div>   </div>",
    ],
)
def test_active_or_empty_content_disappears(html):
    assert html_to_blocks(html) == []


@pytest.mark.parametrize(
    "html, word, href",
    [
        ('<iframe src="https://maps.example/embed?x=1"></iframe>', "Embedded content", None),
        ('<object data="https://evil.example/x.swf"></object>', "Embedded content", None),
        (
            '<script src="https://gist.github.com/someone/0123abcd.js"></script>',
            "Gist",
            "https://gist.github.com/someone/0123abcd",
        ),
        ('<audio controls src="https://old.example/a/interview.mp3"></audio>', "Audio", None),
        (
            '<video controls><source src="https://old.example/raid.mp4"></video>',
            "Video",
            "https://old.example/raid.mp4",
        ),
    ],
)
def test_embeds_from_other_hosts_become_visible_links_never_frames(html, word, href):
    body = convert(html)
    [(kind, value)] = body.blocks
    assert kind == "paragraph" and value.startswith(f"<p>{word}: <a href=")
    assert "<iframe" not in value and "<script" not in value
    if href:
        assert f'href="{href}"' in value


def test_markdown_kept_in_a_script_is_rendered_and_sanitized():
    body = convert(
        '<script type="text/x-markdown">\n'
        "    ## Seizures in May\n\n"
        "    Agents found **2 tonnes** at [the port](https://port.example/).\n\n"
        "    | State | Kilos |\n    |---|---|\n    | Sonora | 1,200 |\n\n"
        '    <img src=x onerror="alert(1)"> ~~wrong~~ right\n'
        "</script>"
    )
    kinds = [kind for kind, _ in body.blocks]
    assert kinds == ["heading", "paragraph", "table", "paragraph"]
    assert body.blocks[1][1] == (
        '<p>Agents found <b>2 tonnes</b> at <a href="https://port.example/">the port</a>.</p>'
    )
    assert body.blocks[2][1]["data"] == [["State", "Kilos"], ["Sonora", "1,200"]]
    assert body.blocks[2][1]["first_row_is_table_header"] is True
    assert body.blocks[3][1] == "<p><s>wrong</s> right</p>"
    assert body.notes == []


@pytest.mark.parametrize(
    "html",
    [
        '<pre class="markdown">Una *nota* con\n\n- lista</pre>',
        '<div class="markdown" style="display:none">Una *nota* con\n\n- lista</div>',
    ],
)
def test_markdown_in_a_hidden_element_is_rendered(html):
    assert html_to_blocks(html) == [
        ("paragraph", "<p>Una <i>nota</i> con</p>"),
        ("paragraph", "<ul>\n<li>lista</li>\n</ul>"),
    ]


def test_markdown_shown_as_code_stays_code():
    [(kind, value)] = html_to_blocks('<pre class="brush: markdown">*not* rendered</pre>')
    assert kind == "code" and value["code"] == "*not* rendered"


def test_tables_code_definitions_and_inline_markup_keep_their_structure():
    body = convert(
        "<table><caption>Seizures</caption><thead><tr><th>State</th><th>Kilos</th></tr>"
        "</thead><tbody><tr><td>Sinaloa</td><td>340</td></tr><tr><td colspan=2>Total"
        "</td></tr></tbody></table>"
        '<pre class="language-python">  x = 1\n  if x:\n      print(x)</pre>'
        "<dl><dt>Halcón</dt><dd>A lookout</dd><dt>Plaza</dt><dd>A territory</dd></dl>"
        '<p><del>old</del> <ins>new</ins> <abbr title="Fiscalía General">FGR</abbr> '
        "<kbd>Ctrl</kbd> <code>x</code> H<sub>2</sub>O</p>"
    )
    assert body.blocks == [
        (
            "table",
            {
                "data": [["State", "Kilos"], ["Sinaloa", "340"], ["Total", ""]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Seizures",
                "table_header_choice": "row",
                "cell": [],
                "mergeCells": [],
            },
        ),
        ("code", {"language": "python", "code": "x = 1\nif x:\n    print(x)"}),
        (
            "definitions",
            [
                {"term": "Halcón", "definition": "A lookout"},
                {"term": "Plaza", "definition": "A territory"},
            ],
        ),
        (
            "paragraph",
            "<p><s>old</s> new FGR (Fiscalía General) <kbd>Ctrl</kbd> <code>x</code> "
            "H<sub>2</sub>O</p>",
        ),
    ]
    assert body.notes == []


def test_layout_tables_keep_their_content_not_their_grid():
    blocks = html_to_blocks(
        "<table><tr><td><h3>Column</h3><p>Text</p></td><td><ul><li>a</li></ul></td></tr></table>"
    )
    assert [kind for kind, _ in blocks] == ["heading", "paragraph", "paragraph"]


def test_line_breaks_between_list_items_are_dropped():
    blocks = html_to_blocks("<ul><br>\n<li>one<br></li><br>\n<li>two</li><br></ul>")
    assert blocks == [("paragraph", "<ul>\n<li>one</li>\n<li>two</li></ul>")]


def test_text_that_cannot_be_carried_over_is_counted_in_the_notes():
    body = convert("<p>Kept</p><form><label>Your name</label><button>Send</button></form>")
    assert body.blocks == [("paragraph", "<p>Kept</p>")]
    assert body.notes == ["3 words of the original text not carried over (your, name, send)"]


def test_nesting_no_editor_produces_is_a_clear_error():
    with pytest.raises(BodyError, match="levels deep"):
        convert("<div>" * 100_000 + "x" + "</div>" * 100_000)


def test_blogger_line_breaks_become_paragraphs():
    blocks = html_to_blocks("First line<br />still first<br /><br />Second<br><br><br>Third")
    assert blocks == [
        ("paragraph", "<p>First line<br>still first</p>"),
        ("paragraph", "<p>Second</p>"),
        ("paragraph", "<p>Third</p>"),
    ]


def test_wrappers_do_not_hide_paragraph_breaks():
    blocks = html_to_blocks(
        '<span style="font-family: Georgia"><font size="3">One <b>bold</b>'
        "<br />\n<br />\nTwo</font></span><div><span>Three</span></div>"
    )
    assert blocks == [
        ("paragraph", "<p>One <b>bold</b></p>"),
        ("paragraph", "<p>Two</p>"),
        ("paragraph", "<p>Three</p>"),
    ]


def test_headings_quotes_lists_and_figures():
    blocks = html_to_blocks(
        "<h2>Sub<b>title</b></h2><blockquote><p>One</p><p>Two</p><footer>A source</footer>"
        '</blockquote><ol><li onclick="x">a</li><li>b</li></ol>'
        '<figure><a href="/big.jpg"><img src="/small.jpg" alt="Alt"></a>'
        "<figcaption>Cap <i>tion</i></figcaption></figure>",
        base_url="https://old.example/blog/",
    )
    assert blocks == [
        ("heading", "Sub title"),
        ("quote", {"quote": "One\n\nTwo", "attribution": "A source"}),
        ("paragraph", "<ol><li>a</li><li>b</li></ol>"),
        ("image", ImageRef(src="https://old.example/big.jpg", alt="Alt", caption="Cap tion")),
    ]


def test_images_without_a_usable_address_are_dropped():
    assert (
        html_to_blocks(
            '<img src="data:image/png;base64,AAAA"><img src=""><img src="Blogger/Media/x.jpg">'
        )
        == []
    )


@pytest.mark.parametrize(
    "src, url",
    [
        ("https://www.youtube.com/embed/abc?rel=0", "https://www.youtube.com/watch?v=abc"),
        ("//www.youtube-nocookie.com/embed/abc", "https://www.youtube.com/watch?v=abc"),
        ("http://www.youtube.com/v/abc&hl=en", "https://www.youtube.com/watch?v=abc&hl=en"),
        ("https://youtu.be/abc", "https://www.youtube.com/watch?v=abc"),
        ("https://player.vimeo.com/video/42?h=1", "https://vimeo.com/42"),
        ("https://ads.example/embed/abc", None),
    ],
)
def test_video_hosts(src, url):
    assert video_url(src) == url


def test_legacy_object_embed_becomes_a_video_link():
    blocks = html_to_blocks(
        '<object width="425"><param name="movie" '
        'value="http://www.youtube.com/v/xyz"><embed '
        'src="http://www.youtube.com/v/xyz" type="application/x-shockwave-flash">'
        "</embed></object>"
    )
    assert [kind for kind, _ in blocks] == ["video"]
    assert blocks[0][1]["url"] == "https://www.youtube.com/watch?v=xyz"


def test_comment_text_keeps_lines_and_drops_markup():
    assert (
        html_to_text(
            '<p>One <a href="http://x">link</a></p><p>Two<br/>lines</p><script>x()</script>'
        )
        == "One link\n\nTwo\nlines"
    )
    assert html_to_text("a &amp; b &lt;c&gt;") == "a & b <c>"


@pytest.mark.parametrize(
    "text, language",
    [
        ("The army said the men were detained after a chase on the highway.", "en"),
        ("El ejército informó que los hombres fueron detenidos tras una persecución.", "es"),
        ("", "en"),
        ("Sinaloa", "en"),
    ],
)
def test_language_guess(text, language):
    assert guess_language(text) == language


def test_links_in_table_cells_keep_their_address_and_only_safe_schemes():
    body = convert(
        "<table><tr><th>Case</th><th>Source</th></tr>"
        '<tr><td><a href="/causa/12">Causa 12</a> (Culiacán)</td>'
        '<td><a href="https://www.fgr.org.mx/a?b=1&amp;c=2">FGR</a> y '
        '<a href="mailto:prensa@example.org">prensa</a></td></tr>'
        '<tr><td><a href="javascript:alert(1)">Truco</a></td><td>[x] <b>y</b></td></tr></table>',
        base_url="https://blog.example.net/2019/05/post.html",
    )
    [(kind, value)] = body.blocks
    assert kind == "table"
    assert value["data"] == [
        ["Case", "Source"],
        [
            "[Causa 12](https://blog.example.net/causa/12) (Culiacán)",
            "[FGR](https://www.fgr.org.mx/a?b=1&c=2) y [prensa](mailto:prensa@example.org)",
        ],
        ["Truco", "[x] y"],
    ]
    assert body.notes == ["1 links inside tables kept as text"]
