"""Forms: the public correction suggestion and the coordinators' invitation form."""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from base.languages import SOURCE_LANGUAGE
from directory.models import OrganisationPage
from partners import auth

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
    """Wagtail's login form plus the authenticator code, asked of users who set one up."""

    otp_code = forms.CharField(
        label=_("Code from your authenticator app (only if you set up two-factor login)"),
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        device = getattr(user, "two_factor_device", None) if user else None
        if device is not None and device.confirmed and not device.verify(cleaned.get("otp_code")):
            # A wrong code counts like a wrong password towards the lockout.
            auth.count_failed_login(None, {"username": cleaned.get("username")}, self.request)
            raise forms.ValidationError(
                _("The code from your authenticator app is missing or wrong."), code="otp"
            )
        return cleaned


class TwoFactorCodeForm(forms.Form):
    """Confirm (or switch off) two-factor login with a current code."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
