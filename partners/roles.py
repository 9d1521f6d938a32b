"""Roles: coordinators, one editors' group per partner organisation, and the review workflow.

Wagtail's page permissions cover a subtree of *one* language tree, so a partner's group gets
its rights on the organisation page in every locale (German, each translation and each
alias). ``ensure_partner`` is idempotent and runs whenever an organisation page is saved in
any locale, which includes the alias copies made when a new language is synchronised from
German, so the rights follow new languages without a manual step.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from base.languages import SOURCE_LANGUAGE
from directory.models import DirectoryIndexPage, OrganisationPage
from partners.models import Partner

COORDINATORS = "Coordinators"
PARTNER_GROUP_PREFIX = "Partner: "
WORKFLOW_NAME = "Partner review"
TASK_NAME = "Coordinator approval"

PARTNER_PAGE_RIGHTS = {"add", "change", "view"}
COORDINATOR_PAGE_RIGHTS = {"add", "change", "publish", "lock", "unlock", "bulk_delete", "view"}
# Everything a coordinator manages besides pages: content models, media, users, partners.
COORDINATOR_APPS = (
    "directory",
    "home",
    "partners",
    "wegweiser_search",
    "wagtailimages",
    "wagtaildocs",
)
# Partner records follow organisation pages; suggestions and reminders come from the site.
NOT_FOR_COORDINATORS = ("add_partner", "add_correctionsuggestion", "add_reviewreminder")
COORDINATOR_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "view_user"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
)


def page_permission(codename: str) -> Permission:
    return Permission.objects.get(
        content_type__app_label="wagtailcore", codename=f"{codename}_page"
    )


def is_coordinator(user) -> bool:
    """Whether ``user`` moderates and manages everything (superusers count)."""
    return user.is_active and (user.is_superuser or user.groups.filter(name=COORDINATORS).exists())


def set_page_rights(group: Group, pages, codenames: set[str]) -> None:
    """Give ``group`` exactly ``codenames`` on exactly ``pages`` (removing any other right)."""
    pages = list(pages)
    page_ids = {page.id for page in pages}
    wanted_codenames = {f"{codename}_page" for codename in codenames}
    GroupPagePermission.objects.filter(group=group).filter(
        ~Q(page_id__in=page_ids) | ~Q(permission__codename__in=wanted_codenames)
    ).delete()
    have = set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "page_id", "permission__codename"
        )
    )
    permissions = {codename: page_permission(codename) for codename in codenames}
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page_id=page_id, permission=permission)
        for page_id in page_ids
        for codename, permission in permissions.items()
        if (page_id, f"{codename}_page") not in have
    )


@transaction.atomic
def ensure_coordinators() -> Group:
    """The coordinators' group with every right on every language tree."""
    group, _created = Group.objects.get_or_create(name=COORDINATORS)
    extra = Q()
    for app_label, codename in COORDINATOR_PERMISSIONS:
        extra |= Q(content_type__app_label=app_label, codename=codename)
    group.permissions.add(
        *Permission.objects.filter(Q(content_type__app_label__in=COORDINATOR_APPS) | extra).exclude(
            codename__in=NOT_FOR_COORDINATORS
        )
    )
    set_page_rights(group, [Page.get_first_root_node()], COORDINATOR_PAGE_RIGHTS)
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for permission in Permission.objects.filter(
            content_type__app_label__in=("wagtailimages", "wagtaildocs"),
            codename__regex=r"^(add|change|delete|choose)_",
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    return group


@transaction.atomic
def ensure_review_workflow() -> Workflow:
    """The "Partner review" workflow, assigned to the directory page of every language.

    The nearest ancestor's workflow applies, so every organisation and listing in every
    language tree goes through the coordinators' approval.
    """
    coordinators = ensure_coordinators()
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(coordinators)
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in DirectoryIndexPage.objects.all():
        assign_review_workflow(page, workflow)
    return workflow


def assign_review_workflow(page: Page, workflow: Workflow | None = None) -> None:
    """Put ``page`` (a directory page of some language) under the partner review."""
    workflow = workflow or Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = ensure_review_workflow()
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def source_organisation(page):
    """The German organisation page of ``page``'s translation set (``page`` if none)."""
    german = Locale.objects.filter(language_code=SOURCE_LANGUAGE).first()
    if german is None or page.locale_id == german.id:
        return page
    return (
        OrganisationPage.objects.filter(translation_key=page.translation_key, locale=german).first()
        or page
    )


def partner_group_name(organisation) -> str:
    """A unique group name from the organisation's name."""
    name = f"{PARTNER_GROUP_PREFIX}{organisation.title}"[:140]
    clash = Group.objects.filter(name=name).exclude(partner__organisation=organisation)
    if clash.exists():
        name = f"{name} ({organisation.id})"
    return name


@transaction.atomic
def ensure_partner(organisation):
    """The partner record and editors' group of an organisation, with rights in every locale."""
    source = source_organisation(organisation)
    partner = Partner.objects.select_related("group").filter(organisation=source).first()
    if partner is None:
        group, _created = Group.objects.get_or_create(name=partner_group_name(source))
        partner = Partner.objects.create(organisation=source, group=group)
    elif not partner.group.name.startswith(f"{PARTNER_GROUP_PREFIX}{source.title}"):
        # The organisation was renamed: the group follows, so coordinators recognise it.
        partner.group.name = partner_group_name(source)
        partner.group.save(update_fields=["name"])
    apply_partner_rights(partner)
    return partner


def apply_partner_rights(partner) -> None:
    """Edit (and, when trusted, publish) rights on the organisation in every language tree."""
    group = partner.group
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    codenames = set(PARTNER_PAGE_RIGHTS)
    if partner.may_publish_directly:
        codenames.add("publish")
    pages = Page.objects.filter(translation_key=partner.organisation.translation_key)
    set_page_rights(group, pages, codenames)


def partners_of(user):
    """The partners whose editors' group ``user`` belongs to."""
    return Partner.objects.filter(group__user=user).select_related("organisation", "group")


def is_partner_editor_only(user) -> bool:
    """Whether ``user`` edits for partners and has no wider role (for hiding admin menus)."""
    if not user.is_authenticated or user.is_superuser or is_coordinator(user):
        return False
    return partners_of(user).exists()


def sync_all() -> None:
    """Create or repair every role, the workflow and each organisation's partner group."""
    german = Locale.objects.filter(language_code=SOURCE_LANGUAGE).first()
    if german is None or Page.get_first_root_node() is None:
        # A flushed database (between transactional tests) has no tree to give rights on.
        return
    ensure_review_workflow()
    for organisation in OrganisationPage.objects.filter(locale=german):
        ensure_partner(organisation)
