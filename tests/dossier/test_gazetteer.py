"""The linker's matching rules, on the bare gazetteer (no database)."""

from cronica.dossier.folding import fold
from cronica.dossier.gazetteer import Gazetteer

ALIASES = [
    (1, "Los Choneros", False, ""),
    (1, "Choneros", False, ""),
    (2, "José Adolfo Macías Villamar", False, ""),
    (2, "Fito", False, ""),
    (3, "Sinaloa Cartel", False, ""),
    (3, "Cártel de Sinaloa", False, ""),
    (4, "Sinaloa", False, ""),
    (5, "CJNG", False, ""),
    (6, "Ismael Zambada", False, ""),
    (6, "El Mayo", False, ""),
    (6, "Mayo", True, ""),
    (7, "Ovidio Guzmán", False, ""),
    (7, "Guzmán", True, ""),
    (8, "Joaquín Guzmán López", False, ""),
    (8, "Guzmán", True, ""),
    (9, "Los Chapitos", False, ""),
    (10, "ELN", False, ""),
]
RELATED = {6: {3}, 3: {6, 9}, 9: {3, 7}, 7: {9}}


def ids(matches):
    return [m.entity_id for m in matches]


def test_fold_keeps_length_and_drops_accents_and_case():
    for text in ["Cártel de Sinaloa", "ÑANDÚ", "İstanbul", "Macías", "ﬁto"]:
        assert len(fold(text)) == len(text)
    assert fold("Cártel JALISCO Nueva Generación") == "cartel jalisco nueva generacion"


def test_accents_and_case_do_not_matter():
    g = Gazetteer(ALIASES, RELATED)
    matches = g.find("el CARTEL DE SINALOA y jose adolfo macias villamar")
    assert ids(matches) == [3, 2]
    assert matches[0].surface == "CARTEL DE SINALOA"
    assert matches[1].surface == "jose adolfo macias villamar"


def test_word_boundaries():
    g = Gazetteer(ALIASES, RELATED)
    assert g.find("Fitosanitario y Sinaloaense") == []
    assert ids(g.find("Fito, (Fito) y «Fito».")) == [2, 2, 2]


def test_longest_match_wins_over_overlapping_aliases():
    g = Gazetteer(ALIASES, RELATED)
    found = g.find("The Sinaloa Cartel denied it; Sinaloa state did not.")
    assert [(m.entity_id, m.surface) for m in found] == [(3, "Sinaloa Cartel"), (4, "Sinaloa")]


def test_nickname_in_quotes_links():
    g = Gazetteer(ALIASES, RELATED)
    found = g.find('Adolfo Macías, alias "Fito", escaped.')
    assert [(m.entity_id, m.surface) for m in found] == [(2, "Fito")]


def test_acronym_matches_only_in_capitals():
    g = Gazetteer(ALIASES, RELATED)
    assert ids(g.find("The CJNG and the ELN")) == [5, 10]
    assert g.find("Hay que eln...") == []
    us = Gazetteer([(1, "US", False, "")])
    assert ids(us.find("The US said it paid US$5 million; us too.")) == [1]


def test_ambiguous_nickname_needs_context():
    g = Gazetteer(ALIASES, RELATED)
    # "Mayo" alone: a month, a surname; not linked without context.
    assert g.find("Mayo was mentioned.") == []
    # With the entity named unambiguously, or a related entity, it links.
    assert ids(g.find("El Mayo was arrested. Mayo had led for decades.")) == [6, 6]
    assert ids(g.find("The Sinaloa Cartel said Mayo was betrayed.")) == [3, 6]
    # The Spanish month, lowercase, never links even with context.
    assert ids(g.find("El Mayo cayó el 25 de mayo.")) == [6]


def test_alias_shared_by_two_entities_resolves_by_context():
    g = Gazetteer(ALIASES, RELATED)
    assert g.find("Guzmán was seen.") == []
    assert ids(g.find("Ovidio Guzmán was extradited. Guzmán pleaded.")) == [7, 7]
    assert ids(g.find("Joaquín Guzmán López surrendered. Guzmán pleaded.")) == [8, 8]
    # Context through a relation: Los Chapitos relate to Ovidio, not to Joaquín here.
    assert ids(g.find("Los Chapitos lost Guzmán.")) == [9, 7]


def test_language_specific_alias():
    g = Gazetteer([(1, "La Familia", False, "es"), (2, "Familia Michoacana", False, "")])
    assert g.find("La Familia", language="en") == []
    assert ids(g.find("La Familia", language="es")) == [1]


def test_empty_gazetteer_finds_nothing():
    assert Gazetteer([]).find("Anything at all") == []


def test_article_html_links_first_mentions_outside_headings_and_links():
    from cronica.dossier.article_links import link_first_mentions

    g = Gazetteer(ALIASES, RELATED)
    urls = {1: ("/en/kb/los-choneros/", "Los Choneros"), 2: ("/en/kb/fito/", "Fito")}
    done = set()
    html = (
        '<h2>Los Choneros</h2><p>A <a href="/x">Fito</a> story: Fito and '
        "<b>Los Choneros</b>, then Fito again.</p>"
    )
    out = link_first_mentions(html, g, urls, done)
    assert out == (
        '<h2>Los Choneros</h2><p>A <a href="/x">Fito</a> story: '
        '<a class="kb-link" href="/en/kb/fito/" title="Fito">Fito</a> and '
        '<b><a class="kb-link" href="/en/kb/los-choneros/" title="Los Choneros">'
        "Los Choneros</a></b>, then Fito again.</p>"
    )
    assert done == {1, 2}
    assert link_first_mentions("<p>Fito</p>", g, urls, done) == "<p>Fito</p>"
    # Markup is a tree, not text: a name inside an attribute, code or a quoted ">" is
    # never matched, and what is not linked comes out as it went in.
    quoted = '<p title="a > Fito">Fito</p>'
    assert link_first_mentions(quoted, g, urls, set()) == (
        '<p title="a &gt; Fito"><a class="kb-link" href="/en/kb/fito/" title="Fito">Fito</a></p>'
    )
    code = "<pre><code>Fito</code></pre><p>R&amp;D <i>by</i> Fito &lt;3</p>"
    assert link_first_mentions(code, g, urls, set()) == (
        "<pre><code>Fito</code></pre><p>R&amp;D <i>by</i> "
        '<a class="kb-link" href="/en/kb/fito/" title="Fito">Fito</a> &lt;3</p>'
    )


def test_linking_survives_pathological_markup():
    from cronica.dossier.article_links import link_first_mentions

    g = Gazetteer(ALIASES, RELATED)
    urls = {2: ("/en/kb/fito/", "Fito")}
    deep = "<b>" * 5000 + "Fito" + "</b>" * 5000
    out = link_first_mentions(deep, g, urls, set())
    assert out.count("<b>") == 5000 and "Fito" in out  # shown whole, linked or not
    assert link_first_mentions("<p>&lt;Fito&gt;</p><!-- Fito -->", g, urls, set()) == (
        '<p>&lt;<a class="kb-link" href="/en/kb/fito/" title="Fito">Fito</a>&gt;</p><!-- Fito -->'
    )
