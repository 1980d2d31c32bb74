"""`{% load errors %}`: one line per field in an error summary, without saying the label twice
("Legitimiteit: waarom het mag: Legitimiteit: kies …" becomes "Legitimiteit: kies …")."""

from django import template

register = template.Library()


@register.filter
def summary_line(field) -> str:
    label = str(field.label or "").strip()
    message = " ".join(str(e) for e in field.errors)
    head = label.split(":")[0].strip().lower()
    if head and message.lower().startswith(head):
        return message
    return f"{label} {message}" if label.endswith("?") else f"{label}: {message}"
