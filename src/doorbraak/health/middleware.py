"""Answers the operations endpoints before anything else runs, and observes every other request
(latency metric, JSON access log line).

It stands first in MIDDLEWARE, so /health/live, /health/ready and /metrics are answered
without the host check (a Kubernetes probe asks by the pod's address), without HTTPS
redirect, session, login, CSRF or CSP: they hold no personal data and set no cookie.
/metrics is still protected: by a bearer token (DOORBRAAK_METRICS_TOKEN) or the client's
address (DOORBRAAK_METRICS_ALLOWED_IPS, default loopback only).
"""

import functools
import hmac
import ipaddress
import json
import logging
import time

from django.conf import settings
from django.http import HttpResponse

from . import checks, metrics

access_log = logging.getLogger("doorbraak.access")

LIVE, READY, METRICS = "/health/live", "/health/ready", "/metrics"


def _json(body: dict, status: int = 200) -> HttpResponse:
    response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
    response["Cache-Control"] = "no-store"
    return response


def live(request) -> HttpResponse:
    """The process answers. No database: a database outage must not restart every pod."""
    return _json({"status": "ok"})


def ready(request) -> HttpResponse:
    results = checks.ready()
    failed = checks.failed(results)
    if failed:
        return _json({"status": "unavailable", "failed": failed, "checks": results}, 503)
    return _json({"status": "ok", "checks": results})


def _allowed(request) -> bool:
    token = getattr(settings, "METRICS_TOKEN", "")
    if token:
        sent = request.headers.get("Authorization", "")
        if hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
            return True
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in network for network in _networks(tuple(settings.METRICS_ALLOWED_IPS)))


@functools.cache
def _networks(items: tuple[str, ...]) -> list:
    return [ipaddress.ip_network(item, strict=False) for item in items]


def metrics_view(request) -> HttpResponse:
    if not _allowed(request):
        return HttpResponse(b"", status=403)
    response = HttpResponse(metrics.render(), content_type=metrics.CONTENT_TYPE)
    response["Cache-Control"] = "no-store"
    return response


ENDPOINTS = {LIVE: live, READY: ready, METRICS: metrics_view}


class HealthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        endpoint = ENDPOINTS.get(request.path_info.rstrip("/") or "/")
        if endpoint is not None and request.method in {"GET", "HEAD"}:
            return endpoint(request)
        start = time.perf_counter()
        response = self.get_response(request)
        duration = time.perf_counter() - start
        match = getattr(request, "resolver_match", None)
        view = (match.view_name or match._func_path) if match else "<unresolved>"
        metrics.REQUEST_LATENCY.labels(view, request.method).observe(duration)
        metrics.REQUESTS.labels(view, request.method, str(response.status_code)).inc()
        if settings.ACCESS_LOG:
            access_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    # Not "trace_id": every record already has that attribute (the trace
                    # context's, privacy/tracecontext.py), which is over by now.
                    "request_trace_id": getattr(request, "trace_id", None),
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round(duration * 1000, 2),
                    "view": view,
                },
            )
        return response
