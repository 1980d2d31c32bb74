from django.contrib import admin

from doorbraak.privacy.activities import Activity
from doorbraak.privacy.admin import ReadOnlyAdmin
from doorbraak.privacy.services import log_processing, origin_from_request

from . import admin_users  # noqa: F401 - registers the user admin
from .models import (
    AccessReview,
    Mandate,
    Neighbourhood,
    Organisation,
    RecoveryCode,
    Team,
    TOTPDevice,
)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "neighbourhood"]
    list_filter = ["organisation", "neighbourhood"]
    search_fields = ["name"]


@admin.register(Mandate)
class MandateAdmin(admin.ModelAdmin):
    list_display = ["holder", "organisation", "scope", "max_amount", "valid_from", "valid_until"]
    list_filter = ["organisation"]
    list_select_related = ["holder", "organisation"]
    search_fields = ["holder__username", "holder__last_name", "scope"]
    date_hierarchy = "valid_from"


@admin.register(TOTPDevice)
class TOTPDeviceAdmin(admin.ModelAdmin):
    """Only the technical administrator (superuser) sees these, and may only delete one (a lost
    phone: the person sets up a new app at the next login). The secret is never shown."""

    list_display = ["user", "created_at", "confirmed_at"]
    list_select_related = ["user"]
    fields = ["user", "created_at", "confirmed_at"]
    readonly_fields = fields

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def delete_model(self, request, obj):
        user = obj.user
        super().delete_model(request, obj)
        RecoveryCode.objects.filter(user=user).delete()
        log_processing(
            origin_from_request(request),
            activity=Activity.AUTHENTICATION,
            action="mfa-reset",
            object_type="user",
            object_id=user.pk,
        )


@admin.register(AccessReview)
class AccessReviewAdmin(ReadOnlyAdmin):
    """The access review's decisions: read only (they are made on /toegangscontrole/)."""

    list_display = ["user", "decision", "reviewer", "team", "decided_at"]
    list_filter = ["decision", "team"]
    list_select_related = ["user", "reviewer", "team"]
    date_hierarchy = "decided_at"
