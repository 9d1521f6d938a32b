"""Sign-in: password and authenticator code checked as one step, two-factor login required
for coordinators and superusers, and the hooks django-axes uses to throttle failed logins.

Throttling (``AXES_*`` settings) counts failures per account across addresses and per
address across accounts (``AXES_CLIENT_IP_CALLABLE`` is
:func:`base.ratelimit.client_address`: IPv6 by /64, proxies as configured) in the
shared cache; a lock ends after the cool-off and is never extended by further attempts.
"""

from axes.utils import reset
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import devices_for_user, match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from partners.roles import COORDINATORS

# Axes hashes the username and the address into keys of the same form; the prefix keeps a
# "username" that looks like an address from counting against that address.
USERNAME_PREFIX = "account:"


def throttled_username(request, credentials) -> str:
    """The account a login attempt counts against (``AXES_USERNAME_CALLABLE``)."""
    if credentials:
        username = credentials.get("username")
    else:
        username = getattr(request, "POST", {}).get("username")
    return USERNAME_PREFIX + (username or "").strip().lower()


def describe_attempt(username, ip_address, user_agent, path_info, request) -> str:
    """What axes writes to the log about an attempt: never the address
    (``AXES_CLIENT_STR_CALLABLE``)."""
    return f"{username} at {path_info}"


def reset_login_failures(user) -> None:
    """Unlock ``user``'s account: forget its failed logins (a superuser's reset)."""
    reset(username=USERNAME_PREFIX + user.get_username().strip().lower())


def reset_two_factor(user) -> None:
    """Remove ``user``'s authenticator app and recovery codes (a superuser's reset); a user
    who must use two-factor login sets it up again at the next sign-in."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def two_factor_required(user) -> bool:
    """Whether ``user`` may use the admin only with two-factor login: superusers and
    coordinators, unless ``WEGWEISER_REQUIRE_TWO_FACTOR`` is off (development)."""
    if not settings.WEGWEISER_REQUIRE_TWO_FACTOR or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=COORDINATORS).exists()


class PasswordAndCodeBackend(ModelBackend):
    """Django's user/password backend that also checks the authenticator code (or a
    recovery code) of users who set up two-factor login.

    A wrong password and a wrong code end the same way: no user, one failed login for
    django-axes to count, the same error on the form.
    """

    def authenticate(self, request, username=None, password=None, otp_token=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None or not any(devices_for_user(user)):
            return user
        device = match_token(user, (otp_token or "").replace(" ", ""))
        if device is None:
            return None
        # django-otp marks the session as verified with this device at login.
        user.otp_device = device
        return user


class TwoFactorMiddleware:
    """Sends admin users who must use two-factor login but have not set it up to the setup
    page, and signs out sessions that were not verified with a code although the user has
    an authenticator (e.g. a login made by accepting an invitation)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and self._guarded(request.path_info):
            if user_has_device(user):
                if not user.is_verified():
                    logout(request)
                    return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
            elif two_factor_required(user) and request.path_info != reverse("partners_two_factor"):
                return redirect("partners_two_factor")
        return self.get_response(request)

    @staticmethod
    def _guarded(path: str) -> bool:
        if not path.startswith(reverse("wagtailadmin_home")):
            return False
        return path not in {reverse("wagtailadmin_logout"), reverse("wagtailadmin_login")}
