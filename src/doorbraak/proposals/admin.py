from django.contrib import admin

from .models import Category, LegalGround


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["label", "key", "order", "active"]
    list_editable = ["order", "active"]


@admin.register(LegalGround)
class LegalGroundAdmin(admin.ModelAdmin):
    list_display = ["law", "article", "title", "kind", "active"]
    list_filter = ["law", "kind", "active"]
    search_fields = ["law", "article", "title", "explanation"]
