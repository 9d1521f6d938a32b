"""A changed action field mapping is applied again to every listing an import brought."""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from api import hsds
from api.importer import reapply_action_field_mapping
from directory.models import ActionFieldMapping


@receiver(pre_save, sender=ActionFieldMapping)
@receiver(pre_delete, sender=ActionFieldMapping)
def remember_mapping(sender, instance, **kwargs):
    """The mapping as it was, to tell afterwards which listings the change concerns."""
    instance._mapping_before = hsds.action_field_mapping()


@receiver(post_save, sender=ActionFieldMapping)
@receiver(post_delete, sender=ActionFieldMapping)
def reapply_mapping(sender, instance, **kwargs):
    before = getattr(instance, "_mapping_before", None)
    if before is None:
        return  # raw fixture loading: no pre_save snapshot
    reapply_action_field_mapping(before, hsds.action_field_mapping())
