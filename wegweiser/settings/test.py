"""Test settings: fast password hashing, in-memory mail, no debug toolbar noise."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
if not MEDIA_ROOT_FROM_ENVIRONMENT:  # noqa: F405 (CI gives each parallel run its own)
    MEDIA_ROOT = str(BASE_DIR / ".test-media")  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "base.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The official HSDS 3.0 schemas beside the project: the tests check imports and exports
# against them (a failure in CI when missing, see tests/api/conftest.py).
HSDS_SCHEMA_DIR = HSDS_SCHEMA_DIR or BASE_DIR.parent / "shared" / "hsds-3.0"  # noqa: F405
# wagtail-localize's dummy translator (reverses words) stands in for DeepL/LibreTranslate.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
# Tests serve no collected static files; WhiteNoise would only warn about the missing folder.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405
# Most tests sign in with force_login, which no authenticator confirms; the sign-in tests
# (tests/partners/test_login_security.py) switch the requirement on as production has it.
WEGWEISER_REQUIRE_TWO_FACTOR = False
# One process with the in-memory cache: axes's counters work (production requires Redis).
SILENCED_SYSTEM_CHECKS = ["axes.W001"]
# Tests call the public endpoints hundreds of times from one address (fuzzing, crawls); the
# rate-limit tests (tests/base/test_rate_limits.py) lower the limits they check. The
# correction form keeps its real limit: its tests post only a handful.
WEGWEISER_RATE_LIMITS = {
    **WEGWEISER_RATE_LIMITS,  # noqa: F405
    **{family: (100_000, 60) for family in ("search", "suggestions", "api", "sitemap")},
    # The demo crawl draws every flyer the home page links.
    "flyer": (100_000, 3600),
}
