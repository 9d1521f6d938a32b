"""Imports from the admin run in the background: the upload is stored and enqueued, the
import's page shows rows done of all rows, then the counts or every problem."""

import io
from pathlib import Path

import pytest
from django.test import override_settings
from wagtail.users.models import UserProfile

from api.csv_import import template
from api.models import ImportJob
from directory.models import ListingPage
from tests.task_worker import run_ready_tasks

pytestmark = pytest.mark.django_db

HSDS_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "hsds-small.json"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def admin_client(admin_client, admin_user):
    """The admin in English (the default is the site's language, German)."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_client


def upload(text: str, name: str) -> io.BytesIO:
    file = io.BytesIO(text.encode())
    file.name = name
    return file


def test_a_csv_upload_is_imported_and_its_page_shows_the_result(directory_page, admin_client):
    response = admin_client.post("/admin/open-data/csv/", {"file": upload(template(), "a.csv")})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert ListingPage.objects.filter(title="Migrationsberatung").exists()
    page = admin_client.get(job.get_absolute_url())
    text = page.content.decode()
    job.refresh_from_db()
    assert job.status == ImportJob.DONE and (job.rows_done, job.rows_total) == (1, 1)
    assert "1 created, 0 updated, 0 unchanged" in text
    assert "1 of 1 rows" in text
    assert 'http-equiv="refresh"' not in text


def test_a_bad_row_imports_nothing_and_the_page_names_it(directory_page, admin_client):
    lines = template().splitlines()
    bad = lines[1].replace("MO 09:00-12:00", "montags")
    admin_client.post("/admin/open-data/csv/", {"file": upload(f"{lines[0]}\n{bad}\n", "b.csv")})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.FAILED
    assert not ListingPage.objects.exists()
    text = admin_client.get(job.get_absolute_url()).content.decode()
    assert "Nothing was imported" in text and "line 2, opening_hours" in text


def test_an_hsds_upload_is_imported(directory_page, admin_client):
    file = upload(HSDS_FILE.read_text(encoding="utf-8"), "services.json")
    admin_client.post("/admin/open-data/hsds/", {"file": file, "locale": "de"})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.DONE, job.errors
    assert job.result["created"] == 2
    assert ListingPage.objects.filter(locale__language_code="de").count() == 2


def test_an_upload_that_is_not_json_gets_a_clear_problem(directory_page, admin_client):
    admin_client.post("/admin/open-data/hsds/", {"file": upload("{oops", "x.json"), "locale": "de"})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.FAILED
    assert "cannot read" in job.errors[0]


def test_with_the_database_backend_the_worker_imports(directory_page, admin_client):
    with override_settings(TASKS=DATABASE_TASKS):
        admin_client.post("/admin/open-data/csv/", {"file": upload(template(), "a.csv")})
        job = ImportJob.objects.get()
        # The request stored the file and left the import to the worker.
        assert job.status == ImportJob.QUEUED
        assert not ListingPage.objects.exists()
        waiting = admin_client.get(job.get_absolute_url()).content.decode()
        assert "waiting for the worker" in waiting and 'http-equiv="refresh"' in waiting
        run_ready_tasks()
    job.refresh_from_db()
    assert job.status == ImportJob.DONE
    assert ListingPage.objects.filter(title="Migrationsberatung").exists()


def test_only_superusers_see_an_import(directory_page, admin_client, client, django_user_model):
    admin_client.post("/admin/open-data/csv/", {"file": upload(template(), "a.csv")})
    job = ImportJob.objects.get()
    user = django_user_model.objects.create_user("editor", password="x")
    client.force_login(user)
    assert client.get(job.get_absolute_url()).status_code in (302, 403)
    assert client.get("/admin/open-data/hsds/").status_code in (302, 403)
