"""Background jobs (doorbraak/jobs, the apps' tasks.py): at once in-process without a broker
(the embedded `make run` and the suite), and through a real Redis broker and a Celery worker.

The Redis test starts a throwaway redis-server (scripts/local-redis.sh) or uses
DOORBRAAK_TEST_REDIS_URL. It skips without Redis locally; with REQUIRE_REDIS=1 (CI) it fails."""

import datetime
import os
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from celery import Celery
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from doorbraak.accounts.roles import Role
from doorbraak.approvals import tasks
from doorbraak.approvals.models import Notification
from doorbraak.jobs import app
from doorbraak.proposals.models import Request
from doorbraak.proposals.services import load_starter_catalogues
from tests.approvals.test_flow import minimaatwerk, submit  # noqa: F401 (fixture)
from tests.factories import CaseFactory, UserFactory

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def overdue(team_a, worker_a, minimaatwerk):  # noqa: F811
    load_starter_catalogues()  # a transactional test before this one may have flushed them
    leader = UserFactory(username="leider", role=Role.TEAMLEIDER, team=team_a)
    request = submit(worker_a, minimaatwerk, "50.00")
    Request.objects.filter(pk=request.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=3)
    )
    return leader, request


def flagged(leader, request) -> int:
    return Notification.objects.filter(user=leader, request=request, kind="te-laat").count()


@pytest.mark.django_db
def test_without_a_broker_a_task_runs_at_once_and_only_once(overdue):
    assert settings.CELERY_TASK_ALWAYS_EAGER and not settings.REDIS_URL
    leader, request = overdue
    assert tasks.flag_overdue.delay().get() == 1
    assert tasks.flag_overdue.delay().get() == 0  # a repeated run flags nothing twice
    assert flagged(leader, request) == 1


@pytest.mark.django_db
def test_due_action_reminders_run_as_a_task_once_a_day(
    worker_a, mailoutbox, django_capture_on_commit_callbacks
):
    from doorbraak.escalation import tasks as escalation_tasks
    from doorbraak.escalation.models import FollowUpAction

    worker_a.email = "worker@voorbeeldstad.example"
    worker_a.save(update_fields=["email"])
    FollowUpAction.objects.create(
        case=CaseFactory(actor=worker_a),
        owner=worker_a,
        description="Bel de verhuurder (synthetisch)",
        due_date=timezone.localdate(),
        created_by=worker_a,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert escalation_tasks.remind_due_actions.delay().get() == 1
        assert escalation_tasks.remind_due_actions.delay().get() == 0
    assert len(mailoutbox) == 1 and "synthetisch" not in mailoutbox[0].body


@pytest.mark.django_db
def test_an_escalation_past_its_target_time_is_told_once(
    worker_a, mailoutbox, django_capture_on_commit_callbacks
):
    from doorbraak.cases import services as case_services
    from doorbraak.escalation import services as escalation
    from doorbraak.escalation import tasks as escalation_tasks
    from doorbraak.escalation.models import Escalation
    from tests.factories import OrganisationFactory

    worker_a.email = "worker@voorbeeldstad.example"
    worker_a.save(update_fields=["email"])
    case = CaseFactory(actor=worker_a)
    blocker = case_services.blocker_add(
        actor=worker_a,
        case=case,
        organisation=OrganisationFactory(name="Corporatie (test)", kind="woningcorporatie"),
        rule="Ontruiming (synthetisch)",
        effect="Dakloos",
        life_domain="wonen",
    )
    late = escalation.escalate(actor=worker_a, case=case, blocker=blocker, question="v", tried="t")
    with django_capture_on_commit_callbacks(execute=True):
        assert escalation_tasks.flag_overdue_escalations.delay().get() == 0  # not late yet
        Escalation.objects.filter(pk=late.pk).update(
            due_date=timezone.localdate() - datetime.timedelta(days=1)
        )
        assert escalation_tasks.flag_overdue_escalations.delay().get() == 1
        assert escalation_tasks.flag_overdue_escalations.delay().get() == 0
    assert len(mailoutbox) == 1 and late.reference in mailoutbox[0].subject
    assert (
        "synthetisch" not in mailoutbox[0].body and f"/escalaties/{late.pk}/" in mailoutbox[0].body
    )


def test_the_periodic_schedule_names_registered_tasks():
    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks, entry["task"]


@pytest.fixture(scope="module")
def redis_url():
    url = os.environ.get("DOORBRAAK_TEST_REDIS_URL", "")
    if not url:
        started = subprocess.run(
            [str(ROOT / "scripts" / "local-redis.sh")], capture_output=True, text=True
        )
        url = started.stdout.strip() if started.returncode == 0 else ""
    if not url:
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail("REQUIRE_REDIS=1 but no Redis: apt-get install redis-server")
        pytest.skip("needs Redis (apt-get install redis-server)")
    # Parallel test workers (pytest-xdist) each get their own Redis database, so one worker's
    # Celery worker never takes another's task.
    index = os.environ.get("PYTEST_XDIST_WORKER", "gw-1")[2:]
    return f"{url.rsplit('/', 1)[0]}/{int(index) + 1}" if index.isdigit() else url


@pytest.fixture
def through_redis(redis_url):
    """A Celery app configured as in production — Redis broker, results in Redis — made the
    current one, so the tasks are sent there and a real worker (in a thread) runs them."""
    redis_app = Celery("doorbraak")
    redis_app.config_from_object("django.conf:settings", namespace="CELERY")
    redis_app.conf.update(broker_url=redis_url, result_backend=redis_url, task_always_eager=False)
    redis_app.autodiscover_tasks(force=True)
    redis_app.set_current()
    try:
        with start_worker(redis_app, pool="solo", perform_ping_check=False, shutdown_timeout=20):
            yield redis_app
    finally:
        # start_worker made the Redis app the process-wide default too (other threads, e.g. a
        # later test's live server, would send tasks to a Redis that is gone): undo both.
        app.set_current()
        app.set_default()


@pytest.mark.django_db(transaction=True)
def test_a_task_sent_through_redis_runs_in_the_worker(overdue, through_redis):
    leader, request = overdue
    first = tasks.flag_overdue.delay()
    assert first.get(timeout=30) == 1
    assert tasks.flag_overdue.delay().get(timeout=30) == 0
    assert flagged(leader, request) == 1
    assert first.backend.__class__.__name__ == "RedisBackend"


@pytest.mark.django_db
def test_the_cron_commands_of_the_embedded_setup_run():
    out = StringIO()
    call_command("flag_overdue", stdout=out)
    call_command("remind_actions", stdout=out)
    assert "gesignaleerd" in out.getvalue() and "herinnering" in out.getvalue()
    assert "streeftijd" in out.getvalue()


# The worker writes while the test reads: SQLite's in-memory test database locks whole
# tables between connections ("database table is locked"); a worker runs on PostgreSQL.
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_new_blockers_pattern_is_found_by_the_worker_after_commit(through_redis):
    """With a broker, "Knelpunt vastleggen" does not wait for the pattern matching: the
    blocker is committed, then a worker finds its pattern (learning/tasks.py)."""
    import time

    from doorbraak.learning.models import Pattern, PatternBlocker
    from tests.factories import OrganisationFactory, TeamFactory
    from tests.learning.conftest import SPOOK, add

    load_starter_catalogues()
    toeslagen = OrganisationFactory(
        name="Dienst Toeslagen (test)", kind="belastingdienst-toeslagen"
    )
    workers = [
        UserFactory(
            username=f"werker-{i}", team=(team := TeamFactory()), organisation=team.organisation
        )
        for i in range(3)
    ]
    blockers = [add(worker, toeslagen, text) for worker, text in zip(workers, SPOOK, strict=False)]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        linked = PatternBlocker.objects.filter(blocker__in=blockers).count()
        if linked == len(blockers):
            break
        time.sleep(0.2)
    assert linked == len(blockers)
    assert Pattern.objects.count() == 1
    # A repeated task (a retry) changes nothing.
    from doorbraak.learning import tasks as learning_tasks

    again = learning_tasks.match_blocker.delay(blockers[0].pk).get(timeout=30)
    assert again == Pattern.objects.get().pk
    assert PatternBlocker.objects.count() == len(blockers)
