"""What an HSDS import keeps beyond the content model: every record as its publisher sent it."""

from django.db import models
from wagtail.models import Page


class HsdsRecord(models.Model):
    """One HSDS entity (service, organization, location, taxonomy, ...) as received, merged.

    ``record`` holds every field the publisher sent (also those the directory has no field
    for); ``mapped`` holds what the site itself produced for the entity right after the
    import. The API and the export start from ``record`` and take the site's value only
    where an editor changed it since (see :func:`api.hsds.overlay`).
    """

    kind = models.CharField(max_length=32)
    hsds_id = models.CharField(max_length=64)
    record = models.JSONField(default=dict)
    mapped = models.JSONField(null=True, blank=True)
    page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    parent_id = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "hsds_id"], name="unique_hsds_record")
        ]
        indexes = [models.Index(fields=["kind", "parent_id"])]

    def __str__(self):
        return f"{self.kind} {self.hsds_id}"
