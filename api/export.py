"""The whole directory as HSDS JSON files, in a stable order, readable by ``import_hsds``."""

import json
from pathlib import Path

from wagtail.models import Locale

from api import hsds
from api.models import HsdsRecord
from api.queries import localized_listings, localized_organisations

CHUNK = 200
FILES = ("services.json", "organizations.json", "taxonomies.json", "locations.json")


def kept(kind: str) -> list[dict]:
    """Records of ``kind`` an import kept that no page shows (foreign taxonomies, locations)."""
    return [r.record for r in HsdsRecord.objects.filter(kind=kind).order_by("hsds_id")]


def export_data(locale: Locale, progress=None) -> dict[str, object]:
    """File name → content: services (full), organizations, taxonomies with their terms, and
    locations that came without a service.

    ``progress(done, total)`` is called after each chunk of services."""
    catalog = hsds.Catalog.load(locale)
    ids = list(localized_listings(locale).order_by("external_id").values_list("id", flat=True))
    services = []
    for start in range(0, len(ids), CHUNK):
        services += [
            hsds.service_to_hsds(listing, catalog)
            for listing in hsds.load_listings(ids[start : start + CHUNK])
        ]
        if progress is not None:
            progress(len(services), len(ids))
    services.sort(key=lambda s: s["id"])
    organizations = sorted(
        (hsds.organization_to_hsds(org) for org in localized_organisations(locale)),
        key=lambda o: o["id"],
    )
    taxonomies = {
        "taxonomies": [hsds.taxonomy_to_hsds(slug) for slug in hsds.TAXONOMIES] + kept("taxonomy"),
        "taxonomy_terms": [hsds.term_to_hsds(*key, catalog) for key in catalog.terms()]
        + kept("taxonomy_term"),
    }
    locations = kept("location")
    return dict(zip(FILES, (services, organizations, taxonomies, locations), strict=True))


def write_export(locale: Locale, directory, progress=None) -> dict[str, int]:
    """Write the files into ``directory``; return the number of items per file."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, content in export_data(locale, progress).items():
        text = json.dumps(content, ensure_ascii=False, indent=2, sort_keys=True)
        (directory / name).write_text(text + "\n", encoding="utf-8")
        counts[name] = len(content) if isinstance(content, list) else len(content["taxonomy_terms"])
    return counts
