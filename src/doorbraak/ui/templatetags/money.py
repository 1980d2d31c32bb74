"""Filters for everything a person reads as a number, amount, percentage, date or role.

In Dutch (the default) they follow `doorbraak.ui.formatting`; in English Django's formats.

    {{ amount|euro }}            "€ 2.150,00"   (also `|money`)
    {{ value|number:2 }}         "1.234,50"
    {{ fraction|percent }}       "9,2 %"
    {{ day|month }}              "okt."
    {{ day|shortdate }}          "30 okt. 2026"
    {{ moment|shortdatetime }}   "30 okt. 2026 14:05"  (`|daytime`: "30 okt. 14:05")
    {{ entry.text|dutch_amounts }}  old "€ 350.00" in stored text → "€ 350,00"
    {{ user.role|role_name }} / {{ roles|role_names }}
    {{ blocker.rule|shorten:60 }}
    {{ proposal.reference|nowrap }}  a reference ("V-000004") never breaks at its hyphen
"""

from django import template
from django.utils.html import format_html

from doorbraak.ui import display

register = template.Library()

register.filter("euro", display.euro)
register.filter("number", display.number)
register.filter("percent", display.percent)
register.filter("month", display.month)
register.filter("shortdate", display.shortdate)
register.filter("shortdatetime", display.shortdatetime)
register.filter("daytime", display.daytime)
register.filter("dutch_amounts", display.dutch_amounts)
register.filter("role_name", display.role_name)
register.filter("role_names", display.role_names)
register.filter("shorten", display.shorten)
register.filter("money", display.euro)


@register.filter
def nowrap(value):
    return format_html('<span class="db-nowrap">{}</span>', value)
