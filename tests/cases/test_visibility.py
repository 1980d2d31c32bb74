"""Who may see a case: key worker, their team, and people explicitly added. Others: 404."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doorbraak.cases import queries, services
from doorbraak.privacy.models import AuditRecord
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db


def visible_ids(user):
    return set(queries.visible_cases(user).values_list("pk", flat=True))


def test_key_worker_team_and_added_people_see_the_case(case_a, worker_a, colleague_a, worker_b):
    assert case_a.pk in visible_ids(worker_a)
    assert case_a.pk in visible_ids(colleague_a)
    assert case_a.pk not in visible_ids(worker_b)
    access = services.access_grant(actor=worker_a, case=case_a, user=worker_b, reason="MDT")
    assert case_a.pk in visible_ids(worker_b)
    services.access_revoke(actor=worker_a, access=access)
    assert case_a.pk not in visible_ids(worker_b)


def test_person_without_team_sees_only_added_cases(case_a, worker_a):
    outsider = UserFactory(role="inkomensconsulent", team=None)
    assert visible_ids(outsider) == set()
    services.access_grant(actor=worker_a, case=case_a, user=outsider, reason="W&I")
    assert visible_ids(outsider) == {case_a.pk}


def test_inactive_user_sees_nothing(case_a, colleague_a):
    colleague_a.is_active = False
    assert visible_ids(colleague_a) == set()


def test_handover_moves_visibility_to_the_new_team(case_a, worker_a, colleague_a, worker_b):
    services.key_worker_handover(actor=worker_a, case=case_a, to_user=worker_b, reason="Verhuisd")
    assert case_a.pk in visible_ids(worker_b)
    assert case_a.pk not in visible_ids(colleague_a)
    assert case_a.pk not in visible_ids(worker_a)


def test_visibility_is_one_query_whatever_the_number_of_cases(worker_a, colleague_a):
    for _ in range(5):
        CaseFactory(actor=worker_a)
    with CaptureQueriesContext(connection) as queries_run:
        assert len(visible_ids(colleague_a)) == 5
    assert len(queries_run) == 1


def test_other_team_gets_404_and_the_refusal_is_audited(client, case_a, worker_b):
    client.force_login(worker_b)
    for name in [
        "cases:detail",
        "cases:note-add",
        "cases:plan",
        "cases:handover",
        "cases:blocker-add",
        "cases:member-add",
    ]:
        response = client.get(reverse(name, args=[case_a.pk]))
        assert response.status_code == 404, name
        assert "Knelpunten" not in response.content.decode()
    denied = AuditRecord.objects.filter(actor=worker_b, result="denied")
    assert denied.count() == 6 and set(denied.values_list("object_id", flat=True)) == {
        str(case_a.pk)
    }


def test_api_hides_other_teams_cases(client, case_a, worker_b):
    client.force_login(worker_b)
    assert client.get(f"/api/v1/cases/{case_a.pk}/").status_code == 404
    assert client.get("/api/v1/cases/").json()["count"] == 0
    assert client.get(f"/api/v1/households/{case_a.household_id}/").status_code == 404
    denied = AuditRecord.objects.filter(actor=worker_b, result="denied", origin__startswith="api")
    assert set(denied.values_list("object_type", "object_id")) == {
        ("case", str(case_a.pk)),
        ("household", str(case_a.household_id)),
    }


@pytest.mark.postgres
def test_visibility_filter_uses_indexes_on_postgresql(case_a, colleague_a):
    sql, params = queries.visible_cases(colleague_a).only("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index" in plan or "Bitmap" in plan, plan
    assert "Seq Scan" not in plan, plan
    assert "active_access_user_idx" in plan, plan


@pytest.mark.parametrize("name", ["cases:handover", "cases:access-add", "cases:close"])
def test_a_partner_with_access_cannot_open_the_managing_forms(client, case_a, worker_a, name):
    """The handover and add-person forms list the team's colleagues: only the key worker and
    the team leader may open them (finding of the authorization matrix, issue 11)."""
    partner = UserFactory(role="tafellid", team=None)
    services.access_grant(actor=worker_a, case=case_a, user=partner, reason="Doorbraaktafel")
    client.force_login(partner)
    refused = client.get(reverse(name, args=[case_a.pk]))
    assert refused.status_code == 403
    assert "<select" not in refused.content.decode()  # no list of colleagues
    assert client.get(reverse("cases:detail", args=[case_a.pk])).status_code == 200
    client.force_login(worker_a)
    assert client.get(reverse(name, args=[case_a.pk])).status_code == 200
