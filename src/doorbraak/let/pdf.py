"""A LET submission as PDF (WeasyPrint): anonymised, as the Maatwerkloket receives it."""

from django.template.loader import render_to_string


def submission_pdf(context: dict) -> bytes:
    from weasyprint import HTML  # imported here: loading pango costs start-up time

    return HTML(string=render_to_string("let/submission_pdf.html", context)).write_pdf()
