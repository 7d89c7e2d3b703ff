"""The HTML-to-blocks conversion on the markup old blogs really contain."""

import pytest

from cronica.importers.html_body import ImageRef, html_to_blocks, html_to_text, video_url
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
        '<iframe src="https://evil.example/"></iframe>',
        "<form><input name=x><button>Go</button></form>",
        "<svg><script>x</script></svg>",
        '<object data="https://evil.example/x.swf"></object>',
        "<!-- a comment -->",
        "<p><br><br></p>",
        "<div>   </div>",
    ],
)
def test_active_or_empty_content_disappears(html):
    assert html_to_blocks(html) == []


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
