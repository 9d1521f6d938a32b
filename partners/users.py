"""Accounts in the admin: coordinators manage partners' and translators' accounts only.

Wagtail lets anyone with "change user" edit every account, tick "Administrator" and give any
group. Here only a superuser creates, edits or deletes a superuser or a coordinator, or gives
those roles; a coordinator does not see the choices and is refused on the server, through
the add, edit and delete views and the bulk actions (assign role, (de)activate, delete).
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.bulk_actions.user_bulk_action import UserBulkAction
from wagtail.users.views.users import CreateView, DeleteView, EditView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from partners.roles import COORDINATORS

# Groups whose members only a superuser may manage or appoint.
PROTECTED_GROUPS = (COORDINATORS,)


def is_protected(user) -> bool:
    """Superusers and coordinators: accounts only a superuser may change."""
    return user.is_superuser or user.groups.filter(name__in=PROTECTED_GROUPS).exists()


def may_manage_user(request_user, user) -> bool:
    """Whether ``request_user`` may edit or delete ``user``'s account."""
    return request_user.is_superuser or not is_protected(user)


def protected_groups():
    return Group.objects.filter(name__in=PROTECTED_GROUPS)


class LimitedRolesMixin:
    """A user form without "Administrator" and the protected groups for non-superusers."""

    def __init__(self, *args, request_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if request_user is None or request_user.is_superuser:
            return
        self.fields.pop("is_superuser", None)
        if "groups" in self.fields:
            groups = self.fields["groups"]
            groups.queryset = groups.queryset.exclude(name__in=PROTECTED_GROUPS)


class LimitedUserCreationForm(LimitedRolesMixin, UserCreationForm):
    pass


class LimitedUserEditForm(LimitedRolesMixin, UserEditForm):
    pass


class RequestUserFormMixin:
    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"request_user": self.request.user}


class UserCreate(RequestUserFormMixin, CreateView):
    pass


class UserEdit(RequestUserFormMixin, EditView):
    def dispatch(self, request, *args, **kwargs):
        if not may_manage_user(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserDelete(DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not may_manage_user(request.user, self.get_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(WagtailUserViewSet):
    """Wagtail's user admin with the role limits above."""

    add_view_class = UserCreate
    edit_view_class = UserEdit
    delete_view_class = UserDelete

    def get_form_class(self, for_update=False):
        return LimitedUserEditForm if for_update else LimitedUserCreationForm


def refuse_protected_bulk_changes(request, action_type, objects, action) -> None:
    """``before_bulk_action``: no bulk change to, or appointment of, a protected account."""
    if not isinstance(action, UserBulkAction) or request.user.is_superuser:
        return
    if any(is_protected(user) for user in objects):
        raise PermissionDenied
    role = getattr(action, "cleaned_form", None) and action.cleaned_form.cleaned_data.get("role")
    if role is not None and role.name in PROTECTED_GROUPS:
        raise PermissionDenied
