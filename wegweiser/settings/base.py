"""Settings shared by every environment. Environment variables are read here and only here."""

import ipaddress
import json
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.conf.locale import LANG_INFO as django_lang_info
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean from the environment ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    """Read a comma-separated list from the environment, dropping blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # The project's apps from the ground up (see README "What is where"); "base" comes
    # first so that its guarded translation views answer before wagtail-localize's.
    "base",
    "directory",
    "search",
    "home",
    "partners",
    "api",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "partners.users_app.UsersConfig",  # wagtail.users with role limits (partners/users.py)
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "base.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "partners.auth.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A media folder that refuses an upload (read-only, full) is the admin's message.
    "base.storage.MediaStorageErrorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # German slugs in another language; listed before Wagtail's redirects, it sees a 404
    # after them, so an editor's redirect wins.
    "base.slug_redirects.GermanSlugRedirectMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "base.admin_guards.SnippetApiGuardMiddleware",
    # Last, so that it turns a lockout into its answer (429) after the login view ran.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wegweiser.urls"
WSGI_APPLICATION = "wegweiser.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "base.context_processors.site_chrome",
                "directory.context_processors.directory_link",
                "home.context_processors.privacy_link",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead log: readers see the last committed state while a writer works, so
    # `update_index` (one transaction) never blocks or empties the search (README "Search").
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_url(url: str) -> dict:
    """A CACHES entry from ``CACHE_URL``: empty or ``locmem://`` (one process),
    ``file:///absolute/folder`` (shared by the processes of one machine) or
    ``redis://host:port/db`` (shared by several machines; while Redis is down the site
    answers uncached, see base/cache.py)."""
    # Room for a few thousand rendered listing cards (about 2 KB each).
    options = {"MAX_ENTRIES": 5000}
    if not url or url == "locmem://":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": options}
    if url.startswith("file://") and url[len("file://") :].startswith("/"):
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": url[len("file://") :],
            "OPTIONS": options,
        }
    if url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "base.cache.ResilientRedisCache", "LOCATION": url}
    raise ImproperlyConfigured(
        f"CACHE_URL {url!r} is not understood: use locmem://, file:///absolute/folder "
        "or redis://host:port/db."
    )


# The published content's version token and rendered listing cards live here
# (base.content_cache): with several server processes it must be shared between them.
CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", ""))}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. German is the source language of all content; the others are translations.
# The list comes from the environment so that another city can ship other languages.
LANGUAGE_CODE = "de"
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

_LANGUAGE_NAMES = {
    "de": _("German"),
    "en": _("English"),
    "ar": _("Arabic"),
    "fa": _("Persian"),
    "uk": _("Ukrainian"),
    "ru": _("Russian"),
    "tr": _("Turkish"),
}
# Languages added with `manage.py add_language` (e.g. Tigrinya) are registered in this file:
# their names and direction for Django (which lacks several of them) and their code.
EXTRA_LANGUAGES_FILE = BASE_DIR / "locale" / "languages.json"
EXTRA_LANGUAGES = (
    json.loads(EXTRA_LANGUAGES_FILE.read_text(encoding="utf-8"))
    if EXTRA_LANGUAGES_FILE.exists()
    else {}
)
for _code, _info in EXTRA_LANGUAGES.items():
    django_lang_info.setdefault(
        _code,
        {
            "code": _code,
            "name": _info["name"],
            "name_local": _info["name_local"],
            "bidi": bool(_info.get("bidi")),
        },
    )
    _LANGUAGE_NAMES.setdefault(_code, _info["name"])

WAGTAIL_CONTENT_LANGUAGE_CODES = env_list("WAGTAIL_CONTENT_LANGUAGES", "de,en,ar,fa,uk,ru,tr")
WAGTAIL_CONTENT_LANGUAGE_CODES += [
    code for code in EXTRA_LANGUAGES if code not in WAGTAIL_CONTENT_LANGUAGE_CODES
]
if "de" not in WAGTAIL_CONTENT_LANGUAGE_CODES:
    WAGTAIL_CONTENT_LANGUAGE_CODES.insert(0, "de")
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    (code, _LANGUAGE_NAMES.get(code, code)) for code in WAGTAIL_CONTENT_LANGUAGE_CODES
]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media"))
MEDIA_ROOT_FROM_ENVIRONMENT = "MEDIA_ROOT" in os.environ
# Uploaded images and documents: the media folder (base/storage.py: a full or read-only disk
# is a clear error, never half a file) or, for several app servers, an S3-compatible bucket
# (django-storages; MinIO, Ceph, Garage or a cloud provider) named by MEDIA_S3_BUCKET.
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID", ""),
            "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY", ""),
            "location": os.environ.get("MEDIA_S3_PREFIX", ""),
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            # Uploads never replace each other (like the media folder), and a private bucket
            # is read through signed, expiring links unless a public domain serves it.
            "file_overwrite": False,
            "querystring_auth": not os.environ.get("MEDIA_S3_CUSTOM_DOMAIN"),
            "default_acl": None,
            # Path-style URLs (endpoint/bucket/key), which every S3-compatible server serves.
            "addressing_style": "path" if os.environ.get("MEDIA_S3_ENDPOINT_URL") else None,
        },
    }
    # Where browsers load the images from, for the Content-Security-Policy below (without a
    # domain or endpoint: Amazon's, which CSP_EXTRA_IMG_SRC must then name).
    _media_domain = os.environ.get("MEDIA_S3_CUSTOM_DOMAIN", "")
    _media_endpoint = os.environ.get("MEDIA_S3_ENDPOINT_URL", "")
    MEDIA_ORIGINS = (
        [f"https://{_media_domain}"]
        if _media_domain
        else ["/".join(_media_endpoint.split("/")[:3])]
        if _media_endpoint
        else []
    )
else:
    MEDIA_STORAGE = {"BACKEND": "base.storage.MediaStorage"}
    MEDIA_ORIGINS = []
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# manage.py backup (make backup): where the archives go, and how many of them are kept there
# (the oldest beyond that number are deleted; 0 keeps all).
WEGWEISER_BACKUP_DIR = os.environ.get("BACKUP_DIR") or str(BASE_DIR / "backups")
WEGWEISER_BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "14"))

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Wegweiser")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "txt"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Search: the database backend is the embedded default; ELASTICSEARCH_URL switches to
# Elasticsearch (see search/backends.py for the fallback when it is unreachable).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": True},
}
# Seconds before a slow Elasticsearch counts as down (search falls back to the database).
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "0.5"))
if ELASTICSEARCH_URL:
    from search.es_config import elasticsearch_backends

    # One backend and index per content language, each with its language's analyzer.
    WAGTAILSEARCH_BACKENDS.update(
        elasticsearch_backends(
            ELASTICSEARCH_URL,
            os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "wegweiser_"),
            WAGTAIL_CONTENT_LANGUAGE_CODES,
            ELASTICSEARCH_TIMEOUT,
        )
    )

# Background work (django-tasks, README "Background work"): mails, admin imports, index
# updates. "immediate" runs each task at once in the process that enqueues it (development
# and tests need no worker); "database" stores it for `manage.py db_worker` (production).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate").strip().lower()
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND {TASKS_BACKEND!r} is not understood: use immediate or database."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}
# A mail the server refused or did not answer is tried again this many times in all, after
# these delays in seconds (with the database backend; the immediate one retries at once).
WEGWEISER_MAIL_ATTEMPTS = 3
WEGWEISER_MAIL_RETRY_DELAYS = (60, 600)
# Seconds before the mail server counts as unreachable (the attempt then fails and is retried).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The network that runs the site, for `manage.py setup_site` (its options override these):
# the home page's title and the publisher's contact in the footer. Used when the pages are
# created; afterwards editors change them in the admin.
WEGWEISER_NETWORK_NAME = os.environ.get("WEGWEISER_NETWORK_NAME", "")
WEGWEISER_CONTACT_EMAIL = os.environ.get("WEGWEISER_CONTACT_EMAIL", "")
WEGWEISER_CONTACT_PHONE = os.environ.get("WEGWEISER_CONTACT_PHONE", "")
# Lines separated by ";" (e.g. "Rathaus;Marktplatz 1;12345 Musterstadt").
WEGWEISER_CONTACT_ADDRESS = os.environ.get("WEGWEISER_CONTACT_ADDRESS", "")
WEGWEISER_CONTACT_WEBSITE = os.environ.get("WEGWEISER_CONTACT_WEBSITE", "")

# The page type at the root of each language tree (base never imports the home app).
WEGWEISER_HOME_PAGE_MODEL = "home.HomePage"
# Listings not reviewed for this many days are shown as possibly outdated.
WEGWEISER_STALE_AFTER_DAYS = 365
# National phone numbers ("0391 ...") become tel:+<code>391... links.
WEGWEISER_PHONE_COUNTRY_CODE = os.environ.get("PHONE_COUNTRY_CODE", "49")

# Public holidays close the regular opening hours (the `holidays` package): a country code
# and a state code (ISO 3166-2 subdivision, "ST" is Sachsen-Anhalt). An empty country: none.
WEGWEISER_HOLIDAYS_COUNTRY = os.environ.get("WEGWEISER_HOLIDAYS_COUNTRY", "DE")
WEGWEISER_HOLIDAYS_SUBDIV = os.environ.get("WEGWEISER_HOLIDAYS_SUBDIV", "ST")
# Maps of the results and of each listing from a tile server (an URL template with {z}, {x}
# and {y}, e.g. https://tile.example.org/{z}/{x}/{y}.png). Without one there is no map and
# no request to another site; its origin is added to the img-src of the policy (base/csp.py).
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")

# Machine translation as a first draft for translators, switched on by the environment.
DEEPL_AUTH_KEY = os.environ.get("DEEPL_AUTH_KEY", "")
LIBRETRANSLATE_URL = os.environ.get("LIBRETRANSLATE_URL", "")
if DEEPL_AUTH_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_AUTH_KEY},
    }
elif LIBRETRANSLATE_URL:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": LIBRETRANSLATE_URL,
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }

# Open data (HSDS 3.0): the official JSON schemas, when installed, are checked on import on top
# of the project's own rules. Unset, nothing outside the project is read (the tests point it at
# ../shared/hsds-3.0); and the region written into addresses.
HSDS_SCHEMA_DIR = Path(os.environ["HSDS_SCHEMA_DIR"]) if os.environ.get("HSDS_SCHEMA_DIR") else None
WEGWEISER_HSDS_STATE_PROVINCE = "Sachsen-Anhalt"
WEGWEISER_HSDS_COUNTRY = "DE"

# Partner self-service (partners app): review reminders, correction form.
# Reminders go out when a listing was not confirmed for about 11 months, then monthly.
WEGWEISER_REVIEW_REMINDER_AFTER_DAYS = 335
WEGWEISER_REVIEW_REMINDER_REPEAT_DAYS = 30
# Visitors' correction messages and searches without results are deleted after this many
# days (manage.py purge_personal_data, run daily by the scheduler).
WEGWEISER_RETENTION_DAYS = 180
# Pages per sitemap section (base/sitemap.py). Search engines accept 50,000 URLs and 50 MB per
# file; each entry here carries every translation as an alternate (about 1 KB in seven
# languages), so 10,000 keeps a section near 10 MB.
WEGWEISER_SITEMAP_SECTION_SIZE = 10_000
# "Suggest a correction": posts faster than this are bots (the hourly limit is below).
WEGWEISER_CORRECTION_MIN_SECONDS = 3
# Public endpoints, per client address (base.ratelimit, counted in the shared cache):
# (requests, window in seconds) per endpoint family; 0 requests switches a limit off. The
# defaults leave room for many people behind one shared address (a school, a shelter).
# Corrections count only accepted suggestions.
WEGWEISER_RATE_LIMITS = {
    "search": (int(os.environ.get("RATE_LIMIT_SEARCH", "120")), 60),
    "suggestions": (int(os.environ.get("RATE_LIMIT_SUGGESTIONS", "600")), 60),
    "api": (int(os.environ.get("RATE_LIMIT_API", "300")), 60),
    "sitemap": (int(os.environ.get("RATE_LIMIT_SITEMAP", "60")), 60),
    "correction": (int(os.environ.get("RATE_LIMIT_CORRECTIONS", "5")), 3600),
    # Flyers drawn anew (a flyer served from the cache is not counted).
    "flyer": (int(os.environ.get("RATE_LIMIT_FLYERS", "30")), 3600),
}
# Sign-in (README "Sign-in"). Failed logins, counted by django-axes in the shared cache,
# per account across all addresses and per address across all accounts: the 10th failure
# within 15 minutes of the previous one locks that account or address for 15 minutes from
# that failure. Attempts while locked are refused without being counted, so the lock always
# ends 15 minutes after it began; a superuser can lift it earlier (README).
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "base.ratelimit.client_address"
AXES_USERNAME_CALLABLE = "partners.auth.throttled_username"
AXES_CLIENT_STR_CALLABLE = "partners.auth.describe_attempt"
AXES_LOCKOUT_TEMPLATE = "partners/admin/locked_out.html"
AXES_ENABLE_ADMIN = False
# The client's address behind a reverse proxy (base.ratelimit.client_address). Either
# the META key of a header the proxy overwrites, e.g. "HTTP_X_REAL_IP"; or X-Forwarded-For,
# read from the right and believed only as far as our own proxies wrote it: the proxies'
# addresses or networks (TRUSTED_PROXIES) or how many proxies there are (TRUSTED_PROXY_COUNT).
WEGWEISER_CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
WEGWEISER_TRUSTED_PROXIES = [
    ipaddress.ip_network(network, strict=False) for network in env_list("TRUSTED_PROXIES", "")
]
WEGWEISER_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Password reset mails: at most this many per hour from one address and for one e-mail
# address; beyond that the form answers as usual but sends nothing.
WEGWEISER_PASSWORD_RESET_LIMIT_PER_ADDRESS = 5
WEGWEISER_PASSWORD_RESET_LIMIT_PER_EMAIL = 3
WEGWEISER_PASSWORD_RESET_WINDOW_SECONDS = 3600
# Password and authenticator code are one step (partners.auth.PasswordAndCodeBackend); axes
# refuses locked accounts and addresses before the password is looked at.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "partners.auth.PasswordAndCodeBackend",
]
WAGTAILADMIN_USER_LOGIN_FORM = "partners.forms.TwoFactorLoginForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "partners.forms.ThrottledPasswordResetForm"  # noqa: S105
# Superusers and coordinators must set up two-factor login before they use the admin
# (partners.auth.TwoFactorMiddleware); only development with DEBUG on spares them.
WEGWEISER_REQUIRE_TWO_FACTOR = not DEBUG
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Content-Security-Policy (base/csp.py). The public site loads only its own files: no
# inline script or style, no plugin, not framed, forms only to itself. Extra origins (e.g.
# a map tile server) and a report address come from the environment.
# (Not named CSP_REPORT_URI here: django-csp refuses settings named like its 3.x ones.)
_csp_report_uri = os.environ.get("CSP_REPORT_URI", "")
_csp_report = {"report-uri": [_csp_report_uri]} if _csp_report_uri else {}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, *MEDIA_ORIGINS, *env_list("CSP_EXTRA_IMG_SRC", "")],
        "connect-src": [SELF, *env_list("CSP_EXTRA_CONNECT_SRC", "")],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        **_csp_report,
    }
}
# The Wagtail admin (with wagtail-localize's editor and two-factor pages) and the sign-in
# pages built on its templates: Wagtail and wagtail-localize still write inline styles and
# scripts (the page editor has about twenty inline scripts; unsafe-eval is not needed),
# uploads are previewed from blob: and data: URLs, and the page editor shows its preview
# in a frame of the admin itself.
WEGWEISER_ADMIN_CSP_PATHS = ["/admin/", "/partner-invitation/"]
WEGWEISER_ADMIN_CSP = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS, *env_list("CSP_EXTRA_IMG_SRC", "")],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        **_csp_report,
    }
}
# Browser features: only the search page's "use my location", only for the site itself.
WEGWEISER_PERMISSIONS_POLICY = "geolocation=(self), camera=(), microphone=(), payment=(), usb=()"
# Search words travel in URLs (?q=): links to other sites get no Referer with them.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# The admin asks nobody outside the site: no avatars from gravatar.com, no version check
# against releases.wagtail.org (both would also break the admin's policy).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
