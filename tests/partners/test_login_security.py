"""Login security: throttling of failed logins, and optional two-factor login (TOTP, RFC 6238)
set up in the admin and asked at login."""

import pytest

from partners import totp
from partners.models import TwoFactorDevice
from tests.partners.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(german_world):
    """Logins do not depend on languages."""
    return german_world


# RFC 6238, appendix B: the SHA-1 test key "12345678901234567890" and its 8-digit codes,
# whose last six digits are the 6-digit codes.
RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


def test_codes_match_the_rfc_test_vectors():
    assert totp.code_at(RFC_SECRET, 59 // 30) == "287082"
    assert totp.code_at(RFC_SECRET, 1111111109 // 30) == "081804"
    assert totp.code_at(RFC_SECRET, 2000000000 // 30) == "279037"
    assert totp.matching_step(RFC_SECRET, "287 082", now=59) == 1
    assert totp.matching_step(RFC_SECRET, "000000", now=59) is None


def login(client, code=""):
    return client.post(
        "/admin/login/",
        {"username": "coordinator", "password": PASSWORD, "otp_code": code},
        REMOTE_ADDR="192.0.2.9",
    )


def test_coordinator_sets_up_two_factor_and_login_then_needs_the_code(client, world):
    client.force_login(world.coordinator)
    html = client.get("/admin/partners/two-factor/").content.decode()
    assert 'data-two-factor="off"' in html
    device = TwoFactorDevice.objects.get(user=world.coordinator)
    assert device.secret in html
    assert client.post("/admin/partners/two-factor/", {"code": "000000"}).status_code == 200
    code = totp.code_at(device.secret, totp.current_step())
    client.post("/admin/partners/two-factor/", {"code": code})
    device.refresh_from_db()
    assert device.confirmed
    client.logout()

    login(client)
    assert "_auth_user_id" not in client.session
    login(client, "123")
    assert "_auth_user_id" not in client.session
    # The code used for the setup cannot be replayed; the next one works.
    device.last_step = totp.current_step() - 2
    device.save()
    login(client, totp.code_at(device.secret, totp.current_step()))
    assert client.session["_auth_user_id"] == str(world.coordinator.pk)
    client.logout()
    login(client, totp.code_at(device.secret, totp.current_step()))
    assert "_auth_user_id" not in client.session


def test_users_without_two_factor_log_in_with_the_password_alone(client, world):
    login(client)
    assert client.session["_auth_user_id"] == str(world.coordinator.pk)


def login_as(client, username, password):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR="192.0.2.1"
    )


def test_failed_logins_lock_the_account_for_that_address(client, world):
    for _ in range(5):
        response = login_as(client, "editor-a", "wrong-password")
        assert response.status_code == 200
    # Locked: even the right password is refused now.
    login_as(client, "editor-a", PASSWORD)
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not affected.
    login_as(client, "editor-b", PASSWORD)
    assert client.session["_auth_user_id"] == str(world.editor_b.pk)


def test_a_successful_login_resets_the_counter(client, world):
    for _ in range(4):
        login_as(client, "editor-a", "wrong-password")
    login_as(client, "editor-a", PASSWORD)
    assert client.session["_auth_user_id"] == str(world.editor_a.pk)
    client.logout()
    for _ in range(4):
        login_as(client, "editor-a", "wrong-password")
    login_as(client, "editor-a", PASSWORD)
    assert client.session["_auth_user_id"] == str(world.editor_a.pk)
