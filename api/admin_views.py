"""Admin pages for open data: upload a partner's CSV (all rows or none), download the template."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from api.csv_import import COLUMNS, CsvError, import_csv, template

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class CsvImportForm(forms.Form):
    """A CSV file and whether to only check it."""

    file = forms.FileField(label=_("CSV file"))
    dry_run = forms.BooleanField(label=_("Only check, do not import"), required=False)


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
            try:
                report = import_csv(upload.read(), dry_run=form.cleaned_data["dry_run"])
            except CsvError as problem:
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
