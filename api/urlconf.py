"""The API's routes without the language-prefixed site, for middleware answering a 404.

Django's LocaleMiddleware turns a 404 into a redirect to ``/<lang>/...`` when that path
resolves, and Wagtail's catch-all resolves every path. An API 404 must stay a JSON 404, so
API views point ``request.urlconf`` here (see ``api.views.api_view``).
"""

from django.urls import include, path

urlpatterns = [path("api/hsds/", include("api.urls"))]
