"""The indication section on a case page: `{% load indications %}{% case_indications case %}`
(one query)."""

from django import template
from django.utils import timezone

from doorbraak.indications import access, queries

register = template.Library()


@register.inclusion_tag("indications/_case.html", takes_context=True)
def case_indications(context, case):
    user = context["request"].user
    return {
        "case": case,
        "indications": queries.annotate_terms(queries.case_indications(case), timezone.localdate()),
        "may_write": case.status == "open" and access.may_write(user.role, user.is_active),
    }
