"""Two submissions with one key at the same moment make one request (issue 11, finding 9): the
unique constraint decides, on PostgreSQL, with real connections in two threads."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from doorbraak.proposals import services
from doorbraak.proposals.models import Category, LegalGround, Request
from tests.proposals.conftest import complete

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROUNDS = 12


def test_simultaneous_submissions_with_one_key_make_one_request(worker_a, case):
    assert connection.vendor == "postgresql"
    category, _ = Category.objects.get_or_create(key="wonen", defaults={"label": "Wonen"})
    ground = LegalGround.objects.create(
        law="Participatiewet", article="art. 18 lid 1", title="Afstemming", kind="artikel"
    )
    values = {**complete(), "amount": Decimal("250.00")}
    for round_ in range(ROUNDS):
        barrier = threading.Barrier(2)
        results, errors = [], []

        def submit(key=f"dubbelklik-{round_}", barrier=barrier, results=results, errors=errors):
            try:
                barrier.wait(timeout=30)
                proposal = services.request_submit(
                    actor=worker_a,
                    case=case,
                    category=category,
                    legal_ground=ground,
                    idempotency_key=key,
                    **values,
                )
                results.append(proposal.pk)
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=submit) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not errors, f"round {round_}: {errors}"
        assert len(results) == 2 and results[0] == results[1], f"round {round_}: {results}"
    assert Request.objects.count() == ROUNDS
    assert Request.objects.values("idempotency_key").distinct().count() == ROUNDS
