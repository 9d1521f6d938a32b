"""Production: secrets come from the environment, HTTPS only, cookies secure, static hashed.

It refuses to start with an unsafe configuration rather than warn: debug mode, a wildcard
host, a short or published key, no database, a cache not shared by the server processes.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

# Keys that were ever written in this repository (development and tests): never in production.
PUBLISHED_KEYS = {"dev-only-insecure-key-change-me", "test-only-key"}
MIN_KEY_LENGTH = 50

if DEBUG:  # noqa: F405
    raise ImproperlyConfigured("DEBUG must be off in production: unset DEBUG or set DEBUG=false.")
for _name, _key in [("SECRET_KEY", SECRET_KEY)] + [  # noqa: F405
    ("SECRET_KEY_FALLBACKS", key) for key in env_list("SECRET_KEY_FALLBACKS", "")
]:
    if len(_key) < MIN_KEY_LENGTH or len(set(_key)) < 5 or _key in PUBLISHED_KEYS:
        raise ImproperlyConfigured(
            f"{_name} must be a random value of at least {MIN_KEY_LENGTH} characters, e.g. from "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
        )
if "*" in ALLOWED_HOSTS or not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names; '*' is refused.")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must be set in the environment for production.")
if CACHES["default"]["BACKEND"] != "base.cache.ResilientRedisCache":  # noqa: F405
    raise ImproperlyConfigured(
        "CACHE_URL must be redis://host:port/db (or rediss://) in production: login throttling, "
        "rate limits and the content version must be shared by every server process; the "
        "in-memory (locmem://, the default) and file caches are refused."
    )

# Superusers and coordinators sign in with two-factor login, whatever the environment says.
WEGWEISER_REQUIRE_TWO_FACTOR = True

# Old keys still accepted for signatures while sessions and links made with them expire.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", "")

# HTTPS only. A TLS-terminating proxy that redirects itself may switch the redirect off; the
# health check stays reachable over plain HTTP for load balancers.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "wegweiser@localhost")
