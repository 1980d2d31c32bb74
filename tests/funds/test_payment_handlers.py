"""Who may handle a fund's money (issue 11, finding 8): the batch list, a new batch, the SEPA and
CSV files, marking paid and the payment orders, on the pages and in the API. The team leader
handles the team's own funds; a project leader the programme funds (no owner team) of their own
organisation; nobody else, the functional administrator included (separation of duties). Whoever
may not handle a fund's money gets a 404, as for a fund they cannot see."""

import pytest
from django.urls import reverse
from django.utils import translation
from stdnum import iban

from doorbraak.accounts.models import Organisation, OrganisationKind
from doorbraak.accounts.roles import Role
from doorbraak.funds import queries
from doorbraak.funds.models import Fund, PaymentBatch
from doorbraak.funds.permissions import may_handle_payments
from doorbraak.proposals import lifecycle
from tests.approvals.test_flow import submit
from tests.factories import UserFactory, api_for
from tests.funds.conftest import make_fund

pytestmark = pytest.mark.django_db

DEBTOR = "NL" + iban.calc_check_digits("NL00DEMO0000009000") + "DEMO0000009000"


@pytest.fixture
def world(team_a, team_b, worker_a):
    municipality = Organisation.objects.create(
        name="Gemeente Test", kind=OrganisationKind.MUNICIPALITY
    )
    corporation = Organisation.objects.create(
        name="Woonstichting Test", kind=OrganisationKind.HOUSING_CORPORATION
    )
    team_fund = make_fund(team_a, name="Minimaatwerkbudget A", debtor_iban=DEBTOR)
    programme = make_fund(None, name="Herstelpotje", programme="Herstel", debtor_iban=DEBTOR)
    partner = make_fund(
        None, name="Potje corporatie", owner_organisation=corporation, debtor_iban=DEBTOR
    )
    users = {
        "teamleider-a": UserFactory(role=Role.TEAMLEIDER, team=team_a),
        "teamleider-b": UserFactory(role=Role.TEAMLEIDER, team=team_b),
        "projectleider": UserFactory(role=Role.PROJECTLEIDER, organisation=municipality),
        "beheerder": UserFactory(role=Role.BEHEERDER, organisation=municipality, is_staff=True),
        "manager-wi": UserFactory(role=Role.MANAGER_WI, organisation=municipality),
        "gezinswerker-a": worker_a,
    }
    colleagues = [UserFactory(team=team_a) for _ in range(3)]
    request = submit(worker_a, team_fund, "120.00")
    for colleague in colleagues:
        lifecycle.vote_cast(actor=colleague, request=request, choice="ja")
    batch = lifecycle.batch_create(fund=team_fund, actor=users["teamleider-a"])
    funds = {"team": team_fund, "programme": programme, "partner": partner}
    return funds, users, batch


NOT_HANDLED = "Er is geen betaling of batch van een potje waarvan jij de betalingen afhandelt."

#: Whose money each user handles (fund keys of `world`).
HANDLES = {
    "teamleider-a": {"team"},
    "teamleider-b": set(),
    "projectleider": {"programme"},
    "beheerder": set(),
    "manager-wi": set(),
    "gezinswerker-a": set(),
}


def test_the_rule_and_the_query_agree(world):
    funds, users, _batch = world
    for name, user in users.items():
        handled = {key for key, fund in funds.items() if may_handle_payments(user, fund)}
        assert handled == HANDLES[name], name
        in_sql = set(queries.handled_funds(user).values_list("pk", flat=True))
        assert in_sql == {funds[key].pk for key in HANDLES[name]}, name
        visible = set(queries.visible_funds(user).values_list("pk", flat=True))
        assert in_sql <= visible, name


PAGES = [
    ("get", "funds:batch-file", "batch", "xml"),
    ("get", "funds:batch-file", "batch", "csv"),
    ("post", "funds:batch-paid", "batch", None),
    ("post", "funds:batch-new", "fund", None),
]


@pytest.mark.parametrize("name", ["projectleider", "teamleider-b", "beheerder", "gezinswerker-a"])
def test_who_does_not_handle_the_team_fund_gets_404_on_its_pages(client, world, name):
    funds, users, batch = world
    client.force_login(users[name])
    for method, url_name, target, kind in PAGES:
        pk = batch.pk if target == "batch" else funds["team"].pk
        url = reverse(url_name, args=[pk, kind] if kind else [pk])
        response = getattr(client, method)(url)
        assert response.status_code == 404, (name, url)
    batch.refresh_from_db()
    assert batch.status != "betaald"
    assert PaymentBatch.objects.count() == 1


@pytest.mark.parametrize("name", ["projectleider", "teamleider-b", "beheerder", "gezinswerker-a"])
def test_who_does_not_handle_the_team_fund_gets_404_in_the_api(world, name):
    funds, users, batch = world
    api = api_for(users[name])
    with translation.override("nl"):
        assert api.get("/api/v1/payment-batches/").json()["count"] == 0
        assert api.get("/api/v1/payment-orders/").json()["count"] == 0
        for path in ["", "pain001/", "csv/"]:
            response = api.get(f"/api/v1/payment-batches/{batch.pk}/{path}")
            assert response.status_code == 404, (name, path)
            assert response.json()["detail"] == NOT_HANDLED, path
        response = api.post(f"/api/v1/payment-batches/{batch.pk}/mark-paid/")
        assert response.status_code == 404
        response = api.post("/api/v1/payment-batches/", {"fund": funds["team"].pk})
        assert response.status_code == 404
        assert response.json()["detail"] == (
            "Er is geen potje met dit nummer waarvan jij de betalingen afhandelt."
        )
    batch.refresh_from_db()
    assert batch.status != "betaald"
    assert PaymentBatch.objects.count() == 1


def test_the_team_leader_handles_the_team_fund(client, world):
    funds, users, batch = world
    client.force_login(users["teamleider-a"])
    response = client.get(reverse("funds:batch-file", args=[batch.pk, "csv"]))
    assert response.status_code == 200 and "120.00" in response.content.decode()
    api = api_for(users["teamleider-a"])
    assert api.get("/api/v1/payment-orders/").json()["count"] == 1
    assert api.get(f"/api/v1/payment-batches/{batch.pk}/pain001/").status_code == 200


def test_the_project_leader_handles_the_programme_fund_not_the_partners(world):
    funds, users, _batch = world
    api = api_for(users["projectleider"])
    made = api.post("/api/v1/payment-batches/", {"fund": funds["programme"].pk})
    # Nothing to pay yet: a Dutch refusal about the fund, but not a 404.
    assert made.status_code == 400, made.content
    assert api.post("/api/v1/payment-batches/", {"fund": funds["partner"].pk}).status_code == 404


def test_an_inactive_team_leader_handles_nothing(world):
    _funds, users, _batch = world
    leader = users["teamleider-a"]
    leader.is_active = False
    assert not queries.handled_funds(leader).exists()
    assert not may_handle_payments(leader, Fund.objects.get(name="Minimaatwerkbudget A"))


def test_the_fund_page_shows_batches_only_to_its_handlers(client, world):
    funds, users, batch = world
    for name, shown in [("teamleider-a", True), ("gezinswerker-a", False)]:
        client.force_login(users[name])
        page = client.get(reverse("funds:detail", args=[funds["team"].pk])).content.decode()
        assert (batch.message_id in page) is shown, name
    client.force_login(users["projectleider"])
    assert client.get(reverse("funds:detail", args=[funds["team"].pk])).status_code == 404
    assert client.get(reverse("funds:detail", args=[funds["programme"].pk])).status_code == 200


@pytest.mark.parametrize("role", [Role.TAFELLID, Role.HANDHAVER])
def test_partners_and_enforcement_see_no_funds_in_the_api_as_on_the_pages(world, role):
    funds, _users, batch = world
    api = api_for(UserFactory(role=role))
    with translation.override("nl"):
        for path in [
            "/api/v1/funds/",
            f"/api/v1/funds/{funds['programme'].pk}/",
            "/api/v1/payment-orders/",
            f"/api/v1/payment-batches/{batch.pk}/csv/",
        ]:
            response = api.get(path)
            assert response.status_code == 403, path
            assert response.json()["detail"] == (
                "Potjes zijn er voor de teams en de rollen van de gemeente."
            ), path
