"""Compiled reads (doorbraak/compiled_reads.py) return exactly what their queryset returns, for
any parameter values, and refuse what they cannot hold."""

from decimal import Decimal

import pytest
from django.db import connections
from django.db.models import Count
from django.utils import timezone

from doorbraak.accounts.models import Team, User
from doorbraak.cases import queries
from doorbraak.cases.models import Case, CaseAccess, Member
from doorbraak.compiled_reads import CompiledRead, CompiledReadError, forget
from tests.factories import CaseFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh():
    forget()
    yield
    forget()


def fields(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def test_model_rows_with_select_related_match_the_queryset():
    team = TeamFactory()
    worker = UserFactory(team=team)
    cases = [CaseFactory(actor=worker, members=2) for _ in range(3)]
    read = CompiledRead(
        lambda p: Case.objects.filter(team_id=p.int("team")).select_related(
            "household", "key_worker", "team"
        )
    )
    got = read.all(team=team.pk)
    expected = list(
        Case.objects.filter(team_id=team.pk).select_related("household", "key_worker", "team")
    )
    assert [c.pk for c in got] == [c.pk for c in expected] != []
    for mine, theirs in zip(got, expected, strict=True):
        assert fields(mine) == fields(theirs)
        assert fields(mine.household) == fields(theirs.household)
        assert mine.key_worker.get_full_name() == theirs.key_worker.get_full_name()
    assert {c.pk for c in got} == {c.pk for c in cases}


def test_the_same_read_runs_with_other_values_without_building_again():
    teams = [TeamFactory(), TeamFactory()]
    for team in teams:
        CaseFactory(actor=UserFactory(team=team))
    built = []

    def build(p):
        built.append(1)
        return Case.objects.filter(team_id=p.int("team"))

    read = CompiledRead(build)
    first = read.all(team=teams[0].pk)
    second = read.all(team=teams[1].pk)
    nothing = read.all(team=-1)
    assert [c.team_id for c in first] == [teams[0].pk]
    assert [c.team_id for c in second] == [teams[1].pk]
    assert nothing == []
    assert len(built) == 2  # built twice when compiled (to find the parameters), then never


def test_a_constant_equal_to_a_placeholder_stays_a_constant():
    team = TeamFactory()
    case = CaseFactory(actor=UserFactory(team=team))
    read = CompiledRead(
        lambda p: Case.objects.filter(pk=p.int("case")).exclude(team_id=20011).exclude(pk=20012)
    )
    assert [c.pk for c in read.all(case=case.pk)] == [case.pk]


def test_small_integer_columns_take_parameters():
    """A positive integer column is wrapped in a driver type with server-side binding."""
    from doorbraak.approvals.models import PolicyVersion
    from tests.funds.conftest import make_policy

    policy = make_policy(name="Compiled")
    read = CompiledRead(
        lambda p: PolicyVersion.objects.filter(policy_id=p.int("policy"), version=p.int("v"))
    )
    assert read.first(policy=policy.pk, v=policy.version).policy_id == policy.pk
    assert read.first(policy=policy.pk, v=policy.version + 1) is None


def test_a_parameter_used_twice_is_replaced_everywhere():
    """The visibility union names the user in two branches."""
    team = TeamFactory()
    worker, colleague, outsider = (UserFactory(team=team), UserFactory(team=team), UserFactory())
    case = CaseFactory(actor=worker)
    for user in (worker, colleague, outsider):
        seen = queries.case_detail(user, case.pk) if user is not outsider else None
        if user is outsider:
            with pytest.raises(Exception) as refused:
                queries.case_detail(user, case.pk)
            assert refused.typename == "Http404"
        else:
            assert seen.pk == case.pk
            assert [m.pk for m in seen.member_list] == list(
                Member.objects.filter(household_id=case.household_id).values_list("pk", flat=True)
            )


def test_each_shape_is_compiled_once():
    team = TeamFactory()
    worker = UserFactory(team=team)
    case = CaseFactory(actor=worker)
    built = []

    def build(p, by_team):
        built.append(by_team)
        if by_team:
            return Case.objects.filter(team_id=p.int("team"))
        return Case.objects.filter(key_worker_id=p.int("user"))

    read = CompiledRead(build)
    for _ in range(3):
        assert [c.pk for c in read.all(True, team=team.pk)] == [case.pk]
        assert [c.pk for c in read.all(False, user=worker.pk)] == [case.pk]
    assert built == [True, True, False, False]  # each shape built twice, then never again
    compiled = connections["default"].__dict__["_doorbraak_compiled_reads"]
    assert {key[1] for key in compiled if key[0] == id(read)} == {(True,), (False,)}


def test_values_and_values_list_and_annotations():
    team = TeamFactory()
    worker = UserFactory(team=team)
    CaseFactory(actor=worker, members=3)
    values = CompiledRead(
        lambda p: (
            Member.objects.filter(household__cases__team_id=p.int("team"))
            .values("household_id")
            .annotate(n=Count("pk"))
        )
    )
    flat = CompiledRead(
        lambda p: Team.objects.filter(pk=p.int("team")).values_list("name", flat=True)
    )
    assert [row["n"] for row in values.all(team=team.pk)] == [3]
    assert flat.all(team=team.pk) == [team.name]


def test_strings_are_parameters_too():
    worker = UserFactory(team=TeamFactory())
    CaseFactory(actor=worker)
    read = CompiledRead(
        lambda p: User.objects.filter(username=p.str("name")).values_list("pk", flat=True)
    )
    assert read.all(name=worker.username) == [worker.pk]
    assert read.all(name="niemand") == []
    assert read.all(name="x'; DROP TABLE cases_case; --") == []
    assert Case.objects.exists()


def test_dates_are_parameters_too():
    import datetime

    worker = UserFactory(team=TeamFactory())
    case = CaseFactory(actor=worker)
    # The local date (Europe/Amsterdam), as `__date` compares: between 23:00 and 0:00 UTC the
    # UTC date is a day behind.
    opened = timezone.localtime(case.opened_at).date()
    read = CompiledRead(
        lambda p: Case.objects.filter(opened_at__date__gte=p.date("day")).values_list(
            "pk", flat=True
        )
    )
    assert read.all(day=opened) == [case.pk]
    assert read.all(day=opened + datetime.timedelta(days=1)) == []
    assert read.all(day=datetime.date(1901, 1, 1)) == [case.pk]


def test_decimals_and_converters_come_back_typed():
    from doorbraak.funds.models import Fund
    from tests.funds.conftest import make_fund

    fund = Fund.objects.get(pk=make_fund(TeamFactory(), budget_cents=123_456).pk)
    assert fund.total_budget == Decimal("1234.56")
    read = CompiledRead(lambda p: Fund.objects.filter(pk=p.int("fund")))
    got = read.first(fund=fund.pk)
    for name, value in fields(got).items():
        assert value == getattr(fund, name)
        if isinstance(getattr(fund, name), Decimal):
            assert isinstance(value, Decimal)


def test_refuses_what_it_cannot_hold():
    with pytest.raises(CompiledReadError, match="prefetch"):
        CompiledRead(lambda p: Case.objects.prefetch_related("blockers")).all()
    with pytest.raises(CompiledReadError, match="does not reach"):
        CompiledRead(lambda p: Case.objects.filter(pk__gt=0 * p.int("unused") + 0)).all(unused=1)
    read = CompiledRead(lambda p: Case.objects.filter(pk=p.int("case")))
    with pytest.raises(CompiledReadError, match="do not match"):
        read.all()
    with pytest.raises(CompiledReadError, match="do not match"):
        read.all(case=1, other=2)


def test_case_detail_refuses_ids_out_of_range():
    worker = UserFactory(team=TeamFactory())
    for pk in ("abc", None, 0, -5, 2**63, 10**30):
        with pytest.raises(Exception) as refused:
            queries.case_detail(worker, pk)
        assert refused.typename == "Http404"


def test_may_see_agrees_with_the_visibility_filter():
    """The one-case check of the case and request pages decides as `visibility_filter`."""
    from django.contrib.auth.models import AnonymousUser
    from django.utils import timezone

    team, other_team = TeamFactory(), TeamFactory()
    worker = UserFactory(team=team)
    case = CaseFactory(actor=worker)
    teammate, outsider = UserFactory(team=team), UserFactory(team=other_team)
    granted, revoked, teamless = (
        UserFactory(team=other_team),
        UserFactory(),
        UserFactory(team=None),
    )
    inactive = UserFactory(team=team, is_active=False)
    CaseAccess.objects.create(case=case, user=granted, granted_by=worker, reason="test")
    CaseAccess.objects.create(case=case, user=teamless, granted_by=worker, reason="test")
    CaseAccess.objects.create(
        case=case, user=revoked, granted_by=worker, reason="test", revoked_at=timezone.now()
    )
    expected = {worker: True, teammate: True, granted: True, teamless: True}
    for user in (worker, teammate, outsider, granted, revoked, teamless, inactive, AnonymousUser()):
        sees = queries.visible_cases(user).filter(pk=case.pk).exists()
        assert queries.may_see(user, case) is sees
        assert sees is expected.get(user, False)
