"""Issue 13 item 4: listings without an action field, and coordinators' mapping of foreign
taxonomy terms onto action fields (applied on import, re-applied when it changes)."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from directory.models import ActionField, ActionFieldMapping, ListingPage
from tests.api.test_import_export import import_file, new_service, write


def foreign_service(*terms):
    """A service whose only attributes are terms of a publisher's own taxonomy."""
    taxonomy = {"id": str(uuid.uuid4()), "name": "Open Referral UK services", "description": "x"}
    attributes = [
        {
            "id": str(uuid.uuid4()),
            "taxonomy_term": {
                "id": str(uuid.uuid4()),
                "code": code,
                "name": name,
                "description": name,
                "taxonomy": taxonomy["name"],
                "taxonomy_detail": taxonomy,
            },
        }
        for code, name in terms
    ]
    return new_service(attributes=attributes)


def action_fields(record) -> list[str]:
    listing = ListingPage.objects.get(external_id=record["id"], locale__language_code="de")
    return sorted(listing.action_field_links.values_list("action_field__code", flat=True))


def german(code):
    return ActionField.objects.get(code=code, locale__language_code="de")


def unassigned(client) -> str:
    response = client.get("/admin/reports/unassigned-listings/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
class TestNotYetAssigned:
    def test_coordinators_see_a_listing_imported_without_action_field(
        self, tmp_path, directory_page, admin_client
    ):
        record = foreign_service(("legal", "Legal advice"))
        assert "1 created" in import_file(write(tmp_path, [record]))
        assert action_fields(record) == []
        page = unassigned(admin_client)
        listing = ListingPage.objects.get(external_id=record["id"])
        assert f'data-unassigned-listing="{listing.id}"' in page
        assert "Fahrradwerkstatt für Geflüchtete" in page

    def test_a_listing_with_an_action_field_is_not_listed(
        self, tmp_path, directory_page, admin_client
    ):
        record = new_service()
        import_file(write(tmp_path, [record]))
        assert "Jedes Angebot hat ein Handlungsfeld." in unassigned(admin_client)  # German admin

    def test_visitors_and_editors_without_rights_may_not_see_it(
        self, client, django_user_model, directory_page
    ):
        assert client.get("/admin/reports/unassigned-listings/").status_code == 302
        client.force_login(django_user_model.objects.create_user("editor", password="x"))
        assert client.get("/admin/reports/unassigned-listings/").status_code in (302, 403)


@pytest.mark.django_db
class TestMapping:
    def test_a_mapping_applies_on_import_and_the_record_stays_as_sent(
        self, tmp_path, directory_page
    ):
        ActionFieldMapping.objects.create(
            foreign_term="LEGAL ADVICE", action_field=german("sprache")
        )
        record = foreign_service(("legal", "Legal advice"), ("food", "Food bank"))
        path = write(tmp_path, [record])
        assert "1 created" in import_file(path)
        assert action_fields(record) == ["sprache"]
        api = Client().get(f"/api/hsds/services/{record['id']}").json()
        assert api["attributes"] == record["attributes"]
        assert "0 created, 0 updated, 1 unchanged" in import_file(path)
        listing = ListingPage.objects.get(external_id=record["id"])
        response = Client().get("/api/hsds/services", {"action_field": "sprache"})
        assert [s["id"] for s in response.json()["contents"]] == [record["id"]]
        assert listing.live

    def test_a_new_mapping_is_applied_to_listings_imported_before(
        self, tmp_path, directory_page, admin_client
    ):
        record = foreign_service(("legal", "Legal advice"))
        path = write(tmp_path, [record])
        import_file(path)
        listing = ListingPage.objects.get(external_id=record["id"])
        revision = listing.latest_revision_id
        ActionFieldMapping.objects.create(foreign_term="legal", action_field=german("sprache"))
        assert action_fields(record) == ["sprache"]
        listing.refresh_from_db()
        assert listing.latest_revision_id != revision and listing.live
        assert f'data-unassigned-listing="{listing.id}"' not in unassigned(admin_client)
        # The mapping and the kept record agree: importing the file again changes nothing.
        assert "0 created, 0 updated, 1 unchanged" in import_file(path)
        api = Client().get(f"/api/hsds/services/{record['id']}").json()
        assert api["attributes"] == record["attributes"]

    def test_a_changed_mapping_moves_listings_and_keeps_what_an_editor_set(
        self, tmp_path, directory_page
    ):
        mapping = ActionFieldMapping.objects.create(
            foreign_term="Legal advice", action_field=german("sprache")
        )
        record = foreign_service(("legal", "Legal advice"))
        import_file(write(tmp_path, [record]))
        listing = ListingPage.objects.get(external_id=record["id"]).specific
        listing.action_field_links.add(
            listing.action_field_links.model(
                locale=listing.locale, action_field=german("kultur-religion")
            )
        )
        listing.save_revision().publish()
        assert action_fields(record) == ["kultur-religion", "sprache"]

        mapping.action_field = german("arbeit-ausbildung")
        mapping.save()
        assert action_fields(record) == ["arbeit-ausbildung", "kultur-religion"]
        mapping.delete()
        assert action_fields(record) == ["kultur-religion"]

    def test_a_mapping_without_matching_listings_changes_nothing(self, tmp_path, directory_page):
        record = foreign_service(("legal", "Legal advice"))
        import_file(write(tmp_path, [record]))
        revision = ListingPage.objects.get(external_id=record["id"]).latest_revision_id
        ActionFieldMapping.objects.create(foreign_term="housing", action_field=german("sprache"))
        assert ListingPage.objects.get(external_id=record["id"]).latest_revision_id == revision
        assert action_fields(record) == []

    def test_a_foreign_term_is_mapped_once_whatever_its_case(self, directory_page):
        ActionFieldMapping.objects.create(
            foreign_term="Legal advice", action_field=german("sprache")
        )
        duplicate = ActionFieldMapping(foreign_term="LEGAL ADVICE", action_field=german("sprache"))
        with pytest.raises(ValidationError, match="bereits zugeordnet"):
            duplicate.full_clean()

    def test_coordinators_keep_mappings_in_the_admin(self, directory_page, admin_client):
        response = admin_client.post(
            "/admin/snippets/directory/actionfieldmapping/add/",
            {"foreign_term": " Job search ", "action_field": german("arbeit-ausbildung").id},
        )
        assert response.status_code == 302
        mapping = ActionFieldMapping.objects.get()
        assert mapping.foreign_term == "Job search"
        assert mapping.action_field.code == "arbeit-ausbildung"
