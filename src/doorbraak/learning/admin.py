"""The rule catalogue in /beheer/ for the functional administrator. Signals and patterns are
not here: they are triaged and decided on their own pages by beleidsadviseurs."""

from django.contrib import admin

from .models import Rule


@admin.register(Rule)
class RuleAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "active"]
    list_filter = ["active", "organisation"]
    list_editable = ["active"]
    search_fields = ["title", "explanation", "organisation__name"]
