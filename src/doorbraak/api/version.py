"""The `API-Version` header (NL API Design Rules, /core/version-header; decision 0014): every
response under /api/ says the full semantic version of the API, the `info.version` of the
committed OpenAPI schema, so a client can tell a minor or patch change without reading the
schema. Errors, redirects and refusals by other middleware carry it too (this middleware sits
right after the health middleware)."""

from django.conf import settings

HEADER = "API-Version"
PREFIX = "/api/"


def api_version() -> str:
    return settings.SPECTACULAR_SETTINGS["VERSION"]


class APIVersionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.version = api_version()

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(PREFIX):
            response[HEADER] = self.version
        return response


def declare_version_header(result, generator, request, public):
    """drf-spectacular postprocessing hook: every response of every operation declares it."""
    header = {
        "description": "Volledige versie van de API (semver), volgens de API Design Rules.",
        "schema": {"type": "string", "example": api_version()},
    }
    for item in result.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for response in operation.get("responses", {}).values():
                response.setdefault("headers", {})[HEADER] = header
    return result
