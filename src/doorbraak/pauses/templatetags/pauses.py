"""The pause section on a case page: `{% load pauses %}{% case_pauses case %}` (one query)."""

from django import template

from doorbraak.pauses import access, queries

register = template.Library()


@register.inclusion_tag("pauses/_case.html", takes_context=True)
def case_pauses(context, case):
    user = context["request"].user
    return {
        "case": case,
        "pauses": queries.case_pauses(case),
        "may_pause": case.status == "open" and access.may_pause(user.role, user.is_active),
    }
