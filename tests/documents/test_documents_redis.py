"""A PDF made by a real Celery worker through Redis (the fixtures of tests/test_jobs.py)."""

import pytest

from doorbraak.escalation import starter
from doorbraak.escalation.models import EscalationLevel, EscalationRoute, RouteVersion
from tests.test_jobs import redis_url, through_redis

#: The Redis fixtures, used here too.
__all__ = ["redis_url", "through_redis"]

#: A worker in a thread writes while the test reads: on SQLite's in-memory test database,
#: which locks whole tables between connections, that fails with "database table is locked"
#: (a worker in production runs on PostgreSQL). They run on PostgreSQL, and CI requires it.
pytestmark = pytest.mark.postgres


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


@pytest.mark.django_db(transaction=True)
def test_the_escalation_reminders_run_in_the_worker(through_redis, worker_a, mailoutbox):
    """The morning reminders (escalation/tasks.py) through Redis: each tells once."""
    import datetime

    from django.utils import timezone

    from doorbraak.cases import services as case_services
    from doorbraak.escalation import services as escalation
    from doorbraak.escalation import tasks
    from doorbraak.escalation.models import Escalation
    from tests.factories import CaseFactory, OrganisationFactory

    if not EscalationRoute.objects.exists():
        starter.load(EscalationRoute, EscalationLevel, RouteVersion)
    worker_a.email = "worker@voorbeeldstad.example"
    worker_a.save(update_fields=["email"])
    case = CaseFactory(actor=worker_a)
    blocker = case_services.blocker_add(
        actor=worker_a,
        case=case,
        organisation=OrganisationFactory(name="Corporatie (test)", kind="woningcorporatie"),
        rule="r",
        effect="e",
        life_domain="wonen",
    )
    late = escalation.escalate(actor=worker_a, case=case, blocker=blocker, question="v", tried="t")
    escalation.action_add(
        actor=worker_a,
        escalation=late,
        owner=worker_a,
        description="Bellen",
        due_date=timezone.localdate(),
    )
    Escalation.objects.filter(pk=late.pk).update(
        due_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert tasks.flag_overdue_escalations.delay().get(timeout=30) == 1
    assert tasks.flag_overdue_escalations.delay().get(timeout=30) == 0
    assert tasks.remind_due_actions.delay().get(timeout=30) == 1
    assert tasks.remind_due_actions.delay().get(timeout=30) == 0
