from django.contrib import admin, messages

from . import quorum, services
from .models import ApprovalGroup, ApprovalPolicy, PolicyVersion


@admin.register(ApprovalGroup)
class ApprovalGroupAdmin(admin.ModelAdmin):
    list_display = ["name"]
    filter_horizontal = ["members"]


class PolicyVersionInline(admin.TabularInline):
    model = PolicyVersion
    extra = 0
    can_delete = False
    readonly_fields = ["version", "snapshot", "created_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ApprovalPolicy)
class ApprovalPolicyAdmin(admin.ModelAdmin):
    list_display = ["name", "pool", "quorum", "no_rule", "version"]
    readonly_fields = ["version"]
    inlines = [PolicyVersionInline]

    def save_model(self, request, obj, form, change):
        """Every saved change is a new immutable version (decisions keep theirs)."""
        try:
            services.policy_save(obj)
        except quorum.PolicyError as error:
            messages.error(request, f"Beleid niet opgeslagen: {error.code}")
            raise

    def has_delete_permission(self, request, obj=None):
        return False
