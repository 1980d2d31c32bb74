"""`may_manage_worktables` for the pattern page's werktafel block (no query: the role only)."""

from django import template

from doorbraak.worktables import permissions
from doorbraak.worktables.permissions import person_of

register = template.Library()


@register.filter
def may_manage_worktables(user) -> bool:
    return bool(user.is_authenticated) and permissions.may_manage_worktables(person_of(user))
