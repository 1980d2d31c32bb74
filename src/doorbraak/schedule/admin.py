"""The runs of scheduled tasks, read-only in /beheer/ for the operator (superuser): nobody
adds, edits or deletes a claim by hand — a deleted done row would let a redelivered message
run its slot again."""

from django.contrib import admin

from doorbraak.privacy.admin import ReadOnlyAdmin

from .models import TaskRun


@admin.register(TaskRun)
class TaskRunAdmin(ReadOnlyAdmin):
    list_display = [
        "slot",
        "name",
        "status",
        "started_at",
        "finished_at",
        "result",
        "redelivered",
        "worker",
        "trace_id",
    ]
    list_filter = ["status", "name", "redelivered"]
    search_fields = ["name", "trace_id", "message_id"]
    date_hierarchy = "slot"
