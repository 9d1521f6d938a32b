"""New listings of an import are written in bulk (``base.bulk_pages``) and are whole pages.

Each test imports through ``import_hsds`` and then checks what Wagtail itself would have
left had every listing been added and published one by one: a valid tree, a published first
revision that restores the page with its rows, the history entry, the reference index as
Wagtail computes it, the admin's search, copies in every synchronised language, and a page
an editor can open, change and publish again.
"""

import datetime
import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.test import Client
from wagtail.models import GroupPagePermission, Page, PageLogEntry, ReferenceIndex
from wagtail.search.backends import get_search_backend

from api import hsds
from api.models import HsdsRecord
from directory.models import ListingPage, OrganisationPage
from partners.models import Partner
from tests.api.test_import_export import import_file, new_service, write

pytestmark = pytest.mark.django_db


def services(count, organisations=2, **changes):
    """``count`` new services spread over ``organisations`` new organisations."""
    orgs = [new_service()["organization"] for _ in range(organisations)]
    records = []
    for n in range(count):
        record = new_service(
            name=f"Nähcafé Nummer {n}",
            organization=orgs[n % organisations],
            **changes,
        )
        records.append(record)
    return records


def listings(records):
    return [
        ListingPage.objects.get(external_id=r["id"], locale__language_code="de").specific
        for r in records
    ]


def test_the_tree_stays_valid_and_each_parent_counts_its_children(tmp_path, directory_page):
    records = services(12, organisations=3)
    import_file(write(tmp_path, records))
    assert all(not problems for problems in Page.find_problems())
    for org in OrganisationPage.objects.filter(locale__language_code="de"):
        assert org.numchild == org.get_children().count() == 4
        assert [p.path for p in org.get_children()] == sorted(p.path for p in org.get_children())


def test_each_listing_is_published_from_a_first_revision_with_its_rows(tmp_path, directory_page):
    records = services(3)
    import_file(write(tmp_path, records))
    for listing in listings(records):
        assert listing.live and not listing.has_unpublished_changes
        assert listing.latest_revision_id == listing.live_revision_id is not None
        assert listing.revisions.count() == 1
        restored = listing.get_latest_revision_as_object()
        assert restored.title == listing.title
        assert [row.street for row in restored.locations.all()] == ["Hallische Straße 5"]
        assert [row.weekday for row in restored.opening_hours.all()] == [2]  # WE
        assert [link.action_field.code for link in restored.action_field_links.all()] == [
            "interkulturelle-arbeit"
        ]
        history = PageLogEntry.objects.filter(page=listing)
        assert list(history.values_list("action", flat=True)) == ["wagtail.publish"]
        assert history.get().revision_id == listing.live_revision_id


def test_the_reference_index_is_what_wagtail_computes(tmp_path, directory_page):
    records = services(3)
    import_file(write(tmp_path, records))
    for listing in listings(records):
        indexed = set(
            ReferenceIndex.get_references_for_object(listing).values_list(
                "to_content_type", "to_object_id", "model_path", "content_path"
            )
        )
        # The action field each listing links to is a reference (a snippet's "usage").
        assert any(path.startswith("action_field_links.") for _t, _i, path, _c in indexed)
        ReferenceIndex.create_or_update_for_object(listing)
        recomputed = set(
            ReferenceIndex.get_references_for_object(listing).values_list(
                "to_content_type", "to_object_id", "model_path", "content_path"
            )
        )
        assert recomputed == indexed


def test_wagtails_own_search_finds_new_listings_with_their_organisation(tmp_path, directory_page):
    records = services(2)
    import_file(write(tmp_path, records))
    backend = get_search_backend()
    found = {page.pk for page in backend.search("Nähcafé", ListingPage)}
    assert found == {listing.pk for listing in listings(records)}
    assert {p.pk for p in backend.search("Radhaus", ListingPage)} >= found


def test_slugs_stay_unique_among_the_organisations_children(tmp_path, directory_page):
    first = services(1, organisations=1)
    import_file(write(tmp_path, first))
    org = first[0]["organization"]
    same_name = [
        new_service(name="Nähcafé Nummer 0", organization=org),
        new_service(name="Nähcafé Nummer 0", organization=org),
    ]
    import_file(write(tmp_path, same_name, "second.json"))
    slugs = [listing.slug for listing in listings(first + same_name)]
    assert len(set(slugs)) == 3
    assert slugs[1:] == [f"{slugs[0]}-2", f"{slugs[0]}-3"]


def test_a_review_date_in_the_future_becomes_today(tmp_path, directory_page):
    future = (datetime.date.today() + datetime.timedelta(days=400)).isoformat()
    records = services(1, assured_date=future)
    import_file(write(tmp_path, records))
    (listing,) = listings(records)
    assert listing.last_reviewed == datetime.date.today()


def test_every_synchronised_language_gets_its_copy_with_rows(tmp_path, directory_page):
    from base.i18n import ensure_synced_locale

    ensure_synced_locale("en")
    ensure_synced_locale("ar")
    records = services(3)
    import_file(write(tmp_path, records))
    for listing in listings(records):
        for language in ("en", "ar"):
            copy = listing.get_translation(
                listing.locale.__class__.objects.get(language_code=language)
            ).specific
            assert copy.alias_of_id == listing.pk and copy.live
            assert copy.slug == listing.slug and copy.latest_revision_id is None
            assert copy.get_parent().specific.alias_of_id == listing.get_parent().pk
            (row,) = copy.locations.all()
            (source_row,) = listing.locations.all()
            assert row.street == "Hallische Straße 5" and row.pk != source_row.pk
            assert row.locale_id == copy.locale_id
            assert row.translation_key == source_row.translation_key
            history = PageLogEntry.objects.filter(page=copy)
            assert list(history.values_list("action", flat=True)) == ["wagtail.create_alias"]
            assert Client().get(copy.url).status_code == 200
    assert all(not problems for problems in Page.find_problems())
    # Each new organisation, inserted with its copies, has its partner with rights on all.
    for org in OrganisationPage.objects.filter(locale__language_code="de"):
        partner = Partner.objects.get(organisation=org)
        copies = set(Page.objects.filter(translation_key=org.translation_key).values_list("pk"))
        assert len(copies) == 3
        rights = GroupPagePermission.objects.filter(group=partner.group)
        assert set(rights.values_list("page")) == copies
        assert PageLogEntry.objects.filter(page=org, action="wagtail.publish").count() == 1
    # A German publication reaches the copies (Wagtail updates aliases from the source).
    listing = listings(records)[0]
    listing.title = "Nähcafé am Abend"
    listing.save_revision().publish()
    assert {page.title for page in ListingPage.objects.filter(alias_of=listing)} == {
        "Nähcafé am Abend"
    }


def test_records_are_kept_for_the_api_as_for_a_single_import(tmp_path, directory_page):
    records = services(2)
    records.append(
        new_service(
            x_kind="project",
            x_start_date="2026-01-01",
            x_end_date="2027-12-31",
            x_funding_body="Land Sachsen-Anhalt",
            organization=records[0]["organization"],
        )
    )
    import_file(write(tmp_path, records))
    for record, listing in zip(records, listings(records), strict=True):
        kept = HsdsRecord.objects.get(kind="service", hsds_id=record["id"])
        assert kept.page_id == listing.pk and kept.record == record
        assert kept.mapped["name"] == record["name"]
        # What the site makes of the listing, kept from the pages in memory, is what it
        # makes of it read back from the database.
        (loaded,) = hsds.load_listings([listing.pk])
        fresh = hsds.service_to_hsds(loaded, hsds.Catalog.load(listing.locale), raw=True)
        assert kept.mapped == json.loads(json.dumps(fresh, cls=DjangoJSONEncoder))
        sal = record["service_at_locations"][0]["id"]
        assert HsdsRecord.objects.get(kind="service_at_location", hsds_id=sal).page_id == (
            listing.pk
        )
    again = import_file(write(tmp_path, records, "again.json"))
    assert "0 created" in again and "0 updated" in again


def test_an_editor_can_change_and_publish_an_imported_listing(
    tmp_path, directory_page, admin_client
):
    records = services(1)
    import_file(write(tmp_path, records))
    (listing,) = listings(records)
    edit = f"/admin/pages/{listing.pk}/edit/"
    assert admin_client.get(edit).status_code == 200
    listing.title = "Nähcafé am Abend"
    listing.save_revision().publish()
    listing.refresh_from_db()
    assert listing.revisions.count() == 2 and listing.title == "Nähcafé am Abend"
    assert Client().get(listing.url).status_code == 200


def test_hostile_html_is_cleaned_in_the_page_and_its_revision(tmp_path, directory_page):
    html = '<p onclick="x()">Hallo</p><script>alert(1)</script>'
    records = services(1, x_description_html=html)
    import_file(write(tmp_path, records))
    (listing,) = listings(records)
    stored = [listing.description, listing.live_revision.content["description"]]
    assert all("<script" not in text and "onclick" not in text for text in stored)
    assert json.dumps(stored).count("Hallo") == 2
