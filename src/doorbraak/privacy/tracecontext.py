"""The W3C trace context of the work in progress, across the request, Celery tasks and the
Python log (Logboek Dataverwerkingen: one trace id ties every record of one operation).

`TraceMiddleware` sets it for a request; a Celery task sent while it is set carries it as the
`traceparent` header (`jobs.celery_app.TracedTask`) and runs under the same trace id with a new
span whose parent is the sender's span; `install_log_record_factory` gives every Python log
record `trace_id` and `span_id` (empty outside a trace). An outgoing HTTP call sends
`outgoing_headers()` (Doorbraak makes none of its own today; OIDC's token calls are the
library's).
"""

import contextvars
import logging
import re
import secrets
from dataclasses import dataclass

_TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$")


@dataclass(frozen=True)
class TraceContext:
    trace_id: str
    span_id: str
    parent_span_id: str = ""

    @property
    def traceparent(self) -> str:
        return f"00-{self.trace_id}-{self.span_id}-01"


_current: contextvars.ContextVar[TraceContext | None] = contextvars.ContextVar(
    "doorbraak_trace", default=None
)


def parse(header: str | None) -> tuple[str, str] | None:
    """(trace id, span id) of a valid `traceparent`, else None (an all-zero id is invalid)."""
    match = _TRACEPARENT.match(header or "")
    if not match or match.group(1) == "0" * 32 or match.group(2) == "0" * 16:
        return None
    return match.group(1), match.group(2)


def continue_or_start(header: str | None) -> TraceContext:
    """A new span: in the trace of `header` (its span as parent), or in a new trace."""
    parsed = parse(header)
    if parsed:
        return TraceContext(parsed[0], secrets.token_hex(8), parsed[1])
    return TraceContext(secrets.token_hex(16), secrets.token_hex(8), "")


def current() -> TraceContext | None:
    return _current.get()


def activate(context: TraceContext) -> contextvars.Token:
    return _current.set(context)


def deactivate(token: contextvars.Token) -> None:
    _current.reset(token)


def outgoing_headers() -> dict[str, str]:
    context = current()
    return {"traceparent": context.traceparent} if context else {}


def install_log_record_factory() -> None:
    """Every log record gets `trace_id` and `span_id` of the current trace (idempotent)."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "doorbraak_trace", False):
        return

    def factory(*args, **kwargs):
        record = previous(*args, **kwargs)
        context = _current.get()
        record.trace_id = context.trace_id if context else ""
        record.span_id = context.span_id if context else ""
        return record

    factory.doorbraak_trace = True
    logging.setLogRecordFactory(factory)
