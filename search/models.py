"""The project's own search index, the editors' synonyms and the log of failed searches.

The index is a table of pre-analysed terms per listing (see :mod:`search.indexing`) rather
than the backend's full-text index, because no database backend analyses Arabic, Persian
or Ukrainian, and because ranking computed in Python from one table gives the same answers
on SQLite and PostgreSQL.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from search.analysis import SUPPORTED_LANGUAGES

LANGUAGE_CHOICES = [(code, code) for code in SUPPORTED_LANGUAGES]


class ListingTerm(models.Model):
    """One analysed term (a stem, or two adjacent stems) of a listing, with its best weight."""

    page = models.ForeignKey(
        "directory.ListingPage", on_delete=models.CASCADE, related_name="search_terms"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=130)
    weight = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["locale", "term"], name="search_term_lookup")]
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self):
        return self.term


class ListingWord(models.Model):
    """A word of one listing page's texts, with its stem, whether the page is public or not.

    Internal bookkeeping, never shown: it tells which pages a word of the public vocabulary
    (:class:`SearchWord`) comes from, so that unpublishing or restricting a page can take
    out the words no other public page has.
    """

    page = models.ForeignKey(
        "directory.ListingPage", on_delete=models.CASCADE, related_name="search_words"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    word = models.CharField(max_length=64)
    stem = models.CharField(max_length=64)

    class Meta:
        indexes = [models.Index(fields=["locale", "word"], name="search_listing_word_lookup")]
        verbose_name = _("listing word")
        verbose_name_plural = _("listing words")

    def __str__(self):
        return self.word


class SearchWord(models.Model):
    """A word of the live, public listings of a locale, with its stem: the public vocabulary
    for "did you mean" and suggestions as you type (kept by :mod:`search.indexing`)."""

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    word = models.CharField(max_length=64)
    stem = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["locale", "word"], name="search_word_unique"),
        ]
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word


class Synonym(index.Indexed, models.Model):
    """Words that mean the same for a search in one language, kept by editors."""

    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="de")
    terms = models.TextField(
        _("words with the same meaning"),
        help_text=_(
            "Separate the words with commas, e.g. “Deutschkurs, Sprachkurs, Integrationskurs”. "
            "A search for any of them also finds the others."
        ),
    )

    panels = [FieldPanel("language"), FieldPanel("terms")]
    search_fields = [index.SearchField("terms"), index.FilterField("language")]

    class Meta:
        ordering = ["language", "terms"]
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return f"{self.language}: {self.terms}"

    def term_list(self) -> list[str]:
        """The group's words, stripped, without empty entries."""
        return [term.strip() for term in self.terms.split(",") if term.strip()]


class FailedSearch(models.Model):
    """How often a normalised query found nothing, per language and day.

    Anonymous by design: no IP address, no user, no time of day.
    """

    query = models.CharField(_("search"), max_length=200)
    language = models.CharField(_("language"), max_length=8)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "day"], name="failed_search_unique"
            ),
        ]
        ordering = ["-day", "-count"]
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")

    def __str__(self):
        return f"{self.query} ({self.language}, {self.day}: {self.count})"


class PendingIndexUpdate(models.Model):
    """An update an external search backend (Elasticsearch) could not take because it was
    unreachable: kept until ``manage.py replay_index_updates`` hands it over (the scheduler
    runs that every few minutes, see README "Background work")."""

    INDEX = "index"
    DELETE = "delete"
    ACTION_CHOICES = [(INDEX, _("add or update")), (DELETE, _("delete"))]

    backend = models.CharField(max_length=64)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(max_length=64)
    action = models.CharField(max_length=8, choices=ACTION_CHOICES, default=INDEX)
    attempts = models.PositiveIntegerField(default=1)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["backend", "content_type", "object_id"], name="pending_index_update_unique"
            ),
        ]
        ordering = ["created_at", "id"]
        verbose_name = _("pending index update")
        verbose_name_plural = _("pending index updates")

    def __str__(self):
        return f"{self.backend}: {self.action} {self.content_type_id}/{self.object_id}"
