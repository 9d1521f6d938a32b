"""Admin pages for open data: upload a partner's CSV (all rows or none), download the template."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from api.csv_import import COLUMNS, CsvError, import_csv, template
from api.importer import import_bundle
from api.reader import ReadError, read_bytes

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


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


def is_hsds(data: bytes) -> bool:
    """Whether an upload is HSDS (JSON, or a zip of the tabular form) rather than our CSV."""
    return data[:4] == b"PK\x03\x04" or data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def _require_superuser(request):
    # An import creates organisations and listings anywhere in the tree.
    if not request.user.is_superuser:
        raise PermissionDenied


def csv_template(request):
    """The CSV template with every column and one example row."""
    _require_superuser(request)
    response = HttpResponse(template(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="wegweiser-listings.csv"'
    return response


def csv_upload(request):
    """Check and import a CSV; show per-line problems or the counts."""
    _require_superuser(request)
    report, error = None, ""
    form = CsvImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            error = _("The file is larger than 5 MB.")
        else:
            data, dry_run = upload.read(), form.cleaned_data["dry_run"]
            try:
                if is_hsds(data):
                    report = import_bundle(read_bytes(data, upload.name), dry_run=dry_run)
                else:
                    report = import_csv(data, dry_run=dry_run)
            except (CsvError, ReadError) as problem:
                error = str(problem)
    return render(
        request,
        "api/csv_import.html",
        {
            "title": _("Import listings (CSV)"),
            "form": form,
            "report": report,
            "error": error,
            "columns": list(COLUMNS),
        },
    )
