"""What a phone gets from the server: link previews and a description on every page, the
web app manifest per language, the service worker at the site root, the offline and
"Saved" pages in every language, results before filters, chips that remove one filter,
and the buttons (save, read aloud, share) that the script reveals."""

import html
import json
import re

import pytest
from django.conf import settings
from django.utils import translation

from directory.factories import ListingContactFactory, ListingLocationFactory, ServicePageFactory

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def service(organisation):
    page = ServicePageFactory(
        parent=organisation,
        title="Sprachcafé am Abend",
        summary="Deutsch sprechen üben, ohne Anmeldung.",
        action_fields=["sprache"],
    )
    ListingLocationFactory(page=page, postcode="39104")
    ListingContactFactory(page=page, phone="0391 540 1234")
    page.save_revision().publish()
    return page


def meta(text: str, key: str) -> str | None:
    """The content of ``<meta property|name="key">`` in ``text``."""
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', text)
    return html.unescape(found.group(1)) if found else None


@pytest.mark.parametrize(
    ("language", "og_locale"), [("de", "de_DE"), ("ar", "ar_AR"), ("fa", "fa_IR")]
)
def test_a_listing_has_a_link_preview_in_the_page_language(client, service, language, og_locale):
    url = service.url.replace("/de/", f"/{language}/", 1)
    response = client.get(url)
    text = response.content.decode()
    assert response.status_code == 200
    assert meta(text, "og:locale") == og_locale
    assert meta(text, "og:title") == "Sprachcafé am Abend"
    assert meta(text, "description") == "Deutsch sprechen üben, ohne Anmeldung."
    assert meta(text, "og:description") == meta(text, "description")
    assert meta(text, "og:url") == f"http://testserver{url}"
    assert meta(text, "og:image").startswith("http://testserver/static/img/share.png")
    assert meta(text, "twitter:card") == "summary_large_image"
    assert f'<link rel="manifest" href="/manifest.webmanifest?lang={language}">' in text


@pytest.mark.parametrize("path", ["/de/", "/ar/suche/?q=kurs", "/de/offline/", "/tr/gespeichert/"])
def test_every_page_has_a_meta_description(client, service, path):
    text = client.get(path, follow=True).content.decode()  # /ar/suche/ leads to /ar/bahth/
    assert len(meta(text, "description") or "") > 20


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_manifest_speaks_each_language(client, language):
    response = client.get("/manifest.webmanifest", {"lang": language})
    data = json.loads(response.content)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    assert data["lang"] == language
    assert data["dir"] == ("rtl" if language in ("ar", "fa") else "ltr")
    assert data["start_url"] == f"/{language}/" and data["scope"] == "/"
    with translation.override(language):
        assert data["name"].endswith(translation.gettext("Counselling and projects for migrants"))
    assert {icon["sizes"] for icon in data["icons"]} >= {"192x192", "512x512"}


def test_an_unknown_manifest_language_falls_back_to_german(client):
    data = json.loads(client.get("/manifest.webmanifest", {"lang": "<x>"}).content)
    assert data["lang"] == "de" and data["start_url"] == "/de/"


def test_the_service_worker_is_served_for_the_whole_site(client):
    response = client.get("/sw.js")
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    config = json.loads(re.search(r"const CONFIG = (\{.*\});", body).group(1))
    assert "/static/css/site.css" in config["shell"] and "/static/js/phone.js" in config["shell"]
    assert config["pages"]["ar"] == {"offline": "/ar/offline/", "saved": "/ar/gespeichert/"}
    assert set(config["pages"]) == set(LANGUAGES)
    assert "/admin/" in config["uncached"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_offline_and_saved_pages_exist_in_every_language(client, home_page, language):
    with translation.override(language):
        offline_title = translation.gettext("You are offline")
        saved_title = translation.gettext("Saved services and projects")
    offline = client.get(f"/{language}/offline/")
    saved = client.get(f"/{language}/gespeichert/")
    assert offline.status_code == saved.status_code == 200
    assert f"<h1>{html.escape(offline_title)}</h1>" in offline.content.decode()
    text = saved.content.decode()
    assert f"<h1>{html.escape(saved_title)}</h1>" in text
    assert "data-saved-list" in text and f'lang="{language}"' in text
    assert offline["X-Robots-Tag"] == saved["X-Robots-Tag"] == "noindex"


def test_a_listing_offers_save_read_aloud_and_share_hidden_until_the_script_runs(client, service):
    text = client.get(service.url).content.decode()
    save = re.search(r"<button [^>]*data-save [^>]*>", text).group(0)
    assert " hidden" in save and f'data-save-url="{service.url}"' in save
    assert 'data-save-title="Sprachcafé am Abend"' in save and 'data-save-lang="de"' in save
    assert re.search(r"<button [^>]*data-read-aloud [^>]*hidden", text)
    assert re.search(r'<div class="share-tools" data-share-tools hidden>', text)
    assert '<script src="/static/js/phone.js" defer></script>' in text
    # No inline script: strings reach the script only through data attributes.
    assert not re.search(r"<script(?![^>]*\ssrc=)", text)


def test_the_directory_shows_count_and_chips_before_the_folded_filters(client, service):
    directory = service.get_parent().get_parent()
    response = client.get(directory.url, {"action_field": "sprache", "free": "1"})
    text = response.content.decode()
    count = text.index('id="results-title"')
    chips = text.index('class="chips-block"')
    filters = text.index('<details class="filters" data-filters>')
    cards = (
        text.index('class="card-list"')
        if 'class="card-list"' in text
        else text.index('class="empty"')
    )
    assert count < chips < filters < cards
    # Folded by default: the summary says how many filters apply.
    assert re.search(r'<h2 id="filters-title">[^<]*<span class="filters-count">\(2\)</span>', text)
    hrefs = re.findall(r'<a class="chip" href="([^"]*)"', text)
    assert sorted(html.unescape(h) for h in hrefs) == sorted(
        [f"{directory.url}?action_field=sprache", f"{directory.url}?free=1"]
    )


def test_search_chips_keep_the_query_and_remove_one_filter(client, service):
    response = client.get("/de/suche/", {"q": "Sprachcafé", "action_field": "sprache"})
    text = response.content.decode()
    assert (
        text.index('id="results-title"')
        < text.index("data-filters")
        < text.index('class="card-list"')
    )
    hrefs = [html.unescape(h) for h in re.findall(r'<a class="chip" href="([^"]*)"', text)]
    assert hrefs == ["/de/suche/?q=Sprachcaf%C3%A9"]
    assert 'href="/de/suche/?q=Sprachcaf%C3%A9">' in text  # "Reset filters" keeps the text
