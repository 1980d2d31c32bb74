from django.contrib import admin

from . import admin_users  # noqa: F401 - registers the user admin
from .models import Mandate, Neighbourhood, Organisation, Team


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
