"""Forms: the public correction suggestion, the coordinators' invitation form, and sign-in
(login with the authenticator code, throttled password reset, two-factor setup)."""

import time

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate
from django.core import signing
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm

from base import ratelimit
from base.languages import SOURCE_LANGUAGE
from directory.models import OrganisationPage

FORM_STARTED_SALT = "partners.correction.started"
MAX_FORM_AGE = 24 * 3600


def form_started_token() -> str:
    """A signed timestamp put into the form, to tell bots (instant posts) from people."""
    return signing.dumps(time.time(), salt=FORM_STARTED_SALT)


class CorrectionSuggestionForm(forms.Form):
    """What is wrong with a listing. ``website`` is a honeypot that people never see."""

    message = forms.CharField(
        label=_("What is wrong or missing?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    contact = forms.CharField(
        label=_("Your e-mail or phone number, if we may ask you (optional)"),
        max_length=200,
        required=False,
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, min_seconds: float = 3, **kwargs):
        super().__init__(*args, **kwargs)
        self.min_seconds = min_seconds

    def is_spam(self) -> bool:
        """Filled honeypot, forged or stale timestamp, or sent faster than a person types."""
        if self.data.get("website"):
            return True
        try:
            started = float(
                signing.loads(
                    self.data.get("started", ""), salt=FORM_STARTED_SALT, max_age=MAX_FORM_AGE
                )
            )
        except (signing.BadSignature, TypeError, ValueError):
            return True
        return time.time() - started < self.min_seconds


class InvitePartnerForm(forms.Form):
    """A coordinator invites someone to edit for an organisation."""

    organisation = forms.ModelChoiceField(queryset=None, label=_("Organisation"))
    email = forms.EmailField(label=_("E-mail address"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = OrganisationPage.objects.filter(
            locale__language_code=SOURCE_LANGUAGE
        ).order_by("title")


class TwoFactorLoginForm(LoginForm):
    """Wagtail's login form plus the authenticator code, checked in one step with the
    password (``partners.auth.PasswordAndCodeBackend``): a wrong password and a wrong or
    missing code give the same answer, so the form never confirms a password."""

    otp_token = forms.CharField(
        label=_("Code from your authenticator app or a recovery code (with two-factor login)"),
        required=False,
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            self.user_cache = authenticate(
                self.request,
                username=username,
                password=password,
                otp_token=self.cleaned_data.get("otp_token", ""),
            )
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's password reset form, throttled per address and per e-mail address.

    Beyond either limit the answer stays the same ("if an account exists, a mail is on its
    way") but no mail goes out, so the limits tell nobody whether an account exists.
    """

    def save(self, *args, request=None, **kwargs):
        window = settings.WEGWEISER_PASSWORD_RESET_WINDOW_SECONDS
        email = self.cleaned_data["email"].strip().lower()
        address_key = "partners:reset:address:" + ratelimit.client_hash(request)
        per_address = ratelimit.hit(address_key, window)
        per_email = ratelimit.hit("partners:reset:email:" + ratelimit.keyed_hash(email), window)
        if (
            per_address > settings.WEGWEISER_PASSWORD_RESET_LIMIT_PER_ADDRESS
            or per_email > settings.WEGWEISER_PASSWORD_RESET_LIMIT_PER_EMAIL
        ):
            return
        super().save(*args, request=request, **kwargs)


class TwoFactorCodeForm(forms.Form):
    """Confirm two-factor login, or change it, with a current code from the app."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
