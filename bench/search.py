"""Search benchmark: server time and SQL queries per search, and indexing throughput.

Builds a throw-away database like ``bench/run.py`` (SQLite in a temporary folder, or the
PostgreSQL database given with ``--database-url``, dropped and created anew), loads the
demo in all seven languages, then grows it to each size in ``--sizes`` with generated
listings translated into every language. After each step it rebuilds the analysed search
index (listing pages per second) and measures a fixed set of queries in all seven
languages twice: the search function alone (``search.query.search_listings``) and the whole
search page (``/<lang>/suche/?q=``) through ``django.test.Client``, with SQL queries per
request, both in the steady state and right after a content change (see ``measure``), and
the peak memory of the process. Writes ``bench/results-search.md`` (``-postgresql`` with
``--database-url``).

    .venv/bin/python bench/search.py                  # 300, 3,000 and 30,000 listings
    .venv/bin/python bench/search.py --sizes 300,3000
"""

import argparse
import io
import resource
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import (  # noqa: E402
    ROOT,
    benchmark_database,
    machine_description,
    percentile_95,
)

LANGUAGES = ("de", "en", "ar", "fa", "uk", "ru", "tr")
QUERIES = [
    ("de", "Beratung"),
    ("de", "Wo kann ich Deutsch lernen?"),
    ("de", "Intgrationskurs"),
    ("de", "Wohnung Mietvertrag"),
    ("en", "where can I learn German?"),
    ("en", "residence permit"),
    ("ar", "دورات الاندماج"),
    ("ar", "Jobcenter"),
    ("fa", "Aufenthaltstitel"),
    ("uk", "оренда житла"),
    ("ru", "Bürgergeld"),
    ("tr", "Integrationskurs"),
]
WARMUP = 2


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="", help="PostgreSQL database to recreate")
    parser.add_argument("--sizes", default="300,3000,30000", help="German listing totals")
    parser.add_argument("--requests", type=int, default=10, help="rounds over the query set")
    parser.add_argument("--output", default="", help="Markdown file to write")
    args = parser.parse_args(argv)
    args.sizes = sorted({int(size) for size in args.sizes.split(",") if size.strip()})
    return args


def _timed_get(client, url: str) -> tuple[float, int]:
    """(ms, SQL queries) of one request; stops the benchmark on anything but a 200."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()  # the query log holds 9,000 entries; a full one counts nothing
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return elapsed, len(captured.captured_queries)


def measure(rounds: int) -> dict:
    """p50/p95 of the search function and of the search page, and queries per page.

    The page is measured twice: as it is served most of the time (the directory snapshot
    and the rendered cards in memory) and right after a content change (every request
    first outdates the content version, so it rebuilds the locale's snapshot and renders
    all its cards: the worst case, as after each publish).
    """
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Locale

    from base.content_cache import content_changed
    from search.query import search_listings

    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    client = Client()
    times: dict[str, list[float]] = {"function": [], "page": [], "changed": []}
    queries: dict[str, list[int]] = {"page": [], "changed": []}
    for round_number in range(WARMUP + rounds):
        for language, query in QUERIES:
            with translation.override(language):
                url = f"{reverse('search')}?{urlencode({'q': query})}"
            content_changed()
            changed_ms, changed_queries = _timed_get(client, url)
            # Now this language's snapshot and this page's cards are in memory.
            page_ms, page_queries = _timed_get(client, url)
            started = time.perf_counter()
            search_listings(query, locale=locales[language])
            function_ms = (time.perf_counter() - started) * 1000
            if round_number >= WARMUP:
                times["function"].append(function_ms)
                times["page"].append(page_ms)
                times["changed"].append(changed_ms)
                queries["page"].append(page_queries)
                queries["changed"].append(changed_queries)
    result = {}
    for name, values in times.items():
        result[f"{name}_p50"] = statistics.median(values)
        result[f"{name}_p95"] = percentile_95(values)
    for name, values in queries.items():
        low, high = min(values), max(values)
        result[f"{name}_queries"] = str(low) if low == high else f"{low}–{high}"
    return result


def reindex() -> tuple[int, float]:
    """Rebuild the analysed index; (listing pages, seconds)."""
    from search.indexing import rebuild_index

    started = time.perf_counter()
    pages = rebuild_index()
    return pages, time.perf_counter() - started


def main(argv=None) -> int:
    args = parse_args(argv)
    with benchmark_database(args.database_url, "wegweiser-bench-search-"):
        from django.core.management import call_command
        from wagtail.models import Locale

        from bench.generate import generate_listings
        from directory.models import ListingPage

        call_command("migrate", verbosity=0, interactive=False)
        started = time.perf_counter()
        call_command("load_demo", stdout=io.StringIO())
        print(f"Demo content (7 languages) loaded in {time.perf_counter() - started:.0f} s")
        german = Locale.objects.get(language_code="de")

        rows = []
        steps = [0, *args.sizes]
        for size in steps:
            existing = ListingPage.objects.filter(locale=german).count()
            if size > existing:
                print(f"Generating {size - existing} listings in {len(LANGUAGES)} languages ...")
                started = time.perf_counter()
                generate_listings(size - existing, locales=LANGUAGES, index=False)
                print(f"  generated in {time.perf_counter() - started:.0f} s")
            elif size:
                print(f"Skipping size {size}: the database has {existing} listings")
                continue
            listings = ListingPage.objects.filter(locale=german).count()
            pages, seconds = reindex()
            numbers = measure(args.requests)
            row = (
                f"| {listings} | {pages} | {pages / seconds:,.0f} "
                f"| {numbers['function_p50']:.1f} | {numbers['function_p95']:.1f} "
                f"| {numbers['page_p50']:.1f} | {numbers['page_p95']:.1f} "
                f"| {numbers['page_queries']} "
                f"| {numbers['changed_p50']:.1f} | {numbers['changed_p95']:.1f} "
                f"| {numbers['changed_queries']} "
                f"| {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} |"
            )
            print(row)
            rows.append(row)

        lines = [
            "# Search benchmark",
            "",
            *machine_description(),
            f"- {len(QUERIES)} queries in {len(LANGUAGES)} languages, {args.requests} rounds "
            f"after {WARMUP} warm-up rounds; times in ms",
            "",
            "| German listings | listing pages indexed (all languages) | pages indexed per s "
            "| function p50 | function p95 | page p50 | page p95 | SQL queries per page "
            "| page after a change p50 | p95 | SQL queries | peak memory of the process (MB) |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            *rows,
            "",
        ]
        default = "results-search-postgresql.md" if args.database_url else "results-search.md"
        output = Path(args.output) if args.output else ROOT / "bench" / default
        output.write_text("\n".join(lines), encoding="utf-8")
        print(f"Written to {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
