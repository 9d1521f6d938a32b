"""Admin integration of the directory: the taxonomies as translatable snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from directory.models import ActionField, ActionFieldMapping, District, TargetGroup, WorkingGroup


class TaxonomyViewSet(SnippetViewSet):
    """Shared listing setup: code and name columns, searchable, filterable by language."""

    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    ordering = ["sort_order", "name"]


class ActionFieldViewSet(TaxonomyViewSet):
    model = ActionField
    icon = "tag"
    menu_order = 100


class TargetGroupViewSet(TaxonomyViewSet):
    model = TargetGroup
    icon = "group"
    menu_order = 110


class WorkingGroupViewSet(TaxonomyViewSet):
    model = WorkingGroup
    icon = "users"
    menu_order = 120


class DistrictViewSet(TaxonomyViewSet):
    model = District
    icon = "site"
    menu_order = 130


class ActionFieldMappingViewSet(SnippetViewSet):
    """Coordinators map terms of other publishers' taxonomies onto action fields."""

    model = ActionFieldMapping
    icon = "redirect"
    menu_order = 140
    list_display = ["foreign_term", "action_field"]
    search_fields = ["foreign_term"]
    ordering = ["foreign_term"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "tag"
    menu_order = 300
    items = (
        ActionFieldViewSet,
        TargetGroupViewSet,
        WorkingGroupViewSet,
        DistrictViewSet,
        ActionFieldMappingViewSet,
    )


register_snippet(TaxonomyGroup)
