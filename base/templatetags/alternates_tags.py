"""``{% hreflang_links page %}``: <link rel="alternate" hreflang> for every translation."""

from django import template
from django.utils.html import format_html_join

from base.alternates import page_alternates

register = template.Library()


@register.simple_tag(takes_context=True)
def hreflang_links(context, page):
    """The alternate links of ``page`` in every language, for the document head."""
    if page is None or not getattr(page, "translation_key", None):
        return ""
    return format_html_join(
        "\n",
        '<link rel="alternate" hreflang="{}" href="{}">',
        page_alternates(page, context.get("request")),
    )
