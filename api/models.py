"""What open data imports keep: the admin's uploads with their progress and result, and
every HSDS record as its publisher sent it."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class ImportJob(models.Model):
    """One HSDS or CSV upload from the admin, imported in the background (:mod:`api.tasks`).

    The request only stores the file and enqueues the import; the status page shows the
    rows done (from the shared cache while it runs), then the counts or the problems.
    """

    CSV = "csv"
    HSDS = "hsds"
    KIND_CHOICES = [(CSV, "CSV"), (HSDS, "HSDS 3.0 (JSON)")]

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    STATUS_CHOICES = [
        (QUEUED, _("waiting for the worker")),
        (RUNNING, _("importing")),
        (DONE, _("finished")),
        (FAILED, _("nothing imported")),
    ]

    kind = models.CharField(max_length=8, choices=KIND_CHOICES)
    file_name = models.CharField(max_length=255)
    data = models.BinaryField()
    locale_code = models.CharField(max_length=8, default="de")
    dry_run = models.BooleanField(default=False)
    status = models.CharField(max_length=8, choices=STATUS_CHOICES, default=QUEUED)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    result = models.JSONField(default=dict, blank=True)
    errors = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return f"{self.get_kind_display()} {self.file_name} ({self.created_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        return reverse("open_data_import_job", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in (self.DONE, self.FAILED)


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
