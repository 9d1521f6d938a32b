"""Elasticsearch unreachable: imports and publishing go on, the missed index updates are
kept (search.PendingIndexUpdate) and ``replay_index_updates`` hands them over once the
cluster answers again (a loopback fake that records the calls stands in for it)."""

from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import override_settings

from directory.models import ListingPage, ProjectPage, ServicePage
from search.models import PendingIndexUpdate
from search.query import search_listings
from tests.search.fake_elasticsearch import FakeElasticsearch
from tests.search.test_elasticsearch import backends_at, dead_elasticsearch  # noqa: F401
from tests.search.test_search_page import publish_listing

pytestmark = pytest.mark.django_db

HSDS_FILE = "tests/fixtures/hsds-small.json"


def kept(backend="elasticsearch_de") -> dict[str, str]:
    """{listing page id: action} kept for ``backend`` (other models have their own ids)."""
    listings = ContentType.objects.get_for_models(
        ServicePage, ProjectPage, for_concrete_models=False
    ).values()
    rows = PendingIndexUpdate.objects.filter(backend=backend, content_type__in=listings)
    return dict(rows.values_list("object_id", "action"))


def test_an_import_succeeds_while_elasticsearch_is_down_and_keeps_the_updates(
    dead_elasticsearch,  # noqa: F811
):
    call_command("setup_site", verbosity=0)
    out = StringIO()
    call_command("import_hsds", HSDS_FILE, stdout=out)
    assert "2 created" in out.getvalue()
    german = ListingPage.objects.filter(locale__language_code="de")
    assert german.count() == 2
    assert {str(page.pk) for page in german} <= set(kept())
    # Each language's backend keeps the updates of its own copies (aliases) only.
    arabic = ListingPage.objects.filter(locale__language_code="ar")
    assert {str(page.pk) for page in arabic} <= set(kept("elasticsearch_ar"))
    assert not {str(page.pk) for page in german} & set(kept("elasticsearch_ar"))
    # Meanwhile search answers from the database index.
    title = german.first().title
    assert german.first().pk in search_listings(title, locale=german.first().locale).ids

    # A replay while the cluster is still down keeps every update, one attempt more.
    count = PendingIndexUpdate.objects.count()
    call_command("replay_index_updates", verbosity=0)
    assert PendingIndexUpdate.objects.count() == count
    assert set(PendingIndexUpdate.objects.values_list("attempts", flat=True)) == {2}


def test_publishing_succeeds_while_elasticsearch_is_down(dead_elasticsearch, organisation):  # noqa: F811
    page = publish_listing(organisation, "Deutschkurs am Abend", "Deutsch lernen.")
    assert ListingPage.objects.get(pk=page.pk).live
    assert kept()[str(page.pk)] == PendingIndexUpdate.INDEX
    # Publishing again keeps one row per object.
    page.save_revision().publish()
    assert PendingIndexUpdate.objects.filter(object_id=str(page.pk)).count() == 1


def test_the_admin_keeps_working_while_elasticsearch_is_down(
    dead_elasticsearch,  # noqa: F811
    organisation,
    admin_client,
):
    page = publish_listing(organisation, "Sprachcafé", "Deutsch üben.")
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert admin_client.get("/admin/pages/search/", {"q": "Sprachcafé"}).status_code == 200


def test_replay_hands_the_kept_updates_over_when_elasticsearch_is_back(
    dead_elasticsearch,  # noqa: F811
    organisation,
):
    kept_page = publish_listing(organisation, "Deutschkurs am Abend", "Deutsch lernen.")
    gone = publish_listing(organisation, "Alte Sprechstunde", "Gibt es nicht mehr.")
    gone_id = str(gone.pk)
    gone.delete()
    assert kept() == {str(kept_page.pk): "index", gone_id: "delete"}

    with (
        FakeElasticsearch() as fake,
        override_settings(ELASTICSEARCH_URL=fake.url, WAGTAILSEARCH_BACKENDS=backends_at(fake.url)),
    ):
        out = StringIO()
        call_command("replay_index_updates", stdout=out)
    assert "replayed, 0 kept" in out.getvalue()
    assert not PendingIndexUpdate.objects.exists()
    documents = fake.cluster.documents("test_de_wagtailcore_page")
    assert any(doc_id.endswith(str(kept_page.pk)) for doc_id in documents)
    deletes = [path for method, path in fake.cluster.requests if method == "DELETE"]
    assert f"/test_de_wagtailcore_page/_doc/{gone_id}" in deletes
