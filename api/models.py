"""Imports started in the admin: the uploaded file, then the worker's progress and result."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


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

    kind = models.CharField(_("format"), max_length=8, choices=KIND_CHOICES)
    file_name = models.CharField(_("file"), max_length=255)
    data = models.BinaryField(_("uploaded file"))
    locale_code = models.CharField(_("language of the records"), max_length=8, default="de")
    dry_run = models.BooleanField(_("only check"), default=False)
    status = models.CharField(_("status"), max_length=8, choices=STATUS_CHOICES, default=QUEUED)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    result = models.JSONField(_("result"), default=dict, blank=True)
    errors = models.JSONField(_("problems"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

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
