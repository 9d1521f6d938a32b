"""``{% action_field_flyer as flyer %}``: the flyer of the one action field filtered by;
``{% action_field_flyers action_fields as flyers %}``: the flyer of each action field."""

from django import template
from django.urls import reverse

from directory import flyer

register = template.Library()


@register.simple_tag(takes_context=True)
def action_field_flyer(context) -> dict | None:
    """``{"url", "name"}`` of the action field's flyer when the directory ``page`` is filtered
    by exactly one action field (and the server can draw PDFs); None otherwise."""
    page, filters = context.get("page"), context.get("filters")
    codes = getattr(filters, "action_field", None) if filters is not None else None
    if not flyer.AVAILABLE or page is None or not codes or len(codes) != 1:
        return None
    field = flyer.action_field_in(codes[0], page.locale)
    if field is None:
        return None
    return {"url": reverse("action_field_flyer", args=[field.code]), "name": field.name}


@register.simple_tag
def action_field_flyers(action_fields) -> list[dict]:
    """``{"url", "name"}`` of the flyer of each of ``action_fields`` in the active language;
    empty when the server cannot draw PDFs."""
    if not flyer.AVAILABLE:
        return []
    return [
        {"url": reverse("action_field_flyer", args=[field.code]), "name": field.name}
        for field in action_fields
    ]
