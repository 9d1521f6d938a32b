"""Benchmark of the printable flyers: drawing one, and serving it again from the cache.

On a throw-away database with the demo content (as ``bench/run.py``), the flyer of each
measured action field is requested through ``django.test.Client`` in German and Arabic:
``--draws`` times right after a content change (so it is drawn anew by WeasyPrint), then
``--requests`` times as the cache serves it. Results go to ``bench/results-flyer.md``; the
goal is well under one second from the cache.

    .venv/bin/python bench/flyer.py
    .venv/bin/python bench/flyer.py --database-url postgres://postgres@127.0.0.1:5432/bench
"""

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import ROOT, benchmark_database, machine_description, percentile_95  # noqa: E402

LANGUAGES = ("de", "ar")
ACTION_FIELDS = ("sprache", "arbeit-ausbildung")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="", help="PostgreSQL database to recreate")
    parser.add_argument("--draws", type=int, default=5, help="drawings per flyer (default 5)")
    parser.add_argument(
        "--requests", type=int, default=50, help="requests from the cache per flyer (default 50)"
    )
    parser.add_argument("--output", default="", help="default: bench/results-flyer.md")
    return parser.parse_args(argv)


def timed_get(client, url: str) -> tuple[float, float, int, int]:
    """Wall-clock ms, CPU ms, status and size of one request."""
    started, cpu_started = time.perf_counter(), time.process_time()
    response = client.get(url)
    wall = (time.perf_counter() - started) * 1000
    cpu = (time.process_time() - cpu_started) * 1000
    return wall, cpu, response.status_code, len(response.content)


def measure_flyer(client, url: str, draws: int, requests: int) -> dict:
    """Times of ``draws`` fresh drawings and ``requests`` answers from the cache."""
    from base.content_cache import content_changed

    drawn, drawn_cpu = [], []
    status = size = 0
    for _ in range(draws):
        content_changed()  # as a publish does: the cached flyer is outdated
        wall, cpu, status, size = timed_get(client, url)
        drawn.append(wall)
        drawn_cpu.append(cpu)
    cached = [timed_get(client, url)[0] for _ in range(requests)]
    return {
        "url": url,
        "status": status,
        "size_kb": size / 1024,
        "draw_median": statistics.median(drawn),
        "draw_max": max(drawn),
        "draw_cpu": statistics.median(drawn_cpu),
        "cached_median": statistics.median(cached),
        "cached_p95": percentile_95(cached),
    }


def main(argv=None) -> int:
    args = parse_args(argv)
    with benchmark_database(args.database_url, prefix="wegweiser-bench-flyer-"):
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client, override_settings

        from directory import flyer

        if not flyer.AVAILABLE:
            raise SystemExit("WeasyPrint or its Pango libraries are not installed.")
        call_command("migrate", verbosity=0, interactive=False)
        started = time.perf_counter()
        call_command("load_demo", stdout=io.StringIO())
        print(f"Demo content loaded in {time.perf_counter() - started:.0f} s")
        machine = machine_description()
        client = Client()
        rows = []
        # Drawing is rate limited per address; the benchmark is one address drawing a lot.
        limits = {**settings.WEGWEISER_RATE_LIMITS, "flyer": (0, 3600)}
        with override_settings(WEGWEISER_RATE_LIMITS=limits):
            for language in LANGUAGES:
                for code in ACTION_FIELDS:
                    row = measure_flyer(
                        client, f"/{language}/flyer/{code}.pdf", args.draws, args.requests
                    )
                    rows.append(row)
                    print(
                        f"  {row['url']:<32} drawn {row['draw_median']:7.1f} ms "
                        f"(max {row['draw_max']:7.1f}, CPU {row['draw_cpu']:7.1f})  cached "
                        f"{row['cached_median']:5.1f} ms (p95 {row['cached_p95']:5.1f})  "
                        f"{row['size_kb']:6.1f} KB  [{row['status']}]"
                    )
        lines = [
            "# Benchmark: printable flyers",
            "",
            "Made by `make bench-flyer` (`bench/flyer.py`) on the demo content, through "
            "`django.test.Client` (server side only). *Drawn*: the request right after a "
            f"content change, which draws the PDF anew ({args.draws} times); *cached*: "
            f"{args.requests} requests answered from Django's cache.",
            "",
            *machine,
            "",
            "| Flyer | Drawn median ms | Drawn max ms | Drawn CPU ms | Cached median ms "
            "| Cached p95 ms | KB |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for row in rows:
            status = "" if row["status"] == 200 else f" (HTTP {row['status']})"
            lines.append(
                f"| `{row['url']}`{status} | {row['draw_median']:.0f} | {row['draw_max']:.0f} "
                f"| {row['draw_cpu']:.0f} | {row['cached_median']:.1f} | "
                f"{row['cached_p95']:.1f} | {row['size_kb']:.0f} |"
            )
        document = "\n".join(lines) + "\n"
        print()
        print(document)
        output = Path(args.output) if args.output else ROOT / "bench" / "results-flyer.md"
        output.write_text(document, encoding="utf-8")
        print(f"Written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
