"""An organisation or listing removed in German is removed in every language, and its editors
lose their rights (before, the copies stayed live and the group kept its rights)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page

from tests.partners.conftest import copies

pytestmark = pytest.mark.django_db


def test_deleting_a_german_organisation_deletes_it_in_every_language(client, world):
    org_copies = [page.pk for page in copies(world.org_a)]
    listing_copies = [page.pk for page in copies(world.listing_a)]
    assert len(org_copies) == 3 and len(listing_copies) == 3
    public_urls = [Page.objects.get(pk=pk).url for pk in listing_copies]
    group = world.partner_a.group
    client.force_login(world.coordinator)
    response = client.post(f"/admin/pages/{world.org_a.pk}/delete/")
    assert response.status_code == 302
    assert not Page.objects.filter(pk__in=org_copies + listing_copies).exists()
    for url in public_urls:
        assert client.get(url).status_code == 404, url
    assert not Group.objects.filter(pk=group.pk).exists()
    assert not GroupPagePermission.objects.filter(group_id=group.pk).exists()
    world.editor_a.refresh_from_db()
    assert not world.editor_a.groups.exists()
    # The other organisation is untouched in every language.
    assert len(copies(world.org_b)) == 3 and len(copies(world.listing_b)) == 3


def test_unpublishing_a_german_listing_unpublishes_it_in_every_language(client, world):
    urls = [page.url for page in copies(world.listing_a)]
    client.force_login(world.coordinator)
    response = client.post(f"/admin/pages/{world.listing_a.pk}/unpublish/")
    assert response.status_code == 302
    assert not any(page.live for page in copies(world.listing_a))
    client.logout()
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert all(page.live for page in copies(world.listing_b))


def test_a_listing_deleted_by_any_route_goes_in_every_language(world):
    keys = [page.pk for page in copies(world.listing_a)]
    Page.objects.get(pk=world.listing_a.pk).delete()
    assert not Page.objects.filter(pk__in=keys).exists()
    assert len(copies(world.listing_b)) == 3


def test_deleting_a_translation_keeps_the_german_page(world):
    arabic = next(p for p in copies(world.listing_a) if p.locale.language_code == "ar")
    arabic.delete()
    assert Page.objects.filter(pk=world.listing_a.pk, live=True).exists()
