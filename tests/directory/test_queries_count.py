"""The number of SQL queries per page stays fixed however many listings or rows it shows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from base.content_cache import content_changed
from directory.factories import (
    ClosureFactory,
    DistrictFactory,
    ListingContactFactory,
    ListingLocationFactory,
    OpeningHoursFactory,
    ServicePageFactory,
)
from directory.models import Weekday


def full_listing(organisation, district, rows=1, **kwargs):
    """A listing with ``rows`` locations, opening hours, closures and contacts."""
    listing = ServicePageFactory(
        parent=organisation,
        action_fields=["sprache", "schule-bildung"],
        target_groups=["frauen"],
        languages=["ar", "fa"],
        **kwargs,
    )
    today = timezone.localdate()
    for n in range(rows):
        ListingLocationFactory(page=listing, district=district, wheelchair_accessible=True)
        OpeningHoursFactory(
            page=listing, weekday=Weekday(n % 7), opens=datetime.time(9), closes=datetime.time(12)
        )
        ClosureFactory(
            page=listing,
            start_date=today + datetime.timedelta(days=10 * (n + 1)),
            end_date=today + datetime.timedelta(days=10 * (n + 1) + 2),
        )
        ListingContactFactory(page=listing)
    return listing


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def cold_count(client, url):
    """Queries of a request right after a content change: nothing cached about the content."""
    content_changed()
    return count_queries(client, url)


@pytest.fixture
def district(db):
    return DistrictFactory(code="altstadt", name="Altstadt")


def test_directory_page_queries_do_not_grow_with_the_listings_shown(
    client, directory_page, organisation, district, django_assert_num_queries
):
    urls = [
        directory_page.url,
        f"{directory_page.url}?action_field=sprache&language=ar&free=1&district=altstadt",
    ]
    for n in range(5):
        full_listing(organisation, district, title=f"Angebot {n:02d}")
    client.get(urls[0])  # warm the site and locale caches
    with_five = [(cold_count(client, url), count_queries(client, url)) for url in urls]

    for n in range(5, 20):
        full_listing(organisation, district, title=f"Angebot {n:02d}")
    for url, (cold, warm) in zip(urls, with_five, strict=True):
        # On failure, pytest-django lists the queries, which shows the one that repeats.
        content_changed()
        with django_assert_num_queries(cold):
            assert client.get(url).status_code == 200
        with django_assert_num_queries(warm):
            assert client.get(url).status_code == 200


def test_listing_page_queries_do_not_grow_with_its_rows(
    client, organisation, district, django_assert_num_queries
):
    one_row = full_listing(organisation, district, rows=1, keywords=["Deutschkurs"])
    five_rows = full_listing(organisation, district, rows=5, keywords=["Deutschkurs", "Asyl"])
    client.get(one_row.url)  # warm the site and locale caches

    with django_assert_num_queries(count_queries(client, one_row.url)):
        assert client.get(five_rows.url).status_code == 200


def test_organisation_page_queries_do_not_grow_with_its_listings(client, organisation, district):
    full_listing(organisation, district)
    client.get(organisation.url)  # warm the site and locale caches
    with_one = (cold_count(client, organisation.url), count_queries(client, organisation.url))

    for _ in range(4):
        full_listing(organisation, district)
    with_five = (cold_count(client, organisation.url), count_queries(client, organisation.url))
    # Right after a change (cards rendered anew) and once the cards are cached.
    assert with_five == with_one
    assert with_one[1] < with_one[0]
