"""The `load_demo` management command: a complete, synthetic and idempotent demo city."""

from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count
from django.test import RequestFactory
from stdnum.nl import bsn as stdnum_bsn

from doorbraak.accounts.models import Mandate, Neighbourhood, Organisation, Team, User
from doorbraak.accounts.roles import CASEWORKER_ROLES, Role
from doorbraak.cases.models import (
    Blocker,
    Case,
    CaseStatus,
    EntryKind,
    Household,
    Member,
    SupportPlan,
    TimelineEntry,
)
from doorbraak.demo import data
from doorbraak.demo.accounts import ROLE_ACCOUNTS

pytestmark = pytest.mark.django_db

MODELS = [
    Organisation,
    Neighbourhood,
    Team,
    User,
    Mandate,
    Household,
    Member,
    Case,
    Blocker,
    SupportPlan,
    TimelineEntry,
]


def load() -> str:
    out = StringIO()
    call_command("load_demo", "--force", stdout=out)
    return out.getvalue()


def test_refuses_without_debug_or_force():
    with pytest.raises(CommandError, match="DJANGO_DEBUG"):
        call_command("load_demo", stdout=StringIO())
    assert not User.objects.exists()


def test_load_demo_builds_a_synthetic_city():
    output = load()

    assert "synthetische demodata" in output.lower()
    assert Organisation.objects.filter(name=data.MUNICIPALITY).exists()
    assert Neighbourhood.objects.count() == 3
    assert Team.objects.count() == 4
    assert User.objects.count() >= 25
    assert not User.objects.filter(is_superuser=True).exists()
    assert Household.objects.count() >= 60
    assert not Household.objects.annotate(n=Count("members")).filter(n=0).exists()
    assert not Household.objects.filter(cases__isnull=True).exists()
    assert Case.objects.filter(status=CaseStatus.CLOSED).exists()
    assert Mandate.objects.filter(holder__username="demo-teamleider", max_amount=5000).exists()
    # Cases are spread over all four teams; blockers name organisations of many kinds.
    assert Case.objects.values("team").distinct().count() == 4
    assert Blocker.objects.values("organisation__kind").distinct().count() >= 8


def test_every_case_has_a_complete_timeline():
    load()

    cases = Case.objects.all()
    assert cases.exclude(timeline__kind=EntryKind.OPENED).count() == 0
    for case in cases.prefetch_related("timeline", "blockers"):
        kinds = [entry.kind for entry in case.timeline.all()]
        assert kinds.count(EntryKind.OPENED) == 1
        assert kinds.count(EntryKind.BLOCKER_ADDED) == len(case.blockers.all())
        assert case.household.members.count() - 1 == kinds.count(EntryKind.MEMBER_ADDED)
    opened = cases.order_by("opened_at")
    assert opened.first().opened_at < opened.last().opened_at  # spread over time


def test_there_is_a_demo_account_for_every_role():
    load()

    for role, username in zip(Role, ROLE_ACCOUNTS, strict=True):
        user = User.objects.get(username=username)
        assert user.role == role.value
        if role in CASEWORKER_ROLES:
            assert user.team is not None
        assert user.check_password(data.PASSWORD)
    team = User.objects.get(username="demo-gezinswerker").team
    assert {u.username for u in team.members.all()} >= {
        "demo-gezinswerker",
        "demo-buurtteammedewerker",
        "demo-teamleider",
    }
    request = RequestFactory().post("/accounts/login/")
    user = authenticate(request, username="demo-gezinswerker", password="doorbraak")
    assert user is not None and user.username == "demo-gezinswerker"


def test_demo_professional_owns_several_cases():
    load()

    assert Case.objects.filter(key_worker__username="demo-gezinswerker").count() >= 5


def test_functional_administrator_is_staff_with_admin_group():
    load()

    admin = User.objects.get(username="demo-beheerder")
    assert admin.is_staff and not admin.is_superuser
    assert admin.groups.filter(name=data.ADMIN_GROUP).exists()
    for perm in [
        "accounts.add_user",
        "accounts.change_mandate",
        "accounts.delete_team",
        "privacy.view_auditrecord",
        "privacy.view_processingrecord",
    ]:
        assert admin.has_perm(perm)
    assert not admin.has_perm("cases.view_case")


def test_bsns_are_valid_and_stored_encrypted():
    load()

    with_bsn = Member.objects.exclude(bsn_encrypted="")
    assert with_bsn.exists()
    for member in with_bsn:
        assert stdnum_bsn.is_valid(member.bsn)
        assert member.bsn.startswith("99999")  # test range, never a real person's number
        assert member.bsn not in member.bsn_encrypted
        assert member.bsn not in member.bsn_index
    assert len({m.bsn for m in with_bsn}) == with_bsn.count()


def test_load_demo_is_idempotent():
    load()
    counts = {model: model.objects.count() for model in MODELS}

    output = load()

    assert "bestaat al" in output
    assert {model: model.objects.count() for model in MODELS} == counts


def test_synthetic_bsns_are_deterministic_and_valid():
    import random

    first = [b for b, _ in zip(data.synthetic_bsns(random.Random(1)), range(50), strict=False)]
    again = [b for b, _ in zip(data.synthetic_bsns(random.Random(1)), range(50), strict=False)]
    assert first == again
    assert len(set(first)) == 50
    assert all(stdnum_bsn.is_valid(b) for b in first)


class _Rollback(Exception):
    pass


def _snapshot() -> list:
    return [
        (
            case.household.name,
            case.key_worker.username,
            [
                (m.given_name, m.household_role, m.birth_year, m.bsn)
                for m in case.household.members.all()
            ],
            [b.rule for b in case.blockers.all()],
        )
        for case in Case.objects.order_by("id")
    ]


def test_build_demo_is_deterministic():
    try:
        with transaction.atomic():
            data.build_demo()
            first = _snapshot()
            raise _Rollback
    except _Rollback:
        pass
    assert not Household.objects.exists()

    data.build_demo()

    assert _snapshot() == first


def test_demo_has_maatwerk_requests_with_calculations():
    from doorbraak.proposals.models import Request

    load()
    requests = Request.objects.select_related("cost_benefit", "triangle")
    # Four of demo/requests.py, S6 at the Doorbraaktafel, and two on the toeslagenherstelpotje
    # (demo/recovery.py: a marked household's request first in the inbox).
    assert requests.count() == 7
    assert {r.case.key_worker.username for r in requests} == {"demo-gezinswerker"}
    bridging = requests.get(frequency="maandelijks")
    assert bridging.total == 10400 and "DEMO" in bridging.supplier_iban
    assert Decimal(bridging.cost_benefit.result["return_per_euro"]) > 10
    assert requests.get(amount=0).triangle.legal_ground.article == "art. 4:84"


def test_functional_administrator_manages_the_catalogues():
    load()
    admin_user = User.objects.get(username="demo-beheerder")
    for perm in [
        "costbenefit.change_costfigure",
        "costbenefit.add_priceindexyear",
        "proposals.change_category",
        "proposals.change_legalground",
        "accounts.change_mandate",
        "privacy.view_auditrecord",
    ]:
        assert admin_user.has_perm(perm), perm
    assert not admin_user.has_perm("cases.view_case")
