from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Mandate, Neighbourhood, Organisation, Team, User


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


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = [
        "username",
        "first_name",
        "last_name",
        "role",
        "team",
        "organisation",
        "is_active",
    ]
    list_filter = ["role", "team", "organisation", "is_active", "is_staff"]
    list_select_related = ["team", "organisation"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Doorbraak"), {"fields": ["role", "organisation", "team"]}),
    ]
    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        (_("Doorbraak"), {"fields": ["first_name", "last_name", "role", "organisation", "team"]}),
    ]


@admin.register(Mandate)
class MandateAdmin(admin.ModelAdmin):
    list_display = ["holder", "organisation", "scope", "max_amount", "valid_from", "valid_until"]
    list_filter = ["organisation"]
    list_select_related = ["holder", "organisation"]
    search_fields = ["holder__username", "holder__last_name", "scope"]
    date_hierarchy = "valid_from"
