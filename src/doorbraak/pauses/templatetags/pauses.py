"""The pause section on a case page: `{% load pauses %}{% case_pauses case pauses %}`, with
the pauses the view read (`queries.case_pauses`)."""

from django import template

from doorbraak.pauses import access

register = template.Library()


@register.inclusion_tag("pauses/_case.html", takes_context=True)
def case_pauses(context, case, pauses):
    user = context["request"].user
    return {
        "case": case,
        "pauses": pauses,
        "may_pause": case.status == "open" and access.may_pause(user.role, user.is_active),
    }
