"""Structured logs: one JSON object per line (DOORBRAAK_JSON_LOGS, on in production).

Every record has time, level, logger and message; the access log (logger
"doorbraak.access", written by health.middleware) adds the request's trace_id, method, path,
status and duration_ms. Paths carry no personal data (URLs use ids and codes, never a BSN or
a name); query strings are left out all the same.
"""

import json
import logging
from datetime import UTC, datetime

#: Extra fields a record may carry that the formatter writes as keys of their own.
FIELDS = ("trace_id", "method", "path", "status", "duration_ms", "view")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in FIELDS:
            value = getattr(record, field, None)
            if field == "trace_id":  # the access log names the request's, after its trace
                value = value or getattr(record, "request_trace_id", None) or None
            if value is not None:
                entry[field] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
