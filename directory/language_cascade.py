"""What happens to a German organisation or listing happens in every language.

Unpublishing or deleting the source page, by any route (the admin, a bulk action, a
command, an import), does the same to its translations and aliases, so that no copy stays
live in another language after its organisation left the network.
"""

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_unpublished

from base.languages import SOURCE_LANGUAGE
from directory.models import ListingPage, OrganisationPage

FOLLOWED = (OrganisationPage, ListingPage)


def _other_languages(instance):
    """The other-language copies of a German organisation or listing (none for others)."""
    if not isinstance(instance, FOLLOWED) or instance.locale.language_code != SOURCE_LANGUAGE:
        return Page.objects.none()
    return Page.objects.filter(translation_key=instance.translation_key).exclude(
        locale_id=instance.locale_id
    )


def unpublish_everywhere(sender, instance, **kwargs):
    """``page_unpublished``: the German page went offline, so do its other languages."""
    for copy in _other_languages(instance).filter(live=True):
        copy.unpublish()


def delete_everywhere(sender, instance, **kwargs):
    """``post_delete``: the German page is gone, so are its other languages (with children)."""
    for copy in list(_other_languages(instance)):
        # A parent's copy deleted just before may have taken this one with it.
        if Page.objects.filter(pk=copy.pk).exists():
            copy.delete()


def connect_signals() -> None:
    page_unpublished.connect(unpublish_everywhere, dispatch_uid="directory_unpublish_languages")
    for model in FOLLOWED:
        post_delete.connect(
            delete_everywhere, sender=model, dispatch_uid=f"directory_delete_{model.__name__}"
        )
