"""The W3C trace id flows from an incoming `traceparent` to the processing log, the Python log
records and a Celery task (run eagerly), which gets a new span under the request's span."""

import logging
import uuid

import pytest
from celery import shared_task
from django.http import HttpResponse
from django.test import RequestFactory

from doorbraak.privacy import tracecontext
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.middleware import TraceMiddleware
from doorbraak.privacy.models import AuditRecord, ProcessingRecord
from doorbraak.privacy.services import log_processing, log_request, origin_from_context

TRACE, PARENT = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
SUBJECT = uuid.uuid4()
logger = logging.getLogger("doorbraak.tests.trace")


@shared_task(name="tests.privacy.trace_probe")
def trace_probe(subject: str) -> dict:
    logger.warning("probe task ran")
    log_processing(
        origin_from_context(origin="task tests.privacy.trace_probe"),
        activity=Activity.CASE_VIEW,
        action="read",
        object_type="case",
        subject_ids=[subject],
    )
    context = tracecontext.current()
    return {"trace_id": context.trace_id, "span_id": context.span_id}


def _view(request):
    logger.warning("view ran")
    log_request(request, Activity.CASE_VIEW, "read", "case", 1, [SUBJECT])
    result = trace_probe.delay(str(SUBJECT))
    request.task_result = result.get()
    return HttpResponse("ok")


@pytest.mark.django_db
def test_trace_id_flows_from_the_header_to_the_log_and_a_celery_task(settings, caplog):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    request = RequestFactory().get("/", HTTP_TRACEPARENT=f"00-{TRACE}-{PARENT}-01")
    request.user = None
    with caplog.at_level(logging.WARNING, logger="doorbraak.tests.trace"):
        response = TraceMiddleware(_view)(request)

    assert response["traceparent"] == f"00-{TRACE}-{request.span_id}-01"
    view_record, task_record = ProcessingRecord.objects.order_by("seq")
    assert view_record.trace_id == task_record.trace_id == TRACE
    assert (view_record.span_id, view_record.parent_span_id) == (request.span_id, PARENT)
    # the task: the same trace, a new span, the request's span as its parent
    assert task_record.span_id == request.task_result["span_id"] != request.span_id
    assert task_record.parent_span_id == request.span_id
    assert AuditRecord.objects.get(span_id=task_record.span_id).origin.startswith("task ")
    # the Python log records carry the trace too
    by_message = {r.getMessage(): r for r in caplog.records}
    assert (by_message["view ran"].trace_id, by_message["view ran"].span_id) == (
        TRACE,
        request.span_id,
    )
    assert by_message["probe task ran"].trace_id == TRACE
    assert by_message["probe task ran"].span_id == task_record.span_id
    assert tracecontext.current() is None  # nothing leaks past the request


@pytest.mark.parametrize(
    "header",
    [
        "",
        "00-" + "0" * 32 + "-00f067aa0ba902b7-01",
        f"00-{TRACE}-" + "0" * 16 + "-01",
        f"00-{TRACE.upper()}-{PARENT}-01",
        "garbage",
    ],
)
def test_an_invalid_traceparent_starts_a_new_trace(header):
    context = tracecontext.continue_or_start(header)
    assert context.trace_id != TRACE
    assert len(context.trace_id) == 32
    assert context.parent_span_id == ""


def test_a_task_sent_outside_a_trace_starts_its_own(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    assert tracecontext.outgoing_headers() == {}
