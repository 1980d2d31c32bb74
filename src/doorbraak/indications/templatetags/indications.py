"""The indication section on a case page: `{% load indications %}{% case_indications case
indications %}`, with the indications the view read (`queries.case_indications`)."""

from django import template
from django.utils import timezone

from doorbraak.indications import access, queries

register = template.Library()


@register.inclusion_tag("indications/_case.html", takes_context=True)
def case_indications(context, case, indications):
    user = context["request"].user
    return {
        "case": case,
        "indications": queries.annotate_terms(indications, timezone.localdate()),
        "may_write": case.status == "open" and access.may_write(user.role, user.is_active),
    }
