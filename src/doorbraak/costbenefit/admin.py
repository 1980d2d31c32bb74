from django.contrib import admin

from . import services
from .models import CostFigure, PriceIndexYear


@admin.register(CostFigure)
class CostFigureAdmin(admin.ModelAdmin):
    list_display = [
        "key",
        "label",
        "amount",
        "unit",
        "price_year",
        "payer",
        "municipality",
        "version",
        "active",
    ]
    list_filter = ["unit", "payer", "municipality", "active"]
    search_fields = ["key", "label", "source"]
    readonly_fields = ["version", "updated_at"]

    def save_model(self, request, obj, form, change):
        services.figure_save(obj, is_new=not change)

    def has_delete_permission(self, request, obj=None):
        return False  # stored calculations refer to figures: deactivate instead


@admin.register(PriceIndexYear)
class PriceIndexYearAdmin(admin.ModelAdmin):
    list_display = ["year", "index", "source"]
