"""Fill the project's search index (:class:`search.models.ListingTerm`) from listings.

Every listing page (translation or alias, in every locale) gets its own rows: the stems of
its texts analysed in the language the text is written in, each with the weight of the
best field it occurs in (name > summary > labels and keywords > description >
organisation), two-stem phrases of the name and the summary, and the German source text
at a lower weight so a German word typed in any interface still finds the listing.

Pages are indexed on every full save (publishing, alias updates, translation sync) while
Wagtail's auto-update is on. Bulk writes (:func:`search.bulk.bulk_writes`) pause this in
their thread and index what they saved once at the end (:func:`index_saved`). The handler
reads the page's action fields, target groups and keywords from the in-memory cluster, so
the index is not "one save late" (STACK_NOTES). Draft saves (``save(update_fields=...)``)
are skipped: they must not leak unpublished text.

The public vocabulary (:class:`search.models.SearchWord`: suggestions and "did you mean")
holds only words of *public* listings: live, without a view restriction on themselves or
an ancestor, under live ancestors only (:func:`public_listings`). Every listing's words are
kept per page (:class:`search.models.ListingWord`); whenever a page is indexed, unpublished,
restricted, moved or deleted, the words it had or has are checked again against the public
pages of its locale (:func:`sync_vocabulary`), so a word from a draft, a private page or a
revision not yet published never becomes a suggestion, and one whose last public page goes
offline leaves the vocabulary.
"""

import functools
import operator
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils.html import strip_tags
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from base.languages import SOURCE_LANGUAGE
from directory.labels import labels_for
from directory.models import ActionField, ListingPage, OrganisationPage, TargetGroup
from search import query
from search.analysis import MAX_DOCUMENT_TOKENS, analyze, tokenize
from search.models import ListingTerm, ListingWord, SearchWord, Synonym
from search.query import forget_synonyms

WEIGHTS = {
    "name": 10.0,
    "summary": 6.0,
    "labels": 4.0,
    "description": 2.0,
    "organisation": 1.5,
}
# German source text seen from a translation: found, but ranked below the visitor's language.
SOURCE_FACTOR = 0.3
PHRASE_FIELDS = ("name", "summary")


_paused = threading.local()


@contextmanager
def paused() -> Iterator[None]:
    """Do not index on save in this thread inside the block (other threads still do)."""
    _paused.depth = getattr(_paused, "depth", 0) + 1
    try:
        yield
    finally:
        _paused.depth -= 1


def _auto_update() -> bool:
    """Index on save unless this thread writes in bulk or Wagtail's auto-update is off."""
    if getattr(_paused, "depth", 0):
        return False
    backend = settings.WAGTAILSEARCH_BACKENDS.get("default", {})
    return backend.get("AUTO_UPDATE", True)


def _labels(model, terms, language: str) -> list[str]:
    labels = labels_for(model, language)
    return [labels.get(term.translation_key, term.name) for term in terms if term is not None]


def listing_texts(page, language: str, organisation_title: str = "") -> dict[str, str]:
    """The searchable texts of a listing by field, labels in ``language`` (in-memory cluster)."""
    action_fields = [link.action_field for link in page.action_field_links.all()]
    target_groups = [link.target_group for link in page.target_group_links.all()]
    labels = _labels(ActionField, action_fields, language) + _labels(
        TargetGroup, target_groups, language
    )
    # tagged_items rather than keywords: it is both the in-memory cluster and prefetchable.
    labels += [item.tag.name for item in page.tagged_items.all()]
    return {
        "name": page.title,
        "summary": page.summary or "",
        "labels": " ; ".join(labels),
        "description": strip_tags(page.description or ""),
        "organisation": organisation_title,
    }


def weighted_terms(texts: dict[str, str], language: str, factor: float = 1.0) -> dict[str, float]:
    """{term: best weight} for the fields in ``texts`` analysed in ``language``."""
    terms: dict[str, float] = {}

    def add(term: str, weight: float) -> None:
        if weight > terms.get(term, 0.0):
            terms[term] = weight

    for name, text in texts.items():
        if not text:
            continue
        weight = WEIGHTS[name] * factor
        # Labels are separate phrases; a semicolon keeps their words from pairing up.
        parts = text.split(" ; ") if name == "labels" else [text]
        for part in parts:
            stems = analyze(part, language, max_tokens=MAX_DOCUMENT_TOKENS)
            for stem in stems:
                add(stem, weight)
            if name in PHRASE_FIELDS or name == "labels":
                for first, second in zip(stems, stems[1:], strict=False):
                    add(f"{first} {second}", weight)
    return terms


@functools.lru_cache(maxsize=65536)
def _word_stem(token: str, language: str) -> str:
    """The stem of one normalised word, or "" for a stop word (cached: texts repeat)."""
    stems = analyze(token, language)
    return stems[0] if stems else ""


def vocabulary(texts: Iterable[str], language: str) -> dict[str, str]:
    """{normalised word: stem} of the words in ``texts`` that analysis keeps."""
    words = {}
    for text in texts:
        for token in tokenize(text, max_tokens=MAX_DOCUMENT_TOKENS):
            if len(token) < 3 or token in words or token.isdigit():
                continue
            stem = _word_stem(token, language)
            if stem:
                words[token] = stem
    return words


class _Context:
    """Lookups shared while indexing many pages: organisation titles, German sources."""

    def __init__(self, pages=None):
        self.org_titles: dict[str, str] = {}
        self.sources: dict = {}
        self.locale_languages = dict(Locale.objects.values_list("id", "language_code"))
        if pages is not None:
            self.preload(pages)

    def preload(self, pages) -> None:
        parent_paths = {page.path[: -Page.steplen] for page in pages}
        self.org_titles.update(
            OrganisationPage.objects.filter(path__in=parent_paths).values_list("path", "title")
        )
        german = Locale.objects.filter(language_code=SOURCE_LANGUAGE).first()
        if german is None:
            return
        # A German page is its own source (loaded with the same rows): not fetched twice.
        for page in pages:
            if page.locale_id == german.id and page.alias_of_id is None:
                self.sources[page.translation_key] = page
        keys = {page.translation_key for page in pages} - self.sources.keys()
        if keys:
            sources = ListingPage.objects.filter(
                translation_key__in=keys, locale=german, alias_of__isnull=True
            ).prefetch_related(*PREFETCH)
            self.sources.update({source.translation_key: source for source in sources})

    def organisation_title(self, page) -> str:
        path = page.path[: -Page.steplen]
        if path not in self.org_titles:
            self.org_titles[path] = (
                OrganisationPage.objects.filter(path=path).values_list("title", flat=True).first()
                or ""
            )
        return self.org_titles[path]

    def german_source(self, page):
        if page.translation_key not in self.sources:
            self.sources[page.translation_key] = (
                ListingPage.objects.filter(
                    translation_key=page.translation_key,
                    locale__language_code=SOURCE_LANGUAGE,
                    alias_of__isnull=True,
                )
                .specific()
                .first()
            )
        return self.sources[page.translation_key]

    def text_language(self, page) -> str:
        """Aliases show their source's text (German); translations their locale's language."""
        if page.alias_of_id:
            return SOURCE_LANGUAGE
        return self.locale_languages.get(page.locale_id, SOURCE_LANGUAGE)


PREFETCH = (
    "action_field_links__action_field",
    "target_group_links__target_group",
    "tagged_items__tag",
)


def page_terms(page, context: _Context) -> tuple[dict[str, float], dict[str, str]]:
    """The weighted terms and vocabulary of one listing page."""
    language = context.text_language(page)
    organisation = context.organisation_title(page)
    texts = listing_texts(page, language, organisation)
    terms = weighted_terms(texts, language)
    words = vocabulary(texts.values(), language)
    if language != SOURCE_LANGUAGE:
        # Labels of the visitor's language may be missing (untranslated taxonomy): the
        # German labels and the German source text are always there, at a lower weight.
        source = context.german_source(page)
        if source is not None:
            german = listing_texts(source, SOURCE_LANGUAGE, organisation)
        else:
            german = {"labels": listing_texts(page, SOURCE_LANGUAGE)["labels"]}
        for term, weight in weighted_terms(german, SOURCE_LANGUAGE, SOURCE_FACTOR).items():
            if weight > terms.get(term, 0.0):
                terms[term] = weight
    return terms, words


def analysed_text(page) -> str:
    """A listing's one-word terms as this project's analysis makes them, space-separated.

    Indexed into Elasticsearch with its ``whitespace`` analyzer (``ListingPage.search_fields``)
    so that Elasticsearch matches the same stems as the database index: Arabic and Persian
    letter variants, Ukrainian lemmas and the German source text of translations included.
    """
    terms, _words = page_terms(page, _Context([page]))
    return " ".join(sorted(term for term in terms if " " not in term))


# The listing's stems for Elasticsearch, analysed by whitespace only: the query sends the
# same stems (search.query.word_alternatives), so both sides agree on Arabic and Persian
# letter variants, Ukrainian lemmas and German source words.
STEMS_FIELD = "analysed_terms"


def _listing_stems(page) -> str:
    """The stems field's value: empty without Elasticsearch, whose index alone reads it
    (the database backend has the project's own index, and the analysis costs time)."""
    return analysed_text(page) if settings.ELASTICSEARCH_URL else ""


def install_stems_field() -> None:
    """Add the Elasticsearch-only stems field to the listing models' search fields.

    It belongs to search, not to the directory, which does not know how search analyses
    text; the listing models are extended here when the app is ready.
    """
    ListingPage.analysed_terms = _listing_stems
    if all(field.field_name != STEMS_FIELD for field in ListingPage.search_fields):
        ListingPage.search_fields = [
            *ListingPage.search_fields,
            index.SearchField(
                STEMS_FIELD, es_extra={"analyzer": "whitespace", "search_analyzer": "whitespace"}
            ),
        ]


def public_listings(locale_id: int) -> QuerySet:
    """The listing pages of a locale whose words may be shown to anyone: live, without a
    view restriction (password, groups, login) on them or an ancestor, and under live
    ancestors only."""
    listings = ListingPage.objects.live().public().filter(locale_id=locale_id)
    # Only pages with children can hide listings below them; there are few offline ones.
    offline = list(
        Page.objects.filter(locale_id=locale_id, live=False, numchild__gt=0).values_list(
            "path", flat=True
        )
    )
    if offline:
        listings = listings.exclude(
            functools.reduce(operator.or_, (Q(path__startswith=path) for path in offline))
        )
    return listings


def sync_vocabulary(locale_id: int, words: Iterable[str] | None = None) -> None:
    """Make the public vocabulary of a locale hold exactly the words (of ``words``, or all)
    that some public listing of that locale has."""
    public = ListingWord.objects.filter(
        locale_id=locale_id, page__in=public_listings(locale_id).values("pk")
    )
    shown = SearchWord.objects.filter(locale_id=locale_id)
    chunks = [None] if words is None else _chunks(sorted(set(words)), 500)
    for chunk in chunks:
        present, listed = public, shown
        if chunk is not None:
            present, listed = public.filter(word__in=chunk), shown.filter(word__in=chunk)
        listed.exclude(word__in=present.values("word")).delete()
        missing = present.exclude(word__in=listed.values("word")).values_list("word", "stem")
        SearchWord.objects.bulk_create(
            [
                SearchWord(locale_id=locale_id, word=word, stem=stem)
                for word, stem in dict(missing.iterator()).items()
            ],
            batch_size=2000,
            ignore_conflicts=True,
        )
    query.forget_vocabulary()


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _write(pages_terms: list[tuple[object, dict[str, float], dict[str, str]]]) -> None:
    """Replace the pages' rows and words, then check those words against the public pages.
    Plain SQL: building thousands of model instances (and the delete collector, which
    global delete signals force) cost more than the analysis."""
    page_ids = [page.pk for page, _terms, _words in pages_terms]
    rows, words = [], []
    changed: dict[int, set[str]] = defaultdict(set)
    for start in range(0, len(page_ids), 500):
        before = ListingWord.objects.filter(page_id__in=page_ids[start : start + 500])
        for locale_id, word in before.values_list("locale_id", "word").iterator():
            changed[locale_id].add(word)
    for page, terms, vocab in pages_terms:
        rows += [(page.pk, page.locale_id, term, weight) for term, weight in terms.items()]
        words += [(page.pk, page.locale_id, word, stem) for word, stem in vocab.items()]
        changed[page.locale_id].update(vocab)
    with transaction.atomic(), connection.cursor() as cursor:
        for model, fields, values in (
            (ListingTerm, ("page", "locale", "term", "weight"), rows),
            (ListingWord, ("page", "locale", "word", "stem"), words),
        ):
            _replace_rows(cursor, model, fields, page_ids, values)
        for locale_id, candidates in changed.items():
            sync_vocabulary(locale_id, candidates)


def _replace_rows(cursor, model, fields: tuple[str, ...], page_ids: list[int], values) -> None:
    """Delete the pages' rows of ``model`` and insert ``values`` (tuples of ``fields``)."""
    quote = connection.ops.quote_name
    meta = model._meta
    table = quote(meta.db_table)
    columns = ", ".join(quote(meta.get_field(name).column) for name in fields)
    page_column = quote(meta.get_field("page").column)
    marks = ", ".join(["%s"] * len(fields))
    # Only identifiers from the model's own metadata go into the SQL text; values are params.
    insert = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
    for chunk in _chunks(page_ids, 500):
        chunk_marks = ", ".join(["%s"] * len(chunk))
        cursor.execute(f"DELETE FROM {table} WHERE {page_column} IN ({chunk_marks})", chunk)  # noqa: S608
    for chunk in _chunks(values, 5000):
        cursor.executemany(insert, chunk)


def index_pages(pages: Iterable) -> int:
    """(Re)index the given specific listing pages; returns how many were indexed."""
    pages = list(pages)
    if not pages:
        return 0
    context = _Context(pages)
    _write([(page, *page_terms(page, context)) for page in pages])
    return len(pages)


def index_saved(listing_ids: Iterable[int], organisation_ids: Iterable[int] = ()) -> int:
    """Index what saving these listings and organisations changed, as saving them one by one
    would have: the listings, every listing of the organisations, and the translations of
    saved German listings (they carry the German text). Returns how many were indexed."""
    listing_ids = set(listing_ids)
    paths = list(
        OrganisationPage.objects.filter(id__in=set(organisation_ids)).values_list("path", flat=True)
    )
    for start in range(0, len(paths), 100):
        children = functools.reduce(
            operator.or_,
            (
                Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
                for path in paths[start : start + 100]
            ),
        )
        listing_ids.update(ListingPage.objects.filter(children).values_list("id", flat=True))
    keys = ListingPage.objects.filter(
        id__in=listing_ids, alias_of=None, locale__language_code=SOURCE_LANGUAGE
    ).values_list("translation_key", flat=True)
    listing_ids.update(
        ListingPage.objects.filter(translation_key__in=keys, alias_of=None).values_list(
            "id", flat=True
        )
    )
    return _index_ids(sorted(listing_ids))


def _index_ids(ids: list[int], batch_size: int = 500, progress=None) -> int:
    done = 0
    for start in range(0, len(ids), batch_size):
        # The base class has every indexed field; .specific() would drop the prefetches.
        pages = ListingPage.objects.filter(id__in=ids[start : start + batch_size]).prefetch_related(
            *PREFETCH
        )
        done += index_pages(pages)
        if progress is not None:
            progress(done, len(ids))
    return done


def rebuild_index(batch_size: int = 500, progress=None) -> int:
    """Rebuild the whole index and vocabulary from the database; returns listings indexed.

    One transaction: until it commits, every search (another connection) reads the old,
    complete index, never a half-built one (SQLite needs its write-ahead log for that, see
    the settings). ``progress(done, total)`` is called after each batch.
    """
    with transaction.atomic():
        with connection.cursor() as cursor:
            for model in (ListingTerm, ListingWord, SearchWord):
                table = connection.ops.quote_name(model._meta.db_table)
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (the model's own table name)
        ids = list(ListingPage.objects.order_by("path").values_list("id", flat=True))
        return _index_ids(ids, batch_size, progress)


def _on_listing_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or update_fields or not _auto_update():
        return
    if not isinstance(instance, ListingPage) or type(instance) is ListingPage:
        return
    context = _Context()
    pages = [instance]
    if context.text_language(instance) == SOURCE_LANGUAGE and not instance.alias_of_id:
        # Translations index the German source text too: refresh them (aliases are
        # saved, and so indexed, by Wagtail itself when their source is published).
        pages += list(
            ListingPage.objects.filter(translation_key=instance.translation_key, alias_of=None)
            .exclude(pk=instance.pk)
            .specific()
        )
        context.sources[instance.translation_key] = instance
    _write([(page, *page_terms(page, context)) for page in pages])


def _on_organisation_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or update_fields or not _auto_update():
        return
    if not isinstance(instance, OrganisationPage):
        return
    children = ListingPage.objects.child_of(instance).prefetch_related(*PREFETCH)
    index_pages(children)


def _sync_page_locale(page) -> None:
    """Check the whole vocabulary of ``page``'s locale again (its subtree's visibility changed)."""
    if page is not None and page.locale_id is not None:
        sync_vocabulary(page.locale_id)


def _on_visibility_changed(sender, instance, **kwargs):
    """``page_published`` / ``page_unpublished`` of a page that may have listings below it."""
    # Listings and organisations re-index themselves (and so their words) on save.
    if isinstance(instance, ListingPage | OrganisationPage) or not instance.numchild:
        return
    if _auto_update():
        _sync_page_locale(instance)


def _on_restriction_changed(sender, instance, raw=False, **kwargs):
    """A view restriction added, changed or lifted hides or shows the listings below it."""
    if raw or not _auto_update():
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    _sync_page_locale(page)


def _on_page_moved(sender, instance, **kwargs):
    """A page moved under a private or offline parent (or out of it)."""
    if _auto_update():
        _sync_page_locale(instance)


_deleting = threading.local()


def _before_listing_deleted(sender, instance, **kwargs):
    """Remember a deleted listing's words: its :class:`ListingWord` rows go with it."""
    words = set(ListingWord.objects.filter(page_id=instance.pk).values_list("word", flat=True))
    pending = getattr(_deleting, "words", None)
    if pending is None:
        pending = _deleting.words = {}
    pending[instance.pk] = (instance.locale_id, words)


def _after_listing_deleted(sender, instance, **kwargs):
    """Take a deleted listing's words out of the vocabulary unless another public page has them."""
    locale_id, words = getattr(_deleting, "words", {}).pop(instance.pk, (None, set()))
    if words:
        sync_vocabulary(locale_id, words)


def connect_signals() -> None:
    """Index listings on save, re-index an organisation's listings when it is renamed, keep
    the public vocabulary to public pages and drop cached synonyms when editors change them."""
    post_save.connect(_on_listing_saved, dispatch_uid="search_index_listing")
    post_save.connect(_on_organisation_saved, dispatch_uid="search_index_organisation")
    page_published.connect(_on_visibility_changed, dispatch_uid="search_vocabulary_published")
    page_unpublished.connect(_on_visibility_changed, dispatch_uid="search_vocabulary_unpublished")
    post_save.connect(
        _on_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="search_vocabulary_restricted",
    )
    post_delete.connect(
        _on_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="search_vocabulary_unrestricted",
    )
    post_page_move.connect(_on_page_moved, dispatch_uid="search_vocabulary_moved")
    # Deleting any page type sends these with the concrete ListingPage as sender once.
    pre_delete.connect(
        _before_listing_deleted, sender=ListingPage, dispatch_uid="search_vocabulary_deleting"
    )
    post_delete.connect(
        _after_listing_deleted, sender=ListingPage, dispatch_uid="search_vocabulary_deleted"
    )
    post_save.connect(forget_synonyms, sender=Synonym, dispatch_uid="search_synonyms_saved")
    post_delete.connect(forget_synonyms, sender=Synonym, dispatch_uid="search_synonyms_deleted")
