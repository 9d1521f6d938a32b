"""Mails sent in the background (django-tasks): the request or the scheduler enqueues one task
per recipient, the worker sends it (README "Background work").

A mail server that refuses or does not answer within ``EMAIL_TIMEOUT`` fails the attempt,
not the page: the mail is tried again after ``WEGWEISER_MAIL_RETRY_DELAYS`` (with the
database backend; the immediate one of development and tests tries again at once), up to
``WEGWEISER_MAIL_ATTEMPTS`` in all, then given up with an error in the log. One task per
recipient, so a retry never sends a mail twice to the others.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tasks import task

from directory.models import ListingPage
from partners.emails import admin_url, send_to_users
from partners.models import CorrectionSuggestion

logger = logging.getLogger(__name__)


def _retry_later(mail_task, attempt: int, kwargs: dict, error: Exception) -> None:
    """Enqueue the same mail again after a delay, or give it up after the last attempt."""
    if attempt >= settings.WEGWEISER_MAIL_ATTEMPTS:
        logger.error("Mail %s given up after %d attempts: %s", mail_task.name, attempt, error)
        return
    delays = settings.WEGWEISER_MAIL_RETRY_DELAYS
    delay = delays[min(attempt - 1, len(delays) - 1)]
    logger.warning(
        "Mail %s failed (%s), attempt %d, next in %d s", mail_task.name, error, attempt, delay
    )
    retry = mail_task
    if mail_task.get_backend().supports_defer:
        retry = mail_task.using(run_after=timezone.now() + datetime.timedelta(seconds=delay))
    retry.enqueue(**{**kwargs, "attempt": attempt + 1})


def deliver(mail_task, kwargs: dict, user_id: int, template: str, context: dict) -> int:
    """Send ``template`` to one active user; on a mail server failure, retry later and raise
    (the task's result then records the error)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    try:
        return send_to_users([user], template, context)
    except (smtplib.SMTPException, OSError) as error:
        _retry_later(mail_task, kwargs.get("attempt", 1), kwargs, error)
        raise


@task()
def send_correction_mail(user_id: int, suggestion_id: int, attempt: int = 1) -> int:
    """Tell one editor or coordinator about a visitor's correction suggestion."""
    suggestion = CorrectionSuggestion.objects.select_related("listing").filter(pk=suggestion_id)
    suggestion = suggestion.first()
    if suggestion is None:
        return 0
    listing = suggestion.listing.specific
    context = {
        "suggestion": suggestion,
        "listing": listing,
        "edit_url": admin_url(f"/admin/pages/{listing.id}/edit/"),
        "public_url": listing.full_url,
    }
    kwargs = {"user_id": user_id, "suggestion_id": suggestion_id, "attempt": attempt}
    return deliver(send_correction_mail, kwargs, user_id, "correction_suggestion", context)


@task()
def send_review_reminder_mail(
    user_id: int, listing_ids: list[int], today: str, attempt: int = 1
) -> int:
    """Remind one partner editor of their listings due for review."""
    listings = ListingPage.objects.filter(pk__in=listing_ids).order_by("last_reviewed")
    rows = [(listing, admin_url(f"/admin/pages/{listing.id}/edit/")) for listing in listings]
    if not rows:
        return 0
    context = {"rows": rows, "today": datetime.date.fromisoformat(today)}
    kwargs = {"user_id": user_id, "listing_ids": listing_ids, "today": today, "attempt": attempt}
    return deliver(send_review_reminder_mail, kwargs, user_id, "review_reminder", context)
