"""Freshness of listings: "still correct" confirmations, reminders and the stale report.

A listing's review date is a synchronised field: the same date holds for every language of
the listing, so one confirmation covers all of them.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, Revision

from base.content_cache import content_changed
from base.languages import SOURCE_LANGUAGE
from directory.models import ListingPage
from partners.models import Partner, ReviewReminder
from partners.tasks import send_review_reminder_mail

STILL_CORRECT_ACTION = "partners.still_correct"


def german_listings():
    """Every listing of the source language tree (each stands for all its languages)."""
    return ListingPage.objects.filter(locale__language_code=SOURCE_LANGUAGE)


@transaction.atomic
def confirm_still_correct(listing, user=None, today: datetime.date | None = None) -> int:
    """A partner's "still correct": ``listing`` checked today in every language, logged."""
    updated = mark_checked(listing, today)
    log(instance=listing, action=STILL_CORRECT_ACTION, user=user)
    return updated


@transaction.atomic
def mark_checked(listing, today: datetime.date | None = None) -> int:
    """Mark ``listing`` as checked today in every language; returns the pages updated.

    The rows are updated for the public site, and the latest and live revisions too, so a
    later edit or an alias refresh from the German page keeps the new date.
    """
    today = today or timezone.localdate()
    key = listing.translation_key
    updated = ListingPage.objects.filter(translation_key=key).update(last_reviewed=today)
    revision_ids = set()
    for latest, live in Page.objects.filter(translation_key=key).values_list(
        "latest_revision_id", "live_revision_id"
    ):
        revision_ids.update(rid for rid in (latest, live) if rid)
    for revision in Revision.objects.filter(id__in=revision_ids):
        if "last_reviewed" in revision.content:
            revision.content["last_reviewed"] = today.isoformat()
            revision.save(update_fields=["content"])
    ReviewReminder.objects.filter(translation_key=key).delete()
    # The rows changed without a save: cached cards must show the new date.
    content_changed()
    return updated


def reviewed_version_published(sender, instance, revision=None, **kwargs):
    """``page_published``: a German listing published by a person counts as checked today.

    Publishing means a coordinator approved it or a trusted partner confirmed it; imports and
    the demo publish without a user and keep the date of their data. The revision being
    published carries the date too, because Wagtail copies it to the aliases afterwards.
    """
    if not isinstance(instance, ListingPage) or revision is None or revision.user_id is None:
        return
    if instance.locale.language_code != SOURCE_LANGUAGE:
        return
    today = timezone.localdate()
    if revision.content.get("last_reviewed") not in (None, today.isoformat()):
        revision.content["last_reviewed"] = today.isoformat()
        revision.save(update_fields=["content"])
    instance.last_reviewed = today
    mark_checked(instance, today)


def stale_listings(today: datetime.date | None = None):
    """Live listings not checked for ``WEGWEISER_STALE_AFTER_DAYS`` (a year), oldest first."""
    today = today or timezone.localdate()
    limit = today - datetime.timedelta(days=settings.WEGWEISER_STALE_AFTER_DAYS)
    return german_listings().live().filter(last_reviewed__lte=limit).order_by("last_reviewed")


def listings_due_for_review(today: datetime.date | None = None):
    """Live listings not checked for ``WEGWEISER_REVIEW_REMINDER_AFTER_DAYS`` (11 months)."""
    today = today or timezone.localdate()
    limit = today - datetime.timedelta(days=settings.WEGWEISER_REVIEW_REMINDER_AFTER_DAYS)
    return german_listings().live().filter(last_reviewed__lte=limit).order_by("last_reviewed")


def partner_by_path():
    """Each partner keyed by its German organisation page's tree path."""
    return {
        partner.organisation.path: partner
        for partner in Partner.objects.select_related("organisation", "group")
    }


def send_review_reminders(today: datetime.date | None = None) -> dict:
    """Enqueue a mail to each partner editor with the listings due for review; returns
    {address: [titles]}.

    A listing is reminded of once, then again every ``WEGWEISER_REVIEW_REMINDER_REPEAT_DAYS``
    until someone confirms it, so a daily run does not flood anyone.
    """
    today = today or timezone.localdate()
    now = timezone.now()
    repeat_after = datetime.timedelta(days=settings.WEGWEISER_REVIEW_REMINDER_REPEAT_DAYS)
    due = list(listings_due_for_review(today))
    reminded = {
        r.translation_key: r.sent_at
        for r in ReviewReminder.objects.filter(translation_key__in=[p.translation_key for p in due])
    }
    partners = partner_by_path()
    per_user = defaultdict(list)
    users = {}
    for listing in due:
        sent_at = reminded.get(listing.translation_key)
        if sent_at and now - sent_at < repeat_after:
            continue
        partner = partners.get(listing.path[: -Page.steplen])
        if partner is None:
            continue
        for user in partner.editors():
            users[user.pk] = user
            per_user[user.pk].append(listing)
    result = {}
    for user_pk, listings in per_user.items():
        user = users[user_pk]
        address = (user.email or "").strip()
        if not address or address in result:
            continue
        # One mail per editor, sent by the worker and retried there (partners.tasks).
        send_review_reminder_mail.enqueue(
            user_id=user.pk,
            listing_ids=[listing.pk for listing in listings],
            today=today.isoformat(),
        )
        result[address] = [listing.title for listing in listings]
    for listing in {listing for listings in per_user.values() for listing in listings}:
        ReviewReminder.objects.update_or_create(
            translation_key=listing.translation_key, defaults={"sent_at": now}
        )
    return result
