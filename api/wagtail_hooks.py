"""Admin integration of open data: the CSV and HSDS import pages, the template download and
each import's progress page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from api import admin_views


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("open-data/csv/", admin_views.csv_upload, name="hsds_csv_import"),
        path("open-data/csv/template.csv", admin_views.csv_template, name="hsds_csv_template"),
        path("open-data/hsds/", admin_views.hsds_upload, name="hsds_import"),
        path(
            "open-data/imports/<int:job_id>/", admin_views.import_job, name="open_data_import_job"
        ),
    ]


@hooks.register("register_settings_menu_item")
def register_csv_import_menu_item():
    return SuperuserMenuItem(
        _("Import listings (CSV)"), reverse("hsds_csv_import"), icon_name="upload", order=900
    )


@hooks.register("register_settings_menu_item")
def register_hsds_import_menu_item():
    return SuperuserMenuItem(
        _("Import listings (HSDS)"), reverse("hsds_import"), icon_name="upload", order=901
    )
