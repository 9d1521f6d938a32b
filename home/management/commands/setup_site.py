"""``manage.py setup_site``: the skeleton of a new site in every content language."""

import time

from django.core.management.base import BaseCommand

from home.skeleton import Network, setup_site


class Command(BaseCommand):
    help = (
        "Create what an empty, migrated site needs, in every language of "
        "WAGTAIL_CONTENT_LANGUAGES: the home page (replacing Wagtail's welcome page), the "
        "directory with its partner list, the privacy page and the eleven action fields. "
        "The network's name and contact come from the options or the WEGWEISER_NETWORK_NAME "
        "and WEGWEISER_CONTACT_* settings and are used when the home page is created. Safe to "
        "run again: what exists is never changed or deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument("--network-name", help="the network's name (the home page's title)")
        parser.add_argument("--contact-email", help="the publisher's e-mail address")
        parser.add_argument("--contact-phone", help="the publisher's phone number")
        parser.add_argument("--contact-address", help='the postal address, lines separated by ";"')
        parser.add_argument("--contact-website", help="the network's website (https://...)")

    def handle(self, *args, **options):
        started = time.monotonic()
        network = Network.from_settings(
            name=options["network_name"],
            email=options["contact_email"],
            phone=options["contact_phone"],
            address=options["contact_address"],
            website=options["contact_website"],
        )
        if options["verbosity"] >= 1:
            self.stdout.write(f"Setting up the site of {network.name} ...")
        report = setup_site(network)
        if options["verbosity"] >= 1:
            for line in report.lines():
                self.stdout.write(line)
            created = sum(report.created.values())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Site ready in {time.monotonic() - started:.1f} s ({created} objects created)."
                )
            )
