"""``manage.py send_review_reminders``: run daily (cron or a systemd timer, see the README)."""

from django.core.management.base import BaseCommand

from partners.freshness import send_review_reminders


class Command(BaseCommand):
    help = "E-mail partner editors whose listings were not confirmed for 11 months."

    def handle(self, *args, **options):
        sent = send_review_reminders()
        for address, titles in sorted(sent.items()):
            self.stdout.write(f"{address}: {len(titles)} listing(s)")
        self.stdout.write(f"{len(sent)} reminder(s) sent.")
