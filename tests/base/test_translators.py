"""Translators work in their assigned language trees only; the submit-translation hole is shut."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from base.i18n import ensure_synced_locale
from base.models import TranslationSettings
from base.translation_access import translator_group_name
from directory.factories import ServicePageFactory
from directory.models import ActionField


@pytest.fixture
def trees(organisation):
    """A German listing and the Arabic and Persian trees synchronised from German."""
    listing = ServicePageFactory(parent=organisation, title="Migrationsberatung")
    arabic = ensure_synced_locale("ar")
    persian = ensure_synced_locale("fa")
    return listing, arabic, persian


@pytest.fixture
def arabic_translator(django_user_model, trees):
    _listing, arabic, _persian = trees
    user = django_user_model.objects.create_user("translator-ar", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=translator_group_name(arabic)))
    return user


def edit_url(page):
    return f"/admin/pages/{page.id}/edit/"


def test_translator_may_edit_pages_in_the_assigned_language(client, trees, arabic_translator):
    listing, arabic, _persian = trees
    client.force_login(arabic_translator)
    response = client.get(edit_url(listing.get_translation(arabic)))
    assert response.status_code == 200


def test_translator_may_not_edit_another_language_or_the_german_source(
    client, trees, arabic_translator
):
    listing, _arabic, persian = trees
    client.force_login(arabic_translator)
    for page in (listing, listing.get_translation(persian)):
        response = client.get(edit_url(page))
        assert response.status_code in (302, 403), page.locale
        assert response.status_code != 200


def test_submitting_a_translation_into_an_unassigned_language_is_refused(
    client, trees, arabic_translator
):
    listing, _arabic, persian = trees
    client.force_login(arabic_translator)
    alias_before = listing.get_translation(persian)
    response = client.post(f"/admin/localize/submit/page/{listing.id}/", {"locales": [persian.id]})
    assert response.status_code in (200, 403)
    assert not Translation.objects.filter(target_locale=persian).exists()
    assert Page.objects.get(id=alias_before.id).alias_of_id == listing.id


def test_submitting_a_translation_into_the_assigned_language_works(
    client, trees, arabic_translator
):
    listing, arabic, _persian = trees
    client.force_login(arabic_translator)
    response = client.post(f"/admin/localize/submit/page/{listing.id}/", {"locales": [arabic.id]})
    assert response.status_code == 302
    assert Translation.objects.filter(target_locale=arabic).exists()
    assert listing.get_translation(arabic).alias_of_id is None


def test_the_submit_form_offers_only_assigned_languages(client, trees, arabic_translator):
    listing, arabic, persian = trees
    client.force_login(arabic_translator)
    response = client.get(f"/admin/localize/submit/page/{listing.id}/")
    assert response.status_code == 200
    offered = set(response.context["form"].fields["locales"].queryset)
    assert arabic in offered
    assert persian not in offered


def test_a_user_with_only_the_submit_permission_cannot_translate_anything(
    client, django_user_model, trees
):
    listing, arabic, _persian = trees
    user = django_user_model.objects.create_user("outsider", password="pw-for-tests-only")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    client.force_login(user)
    client.post(f"/admin/localize/submit/page/{listing.id}/", {"locales": [arabic.id]})
    assert not TranslationSource.objects.exists()
    assert listing.get_translation(arabic).alias_of_id == listing.id


def test_po_download_only_for_translations_into_the_assigned_language(
    client, trees, arabic_translator, admin_user
):
    listing, arabic, persian = trees
    client.force_login(admin_user)
    for locale in (arabic, persian):
        client.post(f"/admin/localize/submit/page/{listing.id}/", {"locales": [locale.id]})
    client.force_login(arabic_translator)
    key = listing.translation_key
    ar = Translation.objects.get(target_locale=arabic, source__object_id=key)
    fa = Translation.objects.get(target_locale=persian, source__object_id=key)
    assert client.get(f"/admin/localize/translate/{ar.id}/pofile/download/").status_code == 200
    # Wagtail's admin answers a permission error with a redirect to the dashboard.
    refused = client.get(f"/admin/localize/translate/{fa.id}/pofile/download/")
    assert refused.status_code in (302, 403)
    assert "text/x-gettext" not in refused.get("Content-Type", "")


def test_translator_edits_taxonomy_labels_of_the_assigned_language_only(
    client, trees, arabic_translator, admin_user
):
    _listing, arabic, _persian = trees
    german = ActionField.objects.get(code="sprache", locale__language_code="de")
    arabic_term = german.copy_for_translation(arabic)
    arabic_term.save()
    client.force_login(arabic_translator)
    url = "/admin/snippets/directory/actionfield/edit/{}/"
    assert client.get(url.format(arabic_term.id)).status_code == 200
    response = client.post(url.format(german.id), {"name": "Hacked", "code": "sprache"})
    assert response.status_code in (302, 403)
    german.refresh_from_db()
    assert german.name != "Hacked"


def test_review_setting_removes_the_translators_publish_right(
    trees, arabic_translator, django_user_model
):
    listing, arabic, _persian = trees
    arabic_page = listing.get_translation(arabic)
    assert arabic_page.permissions_for_user(arabic_translator).can_publish()
    settings_ = TranslationSettings.load()
    settings_.review_translations = True
    settings_.save()
    # A fresh user object: Wagtail caches page permissions on the user instance.
    translator = django_user_model.objects.get(id=arabic_translator.id)
    perms = Page.objects.get(id=arabic_page.id).permissions_for_user(translator)
    assert perms.can_edit()
    assert not perms.can_publish()


def test_every_synchronised_locale_has_its_translators_group(trees):
    _listing, arabic, persian = trees
    assert Group.objects.filter(name=translator_group_name(arabic)).exists()
    assert Group.objects.filter(name=translator_group_name(persian)).exists()
    assert not Group.objects.filter(
        name=translator_group_name(Locale.objects.get(language_code="de"))
    ).exists()
