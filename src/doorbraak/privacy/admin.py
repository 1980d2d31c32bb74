"""The processing log and audit trail, read-only: nobody edits or deletes a log record."""

from django.contrib import admin

from .models import AuditRecord, ProcessingRecord


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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
