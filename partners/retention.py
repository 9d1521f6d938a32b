"""Personal data is kept only as long as it is needed (``WEGWEISER_RETENTION_DAYS``)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from partners.models import CorrectionSuggestion
from search.models import FailedSearch


@transaction.atomic
def purge_personal_data(today: datetime.date | None = None) -> dict[str, int]:
    """Delete correction suggestions and searches without results older than the retention
    period (with the admin log entries about the suggestions); returns the counts."""
    today = today or timezone.localdate()
    limit = today - datetime.timedelta(days=settings.WEGWEISER_RETENTION_DAYS)
    old = CorrectionSuggestion.objects.filter(created_at__date__lt=limit)
    log_entries = ModelLogEntry.objects.filter(
        content_type__app_label="partners",
        content_type__model="correctionsuggestion",
        object_id__in=[str(pk) for pk in old.values_list("pk", flat=True)],
    )
    log_entries.delete()
    suggestions, _by_model = old.delete()
    searches, _by_model = FailedSearch.objects.filter(day__lt=limit).delete()
    return {"correction suggestions": suggestions, "searches without results": searches}
