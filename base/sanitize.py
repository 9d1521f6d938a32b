"""HTML from outside is cleaned to what the rich-text editor itself could have produced.

Imports (HSDS, CSV), the API and any code path that writes a ``RichTextField`` directly
bypass the editor's own filtering, and ``|richtext`` renders what is stored as it is. So
every rich-text value is cleaned with nh3 (a maintained sanitiser) when a model or a
revision is saved: only the tags of the field's editor features survive, links keep only
``http(s)``, ``mailto`` and ``tel`` addresses or Wagtail's internal link attributes, and
scripts, styles, event handlers, frames, SVG and comments are dropped.
"""

import functools

import nh3
from django.db.models.signals import pre_save
from wagtail.fields import RichTextField
from wagtail.models import Revision

ALWAYS = {"p", "br"}
# Wagtail's rich-text feature names and the tags each one may produce.
FEATURE_TAGS = {
    "h1": {"h1"},
    "h2": {"h2"},
    "h3": {"h3"},
    "h4": {"h4"},
    "h5": {"h5"},
    "h6": {"h6"},
    "bold": {"b", "strong"},
    "italic": {"i", "em"},
    "ol": {"ol", "li"},
    "ul": {"ul", "li"},
    "hr": {"hr"},
    "link": {"a"},
    "document-link": {"a"},
    "blockquote": {"blockquote"},
    "code": {"code"},
    "superscript": {"sup"},
    "subscript": {"sub"},
    "strikethrough": {"s"},
    "image": {"embed"},
    "embed": {"embed"},
}
# Without ``features`` Wagtail offers its default set.
DEFAULT_FEATURES = ("h2", "h3", "h4", "bold", "italic", "ol", "ul", "hr", "link", "document-link")
ATTRIBUTES = {
    # Wagtail's stored form: <a href="https://…"> or <a linktype="page" id="3">.
    "a": {"href", "linktype", "id"},
    "embed": {"embedtype", "id", "format", "alt", "url"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_rich_text(html: str, features=None) -> str:
    """``html`` with only what a rich-text field with ``features`` allows."""
    if not html:
        return html
    tags = set(ALWAYS)
    for feature in features or DEFAULT_FEATURES:
        tags |= FEATURE_TAGS.get(feature, set())
    return nh3.clean(
        html,
        tags=tags,
        attributes={tag: names for tag, names in ATTRIBUTES.items() if tag in tags},
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


@functools.cache
def rich_text_fields(model) -> tuple[RichTextField, ...]:
    fields = model._meta.concrete_fields
    return tuple(field for field in fields if isinstance(field, RichTextField))


def clean_instance(sender, instance, raw=False, **kwargs):
    """``pre_save``: clean every rich-text field of the object being saved."""
    if raw:
        return
    for field in rich_text_fields(sender):
        value = getattr(instance, field.attname)
        if isinstance(value, str):
            setattr(instance, field.attname, clean_rich_text(value, field.features))


def clean_revision(sender, instance, raw=False, **kwargs):
    """``pre_save`` of a revision: drafts are shown in previews and comparisons too."""
    if raw or not isinstance(instance.content, dict):
        return
    model = instance.content_type.model_class() if instance.content_type_id else None
    if model is None:
        return
    for field in rich_text_fields(model):
        value = instance.content.get(field.attname)
        if isinstance(value, str):
            instance.content[field.attname] = clean_rich_text(value, field.features)


def connect_signals() -> None:
    pre_save.connect(clean_instance, dispatch_uid="base_clean_rich_text")
    pre_save.connect(clean_revision, sender=Revision, dispatch_uid="base_clean_revision")
