"""The OpenAPI 3.1 document of the HSDS API: the official paths and parameters plus ours."""

from django.conf import settings

from api import hsds
from api.queries import MAX_PAGE, MAX_PER_PAGE, MAX_PROXIMITY
from directory.filters import api_facets

SPEC = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema"


def _param(name, description, schema, **extra):
    return {
        "name": name,
        "in": "query",
        "required": False,
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
                api.name, api.description, schema, style="form", explode=True
            )
        else:
            parameters[api.name] = _param(api.name, api.description, {"type": "boolean"})
    return parameters


def _parameters() -> dict:
    uuid = {"type": "string", "format": "uuid"}
    return {
        "search": _param("search", "Full text search (relevance order).", {"type": "string"}),
        "page": _param(
            "page", "Page number.", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}
        ),
        "per_page": _param(
            "per_page",
            "Results per page.",
            {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
        ),
        "format": _param(
            "format",
            "`ndjson` streams every result, one a line, without pagination.",
            {"type": "string", "enum": ["json", "ndjson"]},
        ),
        "taxonomy_term_id": _param("taxonomy_term_id", "Only with this taxonomy term.", uuid),
        "taxonomy_id": _param("taxonomy_id", "Only with any term of this taxonomy.", uuid),
        "organization_id": _param("organization_id", "Only of this organization.", uuid),
        "modified_after": _param(
            "modified_after",
            "Only modified on or after this date or date-time.",
            {"type": "string", "format": "date-time"},
        ),
        "minimal": _param(
            "minimal", "Only id, name, status and last_modified.", {"type": "boolean"}
        ),
        "full": _param("full", "Fully nested objects.", {"type": "boolean"}),
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
        "postcode": _param(
            "postcode",
            "Only with a location in this postcode (or near it, with proximity).",
            {"type": "string", "maxLength": 10},
        ),
        "proximity": _param(
            "proximity",
            "Metres from the centre of `postcode` (the mean of our locations there).",
            {"type": "number", "minimum": 1, "maximum": MAX_PROXIMITY},
        ),
    }


LIST_PARAMS = ["search", "page", "per_page", "format", "lang"]


def _facet_names() -> list[str]:
    """The API parameters of the directory's facets."""
    return [facet.api.name for facet in api_facets()]


def _filter_params() -> list[str]:
    return [
        "taxonomy_term_id",
        "taxonomy_id",
        "organization_id",
        "modified_after",
        *_facet_names(),
        "postcode",
        "proximity",
    ]


def _ref(name):
    return {"$ref": f"#/components/parameters/{name}"}


def _list(operation_id, summary, item_ref, params):
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": [_ref(p) for p in params],
            "responses": {
                "200": {
                    "description": summary,
                    "content": {
                        "application/json": {
                            "schema": {
                                "allOf": [{"$ref": "#/components/schemas/Page"}],
                                "properties": {
                                    "contents": {"type": "array", "items": {"type": "object"}}
                                },
                                "x-hsds-items": f"{SPEC}/{item_ref}",
                            }
                        },
                        "application/x-ndjson": {"schema": {"type": "string"}},
                    },
                },
                "400": {"$ref": "#/components/responses/BadRequest"},
            },
        }
    }


def _detail(operation_id, summary, item_ref, params=("lang",)):
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                *[_ref(p) for p in params],
            ],
            "responses": {
                "200": {
                    "description": summary,
                    "content": {
                        "application/json": {
                            "schema": {"type": "object", "x-hsds-schema": f"{SPEC}/{item_ref}"}
                        }
                    },
                },
                "400": {"$ref": "#/components/responses/BadRequest"},
                "404": {"$ref": "#/components/responses/NotFound"},
            },
        }
    }


def openapi_document(server_url: str) -> dict:
    """The document, with ``server_url`` (the API root) as its server."""
    error = {
        "type": "object",
        "properties": {"status": {"type": "integer"}, "error": {"type": "string"}},
        "required": ["status", "error"],
    }
    page = {
        "type": "object",
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
        "properties": {
            "total_items": {"type": "integer"},
            "total_pages": {"type": "integer"},
            "page_number": {"type": "integer"},
            "size": {"type": "integer"},
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean"},
            "contents": {"type": "array"},
        },
    }
    all_filters = LIST_PARAMS + _filter_params()
    extensions = ", ".join(f"`{name}`" for name in ["lang", *_facet_names()])
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Wegweiser HSDS API",
            "version": hsds.HSDS_VERSION,
            "description": "Open Referral HSDS 3.0 API of the Wegweiser directory. Read only, "
            f"open CORS. Extensions: {extensions}; fields starting with "
            "`x_` carry what HSDS has no field for.",
        },
        "servers": [{"url": server_url.rstrip("/")}],
        "paths": {
            "/": {
                "get": {
                    "operationId": "getAPIMetaInformation",
                    "summary": "HSDS version of this API and where its OpenAPI document is.",
                    "responses": {
                        "200": {
                            "description": "About this API.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["version"],
                                        "properties": {
                                            "version": {"type": "string"},
                                            "profile": {"type": "string"},
                                            "openapi_url": {"type": "string"},
                                        },
                                    }
                                }
                            },
                        }
                    },
                }
            },
            "/services": _list(
                "getPaginatedListOfServices",
                "Services",
                "compiled/service_list.json",
                [*all_filters, "minimal", "full"],
            ),
            "/services/{id}": _detail("getServiceById", "A fully nested service", "service.json"),
            "/organizations": _list(
                "getPaginatedListOfOrganizations",
                "Organizations",
                "compiled/organization_list.json",
                [*LIST_PARAMS, "organization_id", "modified_after", "full"],
            ),
            "/organizations/{id}": _detail(
                "getOrganizationById",
                "An organization with its services",
                "organization.json",
                ("lang", "full"),
            ),
            "/service_at_locations": _list(
                "getPaginatedListOfServiceAtLocation",
                "Services at locations",
                "compiled/service_at_location_list.json",
                [*all_filters, "full"],
            ),
            "/service_at_locations/{id}": _detail(
                "getServiceAtLocationById", "A service at a location", "service_at_location.json"
            ),
            "/taxonomies": _list(
                "getPaginatedListOfTaxonomies", "Taxonomies", "taxonomy.json", LIST_PARAMS
            ),
            "/taxonomies/{id}": _detail("getTaxonomyById", "A taxonomy", "taxonomy.json"),
            "/taxonomy_terms": _list(
                "getPaginatedListOfTaxonomyTerms",
                "Taxonomy terms",
                "taxonomy_term.json",
                [*LIST_PARAMS, "taxonomy_id"],
            ),
            "/taxonomy_terms/{id}": _detail(
                "getTaxonomyTermById", "A taxonomy term", "taxonomy_term.json"
            ),
        },
        "components": {
            "schemas": {"Page": page, "Error": error},
            "parameters": _parameters(),
            "responses": {
                "BadRequest": {
                    "description": "A bad parameter; the message says which.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                },
                "NotFound": {
                    "description": "No live public object with this id.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                },
            },
        },
    }
