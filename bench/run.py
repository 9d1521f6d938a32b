"""Server-side benchmark of the public pages: time, SQL queries and size per request.

Runs on a throw-away database (SQLite in a temporary folder by default, or the PostgreSQL
database given with ``--database-url``, dropped and created anew), migrates it, loads the
demo content (scenario A) and then grows it with generated listings (scenario B, one row per
size in ``--sizes``). Each page is requested through ``django.test.Client``: no network, no
browser, only what the server spends. Results are printed as a Markdown table and written
to ``bench/results.md`` (``bench/results-postgresql.md`` for PostgreSQL).

    .venv/bin/python bench/run.py
    .venv/bin/python bench/run.py --sizes 300,3000
    .venv/bin/python bench/run.py --database-url postgres://postgres@127.0.0.1:5432/bench
"""

import argparse
import io
import os
import platform
import statistics
import sys
import tempfile
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARMUP = 3


@dataclass
class Measurement:
    """Numbers for one page in one scenario."""

    scenario: str
    listings: int
    page: str
    url: str
    status: int
    median_ms: float
    p95_ms: float
    cpu_ms: float
    queries: list[int]
    size_kb: float

    @property
    def queries_label(self) -> str:
        low, high = min(self.queries), max(self.queries)
        return str(low) if low == high else f"{low}–{high}"


def parse_args(argv=None):
    """The command line options (sizes come back as a sorted list of ints)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default="",
        help="PostgreSQL database to drop, create and use (default: SQLite in a temporary folder)",
    )
    parser.add_argument(
        "--sizes",
        default="3000",
        help="comma-separated totals of German listings for scenario B (default: 3000)",
    )
    parser.add_argument(
        "--requests", type=int, default=50, help="measured requests per page (default: 50)"
    )
    parser.add_argument(
        "--output",
        default="",
        help="Markdown file to write (default: bench/results.md, or "
        "bench/results-postgresql.md with --database-url)",
    )
    args = parser.parse_args(argv)
    args.sizes = sorted({int(size) for size in args.sizes.split(",") if size.strip()})
    return args


def recreate_postgres_database(url: str) -> None:
    """Drop and create the database named in ``url`` so every run starts empty."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    conf = dj_database_url.parse(url)
    name = conf["NAME"]
    if name in ("postgres", "template0", "template1"):
        raise SystemExit(f"Refusing to drop the {name!r} database; name a benchmark database.")
    with psycopg.connect(
        dbname="postgres",
        user=conf["USER"] or None,
        password=conf["PASSWORD"] or None,
        host=conf["HOST"] or None,
        port=conf["PORT"] or None,
        autocommit=True,
    ) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def setup_django(database_url: str) -> None:
    """Point Django at the benchmark database (before setup) and start it."""
    os.environ["DATABASE_URL"] = database_url
    # The test settings: DEBUG off (as in production) and no outgoing mail.
    os.environ["DJANGO_SETTINGS_MODULE"] = "wegweiser.settings.test"
    sys.path.insert(0, str(ROOT))
    # WhiteNoise warns about a missing STATIC_ROOT; collected static files are not measured.
    warnings.filterwarnings("ignore", message="No directory at", module="whitenoise")
    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()


@contextmanager
def benchmark_database(database_url: str = "", prefix: str = "wegweiser-bench-"):
    """Start Django on an empty benchmark database: the PostgreSQL one named in
    ``database_url`` (dropped and created anew) or a throw-away SQLite file."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        if database_url:
            recreate_postgres_database(database_url)
        else:
            database_url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        setup_django(database_url)
        yield database_url


def percentile_95(values: list[float]) -> float:
    """The 95th percentile (inclusive method, so it stays within the observed range)."""
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def measure(
    client, url: str, requests: int
) -> tuple[int, list[float], list[float], list[int], int]:
    """Request ``url`` WARMUP + ``requests`` times.

    Returns the last status, wall-clock and CPU times in ms, query counts and the last size.
    The CPU time of this process stays meaningful on a busy machine, where wall-clock time
    includes waiting for a core; it covers SQLite's work but not PostgreSQL's.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARMUP):
        client.get(url)
    times, cpu_times, queries = [], [], []
    status = size = 0
    for _ in range(requests):
        with CaptureQueriesContext(connection) as captured:
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            cpu_times.append((time.process_time() - cpu_started) * 1000)
        queries.append(len(captured.captured_queries))
        status, size = response.status_code, len(response.content)
    return status, times, cpu_times, queries, size


def pages_to_measure() -> list[tuple[str, str]]:
    """(name, URL) of the measured pages; picked from the demo so every scenario has them."""
    from wagtail.models import Locale

    from directory.models import ListingPage, OrganisationPage

    german = Locale.objects.get(language_code="de")
    listing = ListingPage.objects.live().filter(locale=german).order_by("id").first()
    organisation = OrganisationPage.objects.live().filter(locale=german).order_by("id").first()
    if listing is None or organisation is None:
        raise SystemExit("load_demo made no listing or organisation; nothing to measure.")
    return [
        ("Home", "/de/"),
        ("Directory", "/de/angebote/"),
        ("Directory, filtered", "/de/angebote/?action_field=sprache&free=1"),
        ("Listing", listing.specific.url),
        ("Organisation", organisation.url),
        ("Search", "/de/suche/?q=Beratung"),
    ]


def run_scenario(name: str, pages, requests: int) -> list[Measurement]:
    """Measure every page once in the database's current state."""
    from django.test import Client
    from wagtail.models import Locale

    from directory.models import ListingPage

    # All German listings, ended and closed ones included, as in --sizes.
    listings = ListingPage.objects.filter(locale=Locale.objects.get(language_code="de")).count()
    client = Client()
    results = []
    for page, url in pages:
        status, times, cpu_times, queries, size = measure(client, url, requests)
        result = Measurement(
            name,
            listings,
            page,
            url,
            status,
            statistics.median(times),
            percentile_95(times),
            statistics.median(cpu_times),
            queries,
            size / 1024,
        )
        results.append(result)
        print(
            f"  {page:<20} {result.median_ms:7.1f} ms (p95 {result.p95_ms:7.1f}, "
            f"CPU {result.cpu_ms:6.1f})  "
            f"{result.queries_label:>5} queries  {result.size_kb:6.1f} KB  [{status}]"
        )
        if status != 200:
            print(f"WARNING: {url} answered {status}, not 200")
    return results


def machine_description() -> list[str]:
    """Lines describing where the numbers were taken."""
    import django
    import wagtail
    from django.db import connection

    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = os.getloadavg()[0]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            cursor.execute("SELECT sqlite_version()")
            database = f"SQLite {cursor.fetchone()[0]}"
    return [
        f"- Date: {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- Machine: {os.cpu_count()} CPUs (nproc){f', {cpu}' if cpu else ''}, "
        f"{platform.system()} {platform.machine()}",
        f"- Python {platform.python_version()}, Django {django.get_version()}, "
        f"Wagtail {wagtail.__version__}",
        f"- Database: {database}",
        # Times are only comparable on an otherwise idle machine; this shows whether it was.
        f"- Load average before measuring: {load:.2f} (1 min)",
    ]


def markdown(
    results: list[Measurement], machine: list[str], notes: list[str], requests: int
) -> str:
    """The results as a Markdown document."""
    lines = [
        "# Benchmark: server time per request",
        "",
        "Made by `make bench` (`bench/run.py`). Times are measured around "
        "`django.test.Client.get` (server side only: no network, no browser), "
        f"{requests} requests per page after {WARMUP} warm-up requests; CPU ms is the "
        "median CPU time of the benchmark process (includes SQLite's work, not "
        "PostgreSQL's) and is less disturbed by other load on the machine. "
        "Scenario A is the demo content (`load_demo`); scenario B adds generated listings "
        "(`bench/generate.py`) up to the stated number of German listings.",
        "",
        *machine,
        *notes,
        "",
        "| Scenario | Listings (de) | Page | Median ms | p95 ms | CPU ms | SQL queries | KB |",
        "|---|---:|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        status = "" if r.status == 200 else f" (HTTP {r.status})"
        lines.append(
            f"| {r.scenario} | {r.listings} | {r.page}{status} | {r.median_ms:.1f} | "
            f"{r.p95_ms:.1f} | {r.cpu_ms:.1f} | {r.queries_label} | {r.size_kb:.1f} |"
        )
    return "\n".join(lines) + "\n"


def compare_query_counts(results: list[Measurement]) -> list[str]:
    """Warnings for directory pages whose query count changes with the amount of content.

    The fewest queries per page are compared: short-lived caches (such as the taxonomy
    labels) add a few queries to the odd request whenever they refill, whatever the size.
    """
    warnings_found = []
    baseline = {r.page: r for r in results if r.scenario == "A"}
    for r in results:
        base = baseline.get(r.page)
        if r.scenario == "A" or base is None or not r.page.startswith("Directory"):
            continue
        if min(r.queries) != min(base.queries):
            warnings_found.append(
                f"WARNING: {r.page} makes {r.queries_label} queries with {r.listings} "
                f"listings but {base.queries_label} with {base.listings} (scenario A)."
            )
    return warnings_found


def main(argv=None) -> int:
    """Build the database, measure both scenarios and write the Markdown report."""
    args = parse_args(argv)
    with benchmark_database(args.database_url):
        from django.core.management import call_command
        from wagtail.models import Locale, Page

        from bench.generate import generate_listings
        from directory.models import ListingPage

        started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        print(f"Migrated in {time.perf_counter() - started:.0f} s")
        started = time.perf_counter()
        call_command("load_demo", stdout=io.StringIO())
        print(f"Demo content loaded in {time.perf_counter() - started:.0f} s")

        pages = pages_to_measure()
        machine = machine_description()
        print("Scenario A: demo content")
        results = run_scenario("A", pages, args.requests)
        notes = []
        for size in args.sizes:
            existing = ListingPage.objects.filter(
                locale=Locale.objects.get(language_code="de")
            ).count()
            if size <= existing:
                print(f"Skipping size {size}: the database already has {existing} listings")
                continue
            print(f"Generating {size - existing} listings ...")
            generated = generate_listings(size - existing, progress=print)
            problems = Page.find_problems()
            if any(problems):
                raise SystemExit(f"The page tree has problems after generating: {problems}")
            notes.append(
                f"- Generated {generated.listings} listings in "
                f"{generated.organisations} organisations in "
                f"{generated.seconds:.0f} s (page tree checked: no problems)"
            )
            print(f"Scenario B: {size} listings")
            results += run_scenario("B", pages, args.requests)

        warnings_found = compare_query_counts(results)
        for line in warnings_found:
            print(line)
        notes += [f"- {line}" for line in warnings_found]
        document = markdown(results, machine, notes, args.requests)
        print()
        print(document)
        output = (
            Path(args.output)
            if args.output
            else ROOT / "bench" / ("results-postgresql.md" if args.database_url else "results.md")
        )
        output.write_text(document, encoding="utf-8")
        print(f"Written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
