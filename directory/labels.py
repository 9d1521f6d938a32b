"""Taxonomy labels in the visitor's language.

A listing that is not yet translated (an alias of the German page) still points at the German
terms; a translated one points at the terms of its locale. Resolving every term through its
``translation_key`` shows the label in the active language either way, falling back to the
term's own name where no translation exists. Labels are cached briefly per process and
dropped whenever a term is saved or deleted.
"""

import time

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language
from wagtail.models import Locale

from directory.models.taxonomy import TaxonomyTerm

CACHE_SECONDS = 60
_cache: dict[tuple[str, str], tuple[float, dict]] = {}


def labels_for(model, language_code: str | None = None) -> dict:
    """{translation_key: name} of a taxonomy in a language (one query, then cached)."""
    language_code = language_code or get_language() or "de"
    key = (model._meta.label, language_code)
    cached = _cache.get(key)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    locale = Locale.objects.filter(language_code=language_code).first()
    labels = (
        dict(model.objects.filter(locale=locale).values_list("translation_key", "name"))
        if locale
        else {}
    )
    _cache[key] = (time.monotonic() + CACHE_SECONDS, labels)
    return labels


def term_label(term, language_code: str | None = None) -> str:
    """The name of a taxonomy term in the active language (its own name as a fallback)."""
    if term is None:
        return ""
    return labels_for(type(term), language_code).get(term.translation_key, term.name)


@receiver(post_save)
@receiver(post_delete)
def _forget_labels(sender, **kwargs):
    if isinstance(sender, type) and issubclass(sender, TaxonomyTerm):
        _cache.clear()
