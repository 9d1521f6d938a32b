"""Visitors for the load test (``bench/load.py`` starts this with locust, headless).

Each simulated visitor picks a language and mixes what visitors do: the home page, the
directory (plain and filtered), a listing, a search, search suggestions as they type, and
the HSDS API. The addresses come from ``LOAD_URLS`` (a JSON file that ``bench/load.py``
writes from the database). The run stops after ``LOAD_MAX_REQUESTS`` requests, so it is
bounded in time (``--run-time``) and in requests.
"""

import json
import os
import random

from locust import HttpUser, between, events, task

URLS = json.loads(open(os.environ["LOAD_URLS"], encoding="utf-8").read())  # noqa: SIM115
MAX_REQUESTS = int(os.environ.get("LOAD_MAX_REQUESTS", "200000"))


@events.request.add_listener
def stop_when_bounded(**_kwargs):
    """Stop the whole run once it has made ``LOAD_MAX_REQUESTS`` requests."""
    runner = stop_when_bounded.environment.runner
    if runner is not None and runner.stats.total.num_requests >= MAX_REQUESTS:
        runner.quit()


@events.init.add_listener
def remember_environment(environment, **_kwargs):
    stop_when_bounded.environment = environment


class Visitor(HttpUser):
    """A visitor in one of the site's languages, pausing 0.5–2 s between pages."""

    wait_time = between(0.5, 2)

    def on_start(self):
        self.language = random.choice(list(URLS["languages"]))  # noqa: S311 (load mix)
        self.urls = URLS["languages"][self.language]

    @task(3)
    def home(self):
        self.client.get(f"/{self.language}/", name="home")

    @task(3)
    def directory(self):
        self.client.get(self.urls["directory"], name="directory")

    @task(3)
    def directory_filtered(self):
        query = random.choice(URLS["filters"])  # noqa: S311
        self.client.get(f"{self.urls['directory']}?{query}", name="directory with filters")

    @task(5)
    def listing(self):
        self.client.get(random.choice(self.urls["listings"]), name="listing")  # noqa: S311

    @task(4)
    def search(self):
        query = random.choice(self.urls["queries"])  # noqa: S311
        self.client.get(self.urls["search"], params={"q": query}, name="search")

    @task(4)
    def suggestions(self):
        query = random.choice(self.urls["queries"])  # noqa: S311
        for length in (3, 5):
            self.client.get(
                f"/{self.language}/suche/vorschlaege/",
                params={"q": query[:length]},
                name="suggestions",
            )

    @task(2)
    def api(self):
        page = random.randint(1, 5)  # noqa: S311
        self.client.get(
            "/api/hsds/services",
            params={"page": page, "per_page": 20, "lang": self.language},
            name="API services",
        )
