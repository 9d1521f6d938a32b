"""E-mails to partners and coordinators, each in the recipient's admin language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.users.models import UserProfile


def user_language(user) -> str:
    """The language the user chose for the admin, or the site's default language."""
    return UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE


def admin_url(path: str) -> str:
    """An absolute URL for a link in an e-mail."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_to_users(users, template: str, context: dict) -> int:
    """Send ``partners/emails/<template>.txt`` to each user on their own (no shared To: line).

    The template's first line is the subject. Returns the number of e-mails sent.
    """
    sent = 0
    seen = set()
    for user in users:
        address = (user.email or "").strip()
        if not address or address.lower() in seen:
            continue
        seen.add(address.lower())
        with translation.override(user_language(user)):
            text = render_to_string(
                f"partners/emails/{template}.txt", {**context, "recipient": user}
            )
        subject, _blank, body = text.strip().partition("\n")
        sent += send_mail(subject.strip(), body.strip() + "\n", None, [address])
    return sent
