"""import_hsds, export_hsds and the CSV import: validation first, all or nothing, round trips."""

import copy
import io
import json
import uuid
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from api import hsds
from api.csv_import import template
from directory.models import District, ListingPage, OrganisationPage, TargetGroup
from search.query import search_listings


def export(tmp_path, name="export", locale="de"):
    """Run export_hsds into ``tmp_path/name`` and return the three files' content."""
    out = tmp_path / name
    call_command("export_hsds", output=str(out), locale=locale, stdout=io.StringIO())
    return {path.name: json.loads(path.read_text()) for path in sorted(out.iterdir())}


def import_file(path, **options):
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("import_hsds", str(path), stdout=stdout, stderr=stderr, **options)
    return stdout.getvalue()


def write(tmp_path, records, name="services.json"):
    path = tmp_path / name
    path.write_text(json.dumps(records, ensure_ascii=False))
    return path


def new_service(**changes):
    """A minimal valid HSDS service of a new organisation."""
    service_id = str(uuid.uuid4())
    record = {
        "id": service_id,
        "name": "Fahrradwerkstatt für Geflüchtete",
        "description": "Gemeinsam Fahrräder reparieren, ohne Anmeldung.",
        "status": "active",
        "organization": {
            "id": str(uuid.uuid4()),
            "name": "Radhaus e. V.",
            "description": "Ein Verein.",
        },
        "attributes": [
            {
                "id": str(uuid.uuid4()),
                "taxonomy_term": {
                    "id": hsds.term_id("action-fields", "interkulturelle-arbeit"),
                    "code": "interkulturelle-arbeit",
                    "name": "Interkulturelle Arbeit",
                    "description": "Interkulturelle Arbeit",
                    "taxonomy": "action-fields",
                },
            }
        ],
        "service_at_locations": [
            {
                "id": str(uuid.uuid4()),
                "location": {
                    "id": str(uuid.uuid4()),
                    "location_type": "physical",
                    "latitude": 52.12,
                    "longitude": 11.62,
                    "addresses": [
                        {
                            "id": str(uuid.uuid4()),
                            "address_1": "Hallische Straße 5",
                            "city": "Magdeburg",
                            "state_province": "Sachsen-Anhalt",
                            "postal_code": "39104",
                            "country": "DE",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
        "schedules": [
            {"id": str(uuid.uuid4()), "byday": "WE", "opens_at": "16:00", "closes_at": "19:00"}
        ],
        "languages": [{"id": str(uuid.uuid4()), "code": "ar"}],
    }
    record.update(changes)
    return record


def empty_directory():
    """Remove what the fixture created, as if the database held no directory content."""
    for org in OrganisationPage.objects.all():
        org.delete()
    District.objects.all().delete()
    TargetGroup.objects.all().delete()


@pytest.mark.django_db
class TestExport:
    def test_export_matches_the_official_schemas(self, tmp_path, directory_content, hsds_schema):
        files = export(tmp_path)
        assert len(files["services.json"]) == 3
        for service in files["services.json"]:
            hsds_schema(service, "service")
        for organization in files["organizations.json"]:
            hsds_schema(organization, "organization")
        for taxonomy in files["taxonomies.json"]["taxonomies"]:
            hsds_schema(taxonomy, "taxonomy")
        for term in files["taxonomies.json"]["taxonomy_terms"]:
            hsds_schema(term, "taxonomy_term")

    def test_export_import_into_an_empty_database_export_is_identical(
        self, tmp_path, directory_content
    ):
        before = export(tmp_path, "before")
        empty_directory()
        assert not ListingPage.objects.exists()
        output = import_file(tmp_path / "before")
        assert "3 created" in output
        assert export(tmp_path, "after") == before

    def test_importing_the_same_file_twice_changes_nothing(self, tmp_path, directory_content):
        files = export(tmp_path)
        revisions = {p.id: p.latest_revision_id for p in ListingPage.objects.all()}
        output = import_file(tmp_path / "export" / "services.json")
        assert "0 created, 0 updated, 3 unchanged" in output
        assert {p.id: p.latest_revision_id for p in ListingPage.objects.all()} == revisions
        assert export(tmp_path, "again") == files

    def test_a_changed_record_updates_the_listing(self, tmp_path, directory_content):
        services = export(tmp_path)["services.json"]
        changed = copy.deepcopy(services)
        changed[0]["name"] = "Neuer Name"
        changed[0]["schedules"] = changed[0]["schedules"][:1]
        output = import_file(write(tmp_path, changed))
        assert "0 created, 1 updated, 2 unchanged" in output
        listing = ListingPage.objects.get(external_id=changed[0]["id"], locale__language_code="de")
        assert listing.title == "Neuer Name"
        assert listing.opening_hours.count() == 1


@pytest.mark.django_db
class TestImportValidation:
    def test_a_file_with_one_broken_record_writes_nothing_and_names_it(
        self, tmp_path, directory_page
    ):
        good = new_service()
        broken = new_service(name="")
        broken["schedules"][0]["closes_at"] = "abends"
        path = write(tmp_path, {"contents": [good, broken]})
        stderr = io.StringIO()
        with pytest.raises(CommandError, match="nothing was imported"):
            call_command("import_hsds", str(path), stderr=stderr, stdout=io.StringIO())
        problems = stderr.getvalue()
        assert broken["id"] in problems and "$.name" in problems
        assert "$.schedules[0].closes_at" in problems
        assert good["id"] not in problems
        assert not ListingPage.objects.exists()
        assert not OrganisationPage.objects.exists()

    @pytest.mark.parametrize(
        ("change", "path"),
        [
            ({"id": "not-a-uuid"}, "$.id"),
            ({"description": ["not", "text"]}, "$.description"),
            ({"contacts": [{"id": str(uuid.uuid4()), "name": ""}]}, "$.contacts[0].name"),
            ({"status": "open"}, "$.status"),
            ({"languages": [{"id": str(uuid.uuid4()), "code": "d3"}]}, "$.languages[0].code"),
            ({"languages": [{"id": str(uuid.uuid4())}]}, "$.languages[0]"),
            (
                {
                    "schedules": [
                        {
                            "id": str(uuid.uuid4()),
                            "byday": "MO",
                            "opens_at": "9",
                            "closes_at": "12:00",
                        }
                    ]
                },
                "$.schedules[0]",
            ),
            ({"minimum_age": 30, "maximum_age": 10}, "$.maximum_age"),
        ],
    )
    def test_our_rules_are_checked(self, tmp_path, directory_page, change, path):
        stderr = io.StringIO()
        with pytest.raises(CommandError):
            call_command(
                "import_hsds",
                str(write(tmp_path, [new_service(**change)])),
                stderr=stderr,
                stdout=io.StringIO(),
            )
        assert path in stderr.getvalue()

    def test_a_long_description_is_cut_for_the_page_with_a_warning_and_kept_whole(
        self, tmp_path, directory_page
    ):
        description = "Wir beraten zu Aufenthalt, Arbeit und Wohnen. " * 10
        record = new_service(description=description)
        output = import_file(write(tmp_path, [record]))
        assert "1 created" in output and "1 warning(s)" in output
        assert "$.description" in output and "cut" in output
        listing = ListingPage.objects.get(external_id=record["id"])
        assert len(listing.summary) <= hsds.MAX_SUMMARY and listing.summary.endswith("…")
        api = Client().get(f"/api/hsds/services/{record['id']}").json()
        assert api["description"] == description

    def test_a_listing_without_action_field_imports(self, tmp_path, directory_page):
        record = new_service(attributes=[])
        assert "1 created" in import_file(write(tmp_path, [record]))
        listing = ListingPage.objects.get(external_id=record["id"]).specific
        assert listing.live and not listing.action_field_links.exists()

    def test_any_iso_639_code_and_a_name_only_language_are_taken(self, tmp_path, directory_page):
        languages = [
            {"id": str(uuid.uuid4()), "code": "ku"},
            {"id": str(uuid.uuid4()), "code": "ln"},
            {"id": str(uuid.uuid4()), "code": "prs"},
            {"id": str(uuid.uuid4()), "name": "Tigrinya"},
        ]
        record = new_service(languages=languages)
        output = import_file(write(tmp_path, [record]))
        assert "1 created" in output and "0 warning(s)" in output
        listing = ListingPage.objects.get(external_id=record["id"])
        spoken = set(listing.spoken_languages.values_list("language", flat=True))
        assert {"ku", "ln", "ti"} <= spoken
        page = Client().get(listing.url).content.decode()
        assert "Kurdisch" in page and "Lingala" in page and "Tigrinya" in page
        api = Client().get(f"/api/hsds/services/{record['id']}").json()
        assert api["languages"] == languages

    def test_an_unknown_action_field_code_is_rejected(self, tmp_path, directory_page):
        record = new_service()
        record["attributes"][0]["taxonomy_term"]["code"] = "gibt-es-nicht"
        stderr = io.StringIO()
        with pytest.raises(CommandError):
            call_command(
                "import_hsds", str(write(tmp_path, [record])), stderr=stderr, stdout=io.StringIO()
            )
        assert "unknown action field code 'gibt-es-nicht'" in stderr.getvalue()

    def test_dry_run_validates_and_counts_without_writing(self, tmp_path, directory_page):
        output = import_file(write(tmp_path, [new_service()]), dry_run=True)
        assert "dry run" in output and "1 created" in output
        assert not ListingPage.objects.exists()

    def test_a_file_that_is_not_json_is_an_error(self, tmp_path, directory_page):
        path = tmp_path / "bad.json"
        path.write_text("{nope")
        with pytest.raises(CommandError, match="cannot read"):
            import_file(path)


@pytest.mark.django_db
class TestImportEffects:
    def test_search_finds_imported_listings_at_once(self, tmp_path, directory_page):
        record = new_service()
        import_file(write(tmp_path, [record]))
        listing = ListingPage.objects.get(external_id=record["id"])
        assert listing.id in search_listings("Fahrradwerkstatt").ids
        # Found through its action field, a child row: indexed after the rows were saved.
        assert listing.id in search_listings("Interkulturelle").ids
        response = Client().get("/api/hsds/services", {"search": "Fahrradwerkstatt"})
        assert response.json()["contents"][0]["id"] == record["id"]

    def test_imported_listings_are_live_under_a_new_organisation(self, tmp_path, directory_page):
        record = new_service()
        import_file(write(tmp_path, [record]))
        org = OrganisationPage.objects.get(translation_key=record["organization"]["id"])
        listing = ListingPage.objects.get(external_id=record["id"]).specific
        assert org.live and listing.live and listing.get_parent().id == org.id
        assert listing.opening_hours.get().weekday == 2
        assert Client().get(listing.url).status_code == 200

    def test_weekday_lists_become_rows_of_the_hours_table(self, tmp_path, directory_page):
        schedule = {"id": str(uuid.uuid4()), "byday": "TH,FR", "opens_at": "09:00"}
        schedule["closes_at"] = "13:00"
        record = new_service(schedules=[schedule])
        import_file(write(tmp_path, [record]))
        listing = ListingPage.objects.get(external_id=record["id"]).specific
        rows = sorted(listing.opening_hours.values_list("weekday", "opens", "closes"))
        assert [(w, str(o)[:5], str(c)[:5]) for w, o, c in rows] == [
            (3, "09:00", "13:00"),
            (4, "09:00", "13:00"),
        ]

    def test_a_sparser_record_keeps_what_it_omits_unless_replace(self, tmp_path, directory_page):
        record = new_service(fees_description="Kostenlos", application_process="Einfach kommen")
        import_file(write(tmp_path, [record]))
        sparser = {k: v for k, v in record.items() if k != "fees_description"}
        assert "0 created, 0 updated, 1 unchanged" in import_file(write(tmp_path, [sparser]))
        url = f"/api/hsds/services/{record['id']}"
        assert Client().get(url).json()["fees_description"] == "Kostenlos"
        assert "1 updated" in import_file(write(tmp_path, [sparser]), replace=True)
        api = Client().get(url).json()
        assert "fees_description" not in api
        assert api["application_process"] == "Einfach kommen"

    def test_locale_ar_creates_the_arabic_translation(self, tmp_path, directory_page):
        from base.i18n import ensure_synced_locale

        ensure_synced_locale("ar")
        record = new_service()
        import_file(write(tmp_path, [record]))
        arabic = copy.deepcopy(record)
        arabic["name"] = "ورشة الدراجات"
        arabic["description"] = "نصلح الدراجات معًا، دون تسجيل."
        arabic["x_description_html"] = "<p>مرحبا بالجميع.</p>"
        path = write(tmp_path, [arabic], "ar.json")
        assert "1 created" in import_file(path, locale="ar")
        assert "1 unchanged" in import_file(path, locale="ar")

        german = ListingPage.objects.get(external_id=record["id"], locale__language_code="de")
        translation = german.get_translation(ensure_synced_locale("ar"))
        assert translation.alias_of_id is None and translation.live
        page = Client().get(translation.url)
        assert page.status_code == 200
        assert "ورشة الدراجات" in page.content.decode()
        api = Client().get(f"/api/hsds/services/{record['id']}", {"lang": "ar"}).json()
        assert api["name"] == "ورشة الدراجات"
        assert api["x_description_html"] == "<p>مرحبا بالجميع.</p>"
        assert Client().get(f"/api/hsds/services/{record['id']}").json()["name"] == record["name"]

    def test_a_translation_needs_the_german_listing_first(self, tmp_path, directory_page):
        from base.i18n import ensure_synced_locale

        ensure_synced_locale("ar")
        stderr = io.StringIO()
        with pytest.raises(CommandError):
            call_command(
                "import_hsds",
                str(write(tmp_path, [new_service()])),
                locale="ar",
                stderr=stderr,
                stdout=io.StringIO(),
            )
        assert "import the German version first" in stderr.getvalue()


@pytest.mark.django_db
class TestCsvImport:
    def test_the_template_row_imports_and_reimports_unchanged(self, tmp_path, directory_page):
        path = tmp_path / "listings.csv"
        path.write_text(template())
        out = io.StringIO()
        call_command("import_csv", str(path), stdout=out)
        assert "1 created" in out.getvalue()
        call_command("import_csv", str(path), stdout=out)
        assert "1 unchanged" in out.getvalue()
        listing = ListingPage.objects.get(title="Migrationsberatung")
        assert listing.opening_hours.count() == 2
        assert sorted(listing.spoken_languages.values_list("language", flat=True)) == ["ar", "fa"]

    def test_one_bad_row_imports_nothing_and_names_the_line(self, tmp_path, directory_page):
        lines = template().splitlines()
        bad = lines[1].replace("Migrationsberatung", "Zweite").replace("MO 09:00-12:00", "montags")
        path = tmp_path / "listings.csv"
        path.write_text("\n".join([lines[0], lines[1], bad]) + "\n")
        stderr = io.StringIO()
        with pytest.raises(CommandError):
            call_command("import_csv", str(path), stderr=stderr, stdout=io.StringIO())
        assert "line 3, opening_hours" in stderr.getvalue()
        assert not ListingPage.objects.exists()

    def test_admin_offers_the_template_and_the_upload(self, directory_page, admin_client):
        template_response = admin_client.get("/admin/open-data/csv/template.csv")
        assert template_response.status_code == 200
        assert template_response.content.decode().startswith("id,kind,name,summary")
        upload = io.BytesIO(template().encode())
        upload.name = "listings.csv"
        response = admin_client.post("/admin/open-data/csv/", {"file": upload})
        assert response.status_code == 302  # to the import's page (tests/api/test_admin_imports.py)
        assert ListingPage.objects.filter(title="Migrationsberatung").exists()

    def test_the_admin_upload_takes_hsds_json(self, tmp_path, directory_page, admin_client):
        record = new_service(description="Kurz. " * 60)
        upload = io.BytesIO(json.dumps({"contents": [record]}).encode())
        upload.name = "services.json"
        # The import runs as a background job (immediately under the tests' task backend);
        # its page shows the counts and the warnings.
        response = admin_client.post("/admin/open-data/csv/", {"file": upload}, follow=True)
        page = response.content.decode()
        assert response.status_code == 200 and "$.description" in page
        assert ListingPage.objects.filter(external_id=record["id"]).exists()

    def test_the_admin_upload_takes_a_zipped_csv_package(self, directory_page, admin_client):
        service_id, org_id = str(uuid.uuid4()), str(uuid.uuid4())
        tables = {
            "datapackage.json": '{"name": "hsds"}',
            "organizations.csv": f"id,name,description\n{org_id},Radhaus e. V.,Ein Verein.\n",
            "services.csv": "id,organization_id,name,description,status\n"
            f"{service_id},{org_id},Fahrradwerkstatt,Gemeinsam reparieren.,active\n",
        }
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, text in tables.items():
                archive.writestr(f"package/{name}", text)
        buffer.seek(0)
        buffer.name = "package.zip"
        response = admin_client.post("/admin/open-data/csv/", {"file": buffer}, follow=True)
        assert response.status_code == 200
        listing = ListingPage.objects.get(external_id=service_id)
        assert listing.title == "Fahrradwerkstatt"
        assert listing.get_parent().title == "Radhaus e. V."

    def test_a_broken_hsds_upload_writes_nothing_and_says_why(self, directory_page, admin_client):
        upload = io.BytesIO(json.dumps([new_service(status="open")]).encode())
        upload.name = "services.json"
        response = admin_client.post("/admin/open-data/csv/", {"file": upload}, follow=True)
        assert "$.status" in response.content.decode()
        assert not ListingPage.objects.exists()

    def test_only_superusers_may_import(self, client, django_user_model):
        user = django_user_model.objects.create_user("editor", password="x")
        client.force_login(user)
        assert client.get("/admin/open-data/csv/").status_code in (302, 403)
