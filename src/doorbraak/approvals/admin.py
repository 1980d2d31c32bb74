from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _

from . import quorum, services
from .models import ApprovalGroup, ApprovalPolicy, PolicyVersion


class ApprovalPolicyForm(forms.ModelForm):
    class Meta:
        model = ApprovalPolicy
        fields = [
            "name",
            "pool",
            "group",
            "quorum",
            "role_rules",
            "veto_roles",
            "no_rule",
            "no_threshold",
            "decide_within_hours",
            "small_request_limit",
        ]

    def clean(self):
        data = super().clean()
        try:
            services.as_policy(self.instance, data)
        except (quorum.PolicyError, KeyError, TypeError, ValueError) as error:
            raise forms.ValidationError(
                _("This policy is not valid (%(code)s): check quorum, role rules and veto roles.")
                % {"code": getattr(error, "code", error)}
            ) from None
        return data


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
    form = ApprovalPolicyForm
    list_display = ["name", "pool", "quorum", "no_rule", "small_request_limit", "version"]
    readonly_fields = ["version"]
    inlines = [PolicyVersionInline]

    def save_model(self, request, obj, form, change):
        """Every saved change is a new immutable version (decisions keep theirs)."""
        services.policy_save(obj)

    def has_delete_permission(self, request, obj=None):
        return False
