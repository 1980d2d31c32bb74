"""The route in the admin (/beheer/): the functional administrator edits the levels; every
save is a new immutable version (escalations keep theirs). Escalations and actions are not
in the admin: they hold household text."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _

from . import rules, services
from .models import EscalationLevel, EscalationRoute, RouteVersion


class LevelFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        levels = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            amount = data.get("max_amount")
            levels.append(
                {
                    "position": data.get("position"),
                    "name": data.get("name") or "",
                    "kind": data.get("kind"),
                    "roles": data.get("roles") or [],
                    "target_days": data.get("target_days"),
                    "max_amount": None if amount is None else str(amount),
                }
            )
        levels.sort(key=lambda level: level["position"] or 0)
        try:
            rules.Route.from_dict({"version": 1, "levels": levels})
        except rules.RouteError as error:
            raise forms.ValidationError(
                _(
                    "This route is not valid (%(code)s): number the levels 1, 2, 3 … without "
                    "gaps, give each a name, a kind, at least one role and a target time of 1 "
                    "to 366 days."
                )
                % {"code": error}
            ) from None


class LevelInline(admin.StackedInline):
    model = EscalationLevel
    formset = LevelFormSet
    extra = 0
    filter_horizontal = ["funds", "exception_organisations"]


class RouteVersionInline(admin.TabularInline):
    model = RouteVersion
    extra = 0
    can_delete = False
    readonly_fields = ["version", "snapshot", "created_at"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(EscalationRoute)
class EscalationRouteAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "version"]
    readonly_fields = ["version"]
    inlines = [LevelInline, RouteVersionInline]

    def save_related(self, request, form, formsets, change):
        """After the levels are saved, freeze them as a new version."""
        super().save_related(request, form, formsets, change)
        services.route_publish(form.instance)

    def has_delete_permission(self, request, obj=None):
        return False
