"""The beheerder keeps the bijstandsnormen current: a new row per date (1 January, 1 July)."""

from django.contrib import admin

from .models import BijstandsNorm


@admin.register(BijstandsNorm)
class BijstandsNormAdmin(admin.ModelAdmin):
    list_display = [
        "valid_from",
        "household_kind",
        "pension_age",
        "amount",
        "housing_threshold",
        "health_allowance",
        "source",
    ]
    list_filter = ["household_kind", "pension_age", "valid_from"]
    search_fields = ["source"]

    def has_delete_permission(self, request, obj=None):
        return False  # stored plans refer to the norm they used: add a newer row instead
