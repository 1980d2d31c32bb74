"""The benchmark data generator fills the test database with a consistent dataset."""

import io

import pytest
from bench.generate import SCALES, generate
from django.db import connection, transaction
from django.db.models import F, Sum

from doorbraak.accounts.models import User
from doorbraak.approvals.models import Vote
from doorbraak.cases.models import Case, Household, Member
from doorbraak.funds import ledger
from doorbraak.funds.models import Fund, LedgerTransaction
from doorbraak.proposals.models import Request
from doorbraak.proposals.services import load_starter_catalogues

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _first_household_members():
    household = Household.objects.order_by("id").first()
    return list(
        Member.objects.filter(household=household)
        .order_by("id")
        .values_list("subject_id", "given_name", "family_name", "household_role", "birth_year")
    )


def test_tiny_dataset_is_consistent_and_deterministic():
    # the generator reads the shipped categories; a transactional test run before this one in
    # the same worker may have flushed the rows their data migration made
    load_starter_catalogues()
    stats = generate(scale="tiny", seed=1, connection=connection, out=io.StringIO())
    scale = SCALES["tiny"]

    assert Household.objects.count() == scale.households
    assert Case.objects.count() == scale.households
    assert Request.objects.count() == scale.requests
    for model in (Household, Member, Case, Request, Vote, User, LedgerTransaction):
        assert model.objects.count() == stats.counts[model._meta.db_table], model
    assert User.objects.filter(username="bench-worker", team_id=1).exists()
    # the web bench's second user sees the whole municipality's dashboard (issue 15)
    from bench.web import DASHBOARD_USER

    from doorbraak.reports import queries as report_queries

    manager = User.objects.get(username=DASHBOARD_USER)
    scope = report_queries.scope_of(manager)
    assert scope is not None and scope.kind == report_queries.MUNICIPALITY
    assert report_queries.scope_of(User.objects.get(username="bench-worker")) is None

    assert not Case.objects.exclude(team_id=F("key_worker__team_id")).exists()
    assert not Vote.objects.filter(approver_id=F("request__created_by_id")).exists()
    unbalanced = (
        LedgerTransaction.objects.annotate(total=Sum("entries__amount_cents"))
        .exclude(total=0)
        .count()
    )
    assert unbalanced == 0
    funds = list(Fund.objects.values_list("pk", flat=True))
    assert funds
    for fund_id in funds:
        assert ledger.balances(fund_id) == ledger.replayed_balances(fund_id)
        assert ledger.balances(fund_id).available >= 0

    counts, members = dict(stats.counts), _first_household_members()
    assert members
    again = generate(scale="tiny", seed=1, connection=connection, out=io.StringIO())
    assert again.counts == counts
    assert _first_household_members() == members

    # COPY runs with the reference triggers off; the check after it finds a broken reference
    from bench.generate.tables import Stats, check_references, without_reference_triggers

    broken = pytest.raises(RuntimeError, match="cases_case.household_id")
    with broken, connection.cursor() as cursor, transaction.atomic():
        assert without_reference_triggers(cursor)
        cursor.execute("UPDATE cases_case SET household_id = household_id + 10000000")
        check_references(cursor, Stats())
    assert not Case.objects.filter(household__isnull=True).exists()
