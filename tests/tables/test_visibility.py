"""Who sees which agenda item, and with which identity, proved the same way on the pages and
through the API: a contact person never sees an item of another table; the household's name
shows only under a consent for that very table, valid on the meeting date and today; consent
for table A reveals nothing at table B; an expired or withdrawn consent hides it at once."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from doorbraak.tables import services
from tests.factories import api_for

from .conftest import at_table, waiting_request

pytestmark = pytest.mark.django_db

NAME = "Lindeboom"


def page(user, item) -> str | None:
    """The item page as `user` sees it; None when it is not found for them."""
    client = Client()
    client.force_login(user)
    response = client.get(reverse("tables:item", args=[item.pk]))
    if response.status_code == 404:
        return None
    assert response.status_code == 200
    return response.content.decode()


def api(user, item) -> str | None:
    response = api_for(user).get(f"/api/v1/agenda-items/{item.pk}/")
    if response.status_code == 404:
        return None
    assert response.status_code == 200
    return response.content.decode()


def page_lists(user, item) -> str:
    """What the meeting pages and the start page show `user` (for an item of another table)."""
    client = Client()
    client.force_login(user)
    texts = [client.get(reverse("tables:index")).content.decode()]
    meeting = client.get(reverse("tables:meeting", args=[item.meeting_id]))
    assert meeting.status_code == 404
    texts.append(client.get(reverse("home:start")).content.decode())
    return "".join(texts)


def api_lists(user, item) -> str:
    client = api_for(user)
    assert client.get(f"/api/v1/meetings/{item.meeting_id}/").status_code == 404
    return "".join(
        client.get(url).content.decode()
        for url in (
            "/api/v1/meetings/",
            "/api/v1/agenda-items/",
            f"/api/v1/agenda-items/?meeting={item.meeting_id}",
        )
    )


VIEWS = [pytest.param(page, id="page"), pytest.param(api, id="api")]
LISTS = [pytest.param(page_lists, id="page"), pytest.param(api_lists, id="api")]
TODAY = timezone.localdate


@pytest.fixture
def escalation(case_l, worker_a, leader):
    return at_table(worker_a, case_l, waiting_request(case_l, worker_a), leader)


@pytest.fixture
def item_a(table, member, escalation):
    """The item on table A's agenda (the `member` sits at table A)."""
    meeting = services.meeting_plan(actor=member, table=table, date=TODAY())
    return services.item_add(actor=member, meeting=meeting, escalation=escalation)


@pytest.fixture
def item_b(other_table, other_member, escalation):
    """The same escalation on table B's agenda (the `other_member` sits at table B)."""
    meeting = services.meeting_plan(actor=other_member, table=other_table, date=TODAY())
    return services.item_add(actor=other_member, meeting=meeting, escalation=escalation)


def consent(worker, case, table, *, valid_from=None, valid_until=None, today=None):
    return services.consent_record(
        actor=worker,
        case=case,
        member=case.household.members.order_by("pk").first(),
        table=table,
        scope="identiteit",
        valid_from=valid_from or TODAY(),
        valid_until=valid_until or TODAY() + datetime.timedelta(days=30),
        today=today,
    )


@pytest.mark.parametrize("lists", LISTS)
@pytest.mark.parametrize("view", VIEWS)
def test_a_member_never_sees_an_item_of_another_table(view, lists, item_a, other_member):
    assert view(other_member, item_a) is None
    seen = lists(other_member, item_a)
    assert item_a.reference not in seen and NAME not in seen


@pytest.mark.parametrize("view", VIEWS)
def test_no_identity_without_consent(view, item_a, member):
    shown = view(member, item_a)
    assert shown is not None and NAME not in shown and item_a.reference in shown


@pytest.mark.parametrize("view", VIEWS)
def test_consent_for_table_a_does_not_reveal_identity_at_table_b(
    view, item_a, item_b, member, other_member, worker_a, table, case_l
):
    consent(worker_a, case_l, table)
    assert NAME in view(member, item_a)
    assert NAME not in view(other_member, item_b)


@pytest.mark.parametrize("view", VIEWS)
def test_a_withdrawn_consent_hides_the_identity_at_once(view, item_a, member, worker_a, table):
    given = consent(worker_a, item_a.escalation.case, table)
    assert NAME in view(member, item_a)
    services.consent_withdraw(actor=worker_a, consent=given)
    assert NAME not in view(member, item_a)


@pytest.mark.parametrize("view", VIEWS)
def test_an_expired_consent_hides_the_identity(view, item_a, member, worker_a, table):
    earlier = TODAY() - datetime.timedelta(days=40)
    consent(
        worker_a,
        item_a.escalation.case,
        table,
        valid_from=earlier,
        valid_until=TODAY() - datetime.timedelta(days=1),
        today=earlier,
    )
    assert NAME not in view(member, item_a)


@pytest.mark.parametrize("view", VIEWS)
def test_a_consent_that_ends_before_the_meeting_hides_the_identity(
    view, member, table, escalation, worker_a
):
    meeting = services.meeting_plan(
        actor=member, table=table, date=TODAY() + datetime.timedelta(days=14)
    )
    item = services.item_add(actor=member, meeting=meeting, escalation=escalation)
    consent(worker_a, escalation.case, table, valid_until=TODAY() + datetime.timedelta(days=7))
    assert NAME not in view(member, item)


@pytest.mark.parametrize("view", VIEWS)
def test_the_key_worker_at_the_table_sees_the_own_case_in_full(view, table, item_a, worker_a):
    from doorbraak.tables.models import TableMember

    TableMember.objects.create(table=table, user=worker_a, organisation=worker_a.organisation)
    assert NAME in view(worker_a, item_a)
