"""The processing log and audit trail, read-only: nobody edits or deletes a log record."""

from django.contrib import admin

from .models import AuditRecord, ProcessingRecord
from .services import log_request


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class LoggedAdminMixin:
    """An admin page that shows personal data of households writes the processing log, as
    the pages and the API do: the list (the rows of the page shown), an object's page and its
    history each one record per data subject (`log_subject_ids`), before the page is rendered.

        class PaymentOrderAdmin(LoggedAdminMixin, ReadOnlyAdmin):
            log_activity = Activity.PAYMENT_VIEW
            log_object_type = "payment-order"

            def log_subject_ids(self, objects):
                return subjects.of_requests([o.request_id for o in objects])
    """

    log_activity: str
    log_object_type: str

    def log_subject_ids(self, objects) -> list:
        raise NotImplementedError

    def _log_read(self, request, response, objects, object_id="") -> None:
        if response.status_code == 200 and objects is not None:
            log_request(
                request,
                self.log_activity,
                "read",
                self.log_object_type,
                object_id,
                self.log_subject_ids(list(objects)),
            )

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", None) or {}
        rows = changelist["cl"].result_list if "cl" in changelist else None
        self._log_read(request, response, rows)
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        obj = (getattr(response, "context_data", None) or {}).get("original")
        self._log_read(request, response, [obj] if obj is not None else None, object_id)
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        obj = (getattr(response, "context_data", None) or {}).get("object")
        self._log_read(request, response, [obj] if obj is not None else None, object_id)
        return response


@admin.register(AuditRecord)
class AuditRecordAdmin(ReadOnlyAdmin):
    list_display = [
        "timestamp",
        "actor_label",
        "action",
        "activity",
        "object_type",
        "object_id",
        "result",
        "subject_count",
        "origin",
    ]
    list_filter = ["action", "activity", "result", "object_type"]
    search_fields = ["trace_id", "actor_label", "object_id"]
    date_hierarchy = "timestamp"


@admin.register(ProcessingRecord)
class ProcessingRecordAdmin(ReadOnlyAdmin):
    list_display = ["started_at", "activity", "data_subject", "outcome", "trace_id"]
    list_filter = ["activity", "outcome"]
    search_fields = ["trace_id", "data_subject"]
    date_hierarchy = "started_at"
