"""The coordinator's dashboard charts: the numbers behind each bar, drawn as SVG in the admin."""

import datetime
import re

import pytest
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from directory.factories import (
    DistrictFactory,
    ListingLocationFactory,
    OrganisationPageFactory,
    ServicePageFactory,
)
from partners import charts
from search.models import FailedSearch

pytestmark = pytest.mark.django_db


def figure(html: str, slug: str) -> str:
    match = re.search(rf'<figure[^>]*data-chart="{slug}".*?</figure>', html, re.S)
    assert match, f"no chart {slug!r} on the dashboard"
    return match.group(0)


def table_row(figure_html: str, label: str) -> list[int]:
    """The numbers of one row of the chart's table, in the legend's order."""
    match = re.search(rf"<tr><th scope=\"row\">{re.escape(label)}</th>(.*?)</tr>", figure_html)
    assert match, f"no row {label!r}"
    return [int(cell) for cell in re.findall(r"<td>(\d+)</td>", match.group(1))]


def values(chart, label):
    return next(row.values for row in chart.rows if row.label == label)


def test_coordinators_see_five_charts_with_tables_and_partners_see_none(client, world):
    client.force_login(world.coordinator)
    html = client.get("/admin/").content.decode()
    for slug in ("coverage", "freshness", "failed-searches", "action-fields"):
        assert "<svg" in figure(html, slug)
    assert "Noch kein Angebot hat einen Ort." in figure(html, "districts")  # the admin in German
    assert "<details>" in figure(html, "coverage")

    client.force_login(world.editor_a)
    html = client.get("/admin/").content.decode()
    assert "data-chart=" not in html


def test_translation_coverage_counts_translations_aliases_and_outdated_pages(client, world):
    arabic_label = str(world.arabic.get_display_name())
    chart = charts.translation_coverage()
    arabic, english = (
        values(chart, arabic_label),
        values(chart, str(world.english.get_display_name())),
    )
    # English copies are aliases only: every German page counts as missing there.
    assert english.get("up_to_date", 0) == 0 and english["missing"] >= 4
    # Both listings were translated into Arabic in the admin.
    assert arabic["up_to_date"] == 2
    assert arabic["missing"] == english["missing"] - 2

    # Publishing the German listing again makes its Arabic translation outdated.
    world.listing_a.save_revision().publish()
    arabic = values(charts.translation_coverage(), arabic_label)
    assert arabic["outdated"] == 1 and arabic["up_to_date"] == 1

    client.force_login(world.coordinator)
    html = client.get("/admin/").content.decode()
    assert table_row(figure(html, "coverage"), arabic_label)[:2] == [1, 1]


def test_freshness_sorts_organisations_needing_attention_first(german_world):
    today = timezone.localdate()
    org_c = OrganisationPageFactory(parent=german_world.directory, title="Jobcenter", slug="jc")
    ServicePageFactory(parent=org_c, last_reviewed=today - datetime.timedelta(days=340))
    ServicePageFactory(
        parent=german_world.org_b, last_reviewed=today - datetime.timedelta(days=400)
    )
    ServicePageFactory(parent=german_world.org_b, title="Entwurf", live=False)

    chart = charts.freshness_by_organisation(today)
    assert [row.label for row in chart.rows] == ["AWO", "Jobcenter", "Caritas"]
    assert values(chart, "AWO") == {"fresh": 1, "stale": 1}  # the draft is not counted
    assert values(chart, "Jobcenter") == {"due": 1}
    assert values(chart, "Caritas") == {"fresh": 1}


def test_searches_without_results_are_summed_per_week_for_twelve_weeks():
    today = datetime.date(2026, 12, 9)  # a Wednesday
    FailedSearch.objects.create(query="wohnung", language="de", day=today, count=3)
    FailedSearch.objects.create(query="سكن", language="ar", day=today, count=2)
    FailedSearch.objects.create(
        query="wohnung", language="de", day=datetime.date(2026, 12, 7), count=1
    )
    FailedSearch.objects.create(
        query="kita", language="de", day=datetime.date(2026, 12, 6), count=4
    )  # the Sunday of the week before
    FailedSearch.objects.create(
        query="alt", language="de", day=datetime.date(2026, 9, 1), count=50
    )  # older than twelve weeks

    chart = charts.failed_searches_per_week(today)
    counts = [row.values["failed"] for row in chart.rows]
    assert len(counts) == 12
    assert counts[-1] == 6 and counts[-2] == 4 and sum(counts) == 10


def test_listings_are_counted_once_per_action_field_and_district(german_world):
    altstadt = DistrictFactory(code="altstadt", name="Altstadt")
    DistrictFactory(code="sudenburg", name="Sudenburg")  # no listing: no bar
    listing = ServicePageFactory(parent=german_world.org_a, action_fields=["sprache", "arbeit"])
    ListingLocationFactory(page=listing, district=altstadt)
    ListingLocationFactory(page=listing, district=altstadt)  # a second place, same district
    ListingLocationFactory(page=german_world.listing_b)  # no district

    by_field = charts.listings_per_action_field()
    sprache = next(row for row in by_field.rows if row.values["listings"] == 3)
    assert sprache.label  # the German name of "sprache"
    assert sum(row.values["listings"] for row in by_field.rows) == 4

    with translation.override("de"):
        districts = charts.listings_per_district()
    assert [(row.label, row.values["listings"]) for row in districts.rows] == [
        ("Altstadt", 1),
        ("kein Stadtteil angegeben", 1),
    ]


def test_bars_grow_from_the_right_in_arabic_and_labels_are_escaped(client, german_world):
    hostile = OrganisationPageFactory(
        parent=german_world.directory, title="<script>x</script>", slug="x"
    )
    ServicePageFactory(parent=hostile)
    chart = charts.listings_per_action_field()
    with translation.override("ar"):
        chart.layout(rtl=True)
    bar = next(bar for bar in chart.bars if bar["segments"])
    segment = bar["segments"][0]
    assert segment["x"] + segment["width"] <= charts.WIDTH - charts.LABEL_WIDTH + 0.5
    assert bar["label_anchor"] == "start" and bar["value_x"] < segment["x"]

    profile = UserProfile.get_for_user(german_world.coordinator)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(german_world.coordinator)
    html = client.get("/admin/").content.decode()
    assert "<script>x</script>" not in html
    assert 'text-anchor="start"' in figure(html, "action-fields")
