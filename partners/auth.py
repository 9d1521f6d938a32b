"""Throttling of failed logins: after ``WEGWEISER_LOGIN_FAILURE_LIMIT`` failures for one
username from one address, that pair is locked out for ``WEGWEISER_LOGIN_LOCKOUT_SECONDS``.

``ThrottledModelBackend`` replaces Django's ``ModelBackend``: while a username and address
are locked it refuses authentication (even with the right password). The counters live
in the cache under a keyed hash, so no IP address is stored.
"""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver

from partners import ratelimit


def _key(request, username) -> str:
    return "partners:login:" + ratelimit.client_hash(request, (username or "").strip().lower())


def is_locked(request, username) -> bool:
    return ratelimit.count(_key(request, username)) >= settings.WEGWEISER_LOGIN_FAILURE_LIMIT


class ThrottledModelBackend(ModelBackend):
    """Django's user/password backend, refusing locked username and address pairs."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is not None and is_locked(request, username):
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)


@receiver(user_login_failed)
def count_failed_login(sender, credentials, request=None, **kwargs):
    ratelimit.hit(
        _key(request, credentials.get("username")), settings.WEGWEISER_LOGIN_LOCKOUT_SECONDS
    )


@receiver(user_logged_in)
def forget_failed_logins(sender, request, user, **kwargs):
    cache.delete(_key(request, user.get_username()))
