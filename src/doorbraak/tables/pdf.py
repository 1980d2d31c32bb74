"""The besluitenlijst of a meeting as PDF (WeasyPrint), without the household's identity."""

from django.template.loader import render_to_string


def besluitenlijst_pdf(context: dict) -> bytes:
    from weasyprint import HTML  # imported here: loading pango costs start-up time

    html = render_to_string("tables/besluitenlijst.html", context)
    return HTML(string=html).write_pdf()
