"""Following every link of the public site with the demo content gives no 404 and no 500."""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

MAX_PAGES = 600


class LinkParser(HTMLParser):
    """Collects href/src targets of a page."""

    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action") and value:
                self.links.append(value)


def internal_links(base_url, html):
    parser = LinkParser()
    parser.feed(html)
    for link in parser.links:
        url, _fragment = urldefrag(urljoin(base_url, link))
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc not in ("testserver", ""):
            continue
        if parts.scheme in ("mailto", "tel"):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path.startswith("/admin/"):
            continue
        yield path


@pytest.mark.django_db
def test_every_public_link_answers_without_error(client):
    call_command("load_demo", verbosity=0)
    seen, queue, failures = set(), ["/de/"], []
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        if path.startswith(settings.STATIC_URL):
            # Tests run without collectstatic: check the file exists where runserver finds it.
            if not finders.find(urlsplit(path).path.removeprefix(settings.STATIC_URL)):
                failures.append((path, 404))
            continue
        response = client.get(path, follow=True)
        if response.status_code != 200:
            failures.append((path, response.status_code))
            continue
        if "text/html" in response.get("Content-Type", ""):
            queue.extend(internal_links(path, response.content.decode()))
    assert not failures, f"broken links: {failures}"
    listing_pages = [p for p in seen if p.count("/") >= 5 and "?" not in p]
    assert len(listing_pages) >= 30, "the crawl should reach every organisation and listing"
