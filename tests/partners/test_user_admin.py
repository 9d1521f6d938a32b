"""Coordinators manage partners' and translators' accounts, never an administrator's or a
coordinator's, through every user view of the admin (these attacks worked before)."""

import pytest
from django.contrib.auth.models import Group

from partners.roles import COORDINATORS
from tests.partners.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def new_user_data(name, **extra):
    return {
        "username": name,
        "email": f"{name}@example.org",
        "first_name": "New",
        "last_name": "User",
        "password1": "a-long-Passw0rd-42",
        "password2": "a-long-Passw0rd-42",
        **extra,
    }


def edit_data(user, **extra):
    return {
        "username": user.username,
        "email": "attacker@example.org",
        "first_name": user.first_name or "X",
        "last_name": user.last_name or "Y",
        "password1": "an-attackers-Passw0rd-1",
        "password2": "an-attackers-Passw0rd-1",
        "is_active": "on",
        **extra,
    }


@pytest.fixture
def coordinator_client(client, german_world):
    client.force_login(german_world.coordinator)
    return client


def test_coordinator_cannot_create_a_superuser(coordinator_client, django_user_model):
    form = coordinator_client.get("/admin/users/new/")
    assert form.status_code == 200
    assert b'name="is_superuser"' not in form.content
    coordinator_client.post("/admin/users/new/", new_user_data("mallory", is_superuser="on"))
    assert not django_user_model.objects.filter(username="mallory", is_superuser=True).exists()


def test_coordinator_cannot_create_a_coordinator(coordinator_client, django_user_model):
    coordinators = Group.objects.get(name=COORDINATORS)
    form = coordinator_client.get("/admin/users/new/")
    assert f'value="{coordinators.id}"'.encode() not in form.content
    coordinator_client.post("/admin/users/new/", new_user_data("mallory", groups=[coordinators.id]))
    assert not coordinators.user_set.filter(username="mallory").exists()


def test_coordinator_cannot_change_a_superusers_email_or_password(coordinator_client, german_world):
    admin = german_world.superuser
    assert coordinator_client.get(f"/admin/users/edit/{admin.pk}/").status_code in (302, 403)
    coordinator_client.post(f"/admin/users/edit/{admin.pk}/", edit_data(admin, is_superuser="on"))
    admin.refresh_from_db()
    assert admin.email == "admin@example.org"
    assert admin.check_password(PASSWORD)


def test_coordinator_cannot_edit_or_delete_another_coordinator(
    coordinator_client, german_world, django_user_model
):
    other = make_user(django_user_model, "other-coordinator", Group.objects.get(name=COORDINATORS))
    coordinator_client.post(f"/admin/users/edit/{other.pk}/", edit_data(other))
    coordinator_client.post(f"/admin/users/delete/{other.pk}/")
    other.refresh_from_db()
    assert other.email == "other-coordinator@example.org"


def test_coordinator_cannot_delete_a_superuser(coordinator_client, german_world, django_user_model):
    admin = german_world.superuser
    coordinator_client.post(f"/admin/users/delete/{admin.pk}/")
    assert django_user_model.objects.filter(pk=admin.pk).exists()


def test_coordinator_cannot_appoint_a_coordinator_in_bulk(coordinator_client, german_world):
    coordinators = Group.objects.get(name=COORDINATORS)
    editor = german_world.editor_a
    coordinator_client.post(
        f"/admin/bulk/auth/user/assign_role/?id={editor.pk}", {"role": coordinators.id}
    )
    assert not coordinators.user_set.filter(pk=editor.pk).exists()


def test_coordinator_cannot_deactivate_a_superuser_in_bulk(coordinator_client, german_world):
    admin = german_world.superuser
    coordinator_client.post(
        f"/admin/bulk/auth/user/set_active_state/?id={admin.pk}", {"mark_as_active": "False"}
    )
    admin.refresh_from_db()
    assert admin.is_active


def test_coordinator_still_manages_partner_accounts(coordinator_client, german_world):
    editor = german_world.editor_a
    partner_group = german_world.partner_a.group
    response = coordinator_client.post(
        f"/admin/users/edit/{editor.pk}/", edit_data(editor, groups=[partner_group.id])
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.email == "attacker@example.org"
    assert list(editor.groups.all()) == [partner_group]
    coordinator_client.post(
        "/admin/users/new/", new_user_data("newcomer", groups=[partner_group.id])
    )
    assert partner_group.user_set.filter(username="newcomer").exists()


def test_superuser_still_appoints_coordinators(client, german_world, django_user_model):
    coordinators = Group.objects.get(name=COORDINATORS)
    client.force_login(german_world.superuser)
    client.post(
        "/admin/users/new/", new_user_data("boss", groups=[coordinators.id], is_superuser="on")
    )
    boss = django_user_model.objects.get(username="boss")
    assert boss.is_superuser and coordinators.user_set.filter(pk=boss.pk).exists()
