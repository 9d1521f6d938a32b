"""``manage.py add_language ti``: bring a new content and interface language online."""

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from base.i18n import ensure_synced_locale, write_po_skeleton
from base.languages import LANGUAGE_CODE_RE, language_names, register_language


class Command(BaseCommand):
    help = (
        "Register a language, create its locale synchronised from German (every page gets an "
        "untranslated copy at once) and an interface translation file to fill in."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="ISO 639 code, e.g. ti (Tigrinya) or kmr (Kurmanji).")
        parser.add_argument("--name", default="", help="English name, if Django does not know it.")
        parser.add_argument("--name-local", default="", help="The language's name for itself.")
        parser.add_argument(
            "--rtl",
            action="store_true",
            default=None,
            help="The language is written right to left.",
        )

    def handle(self, *args, code, name, name_local, rtl, **options):
        code = code.strip().lower()
        if not LANGUAGE_CODE_RE.match(code):
            raise CommandError(
                f"'{code}' is not a language code: use two or three letters (ISO 639), "
                "optionally with a region, e.g. 'ti' or 'pt-br'."
            )
        try:
            name, name_local, bidi = language_names(code, name, name_local, rtl)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        register_language(code, name, name_local, bidi)
        po_path = write_po_skeleton(code, name)
        call_command("compile_translations", verbosity=0, stdout=self.stdout)
        locale = ensure_synced_locale(code)
        self.stdout.write(
            self.style.SUCCESS(
                f"{name} ({name_local}, {'right to left' if bidi else 'left to right'}) is "
                f"online as locale '{locale.language_code}' under /{code}/, showing German "
                "until translated."
            )
        )
        self.stdout.write(f"Interface strings to translate: {po_path}")
        self.stdout.write("Restart the web server so that it picks up the new language.")
