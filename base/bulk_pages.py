"""Insert and publish many new pages with a few multi-row INSERTs instead of saves.

``parent.add_child(instance=page)`` asks the database for the last child and saves the page,
its rows and then, to publish, a revision and the page again: five to ten statements and
every save's signals per page. For loaders and imports that create thousands of pages,
:func:`append_children` computes the tree paths of a whole group of siblings at once and
inserts each table of the pages' models with one statement, :func:`insert_rows` does the same
for their rows (orderables, tags), and :func:`publish_new` gives every page the revision and
the publication log entry that ``save_revision().publish()`` would give it.

No signals are sent: rich text is cleaned here as the ``pre_save`` receiver of
:mod:`base.sanitize` would clean it, and the caller notes the pages for
:func:`search.bulk.bulk_writes` to index (search, reference index, listing index).
The tree stays valid (``Page.find_problems()`` finds nothing).
"""

import functools
from collections.abc import Iterable, Sequence

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, TranslatableMixin
from wagtail.models.copying import _copy

from base.sanitize import clean_instance

# Rows inserted per statement (SQLite's limit on variables per statement stays far away).
BATCH_SIZE = 500


def insert_pages(pages: Sequence[Page]) -> None:
    """Insert unsaved pages table by table with one multi-row INSERT per table.

    Page models use multi-table inheritance, which ``bulk_create`` refuses: the shared
    ``wagtailcore_page`` rows are inserted first (their ids come back), then each subclass
    table gets its rows with the same id, as ``loaddata`` saves "raw" objects.
    """
    by_model: dict[type, list[Page]] = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
        # A new page has no rows but those it holds: every relation it was not given is
        # empty (read from memory later, not asked of the database once per page).
        for relation in get_all_child_relations(page):
            name = relation.get_accessor_name()
            if not getattr(page, name).is_deferring:
                setattr(page, name, [])
    root_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    for model, objs in by_model.items():
        for start in range(0, len(objs), BATCH_SIZE):
            chunk = objs[start : start + BATCH_SIZE]
            rows = Page._base_manager._insert(
                chunk, fields=root_fields, returning_fields=[Page._meta.pk]
            )
            for page, (page_id,) in zip(chunk, rows, strict=True):
                page.id = page_id
            for table_model in [*reversed(model._meta.get_parent_list()), model]:
                if table_model is Page:
                    continue
                for page in chunk:
                    setattr(page, table_model._meta.pk.attname, page.id)
                table_model._base_manager._insert(
                    chunk, fields=table_model._meta.local_concrete_fields, raw=True
                )
        for page in objs:
            page._state.adding = False
            page._state.db = Page.objects.db


def append_children(parent: Page, pages: Sequence[Page], *, clean: bool = False) -> None:
    """Insert ``pages`` as the last children of ``parent`` with computed tree paths.

    Equivalent to calling ``parent.add_child`` for each page, without asking for the last
    child before each insert and without a save per page; ``numchild`` is updated once.
    ``clean`` validates each page first as ``save()`` would (fields, the model's ``clean``,
    the slug free among the parent's children), raising ``ValidationError`` before anything
    is written. The pages' rows are not saved: see :func:`insert_rows`.
    """
    if not pages:
        return
    last = parent.get_last_child()
    start = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    depth = parent.depth + 1
    taken = set(parent.get_children().values_list("slug", flat=True)) if clean else set()
    for offset, page in enumerate(pages):
        page.depth = depth
        page.path = Page._get_path(parent.path, depth, start + offset)
        page.numchild = 0
        page.set_url_path(parent)
        if page.content_type_id is None:
            page.content_type = ContentType.objects.get_for_model(type(page))
        clean_instance(type(page), page)  # rich text, as the ``pre_save`` receiver would
        if clean:
            if page.slug in taken:
                # Wagtail's own message (and its translations).
                message = _(
                    "The slug '%(page_slug)s' is already in use within the parent page at "
                    "'%(parent_url_path)s'."
                )
                raise ValidationError(
                    {"slug": message % {"page_slug": page.slug, "parent_url_path": parent.url}}
                )
            taken.add(page.slug)
            # What ``save()`` validates, less the queries: the slugs were checked above for
            # the whole group (``BasePage``), uniqueness otherwise is the caller's (new
            # translation keys), and so are the related objects (one query each to look up).
            page.slug_checked_in_bulk = True
            page.full_clean(
                exclude=_relations(type(page)), validate_unique=False, validate_constraints=False
            )
    insert_pages(pages)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)


@functools.cache
def _relations(model) -> list[str]:
    return [field.name for field in model._meta.concrete_fields if field.is_relation]


def insert_rows(pages: Iterable[Page]) -> None:
    """Insert the rows held in memory by inserted pages (orderables, tags), a table at a time.

    Rows given with ``page.locations = [...]`` (or ``page.keywords.set(...)``) live in the
    page's cluster until the page is saved; here they get the page's id and are inserted with
    one statement per table, and the cluster then holds the saved rows (with ids), as after
    ``page.save()``.
    """
    by_model: dict[type, list] = {}
    for page in pages:
        for relation in get_all_child_relations(page):
            objects = list(getattr(page, relation.get_accessor_name()).all())
            for obj in objects:
                setattr(obj, relation.field.attname, page.pk)
                clean_instance(type(obj), obj)
                by_model.setdefault(type(obj), []).append(obj)
    for model, objects in by_model.items():
        model.objects.bulk_create(objects, batch_size=BATCH_SIZE)


def set_published(pages: Sequence[Page], published_at: Sequence | None = None) -> None:
    """Mark new pages live, as publishing them will, before they are inserted.

    ``published_at`` gives, page by page, the time its publisher last changed it (kept as
    ``last_published_at``, as an import keeps the source's date), or None for now.
    """
    now = timezone.now()
    published_at = published_at or [None] * len(pages)
    for page, when in zip(pages, published_at, strict=True):
        page.live = True
        page.has_unpublished_changes = False
        page.draft_title = page.title
        page.first_published_at = page.first_published_at or now
        page.last_published_at = when or now
        page.latest_revision_created_at = now


def publish_new(pages: Sequence[Page]) -> None:
    """Give inserted pages (with their rows) a first revision, published, as an editor would.

    What ``page.save_revision().publish()`` leaves: a revision holding the page's content,
    ``latest_revision`` and ``live_revision`` pointing at it, and a "wagtail.publish" entry in
    the page's history. The pages were inserted live (:func:`set_published`).
    """
    if not pages:
        return
    now = timezone.now()
    base_type = ContentType.objects.get_for_model(Page)
    revisions = [
        Revision(
            content_type_id=page.content_type_id,
            base_content_type=base_type,
            object_id=str(page.pk),
            created_at=page.latest_revision_created_at or now,
            user=None,  # as ``save_revision()`` without a user: no person checked it
            content=page.serializable_data(),
            object_str=str(page),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH_SIZE)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
    # Each page points at its revision: one UPDATE with a subquery instead of one per page.
    revision = Subquery(
        Revision.objects.filter(
            base_content_type=base_type, object_id=Cast(OuterRef("pk"), CharField())
        )
        .order_by("-pk")
        .values("pk")[:1]
    )
    ids = [page.pk for page in pages]
    for start in range(0, len(ids), BATCH_SIZE):
        Page.objects.filter(pk__in=ids[start : start + BATCH_SIZE]).update(
            latest_revision=revision, live_revision=revision
        )
    _log(
        (page, "wagtail.publish", {"revision": revision, "content_changed": True})
        for page, revision in zip(pages, revisions, strict=True)
    )


def _log(entries: Iterable[tuple[Page, str, dict]]) -> None:
    """History entries as Wagtail's ``log()`` writes them: ``(page, action, other fields)``."""
    now = timezone.now()
    context = get_active_log_context()
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type_id=page.content_type_id,
                label=page.get_admin_display_title(),
                action=action,
                timestamp=now,
                page_id=page.pk,
                user=context.user,
                uuid=context.uuid,
                **{"data": {}, **fields},
            )
            for page, action, fields in entries
        ],
        batch_size=BATCH_SIZE,
    )


def index_references(objects: Iterable) -> None:
    """Add just inserted objects to Wagtail's reference index (the admin's "usage").

    As ``ReferenceIndex.create_or_update_for_object`` does for each, with the references
    read from the objects in memory (their rows held in the cluster, not queried again) and
    one INSERT for all: new objects have no references indexed yet.
    """
    rows = []
    for obj in objects:
        if not ReferenceIndex.is_indexed(type(obj)):
            continue
        models = [type(obj), *obj._meta.get_parent_list()]
        types = [ContentType.objects.get_for_model(m, for_concrete_model=False) for m in models]
        # A private helper of Wagtail's: the same extraction as its own index update.
        for to_type, to_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(obj)
        ):
            rows.append(
                ReferenceIndex(
                    content_type=types[0],
                    base_content_type=types[-1],
                    object_id=obj.pk,
                    to_content_type_id=to_type,
                    to_object_id=to_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
            )
    ReferenceIndex.objects.bulk_create(rows, batch_size=BATCH_SIZE, ignore_conflicts=True)


# What ``Page.create_alias`` leaves out of an alias (it has no revisions of its own).
ALIAS_EXCLUDE = [
    "id",
    "path",
    "depth",
    "numchild",
    "url_path",
    "index_entries",
    "postgres_index_entries",
    "latest_revision",
]


def add_aliases(pages: Sequence[Page], locale, parents: dict) -> list[Page]:
    """Insert an alias of each inserted page in ``locale``, as ``copy_for_translation`` would.

    ``parents`` maps the path of a source page's parent to that parent and its page in
    ``locale`` (``(parent, translated_parent)``). Each
    alias copies its source's fields and rows (translatable rows in ``locale``, with their
    translation keys), keeps the slug unless a sibling has it (``-1``, ``-2``, ... as
    Wagtail's ``find_available_slug``), and gets the "wagtail.create_alias" history entry.
    Returns the aliases (for the caller to index).
    """
    by_parent: dict[int, tuple[Page, list[Page]]] = {}
    for page in pages:
        parent = parents[parent_path(page)][1]
        # Wagtail's own copy (private, used by ``create_alias``): fields and rows.
        alias, child_objects = _copy(
            page,
            exclude_fields=ALIAS_EXCLUDE,
            update_attrs={
                "alias_of": page,
                "draft_title": page.title,
                "has_unpublished_changes": not page.live,
                "locale": locale,
            },
        )
        for row in child_objects.values():
            if isinstance(row, TranslatableMixin):
                row.locale = locale
        by_parent.setdefault(parent.pk, (parent, []))[1].append(alias)
    aliases = []
    for parent, children in by_parent.values():
        taken = set(parent.get_children().values_list("slug", flat=True))
        for alias in children:
            slug, number = alias.slug, 1
            while slug in taken:
                slug, number = f"{alias.slug}-{number}", number + 1
            alias.slug = slug
            taken.add(slug)
        append_children(parent, children)
        aliases.extend(children)
    insert_rows(aliases)
    sources = {page.pk: page for page in pages}
    _log(
        (
            alias,
            "wagtail.create_alias",
            {"data": _alias_log_data(alias, *parents[parent_path(sources[alias.alias_of_id])])},
        )
        for alias in aliases
    )
    return aliases


def parent_path(page: Page) -> str:
    """The tree path of ``page``'s parent."""
    return page.path[: -Page.steplen]


def _alias_log_data(alias, source_parent, parent) -> dict:
    """What ``create_alias`` logs: the alias, its source's parent and its own parent."""
    return {
        "page": {"id": alias.pk, "title": alias.get_admin_display_title()},
        "source": {"id": source_parent.pk, "title": source_parent.get_admin_display_title()},
        "destination": {"id": parent.pk, "title": parent.get_admin_display_title()},
    }
