"""Articles are written on their own pages (/kennisbank/), where every save is a version; the
admin only lists them."""

from django.contrib import admin

from .models import Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "version", "updated_at"]
    search_fields = ["title"]
    readonly_fields = [f.name for f in Article._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
