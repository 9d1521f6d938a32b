"""Create the coordinators' group and the "Partner review" workflow on every directory page.

Historical models only, so this migration keeps working whatever the page models become.
The partners' own groups follow their organisation pages (``partners.signals``), and
``partners.roles.sync_all`` repairs everything after each ``migrate``.
"""

from django.db import migrations

COORDINATORS = "Coordinators"
WORKFLOW_NAME = "Partner review"
TASK_NAME = "Coordinator approval"
COORDINATOR_PAGE_RIGHTS = ("add", "change", "publish", "lock", "unlock", "bulk_delete", "view")


def create_roles(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    coordinators, _created = Group.objects.get_or_create(name=COORDINATORS)
    coordinators.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in COORDINATOR_PAGE_RIGHTS:
            permission = Permission.objects.filter(
                content_type__app_label="wagtailcore", codename=f"{codename}_page"
            ).first()
            if permission is not None:
                GroupPagePermission.objects.get_or_create(
                    group=coordinators, page=root, permission=permission
                )

    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(coordinators)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    directory_type = ContentType.objects.filter(
        app_label="directory", model="directoryindexpage"
    ).first()
    if directory_type is not None:
        for page in Page.objects.filter(content_type=directory_type):
            WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_initial"),
        ("directory", "0002_seed_action_fields"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
