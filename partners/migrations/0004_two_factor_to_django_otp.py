"""Move every confirmed authenticator of the hand-made two-factor login into a django-otp
TOTP device, so nobody loses two-factor login; the old model goes in 0005."""

import base64

from django.db import migrations


def hex_key(secret):
    """The old base32 secret as django-otp's hex key."""
    padded = secret + "=" * (-len(secret) % 8)
    return base64.b32decode(padded, casefold=True).hex()


def move_devices(apps, schema_editor):
    TwoFactorDevice = apps.get_model("partners", "TwoFactorDevice")
    TOTPDevice = apps.get_model("otp_totp", "TOTPDevice")
    for old in TwoFactorDevice.objects.filter(confirmed=True):
        TOTPDevice.objects.create(
            user_id=old.user_id,
            name="Authenticator app",
            confirmed=True,
            key=hex_key(old.secret),
            # Same RFC 6238 parameters as before: 30-second steps, six digits, one step of
            # clock drift either way; the last accepted step still cannot be replayed.
            step=30,
            t0=0,
            digits=6,
            tolerance=1,
            last_t=old.last_step or -1,
        )


def move_back(apps, schema_editor):
    TwoFactorDevice = apps.get_model("partners", "TwoFactorDevice")
    TOTPDevice = apps.get_model("otp_totp", "TOTPDevice")
    for device in TOTPDevice.objects.filter(confirmed=True, step=30, digits=6, t0=0):
        secret = base64.b32encode(bytes.fromhex(device.key)).decode().rstrip("=")
        TwoFactorDevice.objects.update_or_create(
            user_id=device.user_id,
            defaults={"secret": secret, "confirmed": True, "last_step": max(device.last_t, 0)},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0003_two_factor_device"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(move_devices, move_back)]
