from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Partner self-service: roles, review workflow, invitations, freshness, corrections."""

    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from partners import signals  # its models import needs the loaded apps

        signals.connect()
