"""Template tags of the partners app."""

from django import template

from partners.forms import form_started_token

register = template.Library()


@register.simple_tag
def correction_form_started():
    """The signed start time for the "suggest a correction" form."""
    return form_started_token()
