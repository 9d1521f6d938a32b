"""Admin integration: the partner's dashboard, scoped menus, coordinators' tools and reports."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from partners import views
from partners.dashboard import CoordinatorChartsPanel, PartnerListingsPanel
from partners.freshness import STILL_CORRECT_ACTION
from partners.models import CorrectionSuggestion, Partner
from partners.roles import is_coordinator, is_partner_editor_only, partners_of
from partners.users import refuse_protected_bulk_changes

# What a partner editor needs is the page explorer and the dashboard; the rest is noise or
# other people's material.
HIDDEN_FOR_PARTNERS = {"snippets", "reports", "settings", "images", "documents", "help"}


hooks.register("before_bulk_action", refuse_protected_bulk_changes)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "partners/still-correct/<int:page_id>/",
            views.still_correct,
            name="partners_still_correct",
        ),
        path("partners/invite/", views.invite, name="partners_invite"),
        path("reports/stale-listings/", views.stale_report, name="partners_stale_report"),
        path(
            "reports/unassigned-listings/",
            views.unassigned_report,
            name="partners_unassigned_report",
        ),
        path("partners/two-factor/", views.two_factor, name="partners_two_factor"),
        path(
            "partners/reset-sign-in/<int:user_id>/",
            views.reset_sign_in,
            name="partners_reset_sign_in",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_partner_panel(request, panels):
    if partners_of(request.user).exists():
        panels.insert(0, PartnerListingsPanel(request))
    if is_coordinator(request.user):
        panels.append(CoordinatorChartsPanel())


@hooks.register("construct_main_menu")
def hide_menus_from_partners(request, menu_items):
    """Partner editors see their organisation instead of the whole page tree, and no more."""
    if not is_partner_editor_only(request.user):
        return
    organisation = partners_of(request.user).order_by("organisation__title").first().organisation
    menu_items[:] = [
        MenuItem(
            _("My organisation"),
            reverse("wagtailadmin_explore", args=[organisation.id]),
            name="explorer",
            icon_name="folder-open-inverse",
            order=item.order,
        )
        if item.name == "explorer"
        else item
        for item in menu_items
        if item.name not in HIDDEN_FOR_PARTNERS
    ]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


@hooks.register("register_reports_menu_item")
def register_stale_report_menu_item():
    return CoordinatorMenuItem(
        _("Stale listings"), reverse("partners_stale_report"), icon_name="time", order=710
    )


@hooks.register("register_reports_menu_item")
def register_unassigned_report_menu_item():
    return CoordinatorMenuItem(
        _("Listings not yet assigned"),
        reverse("partners_unassigned_report"),
        icon_name="tag",
        order=715,
    )


@hooks.register("register_admin_menu_item")
def register_invite_menu_item():
    return CoordinatorMenuItem(
        _("Invite a partner"), reverse("partners_invite"), icon_name="mail", order=850
    )


@hooks.register("register_admin_menu_item")
def register_two_factor_menu_item():
    return MenuItem(
        _("Two-factor login"), reverse("partners_two_factor"), icon_name="key", order=860
    )


@hooks.register("register_user_listing_buttons")
def reset_sign_in_button(user, request_user):
    """Superusers unlock an account or remove its two-factor login from the users list."""
    if not request_user.is_superuser:
        return []
    return [
        Button(
            _("Reset sign-in"),
            reverse("partners_reset_sign_in", args=[user.pk]),
            icon_name="key",
            priority=30,
        )
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        STILL_CORRECT_ACTION, _("Confirmed as still correct"), _("Confirmed as still correct")
    )


class CreatedElsewherePolicy(ModelPermissionPolicy):
    """Nobody adds these in the admin: partners follow organisation pages, suggestions come
    from visitors."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class CorrectionSuggestionPolicy(CreatedElsewherePolicy):
    """Coordinators see every suggestion; an organisation's editors see the suggestions about
    its own listings (in every language) and mark them done, nothing else."""

    PARTNER_ACTIONS = frozenset({"view", "change"})

    def _model_right(self, user, actions) -> bool:
        return any(CreatedElsewherePolicy.user_has_permission(self, user, a) for a in actions)

    def user_has_permission(self, user, action):
        if self._model_right(user, [action]):
            return True
        return action in self.PARTNER_ACTIONS and user.is_active and partners_of(user).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if self._model_right(user, actions):
            return self.model.objects.all()
        if not user.is_active or not self.PARTNER_ACTIONS & set(actions):
            return self.model.objects.none()
        return self.model.objects.filter(about_own_organisations(user))

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def user_has_permission_for_instance(self, user, action, instance):
        if self._model_right(user, [action]):
            return True
        allowed = self.instances_user_has_any_permission_for(user, [action])
        return allowed.filter(pk=instance.pk).exists()


def about_own_organisations(user) -> Q:
    """Suggestions about listings below the user's partner organisations, in every language."""
    keys = [partner.organisation.translation_key for partner in partners_of(user)]
    paths = Page.objects.filter(translation_key__in=keys).values_list("path", flat=True)
    condition = Q(pk__in=[])
    for tree_path in paths:
        condition |= Q(listing__path__startswith=tree_path)
    return condition


register_permission_policy(Partner, CreatedElsewherePolicy(Partner))
register_permission_policy(CorrectionSuggestion, CorrectionSuggestionPolicy(CorrectionSuggestion))


class PartnerViewSet(SnippetViewSet):
    """Coordinators decide which organisations may publish without review."""

    model = Partner
    icon = "group"
    list_display = ["__str__", "may_publish_directly"]
    list_filter = ["may_publish_directly"]
    menu_label = _("Partners")


class OwnSuggestionOnly:
    """A suggestion's views answer only those allowed to see that one suggestion."""

    def get_object(self, *args, **kwargs):
        suggestion = super().get_object(*args, **kwargs)
        action = "change" if self.request.method == "POST" else "view"
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, action, suggestion
        ):
            raise PermissionDenied
        return suggestion


class CorrectionSuggestionViewSet(SnippetViewSet):
    """Visitors' correction suggestions: coordinators follow up on all of them, each
    organisation's editors on those about its own listings."""

    model = CorrectionSuggestion
    icon = "comment"
    list_display = ["listing", "message", "created_at", "done"]
    list_filter = ["done"]
    menu_label = _("Correction suggestions")
    edit_view_class = type("EditView", (OwnSuggestionOnly, SnippetViewSet.edit_view_class), {})
    history_view_class = type(
        "HistoryView", (OwnSuggestionOnly, SnippetViewSet.history_view_class), {}
    )
    usage_view_class = type("UsageView", (OwnSuggestionOnly, SnippetViewSet.usage_view_class), {})
    delete_view_class = type(
        "DeleteView", (OwnSuggestionOnly, SnippetViewSet.delete_view_class), {}
    )

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, ["view", "change"]
        )

    def register_chooser_viewset(self):
        """No chooser: nothing links to a suggestion, and a chooser would show them to
        every admin user."""


class PartnersViewSetGroup(SnippetViewSetGroup):
    items = (PartnerViewSet, CorrectionSuggestionViewSet)
    menu_icon = "group"
    menu_label = _("Partners")
    menu_name = "partners"
    menu_order = 800


register_snippet(PartnersViewSetGroup)
