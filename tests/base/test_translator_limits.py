"""Translators translate, and nothing more (issue 11, item 2).

Every attack goes through a real request to the real Wagtail or wagtail-localize view. An
Arabic translator works on Arabic translations; the Ukrainian tree, the German source, the
page tree itself and the synchronised facts (contact data, addresses, times) stay out of
reach, and publishing follows the coordinator's review setting.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)

from base.i18n import ensure_synced_locale
from base.models import TranslationSettings
from base.translation_access import translator_group_name
from directory.factories import ListingContactFactory, OrganisationPageFactory, ServicePageFactory
from directory.models import ActionField, ListingContact, ListingPage

GERMAN_PHONE = "0391 540 1234"
WRONG_PHONE = "0800 666 666"
REFUSED = (302, 403)


@pytest.fixture
def admin_client_(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


@pytest.fixture
def world(organisation, directory_page, admin_client_):
    """A German listing with a contact, another organisation's listing, an action field,
    the Arabic and Ukrainian trees, and the listing and the action field translated into
    both languages by a coordinator."""
    listing = ServicePageFactory(
        parent=organisation,
        title="Migrationsberatung",
        last_reviewed=datetime.date.today() - datetime.timedelta(days=400),
    )
    ListingContactFactory(page=listing, phone=GERMAN_PHONE)
    other_organisation = OrganisationPageFactory(parent=directory_page, title="AWO Magdeburg")
    other_listing = ServicePageFactory(parent=other_organisation, title="Sprachcafé")
    arabic = ensure_synced_locale("ar")
    ukrainian = ensure_synced_locale("uk")
    action_field = ActionField.objects.get(code="sprache", locale__language_code="de")
    locales = [arabic.id, ukrainian.id]
    admin_client_.post(f"/admin/localize/submit/page/{listing.id}/", {"locales": locales})
    admin_client_.post(
        f"/admin/localize/submit/snippet/directory/actionfield/{action_field.id}/",
        {"locales": locales},
    )
    return type(
        "World",
        (),
        {
            "listing": listing,
            "other_listing": other_listing,
            "action_field": action_field,
            "arabic": arabic,
            "ukrainian": ukrainian,
        },
    )


@pytest.fixture
def translator(django_user_model, world):
    user = django_user_model.objects.create_user("translator-ar", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=translator_group_name(world.arabic)))
    client = Client()
    client.force_login(user)
    return client


def set_review(on: bool) -> None:
    settings_ = TranslationSettings.load()
    settings_.review_translations = on
    settings_.save()


def translation_of(obj, locale) -> Translation:
    return Translation.objects.get(source__object_id=obj.translation_key, target_locale=locale)


def segment(obj, path: str) -> StringSegment:
    return StringSegment.objects.get(
        source=TranslationSource.objects.get(object_id=obj.translation_key), context__path=path
    )


def put_string(client, translation, string_segment, value):
    return client.put(
        f"/admin/localize/translate/{translation.id}/strings/{string_segment.id}/edit/",
        data=f"value={value}",
        content_type="application/x-www-form-urlencoded",
    )


def live_page(page_id) -> Page:
    return Page.objects.get(id=page_id).specific


# --- publishing and updating in other languages ---------------------------------------


def test_translator_cannot_update_and_publish_the_ukrainian_translation(translator, world):
    ukrainian_page = world.listing.get_translation(world.ukrainian)
    revisions_before = ukrainian_page.revisions.count()
    german = world.listing
    german.title = "Migrationsberatung (neu)"
    german.save_revision().publish()
    source = TranslationSource.objects.get(object_id=german.translation_key)

    response = translator.post(
        f"/admin/localize/update/{source.id}/", {"publish_translations": "on"}
    )

    assert response.status_code in REFUSED
    ukrainian_page = live_page(ukrainian_page.id)
    assert ukrainian_page.title == "Migrationsberatung"
    assert ukrainian_page.revisions.count() == revisions_before


def test_translator_cannot_publish_own_page_through_update_translations_when_review_is_on(
    translator, world
):
    set_review(True)
    arabic_page = world.listing.get_translation(world.arabic)
    german = world.listing
    german.title = "Migrationsberatung (neu)"
    german.save_revision().publish()
    source = TranslationSource.objects.get(object_id=german.translation_key)

    translator.post(f"/admin/localize/update/{source.id}/", {"publish_translations": "on"})

    assert live_page(arabic_page.id).title == "Migrationsberatung"


def test_translator_cannot_publish_own_page_in_the_editor_when_review_is_on(translator, world):
    set_review(True)
    arabic_page = world.listing.get_translation(world.arabic)
    translation = translation_of(world.listing, world.arabic)
    assert put_string(translator, translation, segment(world.listing, "title"), "استشارة")
    response = translator.post(f"/admin/pages/{arabic_page.id}/edit/", {"action": "publish"})
    assert response.status_code in REFUSED
    assert live_page(arabic_page.id).title == "Migrationsberatung"


def test_translator_translates_and_publishes_own_page_when_review_is_off(translator, world):
    arabic_page = world.listing.get_translation(world.arabic)
    translation = translation_of(world.listing, world.arabic)
    assert translator.get(f"/admin/pages/{arabic_page.id}/edit/").status_code == 200
    response = put_string(translator, translation, segment(world.listing, "title"), "استشارة")
    assert response.status_code in (200, 201)
    translator.post(f"/admin/pages/{arabic_page.id}/edit/", {"action": "publish"})
    assert live_page(arabic_page.id).title == "استشارة"


def test_translator_saves_a_draft_under_review_for_the_coordinator(translator, world):
    """With review on the translator's strings are kept; publishing is the coordinator's."""
    set_review(True)
    translation = translation_of(world.listing, world.arabic)
    response = put_string(translator, translation, segment(world.listing, "title"), "استشارة")
    assert response.status_code in (200, 201)
    assert StringTranslation.objects.filter(locale=world.arabic, data="استشارة").exists()


def test_a_coordinator_still_updates_and_publishes_every_translation(admin_client_, world):
    german = world.listing
    german.title = "Migrationsberatung (neu)"
    german.save_revision().publish()
    source = TranslationSource.objects.get(object_id=german.translation_key)
    response = admin_client_.post(
        f"/admin/localize/update/{source.id}/", {"publish_translations": "on"}
    )
    assert response.status_code == 302
    ukrainian_page = german.get_translation(world.ukrainian)
    assert live_page(ukrainian_page.id).title == "Migrationsberatung (neu)"


# --- snippets: labels in other languages ------------------------------------------------


def test_translator_cannot_change_the_ukrainian_action_field_label_through_the_string_api(
    translator, world
):
    ukrainian = translation_of(world.action_field, world.ukrainian)
    response = put_string(translator, ukrainian, segment(world.action_field, "name"), "Hacked")
    assert response.status_code in REFUSED
    assert not StringTranslation.objects.filter(data="Hacked").exists()


def test_translator_cannot_change_the_ukrainian_action_field_label_by_po_upload(translator, world):
    ukrainian = translation_of(world.action_field, world.ukrainian)
    po = ukrainian.export_po()
    for entry in po:
        entry.msgstr = "Hacked"
    upload = SimpleUploadedFile("uk.po", str(po).encode(), content_type="text/x-gettext")
    response = translator.post(
        f"/admin/localize/translate/{ukrainian.id}/pofile/upload/", {"file": upload}
    )
    assert response.status_code in REFUSED
    assert not StringTranslation.objects.filter(data="Hacked").exists()


def test_translator_cannot_machine_translate_the_ukrainian_action_field(translator, world):
    ukrainian = translation_of(world.action_field, world.ukrainian)
    translator.post(f"/admin/localize/translate/{ukrainian.id}/machine_translate/")
    assert not StringTranslation.objects.filter(locale=world.ukrainian).exists()


def test_translator_translates_the_arabic_action_field_label(translator, world):
    arabic = translation_of(world.action_field, world.arabic)
    arabic_term = world.action_field.get_translation(world.arabic)
    edit_url = f"/admin/snippets/directory/actionfield/edit/{arabic_term.id}/"
    assert translator.get(edit_url).status_code == 200
    response = put_string(translator, arabic, segment(world.action_field, "name"), "اللغة")
    assert response.status_code in (200, 201)
    translator.post(edit_url, {"action": "publish"})
    arabic_term.refresh_from_db()
    assert arabic_term.name == "اللغة"


def test_translator_cannot_publish_the_arabic_action_field_label_when_review_is_on(
    translator, world
):
    set_review(True)
    arabic = translation_of(world.action_field, world.arabic)
    arabic_term = world.action_field.get_translation(world.arabic)
    put_string(translator, arabic, segment(world.action_field, "name"), "اللغة")
    edit_url = f"/admin/snippets/directory/actionfield/edit/{arabic_term.id}/"
    response = translator.post(edit_url, {"action": "publish"})
    assert response.status_code in REFUSED
    arabic_term.refresh_from_db()
    assert arabic_term.name != "اللغة"


# --- the page tree of the own language ----------------------------------------------------


def test_translator_cannot_unpublish_the_arabic_site(translator, world):
    arabic_home = world.listing.get_translation(world.arabic).get_ancestors().get(depth=2)
    response = translator.post(f"/admin/pages/{arabic_home.id}/unpublish/", {})
    assert response.status_code in REFUSED
    assert Page.objects.get(id=arabic_home.id).live


def test_translator_cannot_password_protect_the_arabic_site(translator, world):
    arabic_home = world.listing.get_translation(world.arabic).get_ancestors().get(depth=2)
    translator.post(
        f"/admin/pages/{arabic_home.id}/privacy/",
        {"restriction_type": "password", "password": "geheim", "groups": []},
    )
    assert not PageViewRestriction.objects.filter(page=arabic_home).exists()


def test_translator_cannot_delete_another_organisations_arabic_listing(translator, world):
    arabic_listing = world.other_listing.get_translation(world.arabic)
    response = translator.post(f"/admin/pages/{arabic_listing.id}/delete/", {})
    assert response.status_code in REFUSED
    assert Page.objects.filter(id=arabic_listing.id).exists()


def test_translator_cannot_delete_arabic_listings_in_bulk(translator, world):
    arabic_listing = world.other_listing.get_translation(world.arabic)
    translator.post(f"/admin/bulk/wagtailcore/page/delete/?id={arabic_listing.id}", {})
    assert Page.objects.filter(id=arabic_listing.id).exists()


def test_translator_cannot_move_an_arabic_listing(translator, world):
    arabic_listing = world.listing.get_translation(world.arabic)
    destination = world.other_listing.get_parent().specific.get_translation(world.arabic)
    translator.post(f"/admin/pages/{arabic_listing.id}/move/{destination.id}/confirm/", {})
    assert Page.objects.get(id=arabic_listing.id).get_parent().id != destination.id


def test_translator_cannot_copy_an_arabic_listing(translator, world):
    arabic_listing = world.listing.get_translation(world.arabic)
    translator.post(
        f"/admin/pages/{arabic_listing.id}/copy/",
        {
            "new_title": "Kopie",
            "new_slug": "kopie",
            "new_parent_page": arabic_listing.get_parent().id,
            "publish_copies": "on",
        },
    )
    assert not Page.objects.filter(slug="kopie").exists()


# --- synchronisation with German ------------------------------------------------------------


def test_translator_cannot_stop_the_synchronisation_of_an_arabic_page(translator, world):
    translation = translation_of(world.listing, world.arabic)
    translator.post(f"/admin/localize/translate/{translation.id}/disable/")
    translation.refresh_from_db()
    assert translation.enabled


def test_translator_cannot_convert_an_arabic_translation_back_to_an_alias(translator, world):
    arabic_page = world.listing.get_translation(world.arabic)
    translator.post(f"/admin/localize/page/{arabic_page.id}/convert_to_alias/")
    assert Page.objects.get(id=arabic_page.id).alias_of_id is None
    assert Translation.objects.filter(target_locale=world.arabic, enabled=True).exists()


def test_translator_cannot_detach_an_arabic_alias_from_german(translator, world):
    arabic_alias = world.other_listing.get_translation(world.arabic)
    assert arabic_alias.alias_of_id == world.other_listing.id
    translator.post(f"/admin/pages/{arabic_alias.id}/convert_alias/", {})
    assert Page.objects.get(id=arabic_alias.id).alias_of_id == world.other_listing.id


def test_the_translation_editor_offers_no_synchronised_contact_data_to_override(world):
    source = TranslationSource.objects.get(object_id=world.listing.translation_key)
    paths = set(
        OverridableSegment.objects.filter(source=source).values_list("context__path", flat=True)
    )
    assert not any(path.endswith(("phone", "email", "street", "postcode")) for path in paths)


def test_translator_cannot_override_a_synchronised_phone_number(translator, world):
    translation = translation_of(world.listing, world.arabic)
    source = translation.source
    for overridable in OverridableSegment.objects.filter(source=source):
        translator.put(
            f"/admin/localize/translate/{translation.id}/overrides/{overridable.id}/edit/",
            data=f"value={WRONG_PHONE}",
            content_type="application/x-www-form-urlencoded",
        )
    arabic_page = world.listing.get_translation(world.arabic)
    translator.post(f"/admin/pages/{arabic_page.id}/edit/", {"action": "publish"})
    phones = ListingContact.objects.filter(page_id=arabic_page.id).values_list("phone", flat=True)
    assert list(phones) == [GERMAN_PHONE]


def test_translator_cannot_override_the_phone_number_of_an_older_translation(translator, world):
    """A translation submitted before the phone was declared not overridable still carries
    its segment in the database until it is updated from German."""
    translation = translation_of(world.listing, world.arabic)
    contact = ListingContact.objects.get(page=world.listing)
    context, _created = TranslationContext.objects.get_or_create(
        object_id=world.listing.translation_key, path=f"contacts.{contact.translation_key}.phone"
    )
    stale = OverridableSegment.objects.create(
        source=translation.source, context=context, order=999, data_json=f'"{GERMAN_PHONE}"'
    )
    response = translator.put(
        f"/admin/localize/translate/{translation.id}/overrides/{stale.id}/edit/",
        data=f"value={WRONG_PHONE}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in REFUSED
    assert not SegmentOverride.objects.filter(locale=world.arabic).exists()


# --- facts are the partner's --------------------------------------------------------------


def test_translator_cannot_mark_an_arabic_listing_still_correct(translator, world):
    arabic_listing = world.listing.get_translation(world.arabic)
    before = ListingPage.objects.get(id=arabic_listing.id).last_reviewed
    response = translator.post(f"/admin/partners/still-correct/{arabic_listing.id}/")
    assert response.status_code in REFUSED
    assert ListingPage.objects.get(id=arabic_listing.id).last_reviewed == before
    assert ListingPage.objects.get(id=world.listing.id).last_reviewed == before


def test_translator_sees_no_delete_unpublish_or_privacy_action_in_the_explorer(translator, world):
    arabic_listing = world.other_listing.get_translation(world.arabic)
    response = translator.get(f"/admin/pages/{arabic_listing.get_parent().id}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"/admin/pages/{arabic_listing.id}/delete/" not in html
    assert f"/admin/pages/{arabic_listing.id}/unpublish/" not in html
    assert "/admin/localize/update/" not in html


def test_translator_cannot_restart_a_stopped_translation(translator, admin_client_, world):
    translation = translation_of(world.listing, world.arabic)
    admin_client_.post(f"/admin/localize/translate/{translation.id}/disable/")
    translation.refresh_from_db()
    assert not translation.enabled
    arabic_page = world.listing.get_translation(world.arabic)
    translator.post(
        f"/admin/pages/{arabic_page.id}/edit/", {"localize-restart-translation": "Restart"}
    )
    translation.refresh_from_db()
    assert not translation.enabled
