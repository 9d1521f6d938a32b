"""Admin imports in the background (django-tasks): the worker imports what the admin stored.

Progress goes to the shared cache while the import's one transaction runs (nothing it
writes is visible to other connections before the commit, the progress must be); the
result and the problems go to the :class:`api.models.ImportJob` at the end.
"""

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import Locale

from api.csv_import import CsvError, import_csv
from api.importer import ImportFileError, import_bundle
from api.models import ImportJob
from api.reader import ReadError, read_bytes

PROGRESS_TIMEOUT = 24 * 60 * 60


def progress_key(job_id: int) -> str:
    return f"api:import-job:{job_id}:progress"


def rows_done(job: ImportJob) -> tuple[int, int]:
    """(rows done, rows in all) of a job: from the cache while it runs, else from the row."""
    if job.status == ImportJob.RUNNING:
        done, total = cache.get(progress_key(job.pk), (job.rows_done, job.rows_total))
        return done, total
    return job.rows_done, job.rows_total


def _import_hsds(job: ImportJob, progress):
    """Any HSDS form the reader knows (JSON object, array, page wrapper, zipped CSV package)."""
    bundle = read_bytes(bytes(job.data), job.file_name)
    return import_bundle(bundle, job.locale_code, job.dry_run, progress=progress)


@task()
def run_import_job(job_id: int) -> str:
    """Import the stored upload of ``job_id``; returns the job's final status."""
    job = ImportJob.objects.filter(pk=job_id, status=ImportJob.QUEUED).first()
    if job is None:
        return "missing"
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.RUNNING)
    job.status = ImportJob.RUNNING

    def progress(done: int, total: int) -> None:
        cache.set(progress_key(job.pk), (done, total), PROGRESS_TIMEOUT)

    try:
        if job.kind == ImportJob.CSV:
            report = import_csv(
                bytes(job.data), locale_code=job.locale_code, dry_run=job.dry_run, progress=progress
            )
        else:
            report = _import_hsds(job, progress)
    except (CsvError, ImportFileError, ReadError) as error:
        job.errors, report = [str(error)], None
    except Locale.DoesNotExist:
        job.errors, report = [f"unknown language: {job.locale_code}"], None
    if report is not None:
        job.errors = [str(error) for error in report.errors]
        job.result = {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "organisations_created": report.organisations_created,
            "organisations_updated": report.organisations_updated,
            "warnings": [str(warning) for warning in getattr(report, "warnings", [])],
        }
        job.rows_done, job.rows_total = cache.get(progress_key(job.pk), (0, 0))
    job.status = ImportJob.FAILED if job.errors else ImportJob.DONE
    job.finished_at = timezone.now()
    with transaction.atomic():
        job.save(
            update_fields=["status", "errors", "result", "rows_done", "rows_total", "finished_at"]
        )
    cache.delete(progress_key(job.pk))
    return job.status
