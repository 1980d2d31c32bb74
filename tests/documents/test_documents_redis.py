"""A PDF made by a real Celery worker through Redis (the fixtures of tests/test_jobs.py)."""

import pytest

from doorbraak.escalation import starter
from doorbraak.escalation.models import EscalationLevel, EscalationRoute, RouteVersion
from tests.test_jobs import redis_url, through_redis

#: The Redis fixtures, used here too.
__all__ = ["redis_url", "through_redis"]


@pytest.mark.django_db(transaction=True)
def test_a_pdf_is_made_by_the_worker_after_commit(
    through_redis,
    settings,
    tmp_path,
    worker_a,
    leader,
    student_case,
    duo_blocker,
    duo,
    regie,
):
    """With a broker, asking for a PDF returns at once; a worker makes it (documents/)."""
    import time

    from doorbraak.documents.models import Document, DocumentStatus
    from doorbraak.documents.services import document_request
    from doorbraak.let import services as let
    from tests.let.conftest import to_let

    settings.MEDIA_ROOT = tmp_path
    if not EscalationRoute.objects.exists():  # an earlier transactional test flushed it
        starter.load(EscalationRoute, EscalationLevel, RouteVersion)
    at_let = to_let(worker_a, leader, student_case, duo_blocker)
    submission = let.submit(
        actor=worker_a, escalation=at_let, summary="s", question="q", organisations=[duo]
    )
    document = document_request(actor=regie, kind="let-voorlegging", object_id=submission.pk)
    for _ in range(150):
        document.refresh_from_db()
        if document.status != DocumentStatus.WAITING:
            break
        time.sleep(0.2)
    assert document.status == DocumentStatus.READY
    assert document.file.read(4) == b"%PDF"
    assert Document.objects.count() == 1
