"""Local development: debug on, a fixed development key, mails to the console."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-change-me"  # noqa: F405, S105
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Base decided with DEBUG off; development with DEBUG on may use the admin without 2FA.
WEGWEISER_REQUIRE_TWO_FACTOR = not DEBUG
# One process with the in-memory cache: axes's counters work (production requires Redis).
SILENCED_SYSTEM_CHECKS = ["axes.W001"]
