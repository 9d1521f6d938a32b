"""Keep roles in step with the page tree: new organisations, new languages, new settings."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.signals import page_published

from directory.models import DirectoryIndexPage, OrganisationPage
from partners.freshness import reviewed_version_published
from partners.models import Partner
from partners.roles import apply_partner_rights, assign_review_workflow, ensure_partner, sync_all


def organisation_saved(sender, instance, raw=False, **kwargs):
    """Every organisation page, in any language, is covered by its partner's rights."""
    if raw:
        return

    ensure_partner(instance)


def directory_saved(sender, instance, created=False, raw=False, **kwargs):
    """A directory page of a new language tree gets the partner review workflow."""
    if raw or not created:
        return

    assign_review_workflow(instance)


def partner_saved(sender, instance, raw=False, **kwargs):
    """Switching "may publish directly" grants or withdraws the publish right at once."""
    if raw:
        return

    apply_partner_rights(instance)


def partner_deleted(sender, instance, **kwargs):
    """An organisation left (its German page was deleted): its editors' group and rights go."""
    Group.objects.filter(pk=instance.group_id).delete()


def roles_after_migrate(sender, **kwargs):
    """Repair roles after ``migrate`` (and after a test database flush).

    Runs once, for the last app with models (the only ones signalled): every app's
    permissions exist only after its own ``post_migrate`` (Wagtail's come after ours).
    """
    from django.apps import apps

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender.label != with_models[-1].label:
        return
    from wagtail.models import Page

    if Page.get_first_root_node() is None:
        # A flushed test database: there is no tree to give rights on until it is restored.
        return

    sync_all()


def connect():
    """Connect the handlers (called from the app's ``ready``)."""
    post_save.connect(organisation_saved, sender=OrganisationPage, dispatch_uid="partners_org")
    post_save.connect(directory_saved, sender=DirectoryIndexPage, dispatch_uid="partners_dir")
    post_save.connect(partner_saved, sender=Partner, dispatch_uid="partners_partner")
    post_delete.connect(partner_deleted, sender=Partner, dispatch_uid="partners_partner_deleted")
    post_migrate.connect(roles_after_migrate, dispatch_uid="partners_migrate")
    page_published.connect(reviewed_version_published, dispatch_uid="partners_reviewed")
