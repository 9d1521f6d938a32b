"""Nobody loses two-factor login when it moves to django-otp (migration partners 0004): an
authenticator set up with the old hand-made TOTP keeps giving codes that sign in."""

import base64
import time

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.partners.conftest import PASSWORD

BEFORE = [("partners", "0003_two_factor_device")]
AFTER = [("partners", "0005_delete_twofactordevice")]
# The secret as the old setup page showed it (base32, no padding).
OLD_SECRET = base64.b32encode(b"an-authenticator-key").decode().rstrip("=")


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_confirmed_old_authenticator_still_signs_in_after_the_move(client, django_user_model):
    coordinator = django_user_model.objects.create_user("coordinator", password=PASSWORD)
    unconfirmed = django_user_model.objects.create_user("half-done", password=PASSWORD)
    try:
        old_apps = migrate(BEFORE)
        OldDevice = old_apps.get_model("partners", "TwoFactorDevice")
        OldDevice.objects.create(user_id=coordinator.pk, secret=OLD_SECRET, confirmed=True)
        OldDevice.objects.create(user_id=unconfirmed.pk, secret=OLD_SECRET, confirmed=False)
    finally:
        migrate(AFTER)

    device = TOTPDevice.objects.get(user=coordinator)
    assert device.confirmed
    assert not TOTPDevice.objects.filter(user=unconfirmed).exists()
    totp = TOTP(base64.b32decode(OLD_SECRET + "=" * (-len(OLD_SECRET) % 8)))
    totp.time = time.time()
    client.post(
        "/admin/login/",
        {"username": "coordinator", "password": PASSWORD, "otp_token": f"{totp.token():06d}"},
    )
    assert client.session.get("_auth_user_id") == str(coordinator.pk)
    # Without the code, the password alone no longer signs in.
    client.logout()
    client.post("/admin/login/", {"username": "coordinator", "password": PASSWORD})
    assert client.session.get("_auth_user_id") is None
