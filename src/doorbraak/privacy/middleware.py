"""Gives every request a W3C trace context, so log records of one request share a trace id."""

import re
import secrets

_TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$")


class TraceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = _TRACEPARENT.match(request.headers.get("traceparent", ""))
        if match and match.group(1) != "0" * 32:
            request.trace_id, request.parent_span_id = match.group(1), match.group(2)
        else:
            request.trace_id, request.parent_span_id = secrets.token_hex(16), ""
        request.span_id = secrets.token_hex(8)
        response = self.get_response(request)
        response["traceparent"] = f"00-{request.trace_id}-{request.span_id}-01"
        return response
