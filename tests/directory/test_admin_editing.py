"""Editors create every page type through Wagtail's real add view, and bad input is refused."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from directory.factories import ActionFieldFactory, DistrictFactory
from directory.models import (
    DirectoryIndexPage,
    ListingStatus,
    OrganisationKind,
    OrganisationPage,
    ProjectPage,
    ServicePage,
    Weekday,
)
from home.models import ContentPage, HomePage


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def post_new_page(client, model, parent, data, publish=True):
    """POST the add form; publishing needs the publish permission, otherwise a draft is saved."""
    data = nested_form_data({"comments": inline_formset([]), **data})
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(add_url(model, parent), data)


def assert_created(response):
    assert response.status_code == 302, form_errors(response)


def form_errors(response):
    """Every error of the re-rendered add form, its formsets included, for failure messages."""
    form = response.context["form"]
    errors = dict(form.errors)
    for name, formset in form.formsets.items():
        if formset.errors and any(formset.errors) or formset.non_form_errors():
            errors[name] = [formset.non_form_errors(), formset.errors]
    return errors


@pytest.fixture
def editor(django_user_model):
    """A user in the "Editors" group made by Wagtail's migrations (add and edit, no publish)."""
    user = django_user_model.objects.create_user(username="redaktion", password="x" * 16)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def listing_data(**overrides):
    """Form data of a complete service: one action field, language, location and hours row."""
    data = {
        "title": "Sozialberatung für Geflüchtete",
        "slug": "sozialberatung-fuer-gefluechtete",
        "summary": "Hilfe bei Briefen von Ämtern, Wohnungssuche und Anträgen.",
        "description": rich_text("<p>Wir beraten <b>vertraulich</b>.</p>"),
        "action_field_links": inline_formset(
            [{"action_field": str(ActionFieldFactory(code="sprache").pk)}], min=1
        ),
        "target_group_links": inline_formset([]),
        "keywords": "Asyl, Wohnung",
        "spoken_languages": inline_formset([{"language": "ar", "note": "montags"}]),
        "is_free": "on",
        "cost_details": "",
        "min_age": "",
        "max_age": "",
        "residence_status": "any",
        "eligibility_notes": "",
        "locations": inline_formset(
            [
                {
                    "name": "Haus der Begegnung",
                    "street": "Breiter Weg 10",
                    "postcode": "39104",
                    "city": "Magdeburg",
                    "district": str(DistrictFactory(code="altstadt").pk),
                    "latitude": "52.127000",
                    "longitude": "11.636000",
                    "wheelchair_accessible": "on",
                    "access_notes": "",
                }
            ]
        ),
        "opening_hours": inline_formset(
            [{"weekday": str(Weekday.TUESDAY), "opens": "09:00", "closes": "12:30", "note": ""}]
        ),
        "closures": inline_formset([]),
        "contacts": inline_formset([]),
        "status": ListingStatus.ACTIVE,
        "status_note": "",
        "last_reviewed": "2025-06-01",
    }
    data.update(overrides)
    return data


def test_admin_creates_a_home_page_under_the_root(admin_client, db):
    response = post_new_page(
        admin_client,
        HomePage,
        Page.get_first_root_node(),
        {
            "title": "Wegweiser Magdeburg",
            "slug": "wegweiser-magdeburg",
            "intro": "Beratung und Projekte für Zugewanderte",
            "about": rich_text("<p>Das Netzwerk besteht seit 2005.</p>"),
            "coordinator_name": "Koordinator für Integration und Zuwanderung",
            "coordinator_role": "",
            "coordinator_unit": "V/02",
            "coordinator_address": "Wilhelm-Höpfner-Ring 4\n39116 Magdeburg",
            "coordinator_phone": "0391 540 0000",
            "coordinator_email": "integration@example.org",
        },
    )
    assert_created(response)
    home = HomePage.objects.get(slug="wegweiser-magdeburg")
    assert home.live
    assert home.locale.language_code == "de"
    assert home.coordinator_unit == "V/02"


def test_admin_creates_the_directory_under_the_home_page(admin_client, home_page):
    response = post_new_page(
        admin_client,
        DirectoryIndexPage,
        home_page,
        {
            "title": "Angebote",
            "slug": "angebote",
            "intro": rich_text("<p>Alle Angebote</p>"),
        },
    )
    assert_created(response)
    assert DirectoryIndexPage.objects.child_of(home_page).live().get().title == "Angebote"


def test_admin_creates_a_content_page_with_a_body(admin_client, home_page):
    response = post_new_page(
        admin_client,
        ContentPage,
        home_page,
        {
            "title": "Verbindliche Grundsätze",
            "slug": "grundsaetze",
            "intro": "Wie die Partner zusammenarbeiten.",
            "body": streamfield(
                [
                    ("heading", "Unsere Grundsätze"),
                    ("paragraph", rich_text("<p>Wir arbeiten auf Augenhöhe.</p>")),
                ]
            ),
        },
    )
    assert_created(response)
    page = ContentPage.objects.get(slug="grundsaetze")
    assert [block.block_type for block in page.body] == ["heading", "paragraph"]
    assert page.body[0].value == "Unsere Grundsätze"


def test_admin_creates_an_organisation_in_the_directory(admin_client, directory_page):
    response = post_new_page(
        admin_client,
        OrganisationPage,
        directory_page,
        {
            "title": "Caritasverband Magdeburg",
            "slug": "caritas",
            "kind": OrganisationKind.WELFARE_ASSOCIATION,
            "description": rich_text("<p>Wohlfahrtsverband</p>"),
            "logo": "",
            "website": "https://example.org",
            "email": "info@example.org",
            "phone": "0391 123456",
            "street": "Max-Josef-Metzger-Straße 3",
            "postcode": "39104",
            "city": "Magdeburg",
            "working_group_links": inline_formset([]),
        },
    )
    assert_created(response)
    organisation = OrganisationPage.objects.child_of(directory_page).get()
    assert organisation.live
    assert organisation.kind == OrganisationKind.WELFARE_ASSOCIATION


def test_admin_creates_a_service_with_its_rows(admin_client, organisation):
    assert_created(post_new_page(admin_client, ServicePage, organisation, listing_data()))

    service = ServicePage.objects.child_of(organisation).get()
    assert service.live
    assert service.locale.language_code == "de"
    assert [link.action_field.code for link in service.action_field_links.all()] == ["sprache"]
    assert [(lang.language, lang.note) for lang in service.spoken_languages.all()] == [
        ("ar", "montags")
    ]
    location = service.locations.get()
    assert (location.street, location.district.code) == ("Breiter Weg 10", "altstadt")
    assert location.wheelchair_accessible
    hours = service.opening_hours.get()
    assert (hours.weekday, f"{hours.opens:%H:%M}", f"{hours.closes:%H:%M}") == (
        Weekday.TUESDAY,
        "09:00",
        "12:30",
    )
    assert sorted(tag.name for tag in service.keywords.all()) == ["Asyl", "Wohnung"]
    # The child rows take the page's locale, so wagtail-localize can translate them.
    assert {row.locale_id for row in service.locations.all()} == {service.locale_id}


def test_admin_creates_a_project_with_period_and_funding(admin_client, organisation):
    data = listing_data(
        title="Ankommen im Quartier",
        slug="ankommen-im-quartier",
        start_date="2025-03-01",
        end_date="2026-02-28",
        funding_body="AMIF",
    )
    assert_created(post_new_page(admin_client, ProjectPage, organisation, data))
    project = ProjectPage.objects.child_of(organisation).get()
    assert (str(project.start_date), str(project.end_date)) == ("2025-03-01", "2026-02-28")
    assert project.funding_body == "AMIF"
    assert project.action_field_links.count() == 1


def test_editor_without_publish_right_saves_a_service_as_draft(editor_client, organisation):
    response = post_new_page(
        editor_client, ServicePage, organisation, listing_data(), publish=False
    )
    assert_created(response)
    service = ServicePage.objects.child_of(organisation).get()
    assert not service.live
    assert service.action_field_links.count() == 1
    assert service.locations.count() == 1


def test_a_service_cannot_be_added_outside_an_organisation(admin_client, directory_page):
    response = post_new_page(admin_client, ServicePage, directory_page, listing_data())
    # Wagtail's admin answers a forbidden add with a redirect to the dashboard.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert not ServicePage.objects.exists()


def test_a_service_without_an_action_field_is_refused(admin_client, organisation):
    response = post_new_page(
        admin_client,
        ServicePage,
        organisation,
        listing_data(action_field_links=inline_formset([], min=1)),
    )
    assert response.status_code == 200
    assert response.context["form"].formsets["action_field_links"].non_form_errors()
    assert not ServicePage.objects.exists()


def test_a_closure_that_ends_before_it_starts_is_refused(admin_client, organisation):
    closures = inline_formset(
        [{"start_date": "2025-08-10", "end_date": "2025-08-01", "reason": "Urlaub"}]
    )
    response = post_new_page(
        admin_client, ServicePage, organisation, listing_data(closures=closures)
    )
    assert response.status_code == 200
    assert "end_date" in response.context["form"].formsets["closures"].errors[0]
    assert not ServicePage.objects.exists()


def test_a_maximum_age_below_the_minimum_age_is_refused(admin_client, organisation):
    response = post_new_page(
        admin_client, ServicePage, organisation, listing_data(min_age="27", max_age="18")
    )
    assert response.status_code == 200
    assert "max_age" in response.context["form"].errors
    assert not ServicePage.objects.exists()


def test_a_project_that_ends_before_it_starts_is_refused(admin_client, organisation):
    data = listing_data(start_date="2026-01-01", end_date="2025-01-01", funding_body="")
    response = post_new_page(admin_client, ProjectPage, organisation, data)
    assert response.status_code == 200
    assert "end_date" in response.context["form"].errors
    assert not ProjectPage.objects.exists()


def test_a_second_directory_under_one_home_page_is_refused(admin_client, directory_page):
    response = post_new_page(
        admin_client,
        DirectoryIndexPage,
        directory_page.get_parent(),
        {
            "title": "Noch ein Verzeichnis",
            "slug": "noch-eins",
            "intro": rich_text(""),
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert DirectoryIndexPage.objects.get() == directory_page
