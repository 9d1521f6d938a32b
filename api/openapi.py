"""The project's OpenAPI 3.1 document: the official HSDS 3.0 one, corrected and extended.

It starts from the official ``openapi.json`` (kept in the bundle, see :mod:`api.schemas`) and
keeps its paths, operations and parameter names. It then

- points every response at the official schemas embedded in the document (the official file
  refers to raw.githubusercontent.com, which the documentation page may not load);
- corrects two mistakes of the official file (each says so where it is done);
- states our bounds for the official parameters (a value outside them is a 400) and adds our
  extensions: ``lang``, the directory's facets, ``postcode``/``proximity`` on services;
- documents the answers besides 200: 304, 400, 404, 429.
"""

import copy

from django.conf import settings

from api import hsds
from api.queries import MAX_PAGE, MAX_PER_PAGE, MAX_PROXIMITY
from api.schemas import OFFICIAL_BASE, bundle, component
from directory.filters import api_facets

UUID = {"type": "string", "format": "uuid"}
BOOLEAN = {"type": "boolean"}


def _param(name, description, schema, **extra):
    # An empty value means the same as leaving the parameter out (``?page=&search=``).
    return {
        "name": name,
        "in": "query",
        "required": False,
        "allowEmptyValue": True,
        "description": description,
        "schema": schema,
        **extra,
    }


def _facet_parameters() -> dict:
    """The directory's facets the API filters by (see ``directory.filters``)."""
    parameters = {}
    for facet in api_facets():
        api = facet.api
        if facet.multiple:
            schema = {"type": "array", "items": {"type": "string", "maxLength": api.max_length}}
            parameters[api.name] = _param(
                api.name, f"Extension: {api.description}", schema, style="form", explode=True
            )
        else:
            parameters[api.name] = _param(api.name, f"Extension: {api.description}", BOOLEAN)
    return parameters


def _parameters() -> dict:
    """Every query parameter: the official ones with our bounds, then our extensions."""
    return {
        "search": _param(
            "search", "Full text search (services: relevance order).", {"type": "string"}
        ),
        "page": _param(
            "page", "Page number.", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}
        ),
        "per_page": _param(
            "per_page",
            "Results per page.",
            {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": 25},
        ),
        "format": _param(
            "format",
            "`ndjson` streams every result, one a line, without pagination.",
            {"type": "string", "enum": ["json", "ndjson"]},
        ),
        "taxonomy_term_id": _param(
            "taxonomy_term_id", "Only with this taxonomy term (an unknown one is a 400).", UUID
        ),
        "taxonomy_id": _param(
            "taxonomy_id",
            "Only with any term of this taxonomy (an unknown one is a 400).",
            UUID,
        ),
        "organization_id": _param("organization_id", "Only of this organization.", UUID),
        "modified_after": _param(
            "modified_after",
            "Only modified on or after this date or date-time (ISO 8601).",
            # The official document says "datetime", which is no format of JSON Schema.
            {"type": "string", "format": "date-time"},
        ),
        "minimal": _param(
            "minimal", "Only id, name, status and last_modified of each service.", BOOLEAN
        ),
        "full": _param(
            "full",
            "Fully nested objects (organizations: with their rows and the id, name, status "
            "and last_modified of each service).",
            BOOLEAN,
        ),
        "full_service": _param(
            "full_service",
            "Organizations with each of their services fully nested.",
            BOOLEAN,
        ),
        "top_only": _param(
            "top_only",
            "Only terms at the top of their taxonomy (without a parent_id). Our taxonomies "
            "are flat, so every term is both at the top and without children.",
            BOOLEAN,
        ),
        "parent_id": _param(
            "parent_id",
            "Only the children of this taxonomy term (an unknown one is a 400).",
            UUID,
        ),
        "postcode": _param(
            "postcode",
            "Only with a location in this postcode (or near it, with proximity).",
            {"type": "string", "maxLength": 10},
        ),
        "proximity": _param(
            "proximity",
            "Metres from the centre of `postcode` (the mean of our locations there); needs "
            "`postcode`.",
            {"type": "number", "minimum": 1, "maximum": MAX_PROXIMITY},
        ),
        "lang": _param(
            "lang",
            "Extension: content language (untranslated content comes in German).",
            {
                "type": "string",
                "enum": list(settings.WAGTAIL_CONTENT_LANGUAGE_CODES),
                "default": hsds.SOURCE_LANGUAGE,
            },
        ),
        **_facet_parameters(),
    }


def _facet_names() -> list[str]:
    """The API parameters of the directory's facets."""
    return [facet.api.name for facet in api_facets()]


def _extensions(path: str) -> list[str]:
    """Our parameters of an operation beyond the official ones."""
    if path in ("/services", "/service_at_locations"):
        return ["lang", *_facet_names(), "postcode", "proximity"]
    if path == "/organizations":
        return ["lang", "organization_id", "modified_after"]
    return ["lang"]


def _schema_ref(url: str) -> dict:
    """An official schema URL as a reference to its copy in this document."""
    name = url.rsplit("/", 1)[-1].removesuffix(".json")
    return {"$ref": f"#/components/schemas/{component(name)}"}


def _local_refs(node):
    """``node`` with every reference to an official schema file made local."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith(OFFICIAL_BASE):
            return _schema_ref(ref)
        return {key: _local_refs(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_local_refs(item) for item in node]
    return node


def _parameter_name(parameter: dict) -> str:
    return parameter.get("name") or parameter["$ref"].rsplit("/", 1)[-1]


def _error_response(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _operation(path: str, operation: dict) -> dict:
    """One official operation with our parameters and every answer it can give."""
    names = [_parameter_name(p) for p in operation.get("parameters", [])]
    names += [name for name in _extensions(path) if name not in names]
    operation["parameters"] = [{"$ref": f"#/components/parameters/{name}"} for name in names]
    responses = operation["responses"]
    ok = responses["200"]
    ok["headers"] = {
        "ETag": {"$ref": "#/components/headers/ETag"},
        "Last-Modified": {"$ref": "#/components/headers/Last-Modified"},
    }
    if "format" in names:
        ok["content"]["application/x-ndjson"] = {
            "schema": {"type": "string"},
            "description": "With format=ndjson: one object of the list a line.",
        }
    responses["304"] = {"description": "Not modified since If-None-Match / If-Modified-Since."}
    responses["400"] = {"$ref": "#/components/responses/BadRequest"}
    if "{id}" in path:
        responses["404"] = {"$ref": "#/components/responses/NotFound"}
    responses["429"] = {"$ref": "#/components/responses/TooManyRequests"}
    return operation


def openapi_document(server_url: str) -> dict:
    """The document, with ``server_url`` (the API root) as its server."""
    official = copy.deepcopy(bundle()["openapi"])
    paths = _local_refs(official["paths"])
    # The official file answers /service_at_locations/{id} with a service (compiled/service.json);
    # the operation returns a service_at_location.
    sal = paths["/service_at_locations/{id}"]["get"]["responses"]["200"]
    sal["content"]["application/json"]["schema"] = _schema_ref("service_at_location.json")
    # The official file swaps the operation ids of /taxonomy_terms and /taxonomy_terms/{id}.
    paths["/taxonomy_terms"]["get"]["operationId"] = "getPaginatedListOfTaxonomyTerms"
    paths["/taxonomy_terms/{id}"]["get"]["operationId"] = "getTaxonomyTermById"
    for path, item in paths.items():
        item["get"] = _operation(path, item["get"])
    extensions = ", ".join(f"`{name}`" for name in ["lang", *_facet_names()])
    schemas = dict(bundle()["schemas"])
    schemas.update(
        {
            "Page": {
                **official["components"]["schemas"]["Page"],
                "required": [
                    "total_items",
                    "total_pages",
                    "page_number",
                    "size",
                    "first_page",
                    "last_page",
                    "empty",
                    "contents",
                ],
            },
            "Error": {
                "type": "object",
                "properties": {"status": {"type": "integer"}, "error": {"type": "string"}},
                "required": ["status", "error"],
            },
        }
    )
    return {
        "openapi": official["openapi"],
        "jsonSchemaDialect": official["jsonSchemaDialect"],
        "info": {
            "title": "Wegweiser HSDS API",
            "version": hsds.HSDS_VERSION,
            "description": "Open Referral HSDS 3.0 API of the Wegweiser directory: the official "
            "OpenAPI document of HSDS 3.0, with our bounds and extensions. Read only (GET, HEAD; "
            "OPTIONS for CORS preflights), open CORS, ETag and Last-Modified for conditional "
            "requests; an empty parameter is one left out. Extension parameters: "
            f"{extensions}, and `postcode`/`proximity` on services. Objects carry exactly the "
            "properties of their official schema; fields "
            "starting with `x_` carry what HSDS has no field for. The schemas are derived from "
            "the Human Services Data Specification, an Open Referral resource "
            "(https://openreferral.org/), CC BY-SA 4.0.",
            "license": {
                "name": "CC BY-SA 4.0 (schemas)",
                "url": "https://creativecommons.org/licenses/by-sa/4.0/",
            },
        },
        "servers": [{"url": server_url.rstrip("/")}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "parameters": _parameters(),
            "headers": {
                "ETag": {
                    "description": "Changes whenever the answer would; send it in If-None-Match.",
                    "schema": {"type": "string"},
                },
                "Last-Modified": {
                    "description": "When the content last changed; send it in If-Modified-Since.",
                    "schema": {"type": "string"},
                },
            },
            "responses": {
                "BadRequest": _error_response("A bad parameter; the message says which."),
                "NotFound": _error_response("No live public object with this id."),
                "TooManyRequests": _error_response(
                    "Too many requests from this client; try again after Retry-After seconds."
                ),
            },
        },
    }
