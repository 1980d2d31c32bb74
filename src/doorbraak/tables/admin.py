"""The functional administrator manages tables and their contact persons (linked to the
mandate register); meetings and consents are read here, written on the pages."""

from django.contrib import admin

from doorbraak.privacy import subjects
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.admin import LoggedAdminMixin

from .models import Consent, Meeting, Table, TableMember


class TableMemberInline(admin.TabularInline):
    model = TableMember
    extra = 1
    autocomplete_fields = ()
    raw_id_fields = ("mandate",)


@admin.register(Table)
class TableAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "route", "level", "active")
    list_filter = ("kind", "active")
    inlines = [TableMemberInline]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("table", "date")
    list_filter = ("table",)
    fields = ("table", "date")

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Consent)
class ConsentAdmin(LoggedAdminMixin, admin.ModelAdmin):
    list_display = ("table", "valid_from", "valid_until", "withdrawn_at")
    fields = ("table", "scope", "valid_from", "valid_until", "recorded_at", "withdrawn_at")
    readonly_fields = fields
    # A consent is the household's: each page logs its case's household members.
    log_activity = Activity.CONSENT_VIEW
    log_object_type = "consent"

    def log_subject_ids(self, objects):
        return subjects.of_cases([consent.case_id for consent in objects])

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
