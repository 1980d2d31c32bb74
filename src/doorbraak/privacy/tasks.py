"""Background jobs of the privacy log: the nightly export of the chain heads (heads.py)."""

from celery import shared_task

from . import heads


@shared_task(name="doorbraak.privacy.tasks.export_chain_heads", once_per_slot=True)
def export_chain_heads() -> int:
    """Nightly: append the chain heads to the file outside the database; safe to run twice
    (a second line with the same heads is harmless)."""
    if heads.heads_file() is None:
        return 0
    return len(heads.export_heads()["chains"])
