"""invite_partner: a new account in the organisation's group with an expiring password link;
an existing address gets the membership added."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command

from tests.partners.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(german_world):
    """These tests do not depend on languages."""
    return german_world


def invite(slug, email):
    out = io.StringIO()
    call_command("invite_partner", organisation=slug, email=email, stdout=out)
    return out.getvalue()


def link_in_last_mail():
    return re.search(r"http://\S+/partner-invitation/\S+/", mail.outbox[-1].body).group(0)


def test_invitation_creates_the_account_in_the_group_and_mails_a_password_link(client, world):
    mail.outbox.clear()
    output = invite("caritas", "neu@example.org")
    user = get_user_model().objects.get(email="neu@example.org")
    assert "created" in output
    assert user.groups.filter(id=world.partner_a.group_id).exists()
    assert not user.has_usable_password()
    assert mail.outbox[-1].to == ["neu@example.org"]
    assert "Caritas" in mail.outbox[-1].subject

    link = link_in_last_mail().replace("http://127.0.0.1:8000", "")
    assert client.get(link).status_code == 200
    response = client.post(
        link,
        {
            "new_password1": "ein-sehr-sicheres-Passwort",
            "new_password2": "ein-sehr-sicheres-Passwort",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("ein-sehr-sicheres-Passwort")
    # Logged in, and the partner sees the own listing on the dashboard.
    assert "Migrationsberatung A" in client.get("/admin/").content.decode()
    # The link works once.
    client.logout()
    assert client.get(link).status_code == 400


def test_weak_passwords_are_refused(client, world):
    invite("caritas", "schwach@example.org")
    link = link_in_last_mail().replace("http://127.0.0.1:8000", "")
    response = client.post(link, {"new_password1": "12345678", "new_password2": "12345678"})
    assert response.status_code == 200
    assert not get_user_model().objects.get(email="schwach@example.org").has_usable_password()


def test_inviting_an_existing_address_adds_the_membership(world):
    mail.outbox.clear()
    output = invite("caritas", world.editor_b.email.upper())
    assert "added" in output
    assert world.editor_b.groups.filter(id=world.partner_a.group_id).exists()
    assert world.editor_b.groups.filter(id=world.partner_b.group_id).exists()
    assert world.editor_b.check_password(PASSWORD)
    assert "partner-invitation" not in mail.outbox[-1].body
    assert get_user_model().objects.filter(email__iexact=world.editor_b.email).count() == 1


def test_an_organisation_may_have_several_editors(world):
    invite("caritas", "eins@example.org")
    invite("caritas", "zwei@example.org")
    assert world.partner_a.group.user_set.count() == 3


def test_unknown_organisation_or_address_is_an_error(world):
    with pytest.raises(CommandError):
        invite("gibt-es-nicht", "x@example.org")
    with pytest.raises(CommandError):
        invite("caritas", "keine-adresse")


def test_a_forged_link_is_refused(client, world):
    assert client.get("/partner-invitation/MQ/abc-123/").status_code == 400


def test_coordinators_invite_from_the_admin_and_partners_cannot(client, world):
    client.force_login(world.editor_a)
    response = client.post(
        "/admin/partners/invite/", {"organisation": world.org_b.id, "email": "x@example.org"}
    )
    assert response.status_code in (302, 403)
    assert not get_user_model().objects.filter(email="x@example.org").exists()

    client.force_login(world.coordinator)
    assert client.get("/admin/partners/invite/").status_code == 200
    response = client.post(
        "/admin/partners/invite/", {"organisation": world.org_b.id, "email": "x@example.org"}
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="x@example.org")
    assert user.groups.filter(id=world.partner_b.group_id).exists()
