"""The Celery app, configured from Django's settings (the CELERY_* names in settings.py).

Every task carries the W3C trace context of the code that sent it (`TracedTask`): the
`traceparent` header is set when the task is sent, and the task runs in the same trace with a
new span, so its processing-log records and Python log records share the sender's trace id.

A task declared `@shared_task(..., once_per_slot=True)` (every task in CELERY_BEAT_SCHEDULE)
runs at most once per slot that beat sent it for: doorbraak/schedule/services.py.
"""

import os

from celery import Celery, Task
from celery.exceptions import Retry

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doorbraak.settings")


class TracedTask(Task):
    def apply_async(self, args=None, kwargs=None, **options):
        from doorbraak.privacy import tracecontext  # noqa: PLC0415

        headers = dict(options.pop("headers", None) or {})
        headers.setdefault("traceparent", tracecontext.outgoing_headers().get("traceparent"))
        if headers["traceparent"] is None:
            del headers["traceparent"]
        return super().apply_async(args, kwargs, headers=headers, **options)

    def apply(self, args=None, kwargs=None, **options):
        """Run the task here and now (no Redis: `make run`, the tests). A retry it asks for
        (`autoretry_for`, `self.retry`) runs here and now too, up to its `max_retries`, as a
        worker would run it later: Celery does this itself only when eager errors do not
        propagate, and otherwise raises its `Retry` into the caller (an error page)."""
        try:
            return super().apply(args, kwargs, **options)
        except Retry as retry:
            if retry.sig is None:
                raise
            return retry.sig.apply()

    def __call__(self, *args, **kwargs):
        from doorbraak.privacy import tracecontext  # noqa: PLC0415

        request = self.request
        header = getattr(request, "traceparent", None) or (request.headers or {}).get("traceparent")
        if header is None and tracecontext.current():  # called directly, in the sender's code
            header = tracecontext.current().traceparent
        token = tracecontext.activate(tracecontext.continue_or_start(header))
        try:
            if getattr(self, "once_per_slot", False):  # a scheduled task: once per slot
                from doorbraak.schedule.services import run_in_slot  # noqa: PLC0415

                call = super().__call__
                return run_in_slot(self, lambda: call(*args, **kwargs))
            return super().__call__(*args, **kwargs)
        finally:
            tracecontext.deactivate(token)


app = Celery("doorbraak", task_cls=TracedTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
