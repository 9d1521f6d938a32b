"""Views: accepting an invitation, the public correction form, and the admin views for
partners ("still correct"), coordinators (invite, stale listings), two-factor setup and the
superusers' sign-in reset."""

import base64

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page

from base import ratelimit
from base.languages import SOURCE_LANGUAGE
from directory.models import ListingPage
from partners import freshness
from partners.auth import reset_login_failures, reset_two_factor, two_factor_required
from partners.forms import CorrectionSuggestionForm, InvitePartnerForm, TwoFactorCodeForm
from partners.invitations import invitation_tokens, invite_partner
from partners.models import CorrectionSuggestion, Partner
from partners.roles import COORDINATORS, is_coordinator, source_organisation
from partners.tasks import send_correction_mail


def accept_invitation(request, uidb64, token):
    """Set the password of an invited account, then log in to the admin."""
    User = get_user_model()
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        user = None
    if user is None or not invitation_tokens.check_token(user, token):
        return render(request, "partners/invitation_invalid.html", status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        # Several backends are configured; this one is the password (and code) backend.
        login(request, user, backend="partners.auth.PasswordAndCodeBackend")
        return redirect("wagtailadmin_home")
    return render(request, "partners/accept_invitation.html", {"form": form, "invited": user})


def _correction_recipients(listing):
    """That organisation's editors and the coordinators."""
    User = get_user_model()
    organisation = listing.organisation
    partner = (
        Partner.objects.filter(organisation=source_organisation(organisation)).first()
        if organisation
        else None
    )
    editors = list(partner.editors()) if partner else []
    coordinators = list(User.objects.filter(groups__name=COORDINATORS, is_active=True))
    return editors + [user for user in coordinators if user not in editors]


@require_POST
def suggest_correction(request, listing_id):
    """Store a visitor's correction and tell the organisation's editors and coordinators."""
    listing = get_object_or_404(ListingPage.objects.live().public(), id=listing_id)
    form = CorrectionSuggestionForm(
        request.POST, min_seconds=settings.WEGWEISER_CORRECTION_MIN_SECONDS
    )
    # Only accepted suggestions count (recorded below), so a typo costs nothing.
    retry_after = ratelimit.exceeded(request, "correction")
    if retry_after is not None:
        response = TemplateResponse(
            request,
            "partners/correction_result.html",
            {"page": listing, "result": "limit"},
            status=429,
        )
        response["Retry-After"] = str(retry_after)
        return response
    if form.is_spam():
        # Bots are told nothing useful; nothing is stored or sent.
        return TemplateResponse(
            request,
            "partners/correction_result.html",
            {"page": listing, "result": "rejected"},
            status=400,
        )
    if not form.is_valid():
        return TemplateResponse(
            request,
            "partners/correction_result.html",
            {"page": listing, "result": "invalid", "form": form},
            status=400,
        )
    ratelimit.record(request, "correction")
    suggestion = CorrectionSuggestion.objects.create(
        listing=listing,
        message=form.cleaned_data["message"],
        contact=form.cleaned_data["contact"],
        language=get_language() or "",
    )
    # Sent by the worker (partners.tasks): a slow mail server never delays the visitor.
    for user in _correction_recipients(listing):
        if (user.email or "").strip():
            send_correction_mail.enqueue(user_id=user.pk, suggestion_id=suggestion.pk)
    return HttpResponseRedirect(f"{listing.url}?correction=thanks#correction")


@require_POST
def still_correct(request, page_id):
    """One click: the listing is checked today, in every language."""
    listing = get_object_or_404(ListingPage, id=page_id)
    # Translators' rights are for translating: confirming the facts is the partner's call.
    if not listing.permissions_for_user(request.user).can_edit_beyond_translation():
        raise PermissionDenied
    freshness.confirm_still_correct(listing, request.user)
    messages.success(
        request,
        _("Thank you: “%(title)s” is marked as checked today in every language.")
        % {"title": listing.title},
    )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = "wagtailadmin_home"
    return redirect(target)


def require_coordinator(request):
    if not is_coordinator(request.user):
        raise PermissionDenied


def invite(request):
    """Coordinators invite an editor for an organisation."""
    require_coordinator(request)
    form = InvitePartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user, created = invite_partner(
            form.cleaned_data["organisation"], form.cleaned_data["email"], request.user
        )
        message = (
            _("%(email)s was invited to edit for %(organisation)s.")
            if created
            else _("%(email)s already had an account and now also edits for %(organisation)s.")
        )
        messages.success(
            request,
            message % {"email": user.email, "organisation": form.cleaned_data["organisation"]},
        )
        return redirect("partners_invite")
    return render(
        request, "partners/admin/invite.html", {"form": form, "title": _("Invite a partner")}
    )


def stale_report(request):
    """Coordinators' report: listings not checked for a year, oldest first."""
    require_coordinator(request)
    listings = list(freshness.stale_listings())
    organisations = {
        page.path: page
        for page in Page.objects.filter(
            path__in={listing.path[: -Page.steplen] for listing in listings}
        )
    }
    rows = [(listing, organisations.get(listing.path[: -Page.steplen])) for listing in listings]
    return render(
        request, "partners/admin/stale_report.html", {"rows": rows, "title": _("Stale listings")}
    )


def unassigned_report(request):
    """Coordinators' report: German listings with no action field yet (an import brought
    them without one, or with terms no mapping knows), newest first."""
    require_coordinator(request)
    listings = list(
        ListingPage.objects.filter(locale__language_code=SOURCE_LANGUAGE, alias_of__isnull=True)
        .filter(action_field_links__isnull=True)
        .order_by("-first_published_at", "title")
    )
    organisations = {
        page.path: page
        for page in Page.objects.filter(
            path__in={listing.path[: -Page.steplen] for listing in listings}
        )
    }
    rows = [(listing, organisations.get(listing.path[: -Page.steplen])) for listing in listings]
    return render(
        request,
        "partners/admin/unassigned_report.html",
        {"rows": rows, "title": _("Listings not yet assigned")},
    )


RECOVERY_CODES = 10


def _new_recovery_codes(user) -> list[str]:
    """Replace ``user``'s recovery codes with fresh ones; each works once."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="Recovery codes", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def two_factor(request):
    """Set up two-factor login (authenticator app by QR code, recovery codes), renew the
    recovery codes or, where it is not required, switch it off; each with a current code."""
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    setting_up = device is None
    if setting_up:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    required = two_factor_required(user)
    form = TwoFactorCodeForm(request.POST or None)
    codes = None
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action", "")
        if not device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            form.add_error("code", _("This code is wrong or was already used."))
        elif setting_up:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            otp_login(request, device)
            codes = _new_recovery_codes(user)
            setting_up = False
            messages.success(request, _("Two-factor login is on: login now asks for a code."))
        elif action == "recovery_codes":
            codes = _new_recovery_codes(user)
            messages.success(request, _("New recovery codes: the old ones no longer work."))
        elif action == "switch_off" and not required:
            reset_two_factor(user)
            messages.success(request, _("Two-factor login is switched off."))
        if codes is not None:
            # The page that shows the new recovery codes starts with an empty form.
            form = TwoFactorCodeForm()
        elif not form.errors:
            return redirect("partners_two_factor")
    static = StaticDevice.objects.filter(user=user).first()
    return render(
        request,
        "partners/admin/two_factor.html",
        {
            "title": _("Two-factor login"),
            "setting_up": setting_up,
            "required": required,
            "form": form,
            "recovery_codes": codes,
            "recovery_codes_left": static.token_set.count() if static else 0,
            "secret": base64.b32encode(device.bin_key).decode() if setting_up else "",
            # Drawn here as SVG: no image service learns the secret, nothing is downloaded.
            "qr_code": mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=4))  # noqa: S308
            if setting_up
            else "",
        },
    )


def reset_sign_in(request, user_id):
    """Superusers unlock an account locked by failed logins, or remove its two-factor login
    (a lost phone without recovery codes); the user then sets it up again."""
    if not request.user.is_superuser:
        raise PermissionDenied
    account = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        if request.POST.get("action") == "two_factor":
            reset_two_factor(account)
            messages.success(
                request,
                _("Two-factor login of %(user)s was removed.") % {"user": account.get_username()},
            )
        else:
            reset_login_failures(account)
            messages.success(
                request,
                _("Failed logins of %(user)s were forgotten: the account is unlocked.")
                % {"user": account.get_username()},
            )
        return redirect("wagtailusers_users:index")
    return render(
        request,
        "partners/admin/reset_sign_in.html",
        {
            "title": _("Reset sign-in"),
            "account": account,
            "has_two_factor": user_has_device(account),
        },
    )
