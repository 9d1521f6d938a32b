"""Page rights: a translators' group lets its members translate and publish, nothing more.

Wagtail derives unpublishing, deleting, moving, copying, privacy settings, locking and
reordering from the "change" and "publish" rights on a page. Translators need those two
rights on their language tree to work in wagtail-localize's editor, so every page type
answers ``permissions_for_user`` with the tester below: a right that reaches the user only
through a translators' group counts for editing and, unless the coordinator reviews
translations, for publishing; every other action needs a right from another group.
Wagtail's views, bulk actions, buttons and menus all ask this tester, so one class
decides for all of them.
"""

from django.apps import apps
from wagtail.models import PagePermissionTester

TRANSLATOR_GROUP_PREFIX = "Translators: "


def translator_group_ids(user) -> frozenset[int]:
    """Ids of the translators' groups ``user`` belongs to (cached on the user, as Wagtail does)."""
    cached = getattr(user, "_translator_group_ids", None)
    if cached is None:
        cached = frozenset(
            user.groups.filter(name__startswith=TRANSLATOR_GROUP_PREFIX).values_list(
                "id", flat=True
            )
        )
        user._translator_group_ids = cached
    return cached


def review_translations_enabled() -> bool:
    """Whether the coordinator wants translations reviewed before they are published."""
    # Looked up by name: base.models builds its pages on this module.
    return apps.get_model("base", "TranslationSettings").load().review_translations


class TranslationAwarePagePermissionTester(PagePermissionTester):
    """Wagtail's page rights, with translators' groups limited to editing and publishing."""

    def __init__(self, user, page):
        super().__init__(user, page)
        # The same tester without the rights that come from translators' groups.
        self.beyond_translation = PagePermissionTester(user, page)
        if user.is_active and not user.is_superuser:
            translators = translator_group_ids(user)
            self.beyond_translation.permissions = {
                perm.permission.codename.rsplit("_", maxsplit=1)[0]
                for perm in self.permission_policy.get_cached_permissions_for_user(user)
                if page.path.startswith(perm.page.path) and perm.group_id not in translators
            }

    def can_edit_beyond_translation(self) -> bool:
        """Whether the user may edit this page through a right other than translating it."""
        return self.beyond_translation.can_edit()

    def can_publish(self):
        if self.beyond_translation.can_publish():
            return True
        return super().can_publish() and not review_translations_enabled()

    def can_unpublish(self):
        return self.beyond_translation.can_unpublish()

    def can_delete(self, ignore_bulk=False):
        return self.beyond_translation.can_delete(ignore_bulk=ignore_bulk)

    def can_set_view_restrictions(self):
        return self.beyond_translation.can_set_view_restrictions()

    def can_unschedule(self):
        return self.beyond_translation.can_unschedule()

    def can_lock(self):
        return self.beyond_translation.can_lock()

    def can_add_subpage(self):
        return self.beyond_translation.can_add_subpage()

    def can_publish_subpage(self):
        return self.beyond_translation.can_publish_subpage()

    def can_reorder_children(self):
        return self.beyond_translation.can_reorder_children()

    def can_move(self):
        return self.beyond_translation.can_move()

    def can_copy(self):
        return self.beyond_translation.can_copy()
