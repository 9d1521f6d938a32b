"""Load test: gunicorn with the production settings under 50 concurrent visitors (locust).

``make bench-load`` (or ``.venv/bin/python bench/load.py [--database-url postgres://…]``):

1. builds a site on an empty database (SQLite in a temporary folder, or the PostgreSQL
   database named, dropped and created anew): the demo, plus generated listings up to
   3,000 German ones, each translated into every other language;
2. starts gunicorn (4 workers, ``wegweiser.settings.production``, WhiteNoise serving the
   collected static files, the shared Redis cache) on a free loopback port;
3. runs locust headless (``bench/locustfile.py``): 50 visitors for 60 s, bounded also in
   requests, mixing home, directory with filters, listing, search, suggestions and API in
   every language;
4. 20 s into the run, publishes a change to a listing and measures how long until every
   one of 40 consecutive requests (spread over all workers) shows it;
5. writes requests/s, p50/p95/p99 and errors per kind of request to
   ``bench/results-load.md`` (``-postgresql`` with ``--database-url``).

The public rate limits are switched off for the run (one address makes every request; the
test measures capacity, not the limits). Loopback only: nothing leaves the machine.
"""

import argparse
import csv
import os
import platform
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.run import recreate_postgres_database  # noqa: E402

BIN = Path(sys.executable).parent
QUERIES = {
    "de": ["Deutschkurs", "Beratung Aufenthalt", "Kita", "Arbeit finden", "Aufenthaltstitel"],
    "en": ["german course", "residence advice", "job", "housing", "women"],
    "ar": ["دورة اللغة الألمانية", "استشارة", "عمل", "سكن", "إقامة"],
    "fa": ["کلاس زبان آلمانی", "مشاوره", "کار", "مسکن", "اقامت"],
    "uk": ["курс німецької", "консультація", "робота", "житло", "дозвіл на проживання"],
    "ru": ["курс немецкого", "консультация", "работа", "жильё", "вид на жительство"],
    "tr": ["Almanca kursu", "danışmanlık", "iş", "konut", "oturum izni"],
}
FILTERS = ["action_field=sprache", "action_field=arbeit&free=1", "free=1", "action_field=wohnen"]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="", help="PostgreSQL database (default: SQLite)")
    parser.add_argument("--listings", type=int, default=3000, help="German listings in all")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--max-requests", type=int, default=60_000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/13")
    parser.add_argument("--output", default="")
    return parser.parse_args(argv)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database_url: str, redis_url: str, static_root: str) -> dict:
    """The production settings, as a city would run them, on loopback without TLS."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wegweiser.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CACHE_URL": redis_url,
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": static_root,
        "RATE_LIMIT_SEARCH": "0",
        "RATE_LIMIT_SUGGESTIONS": "0",
        "RATE_LIMIT_API": "0",
        "RATE_LIMIT_SITEMAP": "0",
        "PYTHONPATH": str(ROOT),
    }


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(  # noqa: S603 (our own fixed arguments)
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


BUILD = """
from bench.generate import generate_listings
from directory.models import ListingPage
from wagtail.models import Locale
german = Locale.objects.get(language_code="de")
missing = {listings} - ListingPage.objects.filter(locale=german).count()
if missing > 0:
    codes = list(Locale.objects.values_list("language_code", flat=True))
    generate_listings(missing, locales=codes)
"""

URLS = """
import json
from django.urls import reverse
from django.utils import translation
from directory.models import DirectoryIndexPage, ListingPage
urls = {{"languages": {{}}, "filters": {filters}}}
queries = {queries}
for directory in DirectoryIndexPage.objects.live().select_related("locale"):
    code = directory.locale.language_code
    listings = ListingPage.objects.live().filter(locale=directory.locale).order_by("?")[:300]
    with translation.override(code):
        search = reverse("search")
    urls["languages"][code] = {{
        "directory": directory.url,
        "search": search,
        "listings": [page.url for page in listings],
        "queries": queries.get(code, queries["de"]),
    }}
print(json.dumps(urls))
"""

PUBLISH = """
from directory.models import ListingPage
page = ListingPage.objects.live().filter(locale__language_code="de").order_by("id").first()
page = page.specific
page.title = "{title}"
page.save_revision().publish()
print(page.url)
"""


def build_site(env: dict, listings: int) -> None:
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    manage(env, "load_demo")
    manage(env, "shell", "--verbosity", "0", "-c", BUILD.format(listings=listings))
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")


def wait_until_up(base: str) -> None:
    for _ in range(300):
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /healthz")


def measure_publish(env: dict, base: str, result: dict, delay: float) -> None:
    """Publish a new title and time until 40 requests in a row (all workers) show it."""
    time.sleep(delay)
    title = f"Lasttest {secrets.token_hex(4)}"
    url = (
        manage(env, "shell", "--verbosity", "0", "-c", PUBLISH.format(title=title))
        .strip()
        .splitlines()[-1]
    )
    published = time.perf_counter()
    in_a_row = 0
    while time.perf_counter() - published < 30:
        with urllib.request.urlopen(base + url, timeout=10) as response:  # noqa: S310
            seen = title in response.read().decode()
        in_a_row = in_a_row + 1 if seen else 0
        if seen and "first_seen" not in result:
            result["first_seen"] = time.perf_counter() - published
        if in_a_row == 1:
            result["all_from"] = time.perf_counter() - published
        if in_a_row >= 40:
            result["reached_every_worker_s"] = result["all_from"]
            return


def read_stats(prefix: Path) -> list[dict]:
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        return list(csv.DictReader(stats))


def markdown(args, label: str, rows: list[dict], publish: dict, seconds: float) -> str:
    lines = [
        f"# Load test ({label})",
        "",
        f"`{' '.join(['.venv/bin/python', 'bench/load.py', *sys.argv[1:]])}` — "
        f"{args.users} visitors, {args.seconds} s (at most {args.max_requests:,} requests), "
        f"gunicorn with {args.workers} workers and the production settings, "
        f"{args.listings:,} German listings each in 7 languages; "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}. "
        f"Measured run: {seconds:.0f} s.",
        "",
        "| request | requests | errors | requests/s | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        name = "**all**" if row["Name"] == "Aggregated" else row["Name"]
        lines.append(
            f"| {name} | {int(row['Request Count']):,} | {int(row['Failure Count']):,} | "
            f"{float(row['Requests/s']):.1f} | {row['50%']} | {row['95%']} | {row['99%']} |"
        )
    reached = publish.get("reached_every_worker_s")
    lines += [
        "",
        "A publish during the run reached every worker after "
        + (f"{reached:.2f} s" if reached is not None else "more than 30 s (not reached)")
        + " (40 requests in a row showed the new title).",
        "",
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    args = parse_args(argv)
    label = "PostgreSQL" if args.database_url else "SQLite"
    name = "results-load-postgresql.md" if args.database_url else "results-load.md"
    output = Path(args.output or ROOT / "bench" / name)
    with tempfile.TemporaryDirectory(prefix="wegweiser-load-") as tmp:
        database_url = args.database_url or f"sqlite:///{Path(tmp) / 'load.sqlite3'}"
        if args.database_url:
            recreate_postgres_database(args.database_url)
        env = environment(database_url, args.redis_url, str(Path(tmp) / "static"))
        print(f"Building the site ({label}, {args.listings:,} listings)…", flush=True)
        build_site(env, args.listings)
        urls_file = Path(tmp) / "urls.json"
        urls_file.write_text(
            manage(
                env,
                "shell",
                "--verbosity",
                "0",
                "-c",
                URLS.format(filters=FILTERS, queries=QUERIES),
            )
            .strip()
            .splitlines()[-1],
            encoding="utf-8",
        )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(  # noqa: S603
            [str(BIN / "gunicorn"), "wegweiser.wsgi", "--workers", str(args.workers)]
            + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
            cwd=ROOT,
            env=env,
        )
        try:
            wait_until_up(base)
            publish: dict = {}
            probe = threading.Thread(target=measure_publish, args=(env, base, publish, 20))
            probe.start()
            prefix = Path(tmp) / "locust"
            bound = args.max_requests
            started = time.perf_counter()
            subprocess.run(  # noqa: S603
                [str(BIN / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless"]
                + ["-u", str(args.users), "-r", str(args.users), "-t", f"{args.seconds}s"]
                + ["--host", base, "--csv", str(prefix), "--only-summary", "--stop-timeout", "5"],
                cwd=ROOT,
                env={**env, "LOAD_URLS": str(urls_file), "LOAD_MAX_REQUESTS": str(bound)},
                check=False,
            )
            seconds = time.perf_counter() - started
            probe.join()
        finally:
            server.terminate()
            server.wait(timeout=30)
        rows = read_stats(prefix)
    output.write_text(markdown(args, label, rows, publish, seconds), encoding="utf-8")
    print(output.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
