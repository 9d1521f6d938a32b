"""The role matrix (issue 11, item 1): every role does its job and nothing more.

``MATRIX`` below is the one table of who may do what; the README's role matrix is rendered
from it and a test checks that they agree. Each cell is walked as a real HTTP request with
the Django test client, as that role: the GET of the form or page and, where the action
changes something, the POST that would change it. A "no" must be refused (403, 404, or a
redirect to the login or the dashboard) *and* change nothing in the database; a "yes" must
succeed and, for an action, change what it says.

The world is built once for the module (two partners with a listing each, German source,
an Arabic translation, a submission waiting for review, one user per role); every case runs
in its own savepoint, rolled back afterwards.
"""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from api.models import ImportJob
from base.i18n import ensure_synced_locale
from base.models import TranslationSettings
from base.translation_access import translator_group_name
from directory.models import ActionField, ActionFieldMapping, ListingPage
from partners.models import CorrectionSuggestion
from tests.partners.conftest import FormParser, build_world

ROLES = ("superuser", "coordinator", "partner editor", "translator", "visitor")
YES, NO, REVIEW_OFF = "yes", "no", "where review is off"
# The page opens (showing only the role's own pages / offering only its own language), but
# the change asked for outside them is refused.
OWN_ONLY, OWN_LOCALE = "own only", "own locale only"
REFUSED = (302, 403, 404, 405)


@dataclass
class Case:
    """One row of the matrix: an action, the route that does it, and who may."""

    action: str
    route: str
    cells: tuple[str, ...]
    get: object = None  # world -> URL of the page or form
    post: object = None  # (client, world) -> (URL, data) of the change
    state: object = None  # world -> what the change would change
    put: bool = False  # wagtail-localize's string API takes PUT
    # False where the test cannot fill the whole form: a "yes" is then its GET only.
    yes_changes: bool = True

    def expected(self, role: str) -> str:
        return self.cells[ROLES.index(role)]


def row(action, route, cells, **kwargs) -> Case:
    values = tuple(cell.strip() for cell in cells.split("|"))
    assert len(values) == len(ROLES), action
    return Case(action, route, values, **kwargs)


def form_data(client, url, form_id, **changes):
    """The form at ``url`` as this client would submit it, with ``changes``; just ``changes``
    when the client may not see the form."""
    response = client.get(url)
    data = {}
    if response.status_code == 200:
        parser = FormParser(form_id)
        parser.feed(response.content.decode())
        for name, value in parser.data:
            data.setdefault(name, []).append(value)
    data.update({name: [value] for name, value in changes.items()})
    return data


def page_edit(page_attr, **changes):
    def post(client, w):
        page = getattr(w, page_attr)
        url = f"/admin/pages/{page.id}/edit/"
        return url, form_data(client, url, "page-edit-form", **changes)

    return post


def revisions(page_attr):
    return lambda w: (
        Page.objects.get(id=getattr(w, page_attr).id).specific.revisions.count(),
        Page.objects.get(id=getattr(w, page_attr).id).live_revision_id,
    )


def live_revision(page_attr):
    return lambda w: Page.objects.get(id=getattr(w, page_attr).id).live_revision_id


def page_url(template, page_attr):
    return lambda w: template.format(id=getattr(w, page_attr).id)


def settings_url(w):
    pk = TranslationSettings.load().pk
    return reverse("wagtailsettings:edit", args=["base", "translationsettings", pk])


def translate_then_publish(client, w):
    """Fill every string by machine translation, then press "Publish" in the editor."""
    client.post(f"/admin/localize/translate/{translation_id(w)}/machine_translate/", {})
    return f"/admin/pages/{w.listing_a_ar.id}/edit/", {"action": "publish"}


def translation_id(w):
    return Translation.objects.get(
        source__object_id=w.listing_a.translation_key, target_locale=w.arabic
    ).id


def title_segment(w):
    return StringSegment.objects.get(
        source__object_id=w.listing_a.translation_key, context__path="title"
    )


MATRIX = [
    # --- pages --------------------------------------------------------------------------
    row(
        "open the dashboard",
        "wagtailadmin_home",
        "yes | yes | yes | yes | no",
        get=lambda w: "/admin/",
    ),
    row(
        "explore the own organisation's pages",
        "wagtailadmin_explore",
        "yes | yes | yes | no | no",
        get=page_url("/admin/pages/{id}/", "org_a"),
    ),
    row(
        "edit (save a draft of) a listing of the own organisation",
        "wagtailadmin_pages:edit",
        "yes | yes | yes | no | no",
        get=page_url("/admin/pages/{id}/edit/", "listing_a"),
        post=page_edit("listing_a", title="Entwurf"),
        state=revisions("listing_a"),
    ),
    row(
        "edit another organisation's listing",
        "wagtailadmin_pages:edit",
        "yes | yes | no | no | no",
        get=page_url("/admin/pages/{id}/edit/", "listing_b"),
        post=page_edit("listing_b", title="Entwurf"),
        state=revisions("listing_b"),
    ),
    row(
        "edit the Arabic translation of the own listing",
        "wagtailadmin_pages:edit",
        "yes | yes | yes | yes | no",
        get=page_url("/admin/pages/{id}/edit/", "listing_a_ar"),
    ),
    row(
        "add a listing under the own organisation",
        "wagtailadmin_pages:add_subpage",
        "yes | yes | yes | no | no",
        get=page_url("/admin/pages/{id}/add_subpage/", "org_a"),
    ),
    row(
        "publish a German listing",
        "wagtailadmin_pages:edit (publish)",
        "yes | yes | no | no | no",
        post=page_edit("listing_b", **{"action-publish": "action-publish"}),
        state=live_revision("listing_b"),
    ),
    row(
        "publish the Arabic translation",
        "wagtailadmin_pages:edit (publish)",
        f"yes | yes | no | {REVIEW_OFF} | no",
        post=translate_then_publish,
        state=lambda w: Page.objects.get(id=w.listing_a_ar.id).latest_revision_id,
    ),
    row(
        "unpublish a listing",
        "wagtailadmin_pages:unpublish",
        "yes | yes | no | no | no",
        get=page_url("/admin/pages/{id}/unpublish/", "listing_a_ar"),
        post=lambda c, w: (f"/admin/pages/{w.listing_a_ar.id}/unpublish/", {}),
        state=lambda w: Page.objects.get(id=w.listing_a_ar.id).live,
    ),
    row(
        "move a listing",
        "wagtailadmin_pages:move_confirm",
        "yes | yes | no | no | no",
        get=page_url("/admin/pages/{id}/move/", "listing_a_ar"),
        post=lambda c, w: (f"/admin/pages/{w.listing_a_ar.id}/move/{w.org_b_ar.id}/confirm/", {}),
        state=lambda w: Page.objects.get(id=w.listing_a_ar.id).path,
    ),
    row(
        "copy a listing (within the own organisation)",
        "wagtailadmin_pages:copy",
        "yes | yes | yes | no | no",
        get=page_url("/admin/pages/{id}/copy/", "listing_a_ar"),
        post=lambda c, w: (
            f"/admin/pages/{w.listing_a_ar.id}/copy/",
            {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": w.org_a_ar.id},
        ),
        state=lambda w: Page.objects.filter(slug="kopie").count(),
    ),
    row(
        "delete a listing",
        "wagtailadmin_pages:delete",
        "yes | yes | no | no | no",
        get=page_url("/admin/pages/{id}/delete/", "listing_a_ar"),
        post=lambda c, w: (f"/admin/pages/{w.listing_a_ar.id}/delete/", {}),
        state=lambda w: Page.objects.filter(id=w.listing_a_ar.id).exists(),
    ),
    row(
        "set privacy (password, groups, login)",
        "wagtailadmin_pages:set_privacy",
        "yes | yes | no | no | no",
        get=page_url("/admin/pages/{id}/privacy/", "listing_a_ar"),
        post=lambda c, w: (
            f"/admin/pages/{w.listing_a_ar.id}/privacy/",
            {"restriction_type": "password", "password": "geheim-genug", "groups": []},
        ),
        state=lambda w: PageViewRestriction.objects.filter(page=w.listing_a_ar).count(),
    ),
    row(
        "see a listing's revisions and history",
        "wagtailadmin_pages:history",
        "yes | yes | yes | no | no",
        get=page_url("/admin/pages/{id}/history/", "listing_a"),
    ),
    row(
        "approve a submission (workflow)",
        "wagtailadmin_pages:workflow_action",
        "yes | yes | no | no | no",
        post=lambda c, w: (
            f"/admin/pages/workflow/action/{w.listing_b.id}/approve/{w.task_state_id}/",
            {"comment": ""},
        ),
        state=live_revision("listing_b"),
    ),
    # --- snippets ---------------------------------------------------------------------------
    row(
        "edit an action field (taxonomy)",
        "wagtailsnippets_directory_actionfield:edit",
        "yes | yes | no | no | no",
        get=lambda w: f"/admin/snippets/directory/actionfield/edit/{w.action_field.id}/",
        post=lambda c, w: (
            f"/admin/snippets/directory/actionfield/edit/{w.action_field.id}/",
            form_data(
                c,
                f"/admin/snippets/directory/actionfield/edit/{w.action_field.id}/",
                "w-editor-form",
                name="Gehackt",
            ),
        ),
        state=lambda w: ActionField.objects.get(id=w.action_field.id).name,
    ),
    row(
        "map a foreign taxonomy term onto an action field",
        "wagtailsnippets_directory_actionfieldmapping:add",
        "yes | yes | no | no | no",
        get=lambda w: "/admin/snippets/directory/actionfieldmapping/add/",
        post=lambda c, w: (
            "/admin/snippets/directory/actionfieldmapping/add/",
            {"foreign_term": "Legal advice", "action_field": w.action_field.id},
        ),
        state=lambda w: ActionFieldMapping.objects.filter(foreign_term="Legal advice").count(),
    ),
    row(
        "read visitors' correction suggestions",
        "wagtailsnippets_partners_correctionsuggestion:list",
        "yes | yes | own only | no | no",
        get=lambda w: "/admin/snippets/partners/correctionsuggestion/",
    ),
    row(
        "mark a correction suggestion done",
        "wagtailsnippets_partners_correctionsuggestion:edit",
        "yes | yes | own only | no | no",
        # The form of one about partner A's listing; the change to one about partner B's.
        get=lambda w: f"/admin/snippets/partners/correctionsuggestion/edit/{w.suggestion.id}/",
        post=lambda c, w: (
            f"/admin/snippets/partners/correctionsuggestion/edit/{w.suggestion_b.id}/",
            {"message": w.suggestion_b.message, "done": "on"},
        ),
        state=lambda w: CorrectionSuggestion.objects.get(id=w.suggestion_b.id).done,
    ),
    row(
        "delete a correction suggestion",
        "wagtailsnippets_partners_correctionsuggestion:delete",
        "yes | yes | no | no | no",
        post=lambda c, w: (
            f"/admin/snippets/partners/correctionsuggestion/delete/{w.suggestion.id}/",
            {},
        ),
        state=lambda w: CorrectionSuggestion.objects.filter(id=w.suggestion.id).exists(),
    ),
    # --- choosers ---------------------------------------------------------------------------
    row(
        "page chooser",
        "wagtailadmin_choose_page",
        "yes | yes | yes | yes | no",
        get=lambda w: "/admin/choose-page/",
    ),
    row(
        "snippet chooser (action fields)",
        "wagtailsnippetchoosers_directory_actionfield:choose",
        "yes | yes | yes | yes | no",
        get=lambda w: "/admin/snippets/choose/directory/actionfield/",
    ),
    row(
        "correction suggestion chooser",
        "(none: no chooser exists)",
        "no | no | no | no | no",
        get=lambda w: "/admin/snippets/choose/partners/correctionsuggestion/",
    ),
    row(
        "image chooser",
        "wagtailimages_chooser:choose",
        "yes | yes | yes | yes | no",
        get=lambda w: "/admin/images/chooser/",
    ),
    row(
        "document chooser",
        "wagtaildocs_chooser:choose",
        "yes | yes | yes | yes | no",
        get=lambda w: "/admin/documents/chooser/",
    ),
    # --- users and groups --------------------------------------------------------------------
    row(
        "create a partner's account",
        "wagtailusers_users:add",
        "yes | yes | no | no | no",
        get=lambda w: reverse("wagtailusers_users:add"),
        post=lambda c, w: (
            reverse("wagtailusers_users:add"),
            user_form("neu-partner", w.partner_a.group.id),
        ),
        state=lambda w: User.objects.filter(username="neu-partner").exists(),
        yes_changes=False,
    ),
    row(
        "create a superuser",
        "wagtailusers_users:add (Administrator)",
        "yes | no | no | no | no",
        post=lambda c, w: (
            reverse("wagtailusers_users:add"),
            user_form("neu-admin", None, superuser=True),
        ),
        state=lambda w: User.objects.filter(username="neu-admin", is_superuser=True).exists(),
        yes_changes=False,
    ),
    row(
        "edit a superuser's account",
        "wagtailusers_users:edit",
        "yes | no | no | no | no",
        get=lambda w: reverse("wagtailusers_users:edit", args=[w.superuser.id]),
    ),
    row(
        "create a group",
        "wagtailusers_groups:add",
        "yes | no | no | no | no",
        get=lambda w: reverse("wagtailusers_groups:add"),
        post=lambda c, w: (reverse("wagtailusers_groups:add"), {"name": "Neue Gruppe"}),
        state=lambda w: Group.objects.filter(name="Neue Gruppe").exists(),
        yes_changes=False,
    ),
    # --- reports and settings ----------------------------------------------------------------
    row(
        "report: site history",
        "wagtailadmin_reports:site_history",
        "yes | yes | own only | own only | no",
        get=lambda w: "/admin/reports/site-history/",
    ),
    row(
        "report: aging pages",
        "wagtailadmin_reports:aging_pages",
        "yes | yes | own only | own only | no",
        get=lambda w: "/admin/reports/aging-pages/",
    ),
    row(
        "report: locked pages",
        "wagtailadmin_reports:locked_pages",
        "yes | yes | no | no | no",
        get=lambda w: "/admin/reports/locked/",
    ),
    row(
        "report: workflows",
        "wagtailadmin_reports:workflow",
        "yes | yes | own only | own only | no",
        get=lambda w: "/admin/reports/workflow/",
    ),
    row(
        "report: stale listings",
        "partners_stale_report",
        "yes | yes | no | no | no",
        get=lambda w: "/admin/reports/stale-listings/",
    ),
    row(
        "report: listings not yet assigned",
        "partners_unassigned_report",
        "yes | yes | no | no | no",
        get=lambda w: "/admin/reports/unassigned-listings/",
    ),
    row(
        "report: translation status",
        "translation_status",
        "yes | yes | no | yes | no",
        get=lambda w: "/admin/translation-status/",
    ),
    row(
        "settings: review translations",
        "wagtailsettings:edit",
        "yes | no | no | no | no",
        get=settings_url,
        post=lambda c, w: (
            "/admin/settings/base/translationsettings/",
            {"review_translations": "on"},
        ),
        state=lambda w: TranslationSettings.load().review_translations,
        yes_changes=False,
    ),
    # --- wagtail-localize ---------------------------------------------------------------------
    row(
        "submit a page for translation (into Ukrainian)",
        "wagtail_localize:submit_page_translation",
        "yes | yes | no | own locale only | no",
        get=page_url("/admin/localize/submit/page/{id}/", "listing_b"),
        post=lambda c, w: (
            f"/admin/localize/submit/page/{w.listing_b.id}/",
            {"locales": [w.ukrainian.id]},
        ),
        state=lambda w: (
            w.listing_b.get_translation_or_none(w.ukrainian) is not None
            and w.listing_b.get_translation(w.ukrainian).alias_of_id is None
        ),
    ),
    row(
        "update (sync) translations from German",
        "wagtail_localize:update_translations",
        "yes | yes | no | no | no",
        get=lambda w: f"/admin/localize/update/{w.source_id}/",
        post=lambda c, w: (f"/admin/localize/update/{w.source_id}/", {}),
        state=lambda w: TranslationSource.objects.get(id=w.source_id).last_updated_at,
    ),
    row(
        "edit strings of the Arabic translation",
        "wagtail_localize:edit_string_translation",
        "yes | yes | yes | yes | no",
        put=True,
        post=lambda c, w: (
            f"/admin/localize/translate/{translation_id(w)}/strings/{title_segment(w).id}/edit/",
            "value=استشارة",
        ),
        state=lambda w: StringTranslation.objects.filter(data="استشارة").exists(),
    ),
    row(
        "download the Arabic PO file",
        "wagtail_localize:download_pofile",
        "yes | yes | yes | yes | no",
        get=lambda w: f"/admin/localize/translate/{translation_id(w)}/pofile/download/",
    ),
    row(
        "machine-translate the Arabic translation",
        "wagtail_localize:machine_translate",
        "yes | yes | yes | yes | no",
        post=lambda c, w: (f"/admin/localize/translate/{translation_id(w)}/machine_translate/", {}),
        state=lambda w: StringTranslation.objects.filter(locale=w.arabic).count(),
    ),
    row(
        "convert a translation back to an alias",
        "wagtail_localize:convert_to_alias",
        "yes | yes | yes | no | no",
        get=page_url("/admin/localize/page/{id}/convert_to_alias/", "listing_a_ar"),
        post=lambda c, w: (f"/admin/localize/page/{w.listing_a_ar.id}/convert_to_alias/", {}),
        state=lambda w: Page.objects.get(id=w.listing_a_ar.id).alias_of_id,
    ),
    row(
        "stop synchronising a translation",
        "wagtail_localize:stop_translation",
        "yes | yes | yes | no | no",
        post=lambda c, w: (f"/admin/localize/translate/{translation_id(w)}/disable/", {}),
        state=lambda w: Translation.objects.get(id=translation_id(w)).enabled,
    ),
    # --- the project's own views ------------------------------------------------------------
    row(
        'mark the own listing "still correct"',
        "partners_still_correct",
        "yes | yes | yes | no | no",
        post=lambda c, w: (f"/admin/partners/still-correct/{w.listing_a.id}/", {}),
        state=lambda w: ListingPage.objects.get(id=w.listing_a.id).last_reviewed,
    ),
    row(
        'mark another organisation\'s listing "still correct"',
        "partners_still_correct",
        "yes | yes | no | no | no",
        post=lambda c, w: (f"/admin/partners/still-correct/{w.listing_b.id}/", {}),
        state=lambda w: ListingPage.objects.get(id=w.listing_b.id).last_reviewed,
    ),
    row(
        "invite a partner editor",
        "partners_invite",
        "yes | yes | no | no | no",
        get=lambda w: "/admin/partners/invite/",
        post=lambda c, w: (
            "/admin/partners/invite/",
            {"organisation": w.org_a.id, "email": "neu@example.org"},
        ),
        state=lambda w: User.objects.filter(email="neu@example.org").exists(),
    ),
    row(
        "import listings from CSV (admin)",
        "hsds_csv_import",
        "yes | no | no | no | no",
        get=lambda w: "/admin/open-data/csv/",
    ),
    row(
        "import listings from HSDS (admin)",
        "hsds_import",
        "yes | no | no | no | no",
        get=lambda w: "/admin/open-data/hsds/",
    ),
    row(
        "follow an import from the admin",
        "open_data_import_job",
        "yes | no | no | no | no",
        get=lambda w: ImportJob.objects.create(
            kind="csv", file_name="a.csv", data=b""
        ).get_absolute_url(),
    ),
    row(
        "download the CSV template",
        "hsds_csv_template",
        "yes | no | no | no | no",
        get=lambda w: "/admin/open-data/csv/template.csv",
    ),
    row(
        "read the open data API",
        "/api/hsds/services",
        "yes | yes | yes | yes | yes",
        get=lambda w: "/api/hsds/services",
    ),
    row(
        "search the public site",
        "search",
        "yes | yes | yes | yes | yes",
        get=lambda w: "/de/suche/?q=Migrationsberatung",
    ),
]


def user_form(username, group_id, superuser=False):
    data = {
        "username": username,
        "email": f"{username}@example.org",
        "first_name": "Neu",
        "last_name": "Konto",
        "password1": "a-long-test-password-2",
        "password2": "a-long-test-password-2",
        "is_active": "on",
        "groups": [group_id] if group_id else [],
    }
    if superuser:
        data["is_superuser"] = "on"
    return data


@pytest.fixture(scope="module")
def world(module_site, django_db_blocker):
    """Partners A and B with a listing each in German and Arabic, a submission of listing A
    waiting for review, a correction suggestion and one user per role."""
    with django_db_blocker.unblock(), transaction.atomic():
        w = build_world(module_site.directory, User, Client())
        w.ukrainian = ensure_synced_locale("uk")
        w.listing_a_ar = w.listing_a.get_translation(w.arabic)
        w.org_a_ar = w.org_a.get_translation(w.arabic)
        w.org_b_ar = w.org_b.get_translation(w.arabic)
        w.action_field = ActionField.objects.get(code="sprache", locale__language_code="de")
        w.translator = User.objects.create_user("translator-ar", password="pw-for-tests-only")
        w.translator.groups.add(Group.objects.get(name=translator_group_name(w.arabic)))
        w.source_id = Translation.objects.get(
            source__object_id=w.listing_a.translation_key, target_locale=w.arabic
        ).source_id
        w.suggestion = CorrectionSuggestion.objects.create(
            listing=w.listing_a, message="Die Telefonnummer stimmt nicht."
        )
        w.suggestion_b = CorrectionSuggestion.objects.create(
            listing=w.listing_b, message="Die Adresse ist veraltet."
        )
        listing = w.listing_b.specific
        listing.title = "Migrationsberatung B (zur Prüfung)"
        listing.save_revision(user=w.editor_b)
        listing.get_workflow().start(listing, w.editor_b)
        w.task_state_id = listing.current_workflow_task_state.id
        old = datetime.date(2020, 1, 1)
        ListingPage.objects.filter(id__in=[w.listing_a.id, w.listing_b.id]).update(
            last_reviewed=old
        )
        yield w
        transaction.set_rollback(True)


def client_for(role, w):
    client = Client()
    user = {
        "superuser": w.superuser,
        "coordinator": w.coordinator,
        "partner editor": w.editor_a,
        "translator": w.translator,
    }.get(role)
    if user is not None:
        client.force_login(user)
    return client


def walk(case, role, w, review):
    settings_ = TranslationSettings.load()
    settings_.review_translations = review
    settings_.save()
    client = client_for(role, w)
    before = case.state(w) if case.state else None
    response = client.get(case.get(w)) if case.get else None
    got = response.status_code if response is not None else None
    shown = response.content.decode(errors="replace") if got == 200 else ""
    posted = None
    if case.post:
        url, data = case.post(client, w)
        if case.put:
            response = client.put(url, data, content_type="application/x-www-form-urlencoded")
        else:
            response = client.post(url, data)
        posted = response.status_code
    after = case.state(w) if case.state else None
    return got, shown, posted, before, after


CELLS = [
    pytest.param(case, role, id=f"{case.action} / {role}") for case in MATRIX for role in ROLES
]


@pytest.mark.parametrize(("case", "role"), CELLS)
def test_role_matrix(case, role, world, db):
    expected = case.expected(role)
    runs = [(expected, False)]
    if expected == REVIEW_OFF:
        runs = [(YES, False), (NO, True)]
    for outcome, review in runs:
        with transaction.atomic():
            got, shown, posted, before, after = walk(case, role, world, review)
            if outcome in (YES, OWN_ONLY, OWN_LOCALE):
                if case.get:
                    assert got == 200, f"GET refused ({got})"
                if outcome == OWN_ONLY:
                    # Another organisation's German listing is not shown.
                    assert f"/admin/pages/{world.listing_b.id}/" not in shown
            if outcome == YES and case.state and case.yes_changes:
                assert after != before, f"nothing changed (POST answered {posted})"
            if outcome in (NO, OWN_ONLY, OWN_LOCALE):
                if case.get and outcome == NO:
                    assert got in REFUSED, f"GET allowed ({got})"
                if case.post and outcome == NO:
                    assert posted in (*REFUSED, 400), f"POST answered {posted}"
                if case.state:
                    assert after == before, "the refused request changed the database"
            transaction.set_rollback(True)


def render_matrix() -> list[str]:
    """The matrix as the README shows it."""
    lines = [
        "| action | route (URL name) | " + " | ".join(ROLES) + " |",
        "|---|---|" + "---|" * len(ROLES),
    ]
    for case in MATRIX:
        lines.append(f"| {case.action} | `{case.route}` | " + " | ".join(case.cells) + " |")
    return lines


def test_readme_role_matrix_is_the_tested_one():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    found = re.search(r"<!-- role-matrix -->\n(.*?)\n<!-- /role-matrix -->", readme, re.S)
    assert found, "README has no role matrix"
    assert found.group(1).strip().splitlines() == render_matrix()
