"""``manage.py invite_partner --organisation <slug> --email <address>``."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from base.languages import SOURCE_LANGUAGE
from directory.models import OrganisationPage
from partners.invitations import invite_partner


class Command(BaseCommand):
    help = "Invite an editor for a partner organisation (an existing account gets the membership)."

    def add_arguments(self, parser):
        parser.add_argument("--organisation", required=True, help="slug of the German page")
        parser.add_argument("--email", required=True)

    def handle(self, *args, organisation, email, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"Not an e-mail address: {email}") from error
        page = OrganisationPage.objects.filter(
            slug=organisation, locale__language_code=SOURCE_LANGUAGE
        ).first()
        if page is None:
            known = ", ".join(
                OrganisationPage.objects.filter(locale__language_code=SOURCE_LANGUAGE)
                .order_by("slug")
                .values_list("slug", flat=True)
            )
            raise CommandError(f"No organisation with the slug '{organisation}'. Known: {known}")
        user, created = invite_partner(page, email)
        state = "created and invited" if created else "added to the organisation and notified"
        self.stdout.write(f"{user.email}: {state} ({page.title}).")
