"""The user admin with separated duties (BIO): the functional administrator manages other
people's role, team and organisation, but never superuser status, staff status, groups,
permissions or passwords, and never their own role, team or access. Only a superuser (the
technical administrator) sees those fields. Every change of role, team, organisation or access
is in the audit trail."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import log_processing, origin_from_request

from .models import User

#: Fields only a superuser may see or change.
PRIVILEGED = ("password", "is_staff", "is_superuser", "groups", "user_permissions")
#: What a functional administrator may not change on their own account.
OWN_LOCKED = ("username", "role", "team", "organisation", "is_active")
#: Changes that go into the audit trail.
AUDITED = ("role", "team", "organisation", "is_active", "is_staff", "is_superuser")


class NewUserForm(forms.ModelForm):
    """A new account made by the functional administrator has no password: the person logs
    in through the organisation's account (OIDC) or gets a reset from the technical
    administrator."""

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "role", "organisation", "team"]

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
        return user


def separated_fieldsets(fieldsets) -> list:
    """The fieldsets without the privileged fields (empty sections dropped)."""
    result = []
    for name, options in fieldsets:
        fields = [f for f in options.get("fields", ()) if f not in PRIVILEGED]
        if fields:
            result.append((name, {**options, "fields": fields}))
    return result


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
    limited_add_fieldsets = [
        (None, {"fields": ["username", "first_name", "last_name", "email"]}),
        (_("Doorbraak"), {"fields": ["role", "organisation", "team"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        if obj is None:
            return self.limited_add_fieldsets
        return separated_fieldsets(super().get_fieldsets(request, obj))

    def get_form(self, request, obj=None, **kwargs):
        if obj is None and not request.user.is_superuser:
            kwargs["form"] = NewUserForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.pk == request.user.pk and not request.user.is_superuser:
            readonly += OWN_LOCKED
        return readonly

    def has_delete_permission(self, request, obj=None):
        # People are deactivated, never deleted: their actions stay attributable.
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    def user_change_password(self, request, id, form_url=""):
        if not request.user.is_superuser:
            raise PermissionDenied(_("Only the technical administrator sets passwords."))
        return super().user_change_password(request, id, form_url)

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser:
            # Belt and braces: whatever was posted, these stay as they were.
            if change:
                before = User.objects.get(pk=obj.pk)
                for field in ("is_staff", "is_superuser"):
                    setattr(obj, field, getattr(before, field))
                if obj.pk == request.user.pk:
                    for field in OWN_LOCKED:
                        setattr(obj, field, getattr(before, field))
            else:
                obj.is_staff = obj.is_superuser = False
        changed = [f for f in AUDITED if not change or f in form.changed_data]
        super().save_model(request, obj, form, change)
        if changed:
            log_processing(
                origin_from_request(request),
                activity=Activity.USER_ADMIN,
                action="update" if change else "create",
                object_type="user",
                object_id=obj.pk,
            )

    def save_related(self, request, form, formsets, change):
        if request.user.is_superuser:
            return super().save_related(request, form, formsets, change)
        # Groups and permissions are not on the form; never let a post add them.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
