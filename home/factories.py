"""Test factories for the home app: the home page of a language tree, content pages, documents.

Pages are created live. A home page sits directly under Wagtail's root node; making it the
root of a ``Site`` is left to the test (see the ``home_page`` fixture in ``tests/conftest.py``).
"""

import factory
import wagtail_factories
from wagtail.models import Collection, Page

from directory.factories import german_locale
from home.models import ContentPage, HomePage


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A document in the root collection (wagtail-factories would add a second root)."""

    title = "Flyer Integrationsnetzwerk"
    file = factory.django.FileField(filename="flyer-integrationsnetzwerk.pdf", data=b"%PDF-1.4")
    collection = factory.LazyFunction(Collection.get_first_root_node)


class HomePageFactory(wagtail_factories.PageFactory):
    """A German home page under the tree's root node."""

    title = "Wegweiser"
    slug = factory.Sequence(lambda n: f"wegweiser-{n}")
    locale = factory.LazyFunction(german_locale)
    parent = factory.LazyFunction(Page.get_first_root_node)
    intro = "Beratung und Projekte für Zugewanderte in Magdeburg"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    """A network page (principles, working groups, news) under a home page."""

    title = factory.Sequence(lambda n: f"Netzwerkseite {n}")
    intro = factory.LazyAttribute(lambda o: f"Einleitung zu {o.title}.")
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = ContentPage
