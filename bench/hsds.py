"""Open data benchmark: HSDS import throughput and API response times.

On a throw-away database (SQLite in a temporary folder, or ``--database-url`` PostgreSQL,
dropped and created anew): a German site, then ``--services`` generated HSDS services (default
3,000, under 60 organisations) imported in one ``import_hsds`` run, then imported again (no
change), then ``/api/hsds/services?search=...`` requested through ``django.test.Client``.
``--languages de,en,ar`` also synchronises those locales first, so each import makes alias
copies in them as in production. Results go to ``bench/results-hsds.md``.

    .venv/bin/python bench/hsds.py
    .venv/bin/python bench/hsds.py --services 300 --languages de,en,ar
"""

import argparse
import platform
import statistics
import sys
import time
import uuid
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import benchmark_database, percentile_95  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ACTION_FIELDS = [
    "sprache",
    "arbeit-ausbildung",
    "jugend-soziales",
    "wohnen-nachbarschaft",
    "schule-bildung",
    "interkulturelle-arbeit",
]
TOPICS = [
    "Deutschkurs",
    "Beratung",
    "Sprachcafé",
    "Bewerbungstraining",
    "Hausaufgabenhilfe",
    "Mieterberatung",
    "Frauentreff",
    "Jugendclub",
    "Nähwerkstatt",
    "Rechtsberatung",
]
DISTRICTS = ["Altstadt", "Stadtfeld", "Sudenburg", "Neustadt", "Olvenstedt", "Buckau"]
SEARCHES = ["Deutschkurs", "Beratung Wohnung", "Sprachcafe", "Jugend", "Frauen Treff"]


def generated_services(count: int) -> list[dict]:
    """``count`` valid HSDS services with stable ids, rows and action fields."""
    from api import hsds

    services = []
    for n in range(count):
        service_id = hsds.stable_id("bench", n)
        org_id = hsds.stable_id("bench-org", n % 60)
        topic = TOPICS[n % len(TOPICS)]
        district = DISTRICTS[n % len(DISTRICTS)]
        code = ACTION_FIELDS[n % len(ACTION_FIELDS)]
        location_id, sal_id = hsds.location_ids(service_id, 0)
        services.append(
            {
                "id": service_id,
                "name": f"{topic} {district} {n}",
                "description": f"{topic} in {district}: offen für alle, kostenlos, mit Termin.",
                "status": "active",
                "organization": {
                    "id": org_id,
                    "name": f"Träger {n % 60}",
                    "description": "Ein Träger der Integrationsarbeit.",
                },
                "attributes": [
                    {
                        "id": str(uuid.uuid4()),
                        "taxonomy_term": {
                            "id": hsds.term_id("action-fields", code),
                            "code": code,
                            "name": code,
                            "description": code,
                            "taxonomy": "action-fields",
                        },
                    }
                ],
                "languages": [{"id": str(uuid.uuid4()), "code": c} for c in ("ar", "uk")],
                "schedules": [
                    {
                        "id": str(uuid.uuid4()),
                        "byday": day,
                        "opens_at": "09:00",
                        "closes_at": "12:00",
                    }
                    for day in ("MO", "TH")
                ],
                "contacts": [
                    {
                        "id": str(uuid.uuid4()),
                        "name": "Beratungsteam",
                        "email": f"team{n}@example.org",
                    }
                ],
                "service_at_locations": [
                    {
                        "id": sal_id,
                        "location": {
                            "id": location_id,
                            "location_type": "physical",
                            "latitude": 52.1 + (n % 100) / 1000,
                            "longitude": 11.6 + (n % 70) / 1000,
                            "addresses": [
                                {
                                    "id": str(uuid.uuid4()),
                                    "address_1": f"Breiter Weg {n}",
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
            }
        )
    return services


def build_site(languages: list[str]) -> None:
    """A German home page and directory (the default site), and the synced locales."""
    from wagtail.models import Site

    from base.i18n import ensure_synced_locale
    from directory.factories import DirectoryIndexPageFactory
    from home.factories import HomePageFactory

    home = HomePageFactory()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    DirectoryIndexPageFactory(parent=home)
    for code in languages:
        if code != "de":
            ensure_synced_locale(code)


def measure_api(requests: int) -> list[tuple[str, float, float, int]]:
    """(URL, median ms, p95 ms, queries) for the search and list requests."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    urls = [f"/api/hsds/services?search={q}" for q in SEARCHES]
    urls += ["/api/hsds/services?per_page=100&full=true", "/api/hsds/service_at_locations"]
    rows = []
    for url in urls:
        client.get(url)
        times = []
        for _ in range(requests):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, url
        rows.append(
            (url, statistics.median(times), percentile_95(times), len(captured.captured_queries))
        )
        print(
            f"  {url:<50} median {rows[-1][1]:7.1f} ms  p95 {rows[-1][2]:7.1f} ms  "
            f"{rows[-1][3]} queries"
        )
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, default=3000)
    parser.add_argument("--languages", default="de", help="locales to sync first (default de)")
    parser.add_argument("--requests", type=int, default=30, help="requests per API URL")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results-hsds.md"))
    args = parser.parse_args(argv)
    # The database lives as long as this function runs.
    database = ExitStack()
    database.enter_context(benchmark_database(args.database_url, "wegweiser-bench-hsds-"))
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    languages = [c.strip() for c in args.languages.split(",") if c.strip()]
    build_site(languages)

    from api.importer import Importer

    services = generated_services(args.services)
    print(f"Importing {len(services)} services ({', '.join(languages)}) ...")
    started = time.perf_counter()
    report = Importer("de").run(services)
    first = time.perf_counter() - started
    assert report.ok and report.created == len(services), report.errors[:3]
    print(f"  first import: {first:.1f} s, {len(services) / first:.1f} services/s")
    started = time.perf_counter()
    again = Importer("de").run(services)
    second = time.perf_counter() - started
    assert again.unchanged == len(services)
    print(f"  re-import (no change): {second:.1f} s, {len(services) / second:.1f} services/s")
    print("API:")
    rows = measure_api(args.requests)

    engine = "PostgreSQL" if args.database_url else "SQLite"
    lines = [
        "# Open data benchmark (HSDS)",
        "",
        f"{datetime.now():%Y-%m-%d %H:%M}, {engine}, Python {platform.python_version()}, "
        f"{platform.machine()}; `bench/hsds.py --services {args.services} "
        f"--languages {','.join(languages)}`",
        "",
        "| step | services | seconds | services/s |",
        "|---|---:|---:|---:|",
        f"| import (all new) | {len(services)} | {first:.1f} | {len(services) / first:.1f} |",
        f"| re-import (unchanged) | {len(services)} | {second:.1f} | "
        f"{len(services) / second:.1f} |",
        "",
        f"| API request ({args.requests} each) | median ms | p95 ms | queries |",
        "|---|---:|---:|---:|",
        *[f"| `{u}` | {m:.1f} | {p:.1f} | {q} |" for u, m, p, q in rows],
        "",
    ]
    Path(args.output).write_text("\n".join(lines), encoding="utf-8")
    print(f"Written to {args.output}")
    database.close()


if __name__ == "__main__":
    main()
