"""The case lists count and sort on `listed_cases` (per-branch, on covering indexes); it must
list exactly the cases `case_list` (the visibility rule) lists, for every person and filter."""

import pytest
from django.utils import timezone

from doorbraak.cases import queries, services
from doorbraak.cases.models import CaseAccess, CaseStatus
from tests.factories import CaseFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_listed_cases_is_the_visibility_rule():
    team, other = TeamFactory(), TeamFactory()
    worker, teammate, outsider = (
        UserFactory(team=team),
        UserFactory(team=team),
        UserFactory(team=other),
    )
    teamless = UserFactory(team=None)
    mine = [CaseFactory(actor=worker) for _ in range(3)]
    theirs = [CaseFactory(actor=outsider) for _ in range(2)]
    services.case_close(actor=worker, case=mine[0], reason="Afgerond (test)")
    CaseAccess.objects.create(case=theirs[0], user=worker, granted_by=outsider, reason="test")
    CaseAccess.objects.create(case=theirs[0], user=teamless, granted_by=outsider, reason="test")
    CaseAccess.objects.create(
        case=theirs[1], user=worker, granted_by=outsider, reason="test", revoked_at=timezone.now()
    )
    checked = 0
    for user in (worker, teammate, outsider, teamless):
        for mine_only in (True, False):
            for status in (None, CaseStatus.OPEN, CaseStatus.CLOSED):
                expected = list(
                    queries.case_list(user, mine_only=mine_only, status=status)
                    .order_by("-opened_at", "-pk")
                    .values_list("pk", flat=True)
                )
                rows = queries.listed_cases(user, mine_only=mine_only, status=status)
                got = [r["pk"] for r in rows.order_by("-opened_at", "-pk")]
                assert got == expected, (user, mine_only, status)
                assert rows.count() == len(expected)
                checked += bool(expected)
    assert checked >= 8
