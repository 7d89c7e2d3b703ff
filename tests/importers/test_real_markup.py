"""What real exports contain and used to break: Unicode tags, WordPress.com's namespace,
shortcodes, markup in titles, other languages, author replies, pages, hostile files.
Each file here is written by the test, in the shape the real exports have."""

from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.core.management.base import CommandError
from django.test import Client

from cronica.comments.models import Comment
from cronica.news.models import ArticlePage, StandardPage

from .conftest import run_import, snapshot

ROMANIAN = (
    "Poliția de frontieră a confiscat aproape două tone de cocaină ascunse într-un container "
    "cu banane descărcat în portul Constanța, au anunțat procurorii, care spun că rețeaua "
    "avea legături cu grupări din America de Sud și din Balcani."
)


def wxr(items, namespace="http://wordpress.org/export/1.2/", authors=None):
    authors = authors or (
        "<wp:author><wp:author_login><![CDATA[redaccion]]></wp:author_login>"
        "<wp:author_display_name><![CDATA[La Redacción]]></wp:author_display_name></wp:author>"
    )
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="{namespace}excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{namespace}">
<channel><title>Frontera</title><link>https://frontera.example</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://frontera.example</wp:base_blog_url>
{authors}
{items}
</channel></rss>"""


def item(post_id, title, content, kind="post", extra="", slug=None, tags=""):
    slug = slug or f"post-{post_id}"
    return f"""<item><title><![CDATA[{title}]]></title>
<link>https://frontera.example/{slug}/</link><dc:creator><![CDATA[redaccion]]></dc:creator>
<content:encoded><![CDATA[{content}]]></content:encoded>
<wp:post_id>{post_id}</wp:post_id><wp:post_date_gmt>2024-05-0{post_id % 9 + 1} 10:00:00</wp:post_date_gmt>
<wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>{kind}</wp:post_type>{tags}{extra}</item>"""


def write(tmp_path, text, name="export.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.django_db
@pytest.mark.parametrize(
    "namespace",
    [
        "http://wordpress.org/export/1.0/",
        "http://wordpress.org/export/1.1/",
        "http://wordpress.org/export/1.2/",
        "https://wordpress.org/export/1.2/",
        "https://wordpress.org/export/1.1/",
    ],
)
def test_every_wxr_namespace_variant_is_read(home, tmp_path, namespace):
    out, _ = run_import("wxr", write(tmp_path, wxr(item(1, "Uno", "Texto del puesto."), namespace)))
    assert "Imported 1 posts" in out
    assert ArticlePage.objects.get().title == "Uno"


@pytest.mark.django_db
def test_unicode_tags_work_from_import_to_old_addresses(home, tmp_path):
    tags = "".join(
        f'<category domain="{domain}" nicename="{quote(nice.lower())}"><![CDATA[{name}]]></category>'
        for domain, name, nice in [
            ("post_tag", "narcotráfico", "narcotráfico"),
            ("category", "Cártel de Sinaloa", "cártel-de-sinaloa"),
            ("post_tag", "Ναρκωτικά", "ναρκωτικά"),
        ]
    )
    out, _ = run_import("wxr", write(tmp_path, wxr(item(1, "Ruta", "Texto.", tags=tags))))
    assert "Imported 1 posts" in out
    article = ArticlePage.objects.get()
    assert sorted(t.name for t in article.tags.all()) == [
        "Cártel de Sinaloa",
        "narcotráfico",
        "Ναρκωτικά",
    ]
    client = Client()
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    for link in page.select("p.tags a"):
        assert client.get(link["href"]).status_code == 200, link["href"]
        assert client.get(link["href"] + "feed/atom/").status_code == 200
    # The old tag listing, percent-encoded as browsers send it, leads to the tag page.
    old = client.get(f"/tag/{quote('narcotráfico')}/", follow=True)
    assert old.status_code == 200 and "Ruta" in old.content.decode()


@pytest.mark.django_db
def test_shortcodes_become_blocks_or_links_and_unknown_ones_are_counted(home, tmp_path):
    attachment = """<item><title>Fosa</title><wp:post_id>9</wp:post_id>
<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:post_parent>1</wp:post_parent><excerpt:encoded><![CDATA[Peritos en la fosa.]]></excerpt:encoded>
<wp:attachment_url>http://images.invalid/fosa.jpg</wp:attachment_url></item>"""
    content = (
        'Antes de la galería.\n\n[gallery ids="9"]\n\n'
        '[audio mp3="https://frontera.example/audio/entrevista.mp3"][/audio]\n\n'
        "[embed]https://www.youtube.com/watch?v=abc123[/embed]\n\n"
        "https://vimeo.com/4242\n\n"
        '[contact-form to="x@example.com"]\n\n[toggle title="Más"]Texto oculto.[/toggle]\n\n'
        "Un error [sic] citado.\n\n[[gallery]] se escribe así."
    )
    out, _ = run_import("wxr", write(tmp_path, wxr(item(1, "Fosas", content) + attachment)))
    article = ArticlePage.objects.get()
    kinds = [block.block_type for block in article.body]
    assert kinds == ["paragraph", "paragraph", "paragraph", "video", "video", "paragraph"] + [
        "paragraph",
        "paragraph",
    ]
    text = article.plain_text()
    assert "Peritos en la fosa." in text  # the gallery's image, a link with its caption
    assert "Audio: entrevista.mp3" in text
    assert article.body[3].value["url"] == "https://www.youtube.com/watch?v=abc123"
    assert article.body[4].value["url"] == "https://vimeo.com/4242"
    assert "Texto oculto." in text and "[toggle" not in text and "contact-form" not in text
    assert "Un error [sic] citado." in text and "[gallery] se escribe así." in text
    assert "1 unknown [contact-form] shortcodes removed" in out
    assert "1 unknown [toggle] shortcodes removed (their text kept)" in out


@pytest.mark.django_db
def test_block_editor_footnotes_kept_in_post_meta_are_shown(home, tmp_path):
    meta = (
        "<wp:postmeta><wp:meta_key><![CDATA[footnotes]]></wp:meta_key><wp:meta_value><![CDATA["
        '[{"id":"a1","content":"Fuente: <em>parte militar</em>"}]]]></wp:meta_value></wp:postmeta>'
    )
    content = (
        '<!-- wp:paragraph --><p>Dos detenidos<sup data-fn="a1"><a href="#a1">1</a></sup></p>'
        "<!-- /wp:paragraph -->\n\n<!-- wp:footnotes /-->"
    )
    run_import("wxr", write(tmp_path, wxr(item(1, "Notas", content, extra=meta))))
    article = ArticlePage.objects.get()
    assert article.body[-1].value.source == "<ol><li>Fuente: <i>parte militar</i></li></ol>"


@pytest.mark.django_db
def test_titles_lists_language_staff_replies_and_pages(home, tmp_path):
    comments = """<wp:comment><wp:comment_id>5</wp:comment_id>
<wp:comment_author><![CDATA[Lectora]]></wp:comment_author>
<wp:comment_date_gmt>2024-05-03 11:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[¿Cuántos?]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>
<wp:comment_parent>0</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>
<wp:comment><wp:comment_id>6</wp:comment_id>
<wp:comment_author><![CDATA[redaccion]]></wp:comment_author>
<wp:comment_date_gmt>2024-05-03 12:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[Dos toneladas.]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>
<wp:comment_parent>5</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>"""
    items = (
        item(1, "La <em>ruta</em> del Pacífico", "Lista:\n<ul>\n<li>uno</li>\n<li>dos</li>\n</ul>")
        + item(2, "Constanța", ROMANIAN, extra=comments)
        + item(3, "About", "Who we are.\n\nWrite to us.", kind="page", slug="about")
    )
    out, _ = run_import("wxr", write(tmp_path, wxr(items)))
    route = ArticlePage.objects.get(slug="post-1")
    assert route.title == "La ruta del Pacífico"
    assert "<br" not in route.body[1].value.source
    romanian = ArticlePage.objects.get(slug="post-2")
    assert romanian.language == "ro"
    assert "(ro): kept as the article's language" in out
    html = Client().get(romanian.url).content.decode()
    assert '<article class="article" lang="ro">' in html
    assert romanian.canonical_url().startswith("http") and "/en/post-2/" in romanian.canonical_url()
    reply = Comment.objects.get(body="Dos toneladas.")
    assert reply.is_staff_reply and reply.author_name == "La Redacción"
    assert not Comment.objects.get(body="¿Cuántos?").is_staff_reply
    about = StandardPage.objects.get(slug="about")
    assert about.live and "Write to us." in about.body
    assert Client().get("/about/", follow=True).status_code == 200
    assert "1 pages" in out


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text, message",
    [
        (
            '<?xml version="1.0" encoding="UTF-7"?>\n<rss><channel></channel></rss>',
            "declares an encoding this importer does not read",
        ),
        (
            wxr(item(1, "Hondo", "<div>" * 100_000 + "x" + "</div>" * 100_000)),
            "nests elements more than 250 levels deep",
        ),
        (
            '<?xml version="1.0"?>\n' + "<rss>" + "<a>" * 100_000 + "</a>" * 100_000 + "</rss>",
            "not a WordPress export",
        ),
    ],
)
def test_hostile_files_end_in_a_clear_error(home, tmp_path, text, message):
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run_import("wxr", write(tmp_path, text))
    assert "Nothing was imported." in str(error.value) and message in str(error.value)
    assert snapshot() == before


@pytest.mark.django_db
def test_blogger_unicode_labels_and_their_old_listings(home, tmp_path):
    from .conftest import rewritten

    export = rewritten(tmp_path, "blogger-legacy.xml", "term='Tamaulipas'", "term='Narcotráfico'")
    run_import("blogger", export)
    client = Client()
    for sent in (f"/search/label/{quote('Narcotráfico')}", "/search/label/Narcotráfico"):
        listing = client.get(sent, follow=True)
        assert listing.status_code == 200, sent
        assert "Bloqueos en Reynosa" in listing.content.decode()
