"""Admin pages for open data: upload a partner's CSV or an HSDS file, follow the import.

The upload request only checks the size, stores the file (:class:`api.models.ImportJob`)
and enqueues the import (:func:`api.tasks.run_import_job`); the import's page shows its
progress until the worker is done, then the counts or every problem (all rows or none).
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from api.csv_import import COLUMNS, template
from api.models import ImportJob
from api.tasks import rows_done, run_import_job

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# Seconds between reloads of an import's page while it runs.
REFRESH_SECONDS = 2


class CsvImportForm(forms.Form):
    """A CSV file and whether to only check it."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Or an HSDS 3.0 file: JSON (services, organizations, locations, ...), or a zip of "
            "the CSV package with datapackage.json."
        ),
    )
    dry_run = forms.BooleanField(label=_("Only check, do not import"), required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


class HsdsImportForm(CsvImportForm):
    """An HSDS 3.0 services file (JSON), its language and whether to only check it."""

    file = forms.FileField(label=_("HSDS file (JSON)"))
    locale = forms.ChoiceField(label=_("Language of the records"), choices=())
    field_order = ["file", "locale", "dry_run"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].choices = settings.WAGTAIL_CONTENT_LANGUAGES


def is_hsds(data: bytes) -> bool:
    """Whether an upload is HSDS (JSON, or a zip of the tabular form) rather than our CSV."""
    return data[:4] == b"PK\x03\x04" or data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def _require_superuser(request):
    # An import creates organisations and listings anywhere in the tree.
    if not request.user.is_superuser:
        raise PermissionDenied


def _start(request, kind: str, form) -> ImportJob:
    """Store the upload and enqueue its import."""
    upload = form.cleaned_data["file"]
    job = ImportJob.objects.create(
        kind=kind,
        file_name=upload.name[:255],
        data=upload.read(),
        locale_code=form.cleaned_data.get("locale") or settings.LANGUAGE_CODE,
        dry_run=form.cleaned_data["dry_run"],
        created_by=request.user,
    )
    run_import_job.enqueue(job_id=job.pk)
    return job


def csv_template(request):
    """The CSV template with every column and one example row."""
    _require_superuser(request)
    response = HttpResponse(template(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="wegweiser-listings.csv"'
    return response


def csv_upload(request):
    """Upload a CSV; its import runs in the background (its page follows it)."""
    _require_superuser(request)
    form = CsvImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        head = upload.read(64)
        upload.seek(0)
        return redirect(_start(request, ImportJob.HSDS if is_hsds(head) else ImportJob.CSV, form))
    return render(
        request,
        "api/csv_import.html",
        {
            "title": _("Import listings (CSV)"),
            "form": form,
            "columns": list(COLUMNS),
            "jobs": ImportJob.objects.defer("data")[:10],
        },
    )


def hsds_upload(request):
    """Upload an HSDS 3.0 services file; its import runs in the background."""
    _require_superuser(request)
    form = HsdsImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        return redirect(_start(request, ImportJob.HSDS, form))
    return render(
        request,
        "api/hsds_import.html",
        {
            "title": _("Import listings (HSDS)"),
            "form": form,
            "jobs": ImportJob.objects.defer("data")[:10],
        },
    )


def import_job(request, job_id: int):
    """An import's progress (rows done of all rows), then its counts or its problems."""
    _require_superuser(request)
    job = get_object_or_404(ImportJob.objects.defer("data"), pk=job_id)
    done, total = rows_done(job)
    return render(
        request,
        "api/import_job.html",
        {
            "title": _("Import"),
            "job": job,
            "done": done,
            "total": total,
            "refresh": None if job.is_finished else REFRESH_SECONDS,
        },
    )
