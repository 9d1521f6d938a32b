"""HSDS API routes, mounted at ``api/hsds/``. Every route matches with and without a trailing
slash (``/?$``): an API client must not get an APPEND_SLASH redirect."""

from django.urls import re_path

from api import views

app_name = "hsds"
ID = r"(?P<{}>[^/]{{1,64}})"

urlpatterns = [
    re_path(r"^$", views.root, name="root"),
    re_path(r"^openapi\.json$", views.openapi, name="openapi"),
    re_path(r"^docs/?$", views.docs, name="docs"),
    re_path(r"^services/?$", views.services, name="services"),
    re_path(rf"^services/{ID.format('service_id')}/?$", views.service, name="service"),
    re_path(r"^organizations/?$", views.organizations, name="organizations"),
    re_path(rf"^organizations/{ID.format('org_id')}/?$", views.organization, name="organization"),
    re_path(r"^service_at_locations/?$", views.service_at_locations, name="service_at_locations"),
    re_path(
        rf"^service_at_locations/{ID.format('sal_id')}/?$",
        views.service_at_location,
        name="service_at_location",
    ),
    re_path(r"^taxonomies/?$", views.taxonomies, name="taxonomies"),
    re_path(rf"^taxonomies/{ID.format('taxonomy_id')}/?$", views.taxonomy, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_terms, name="taxonomy_terms"),
    re_path(
        rf"^taxonomy_terms/{ID.format('term_id')}/?$", views.taxonomy_term, name="taxonomy_term"
    ),
]
