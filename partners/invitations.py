"""Invitations: a partner editor's account in their organisation's group, and a mail with
an expiring link to set a password (valid for ``PASSWORD_RESET_TIMEOUT``, 3 days by default;
it stops working once the password is set)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from directory.models import OrganisationPage
from partners.emails import admin_url
from partners.roles import ensure_partner
from partners.tasks import deliver


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
    # Stored with the account (same transaction) and sent by the worker (partners.tasks).
    send_invitation_mail.enqueue(
        user_id=user.pk,
        organisation_id=partner.organisation.pk,
        invited_by_id=invited_by.pk if invited_by is not None else None,
    )
    return user, created


@task()
def send_invitation_mail(
    user_id: int, organisation_id: int, invited_by_id: int | None = None, attempt: int = 1
) -> int:
    """The invitation mail: a link to set a password, or to log in with an existing account.

    The link is made when the mail is written, from the account's state then.
    """
    User = get_user_model()
    user = User.objects.filter(pk=user_id).first()
    organisation = OrganisationPage.objects.filter(pk=organisation_id).first()
    if user is None or organisation is None:
        return 0
    context = {
        "organisation": organisation,
        "invited_by": User.objects.filter(pk=invited_by_id).first() if invited_by_id else None,
        "login_url": admin_url(reverse("wagtailadmin_login")),
        "set_password_url": None if user.has_usable_password() else invitation_url(user),
    }
    kwargs = {
        "user_id": user_id,
        "organisation_id": organisation_id,
        "invited_by_id": invited_by_id,
        "attempt": attempt,
    }
    return deliver(send_invitation_mail, kwargs, user_id, "invitation", context)
