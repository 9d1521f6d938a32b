"""Elasticsearch unreachable: imports and publishing go on, the missed index updates are
kept (search.PendingIndexUpdate) and ``replay_index_updates`` hands them over once the
cluster answers again (a loopback fake that records the calls stands in for it)."""

from io import StringIO

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from directory.models import ListingPage, ProjectPage, ServicePage
from search.es_config import backend_name
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


def test_update_index_builds_a_new_elasticsearch_index_and_switches_the_alias(organisation):
    publish_listing(organisation, "Deutschkurs am Abend", "Deutsch lernen.")
    with (
        FakeElasticsearch() as fake,
        override_settings(ELASTICSEARCH_URL=fake.url, WAGTAILSEARCH_BACKENDS=backends_at(fake.url)),
    ):
        for _run in range(2):
            call_command("update_index", backend_name="elasticsearch_de", verbosity=0)
    alias = "test_de_wagtailcore_page"
    built = [
        path[1:]
        for method, path in fake.cluster.requests
        if method == "PUT" and path.startswith(f"/{alias}_") and path.count("/") == 1
    ]
    # Each run filled a new index under a new name, then pointed the alias at it ...
    assert len(built) == 2 and built[0] != built[1]
    puts = [path for method, path in fake.cluster.requests if method == "PUT"]
    assert f"/{built[0]}/_alias/{alias}" in puts and f"/{built[1]}/_alias/{alias}" in puts
    # ... and only then deleted the index the alias had pointed at before.
    requests = fake.cluster.requests
    switch = requests.index(("PUT", f"/{built[1]}/_alias/{alias}"))
    assert ("DELETE", f"/{built[0]}") in requests[switch:]
    assert fake.cluster.aliases[alias] == built[1]
    assert fake.cluster.documents(alias)


def test_update_index_reports_an_unreachable_cluster_and_still_rebuilds_the_database(
    dead_elasticsearch,  # noqa: F811
    organisation,
):
    page = publish_listing(organisation, "Sprachcafé", "Deutsch üben.")
    ListingPage.objects.filter(pk=page.pk).update(title="Nähcafé")
    err = StringIO()
    with pytest.raises(CommandError, match="elasticsearch_de"):
        call_command("update_index", verbosity=0, stderr=err)
    assert "unreachable" in err.getvalue()
    ids = search_listings("Nähcafé", locale=page.locale).ids
    assert ids == [page.pk]
    # The kept updates wait for the cluster: nothing replaced them.
    assert kept()[str(page.pk)] == PendingIndexUpdate.INDEX


@pytest.mark.skipif(
    not settings.ELASTICSEARCH_URL,
    reason="ELASTICSEARCH_URL is not set: no live Elasticsearch to rebuild",
)
def test_a_live_cluster_answers_from_the_alias_through_a_rebuild(organisation):
    page = publish_listing(organisation, "Sprachcafé im Park", "Deutsch üben beim Kaffee.")
    backend = get_search_backend(backend_name("de"))
    call_command("update_index", backend_name=backend_name("de"), verbosity=0)
    index = backend.get_index_for_model(ListingPage)
    before = index.aliased_indices()
    call_command("update_index", backend_name=backend_name("de"), verbosity=0)
    index.refresh()
    assert index.is_alias() and index.aliased_indices() != before
    assert page.pk in search_listings("Sprachcafé", locale=page.locale).ids
