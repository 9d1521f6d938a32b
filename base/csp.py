"""Content-Security-Policy (django-csp) with two policies, and the Permissions-Policy header.

The public site runs no inline script or style at all, so its policy (``CONTENT_SECURITY_POLICY``)
allows only the site's own files: a script that slipped into the content (stored HTML, an
import) would not run. The Wagtail admin, wagtail-localize's translation editor and the
sign-in pages that share the admin's assets need inline styles and scripts; they get their own,
looser policy (``WEGWEISER_ADMIN_CSP``) under the paths in ``WEGWEISER_ADMIN_CSP_PATHS``.
A map tile server (``MAP_TILE_URL``) is added to the public policy's ``img-src`` only when
one is configured.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


def map_tile_origin(url: str | None = None) -> str:
    """The origin of the tile server (``MAP_TILE_URL`` by default) for the policy, or '' when
    there is none or it is no http(s) URL. A ``{s}`` subdomain placeholder becomes ``*``."""
    url = settings.MAP_TILE_URL if url is None else url
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    host = parts.netloc.replace("{s}", "*")
    if parts.scheme not in ("http", "https") or not host or "{" in host or "@" in host:
        return ""
    return f"{parts.scheme}://{host}"


def is_admin_path(path: str) -> bool:
    """Whether ``path`` is answered by the admin or a sign-in page using the admin's assets."""
    return path.startswith(tuple(settings.WEGWEISER_ADMIN_CSP_PATHS))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under the admin's paths and the
    ``Permissions-Policy`` header on every answer."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        """The public policy, or the admin's on admin paths (a view's own override wins)."""
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.WEGWEISER_ADMIN_CSP["DIRECTIVES"]
            return parts
        origin = map_tile_origin()
        if origin:
            update = dict(parts.update or {})
            update["img-src"] = [*update.get("img-src", []), origin]
            parts.update = update
        return parts

    def process_response(self, request, response):
        """Both policy headers, unless the answer already carries its own."""
        response = super().process_response(request, response)
        if settings.WEGWEISER_PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.WEGWEISER_PERMISSIONS_POLICY)
        return response
