"""What the one-page onderbouwing shows, to show to an organisation; the PDF itself is made by
the document job (documents/kinds.py) from `proposals/onderbouwing.html`."""


def onderbouwing_context(proposal) -> dict:
    from .views import detail_context

    return detail_context(proposal)
