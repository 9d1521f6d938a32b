"""Invitations: a partner editor's account in their organisation's group, and a mail with
an expiring link to set a password (valid for ``PASSWORD_RESET_TIMEOUT``, 3 days by default;
it stops working once the password is set)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from partners.emails import admin_url, send_to_users
from partners.roles import ensure_partner


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Like a password-reset token, but not interchangeable with one."""

    key_salt = "partners.invitations.InvitationTokenGenerator"


invitation_tokens = InvitationTokenGenerator()


def invitation_url(user) -> str:
    """The absolute link with which ``user`` sets a password."""
    path = reverse(
        "partners:accept_invitation",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": invitation_tokens.make_token(user),
        },
    )
    return admin_url(path)


@transaction.atomic
def invite_partner(organisation, email: str, invited_by=None):
    """Add the person with ``email`` to the organisation's editors and e-mail them.

    A new address gets an account without a password and a link to set one; an existing
    account gets the membership added (never an error) and a note with the login link.
    Returns ``(user, created)``.
    """
    User = get_user_model()
    email = User.objects.normalize_email(email.strip())
    partner = ensure_partner(organisation)
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        username = email
        if User.objects.filter(username=username).exists():
            username = f"{email}-{User.objects.count()}"
        user = User(username=username, email=email)
        user.set_unusable_password()
        user.save()
    user.groups.add(partner.group)
    context = {
        "organisation": partner.organisation,
        "invited_by": invited_by,
        "login_url": admin_url(reverse("wagtailadmin_login")),
        "set_password_url": None if user.has_usable_password() else invitation_url(user),
    }
    send_to_users([user], "invitation", context)
    return user, created
