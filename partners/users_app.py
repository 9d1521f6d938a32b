"""The app config that replaces ``wagtail.users`` in INSTALLED_APPS (its own module, so that
``partners.apps`` keeps a single AppConfig for Django to pick)."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with coordinators limited to partners' and translators' accounts."""

    user_viewset = "partners.users.UserViewSet"
