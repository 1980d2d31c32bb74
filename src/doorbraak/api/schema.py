"""The refusals in the OpenAPI contract: a postprocessing hook that gives every operation the
error responses it can answer with, each with the shared error body. Which status where:

- 400 (`ValidationError` body): an operation with a request body or a query parameter other
  than `page`, and every write (a rule of the state it finds may refuse it).
- 401 and 403: every operation that needs a login (no or a wrong token; not allowed, or a
  failed CSRF check for session clients).
- 404: an operation with a path parameter (not found or not visible), a paginated list
  (a page beyond the last), and a new payment batch (its fund not found or not handled).
- 409: an operation that writes (POST), except the token and the stateless calculator: the
  state changed in between (a money action or a request that moved on).
- 415: an operation with a request body (a content type or multipart body it cannot read).
- 429: the token endpoint, when the address or account is locked out after failed logins.
"""

ERROR = {
    "type": "object",
    "description": "Een weigering: `detail` zegt in het Nederlands waarom.",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
VALIDATION_ERROR = {
    "type": "object",
    "description": (
        "Ongeldige invoer. Per veld een lijst meldingen in het Nederlands (bij geneste velden "
        "een object per veld of positie); `non_field_errors` voor wat niet bij één veld hoort; "
        "`detail` als de inhoud als geheel niet gelezen kon worden (geen JSON, te diep genest)."
    ),
    "properties": {
        "detail": {"type": "string"},
        "non_field_errors": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": True,
}
DESCRIPTIONS = {
    "400": ("ValidationError", "Ongeldige invoer; er is niets veranderd."),
    "401": ("Error", "Niet ingelogd: geen of een ongeldig token."),
    "403": ("Error", "Niet toegestaan (of de CSRF-controle voor een sessie mislukte)."),
    "404": ("Error", "Niet gevonden, of niet zichtbaar voor deze gebruiker."),
    "409": ("Error", "De toestand is intussen veranderd; er is niets veranderd."),
    "415": ("Error", "Dit type inhoud kan niet worden gelezen."),
    "429": ("Error", "Te veel mislukte pogingen; probeer het later opnieuw."),
}
NO_CONFLICT = ("/api/v1/auth/token/", "/api/v1/cost-benefit/")
NOT_FOUND_BY_BODY = ("/api/v1/payment-batches/",)
#: Reads that refuse with 409: a cancelled batch has no files to send.
CONFLICT_ON_READ = (
    "/api/v1/payment-batches/{id}/csv/",
    "/api/v1/payment-batches/{id}/pain001/",
)
METHODS = ("get", "post", "put", "patch", "delete")


def _statuses(path: str, method: str, operation: dict) -> list[str]:
    params = operation.get("parameters", [])
    query = {p["name"] for p in params if p.get("in") == "query"}
    statuses = []
    # A write without a body can still be refused by a rule of the state it finds (a dice roll
    # by a team not on turn, a step out of order): a 400 with the same body.
    if "requestBody" in operation or query - {"page"} or method in ("post", "put", "patch"):
        statuses.append("400")
    if operation.get("security") != [{}] and "security" in operation:
        statuses += ["401", "403"]
    if "{" in path or "page" in query or (method == "post" and path in NOT_FOUND_BY_BODY):
        statuses.append("404")
    if (method == "post" and path not in NO_CONFLICT) or path in CONFLICT_ON_READ:
        statuses.append("409")
    if "requestBody" in operation:
        statuses.append("415")
    if path == "/api/v1/auth/token/":
        statuses.append("429")
    return statuses


def document_errors(result, generator, request, public):
    """drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"])."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = ERROR
    schemas["ValidationError"] = VALIDATION_ERROR
    for path, item in result.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            responses = operation.setdefault("responses", {})
            for status in _statuses(path, method, operation):
                if status in responses:
                    continue
                component, description = DESCRIPTIONS[status]
                responses[status] = {
                    "content": {
                        "application/json": {
                            "schema": {"$ref": f"#/components/schemas/{component}"}
                        }
                    },
                    "description": description,
                }
    return result
