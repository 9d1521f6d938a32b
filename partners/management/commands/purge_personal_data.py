"""``manage.py purge_personal_data``: run daily (cron or a systemd timer, see the README)."""

from django.core.management.base import BaseCommand

from partners.retention import purge_personal_data


class Command(BaseCommand):
    help = (
        "Delete visitors' correction suggestions and searches without results older than "
        "WEGWEISER_RETENTION_DAYS (180 days)."
    )

    def handle(self, *args, **options):
        for what, count in purge_personal_data().items():
            self.stdout.write(f"{count} {what} deleted.")
