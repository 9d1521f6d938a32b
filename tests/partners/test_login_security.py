"""Sign-in that an attacker cannot abuse: two-factor login (django-otp: TOTP by QR code,
recovery codes), required for coordinators and superusers; throttling (django-axes) per
account and per address, IPv6 by /64, behind a trusted proxy; a throttled password reset.

Every test goes through the real admin login and password reset views.
"""

import re
import time
from datetime import timedelta
from ipaddress import ip_network

import pytest
from django.core import mail
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.partners.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOCKED = 429


@pytest.fixture
def world(german_world):
    """Logins do not depend on languages."""
    return german_world


def login(client, username, password=PASSWORD, code="", address="192.0.2.9", **headers):
    """Post the admin's login form as a browser at ``address`` would."""
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "otp_token": code},
        REMOTE_ADDR=address,
        **headers,
    )


def logged_in_as(client):
    return client.session.get("_auth_user_id")


def code_for(device, steps_ahead=0):
    """The code the user's authenticator app shows (``steps_ahead`` periods later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def set_up_two_factor(client, user):
    """The user turns two-factor login on in the admin; returns the device and the
    recovery codes shown."""
    client.force_login(user)
    client.get("/admin/partners/two-factor/")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/admin/partners/two-factor/", {"code": code_for(device)})
    device.refresh_from_db()
    assert device.confirmed
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.content.decode())
    client.logout()
    return device, codes


def ready_for_next_code(device):
    """Forget the last accepted step and the wrong-code pause, as 30 seconds and a moment
    of patience would."""
    device.refresh_from_db()
    device.last_t = -1
    device.throttle_reset()


def without_csrf(response) -> str:
    """The page without its CSRF tokens (masked differently on every page)."""
    return re.sub(r"\b[A-Za-z0-9]{64}\b", "<csrf>", response.content.decode())


# RFC 6238, appendix B: the SHA-1 test key "12345678901234567890" and its 8-digit codes,
# whose last six digits are the 6-digit codes that authenticator apps show.
RFC_KEY = b"12345678901234567890"


@pytest.mark.parametrize(
    ("unix_time", "code"), [(59, 287082), (1111111109, 81804), (2000000000, 279037)]
)
def test_codes_match_the_rfc_test_vectors(unix_time, code):
    device = TOTPDevice(key=RFC_KEY.hex())
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = unix_time
    assert totp.token() == code


def test_setup_page_shows_a_qr_code_drawn_on_the_server(client, world):
    client.force_login(world.editor_a)
    html = client.get("/admin/partners/two-factor/").content.decode()
    assert 'data-two-factor="off"' in html
    qr = re.search(r"<figure data-qr-code[^>]*>(.*?)</figure>", html, re.S).group(1)
    assert qr.strip().startswith("<svg") and "<path" in qr
    # Nothing is fetched from elsewhere: no image URL, no script.
    assert "<img" not in qr and "http" not in qr.replace("http://www.w3.org/2000/svg", "")
    device = TOTPDevice.objects.get(user=world.editor_a)
    assert device.config_url.startswith("otpauth://totp/Wegweiser%3Aeditor-a?")


def test_coordinator_sets_up_two_factor_and_login_then_needs_the_code(client, world):
    device, codes = set_up_two_factor(client, world.coordinator)
    assert len(codes) == 10

    login(client, "coordinator")
    assert logged_in_as(client) is None
    ready_for_next_code(device)
    login(client, "coordinator", code="123456")
    assert logged_in_as(client) is None
    ready_for_next_code(device)
    code = code_for(device)
    login(client, "coordinator", code=code)
    assert logged_in_as(client) == str(world.coordinator.pk)
    client.logout()
    # The same code cannot be used twice.
    login(client, "coordinator", code=code)
    assert logged_in_as(client) is None


def test_users_without_two_factor_log_in_with_the_password_alone(client, world):
    login(client, "editor-a")
    assert logged_in_as(client) == str(world.editor_a.pk)


def test_wrong_password_and_wrong_code_give_identical_answers(client, world):
    """An attacker who guessed the password of a two-factor account must not learn it."""
    device, _codes = set_up_two_factor(client, world.coordinator)
    ready_for_next_code(device)
    wrong_password = login(client, "coordinator", password="not-the-password", code="123456")
    ready_for_next_code(device)
    wrong_code = login(client, "coordinator", code="123456")
    ready_for_next_code(device)
    wrong_password_no_code = login(client, "coordinator", password="not-the-password")
    ready_for_next_code(device)
    no_code = login(client, "coordinator")
    assert wrong_password.status_code == wrong_code.status_code == 200
    assert without_csrf(wrong_password) == without_csrf(wrong_code)
    assert without_csrf(wrong_password_no_code) == without_csrf(no_code)
    assert logged_in_as(client) is None


def test_a_recovery_code_works_once(client, world):
    device, codes = set_up_two_factor(client, world.coordinator)
    login(client, "coordinator", code=codes[0])
    assert logged_in_as(client) == str(world.coordinator.pk)
    client.logout()
    StaticDevice.objects.get(user=world.coordinator).throttle_reset()
    login(client, "coordinator", code=codes[0])
    assert logged_in_as(client) is None
    # A wrong code pauses code checks for a second; a person takes longer than that.
    StaticDevice.objects.get(user=world.coordinator).throttle_reset()
    login(client, "coordinator", code=codes[1])
    assert logged_in_as(client) == str(world.coordinator.pk)


@pytest.mark.parametrize("who", ["coordinator", "superuser"])
def test_two_factor_is_required_for_coordinators_and_superusers(client, world, settings, who):
    settings.WEGWEISER_REQUIRE_TWO_FACTOR = True
    user = getattr(world, who)
    login(client, user.get_username())
    assert logged_in_as(client) == str(user.pk)
    for path in ("/admin/", "/admin/pages/", "/admin/users/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"] == "/admin/partners/two-factor/"
    html = client.get("/admin/partners/two-factor/").content.decode()
    assert "data-two-factor-required" in html
    # Once set up (and verified with a code in this session), the admin opens.
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post("/admin/partners/two-factor/", {"code": code_for(device)})
    assert client.get("/admin/").status_code == 200
    # It cannot be switched off again.
    ready_for_next_code(device)
    client.post("/admin/partners/two-factor/", {"code": code_for(device), "action": "switch_off"})
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_partner_editors_may_use_the_admin_without_two_factor(client, world, settings):
    settings.WEGWEISER_REQUIRE_TWO_FACTOR = True
    login(client, "editor-a")
    assert client.get("/admin/").status_code == 200


def test_partner_editor_switches_two_factor_off_with_a_current_code(client, world, settings):
    settings.WEGWEISER_REQUIRE_TWO_FACTOR = True
    device, _codes = set_up_two_factor(client, world.editor_a)
    ready_for_next_code(device)
    login(client, "editor-a", code=code_for(device))
    ready_for_next_code(device)
    client.post("/admin/partners/two-factor/", {"code": code_for(device), "action": "switch_off"})
    assert not TOTPDevice.objects.filter(user=world.editor_a).exists()
    client.logout()
    login(client, "editor-a")
    assert logged_in_as(client) == str(world.editor_a.pk)


def test_a_session_not_verified_by_a_code_is_signed_out(client, world):
    """E.g. a login made by an invitation link for an account with an authenticator."""
    set_up_two_factor(client, world.editor_a)
    client.force_login(world.editor_a)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert logged_in_as(client) is None


def test_shared_proxy_lockout_spoofed_left_most_forwarded_for_is_ignored(client, world, settings):
    """Behind the city's proxy an attacker claims the coordinator's address in
    X-Forwarded-For; only the entry our proxy wrote (the right-most) counts."""
    settings.WEGWEISER_TRUSTED_PROXIES = [ip_network("10.0.0.1/32")]
    proxy = {"address": "10.0.0.1"}
    coordinator_address = "198.51.100.7"
    spoofed = {"HTTP_X_FORWARDED_FOR": f"{coordinator_address}, 203.0.113.5", **proxy}
    for _ in range(4):
        assert login(client, "coordinator", "wrong-password", **spoofed).status_code == 200
    for number in range(6):
        login(client, f"guess-{number}", "wrong-password", **spoofed)
    # The attacker's own address is locked, even with another account's right password ...
    assert login(client, "editor-b", **spoofed).status_code == LOCKED
    assert logged_in_as(client) is None
    # ... and the coordinator, behind the same proxy, signs in.
    login(client, "coordinator", HTTP_X_FORWARDED_FOR=coordinator_address, **proxy)
    assert logged_in_as(client) == str(world.coordinator.pk)


def test_password_guessing_from_many_addresses_locks_the_account(client, world):
    for number in range(10):
        login(client, "editor-a", "wrong-password", address=f"203.0.113.{number + 1}")
    response = login(client, "editor-a", address="198.51.100.99")
    assert response.status_code == LOCKED
    assert "data-locked-out" in response.content.decode()
    assert logged_in_as(client) is None
    login(client, "editor-b", address="198.51.100.99")
    assert logged_in_as(client) == str(world.editor_b.pk)


def test_guessing_many_accounts_from_one_address_locks_the_address(client, world):
    for number in range(10):
        login(client, f"user-{number}", "wrong-password", address="203.0.113.50")
    assert login(client, "editor-b", address="203.0.113.50").status_code == LOCKED
    assert logged_in_as(client) is None
    login(client, "editor-b", address="203.0.113.51")
    assert logged_in_as(client) == str(world.editor_b.pk)


def test_ipv6_addresses_in_one_64_count_as_one_address(client, world):
    for number in range(10):
        login(client, f"user-{number}", "wrong-password", address=f"2001:db8:1:2::{number + 1:x}")
    assert login(client, "editor-b", address="2001:db8:1:2:ffff:1:2:3").status_code == LOCKED
    login(client, "editor-b", address="2001:db8:1:3::1")
    assert logged_in_as(client) == str(world.editor_b.pk)


def test_a_username_that_looks_like_an_address_does_not_lock_that_address(client, world):
    for _ in range(10):
        login(client, "198.51.100.20", "wrong-password", address="203.0.113.60")
    login(client, "editor-b", address="198.51.100.20")
    assert logged_in_as(client) == str(world.editor_b.pk)


def test_attempts_during_a_lock_do_not_prolong_it(client, world, settings):
    """An attacker who keeps trying cannot keep a coordinator locked out for good: the lock
    ends one cool-off after it began (here 6 seconds instead of 15 minutes)."""
    settings.AXES_COOLOFF_TIME = timedelta(seconds=6)
    for number in range(10):
        login(client, "coordinator", "wrong-password", address=f"203.0.113.{number + 1}")
    locked_at = time.monotonic()
    while time.monotonic() < locked_at + 2.2:
        assert login(client, "coordinator", "wrong-password").status_code == LOCKED
        time.sleep(0.2)
    time.sleep(max(0, locked_at + 6.2 - time.monotonic()))
    login(client, "coordinator")
    assert logged_in_as(client) == str(world.coordinator.pk)


def test_a_successful_login_resets_the_counter(client, world):
    for _ in range(9):
        login(client, "editor-a", "wrong-password")
    login(client, "editor-a")
    assert logged_in_as(client) == str(world.editor_a.pk)
    client.logout()
    for _ in range(9):
        login(client, "editor-a", "wrong-password")
    login(client, "editor-a")
    assert logged_in_as(client) == str(world.editor_a.pk)


def test_superuser_unlocks_an_account_and_removes_its_two_factor(client, world):
    device, _codes = set_up_two_factor(client, world.coordinator)
    for number in range(10):
        login(client, "coordinator", "wrong-password", address=f"203.0.113.{number + 1}")
    assert login(client, "coordinator", address="198.51.100.1").status_code == LOCKED

    # Nobody but a superuser may do it.
    client.force_login(world.editor_b)
    url = f"/admin/partners/reset-sign-in/{world.coordinator.pk}/"
    assert client.post(url, {"action": "unlock"})["Location"] == "/admin/"
    client.logout()
    assert login(client, "coordinator", address="198.51.100.1").status_code == LOCKED

    client.force_login(world.superuser)
    assert url in client.get("/admin/users/").content.decode()
    assert client.get(url).status_code == 200
    client.post(url, {"action": "unlock"})
    client.post(url, {"action": "two_factor"})
    client.logout()

    assert not TOTPDevice.objects.filter(user=world.coordinator).exists()
    assert not StaticDevice.objects.filter(user=world.coordinator).exists()
    login(client, "coordinator", address="198.51.100.1")
    assert logged_in_as(client) == str(world.coordinator.pk)


def reset_password(client, email, address):
    return client.post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=address)


def test_password_reset_does_not_reveal_whether_an_account_exists(client, world):
    known = reset_password(client, "editor-a@example.org", "203.0.113.1")
    unknown = reset_password(client, "nobody@example.org", "203.0.113.2")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1


def test_password_reset_mails_are_throttled_per_email_address(client, world):
    for number in range(6):
        response = reset_password(client, "editor-a@example.org", f"203.0.113.{number + 1}")
        assert response.status_code == 302
    assert len(mail.outbox) == 3


def test_password_reset_mails_are_throttled_per_address(client, world, django_user_model):
    for number in range(8):
        django_user_model.objects.create_user(
            f"user-{number}", f"user-{number}@example.org", PASSWORD
        )
        response = reset_password(client, f"user-{number}@example.org", "203.0.113.70")
        assert response.status_code == 302
    assert len(mail.outbox) == 5
    reset_password(client, "editor-a@example.org", "203.0.113.71")
    assert len(mail.outbox) == 6
