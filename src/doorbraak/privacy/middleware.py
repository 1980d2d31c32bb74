"""Gives every request a W3C trace context, so log records of one request share a trace id.
The context is also the current one (`tracecontext`) while the request runs, so Celery tasks
it sends and Python log records carry the same trace id."""

from . import tracecontext


class TraceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        context = tracecontext.continue_or_start(request.headers.get("traceparent"))
        request.trace_id, request.span_id = context.trace_id, context.span_id
        request.parent_span_id = context.parent_span_id
        token = tracecontext.activate(context)
        try:
            response = self.get_response(request)
        finally:
            tracecontext.deactivate(token)
        response["traceparent"] = context.traceparent
        return response
