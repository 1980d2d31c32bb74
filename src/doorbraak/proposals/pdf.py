"""The one-page onderbouwing as PDF (WeasyPrint), to show to an organisation."""

from django.template.loader import render_to_string


def onderbouwing_pdf(context: dict) -> bytes:
    from weasyprint import HTML  # imported here: loading pango costs start-up time

    html = render_to_string("proposals/onderbouwing.html", context)
    return HTML(string=html).write_pdf()
