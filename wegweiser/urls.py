"""URL configuration: the admin outside the language prefix, every public page under /<lang>/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import pgettext_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from api import views as api_views
from base import offline, sitemap
from directory import views as directory_views
from partners import views as partner_views
from search import views as search_views
from wegweiser.health import healthz

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("healthz", healthz, name="healthz"),
    path("api/hsds", api_views.root, name="hsds_root_no_slash"),
    path("api/hsds/", include("api.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap.sitemap_index, name="sitemap"),
    path(
        "sitemap-<str:language>-<int:number>.xml",
        sitemap.sitemap_section,
        name="sitemap_section",
    ),
    path("robots.txt", sitemap.robots_txt, name="robots_txt"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("partner-invitation/", include("partners.urls")),
]

urlpatterns += i18n_patterns(
    # The search page's path is in the visitor's language (/de/suche/, /en/search/); the
    # German path answers in every language with a permanent redirect to it.
    path(pgettext_lazy("URL path", "search/"), search_views.search, name="search"),
    path("suche/", RedirectView.as_view(pattern_name="search", permanent=True, query_string=True)),
    path("flyer/<slug:code>.pdf", directory_views.action_field_flyer, name="action_field_flyer"),
    path("suche/vorschlaege/", search_views.suggestions, name="search_suggestions"),
    path("offline/", offline.offline, name="offline"),
    path("gespeichert/", offline.saved_listings, name="saved_listings"),
    path(
        "korrektur/<int:listing_id>/", partner_views.suggest_correction, name="suggest_correction"
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# While the database is unreachable (a restart, a network gap): 503 in the visitor's language.
handler500 = "base.errors.server_error"
