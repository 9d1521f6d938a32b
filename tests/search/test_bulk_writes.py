"""``bulk_writes()``: pages saved inside are indexed once when the block ends, not per save."""

import pytest
from wagtail.models import Locale, ReferenceIndex
from wagtail.search.backends import get_search_backend

from base.content_cache import content_version
from directory.factories import ActionFieldFactory, ServicePageFactory
from directory.models import ListingActionField, ServicePage
from search.bulk import bulk_writes
from search.query import search_listings

pytestmark = pytest.mark.django_db


def publish_listing(organisation, title, action_field):
    """A service built in memory with an action field and published, as the admin does."""
    page = ServicePage(
        title=title,
        summary="Offene Sprechstunde ohne Termin.",
        action_field_links=[ListingActionField(action_field=action_field)],
    )
    organisation.add_child(instance=page)
    page.save_revision().publish()
    return page


def found(query):
    """What the public search finds in German (the project's index)."""
    return search_listings(query, locale=Locale.objects.get(language_code="de")).ids


def found_in_admin(query):
    """What Wagtail's own index (the admin's page search) finds."""
    return [page.pk for page in get_search_backend().search(query, ServicePage)]


def referenced_from(page):
    """The objects the reference index says a page uses (the admin's "usage")."""
    return {
        (ref.to_content_type.model_class(), ref.to_object_id)
        for ref in ReferenceIndex.get_references_for_object(page)
    }


def test_pages_written_in_bulk_are_found_when_the_block_ends_not_before(client, organisation):
    with bulk_writes():
        first = publish_listing(organisation, "Zauberflötenkurs", ActionFieldFactory())
        second = ServicePageFactory(parent=organisation, title="Lastenradwerkstatt")
        assert found("Zauberflötenkurs") == []
        assert found("Lastenradwerkstatt") == []
        assert found_in_admin("Zauberflötenkurs") == []

    assert found("Zauberflötenkurs") == [first.pk]
    assert found("Lastenradwerkstatt") == [second.pk]
    assert found_in_admin("Zauberflötenkurs") == [first.pk]
    response = client.get("/de/suche/", {"q": "Zauberflötenkurs"})
    assert "Zauberflötenkurs" in response.content.decode()


def test_a_listing_is_found_by_rows_saved_after_the_page_in_the_block(organisation):
    # One save late on its own (STACK_NOTES); at the end of the block everything is there.
    with bulk_writes():
        page = ServicePageFactory(
            parent=organisation, title="Treffpunkt", action_fields=[], keywords=["Nähmaschine"]
        )
        hobby = ActionFieldFactory(code="hobby", name="Freizeitgestaltung")
        ListingActionField.objects.create(page=page, action_field=hobby, locale=page.locale)

    assert found("Nähmaschine") == [page.pk]
    assert found("Freizeitgestaltung") == [page.pk]


def test_draft_changes_in_the_block_stay_out_of_the_search(organisation):
    with bulk_writes():
        page = publish_listing(organisation, "Kleiderkammer", ActionFieldFactory())
        page.title = "Geheimer Entwurf"
        page.save_revision()

    assert found("Kleiderkammer") == [page.pk]
    assert found("Geheimer") == []


def test_references_of_pages_written_in_bulk_are_recorded_when_the_block_ends(organisation):
    action_field = ActionFieldFactory(code="nachbarschaft")
    with bulk_writes():
        page = publish_listing(organisation, "Nachbarschaftshilfe", action_field)
        assert (type(action_field), str(action_field.pk)) not in referenced_from(page)

    assert (type(action_field), str(action_field.pk)) in referenced_from(page)


def test_the_content_version_changes_once_for_the_whole_block(client, organisation):
    assert "Fahrradwerkstatt" not in client.get("/de/angebote/").content.decode()
    before = content_version()
    with bulk_writes():
        for n in range(3):
            publish_listing(organisation, f"Fahrradwerkstatt {n}", ActionFieldFactory())
        # Cached pages are not rebuilt after every one of the saves.
        assert content_version() == before

    assert content_version() != before
    html = client.get("/de/angebote/").content.decode()
    assert all(f"Fahrradwerkstatt {n}" in html for n in range(3))


def test_a_nested_block_is_indexed_with_the_outer_one(organisation):
    with bulk_writes() as outer:
        with bulk_writes() as inner:
            page = publish_listing(organisation, "Schachclub", ActionFieldFactory())
        assert inner is outer
        assert found("Schachclub") == []

    assert found("Schachclub") == [page.pk]


def test_an_exception_keeps_nothing_and_saves_afterwards_are_indexed_at_once(organisation):
    action_field = ActionFieldFactory(code="sport")
    with pytest.raises(RuntimeError), bulk_writes():
        publish_listing(organisation, "Verworfener Kurs", action_field)
        raise RuntimeError("import failed")

    assert not ServicePage.objects.filter(title="Verworfener Kurs").exists()
    assert found("Verworfener") == []
    before = content_version()

    page = publish_listing(organisation, "Tischtennis", action_field)

    assert found("Tischtennis") == [page.pk]
    assert found_in_admin("Tischtennis") == [page.pk]
    assert (type(action_field), str(action_field.pk)) in referenced_from(page)
    assert content_version() != before
