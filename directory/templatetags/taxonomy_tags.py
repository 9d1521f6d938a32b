"""``{{ term|term_label }}``: a taxonomy term's name in the visitor's language."""

from django import template

from directory.labels import term_label as _term_label

register = template.Library()


@register.filter
def term_label(term):
    """The name of an action field, target group, working group or district, translated."""
    return _term_label(term)
