"""The functional administrator manages tables and their contact persons (linked to the
mandate register); meetings and consents are read here, written on the pages."""

from django.contrib import admin

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
class ConsentAdmin(admin.ModelAdmin):
    list_display = ("table", "valid_from", "valid_until", "withdrawn_at")
    fields = ("table", "scope", "valid_from", "valid_until", "recorded_at", "withdrawn_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
