"""Knowledge-base changes purge exactly the pages that show what changed (the URLs the
front cache is asked to PURGE are the ones the embedded page cache forgets), once per
transaction, and not at all when the transaction rolls back. The tests commit for real
(transactional database), as the site does."""

import pytest
from django.db import transaction

pytestmark = pytest.mark.django_db(transaction=True)

HOST = "127.0.0.1:8000"


def test_renaming_an_entity_purges_its_profile_its_relations_and_the_articles_linking_it(
    kb, make_article, purge_endpoint
):
    article = make_article("Fito escapes", ["<p>Fito left the prison in Guayaquil.</p>"])
    other = make_article("Unrelated", ["<p>Weather report for the coast.</p>"])
    purge_endpoint.clear()
    fito = kb["fito"]
    fito.name = "José Adolfo Macías Villamar (Fito)"
    fito.save()
    for language in ("en", "es"):
        for path in (f"/kb/{fito.slug}/", f"/kb/{kb['choneros'].slug}/", "/kb/", "/kb/seizures/"):
            assert f"{HOST}/{language}{path}" in purge_endpoint, (language, path)
    assert any(url.endswith(f"/{article.slug}/") for url in purge_endpoint)
    assert not any(url.endswith(f"/{other.slug}/") for url in purge_endpoint)
    assert not any(f"/kb/{kb['mayo'].slug}/" in url for url in purge_endpoint)
    assert f"{HOST}/sitemap.xml" in purge_endpoint


def test_one_purge_per_transaction_and_none_on_rollback(kb, purge_endpoint):
    purge_endpoint.clear()
    try:
        with transaction.atomic():
            kb["mayo"].summary = "never saved"
            kb["mayo"].save()
            raise RuntimeError("editor's save failed")
    except RuntimeError:
        pass
    assert purge_endpoint == []
    with transaction.atomic():
        for name in ("mayo", "sinaloa", "chapitos"):
            kb[name].summary = "saved together"
            kb[name].save()
    assert len(purge_endpoint) == len(set(purge_endpoint))  # one batch, no repeats
    assert f"{HOST}/en/kb/{kb['chapitos'].slug}/" in purge_endpoint
