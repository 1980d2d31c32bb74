"""The dashboard page: each role gets its own scope and nothing else, bad filters give a Dutch
message and no figures, and the page runs a fixed number of queries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from doorbraak.accounts.models import Neighbourhood, Organisation, OrganisationKind
from doorbraak.accounts.roles import Role
from doorbraak.proposals import lifecycle
from doorbraak.reports.models import RequestFigure
from tests.approvals.test_flow import submit
from tests.factories import UserFactory
from tests.reports.test_summary import paying_fund

pytestmark = pytest.mark.django_db


@pytest.fixture
def town(team_a, team_b):
    municipality = Organisation.objects.create(
        name="Gemeente Proefstad", kind=OrganisationKind.MUNICIPALITY
    )
    wijk = Neighbourhood.objects.create(name="Wijk Proef", municipality=municipality)
    for team in (team_a, team_b):
        team.neighbourhood = wijk
        team.save()
    return municipality


@pytest.fixture
def five(team_a, worker_a):
    """Five requests of team A, hand-counted: three approved, one rejected, one solved
    otherwise (one in five)."""
    with translation.override("nl"):
        colleagues = [UserFactory(team=team_a) for _ in range(3)]
        fund = paying_fund(team_a)
        made = [submit(worker_a, fund, f"{amount}.00") for amount in (100, 200, 300, 400, 50)]
        for request in made[:3]:
            for colleague in colleagues:
                lifecycle.vote_cast(actor=colleague, request=request, choice="ja")
        for colleague in colleagues:
            made[3].refresh_from_db()
            if made[3].status == "ingediend":
                lifecycle.vote_cast(actor=colleague, request=made[3], choice="nee", comment="Nee")
        made[3].refresh_from_db()
        assert made[3].status == "afgewezen"
        lifecycle.request_solve_otherwise(
            actor=worker_a, request=made[4], alternative="zonder-kosten", note="Kringloop"
        )
    return fund


def page(client, user, query=""):
    client.force_login(user)
    return client.get("/cijfers/" + query)


def test_team_leader_sees_the_hand_counted_figures(client, team_a, five):
    leader = UserFactory(team=team_a, role=Role.TEAMLEIDER)
    response = page(client, leader)
    html = response.content.decode()
    assert response.status_code == 200
    assert "€ 600,00" in html  # 100 + 200 + 300 approved
    assert "20 %" in html  # one in five closed requests solved otherwise
    assert 'role="img"' in html and "De cijfers als tabel" in html
    assert "Lotte" not in html and "Beekman" not in html  # no household here


def test_other_teams_and_roles_see_nothing_of_it(client, team_a, team_b, five, town):
    other_leader = UserFactory(team=team_b, role=Role.TEAMLEIDER)
    html = page(client, other_leader).content.decode()
    assert "€ 600,00" not in html and "Geen voorstellen in deze periode" in html
    worker = UserFactory(team=team_a, role=Role.GEZINSWERKER)
    assert page(client, worker).status_code == 403
    # the municipality sees every team of its wijken
    adviser = UserFactory(role=Role.BELEIDSADVISEUR, organisation=town)
    assert "€ 600,00" in page(client, adviser).content.decode()
    # an adviser of another municipality does not
    elsewhere = Organisation.objects.create(name="Gemeente Elders", kind="gemeente")
    stranger = UserFactory(role=Role.BELEIDSADVISEUR, organisation=elsewhere)
    assert "€ 600,00" not in page(client, stranger).content.decode()


def test_a_fund_of_another_team_cannot_be_asked_for(client, team_a, team_b, five):
    leader = UserFactory(team=team_b, role=Role.TEAMLEIDER)
    response = page(client, leader, f"?start=2020-01-01&end=2030-12-31&fund={five.pk}")
    html = response.content.decode()
    assert response.status_code == 400
    assert "deze is onbekend of niet voor jou" in html and "€ 600,00" not in html


def test_bad_periods_are_refused_in_dutch(client, team_a, five):
    leader = UserFactory(team=team_a, role=Role.TEAMLEIDER)
    response = page(client, leader, "?start=2026-12-01&end=2026-01-01")
    html = response.content.decode()
    assert response.status_code == 400
    assert "De einddatum ligt voor de begindatum." in html and "€ 600,00" not in html
    assert "Niets getoond" in html
    assert page(client, leader, "?start=kapot&end=").status_code == 400


def test_queries_do_not_grow(client, team_a, worker_a, five):
    leader = UserFactory(team=team_a, role=Role.TEAMLEIDER)

    def count():
        client.force_login(leader)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/cijfers/").status_code == 200
        return len(captured)

    few = count()
    with translation.override("nl"):
        fund = paying_fund(team_a)
        for amount in (10, 20, 30):
            submit(worker_a, fund, f"{amount}.00", category="wonen")
    assert RequestFigure.objects.count() > 3
    assert count() == few
    # 10 for the requests and funds, 7 for the sections (sections.build), 1 for the agreement
    # rate (indications/), 1 for the vroegsignalering funnel (earlysignals/), 1 for the team
    # filter's choices
    assert few <= 20


def test_projectleider_sees_the_funds_they_handle(client, town, team_a, worker_a):
    from tests.funds.conftest import make_fund

    with translation.override("nl"):
        shared = make_fund(
            None, name="Gemeentelijk potje", budget_cents=900_000, owner_organisation=town
        )
        submit(worker_a, shared, "75.00")
    lead = UserFactory(role=Role.PROJECTLEIDER, organisation=town)
    html = page(client, lead).content.decode()
    assert "Gemeentelijk potje" in html
    assert RequestFigure.objects.filter(fund=shared).get().amount == Decimal("75.00")


def test_every_table_exports_as_csv_and_xlsx(client, team_a, five):
    import io

    from openpyxl import load_workbook

    leader = UserFactory(team=team_a, role=Role.TEAMLEIDER)
    client.force_login(leader)
    csv_text = client.get("/cijfers/export/category.csv").content.decode()
    lines = csv_text.strip().split("\r\n")
    assert lines[0] == "Categorie;Bedrag (EUR)"
    assert sum(Decimal(line.split(";")[1]) for line in lines[1:]) == Decimal("600.00")
    status = client.get("/cijfers/export/status.xlsx")
    assert status["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(status.content)).active
    counts = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert counts == {"goedgekeurd": 3, "afgewezen": 1, "elders opgelost": 1}
    for table in ("alternative", "month", "funds"):
        for kind in ("csv", "xlsx"):
            assert client.get(f"/cijfers/export/{table}.{kind}").status_code == 200
    assert client.get("/cijfers/export/secrets.csv").status_code == 404
    assert client.get("/cijfers/export/status.pdf").status_code == 404


def test_an_empty_period_exports_the_header_only(client, team_a, five):
    leader = UserFactory(team=team_a, role=Role.TEAMLEIDER)
    client.force_login(leader)
    response = client.get("/cijfers/export/month.csv?start=2020-01-01&end=2020-01-31")
    assert response.content.decode() == "Maand;Bedrag (EUR)\r\n2020-01;0.00\r\n"
    response = client.get("/cijfers/export/status.csv?start=2020-01-01&end=2020-01-31")
    assert response.content.decode() == "Status;Voorstellen\r\n"


def test_exports_keep_the_scope_and_refuse_bad_filters(client, team_a, team_b, five):
    worker = UserFactory(team=team_a, role=Role.GEZINSWERKER)
    client.force_login(worker)
    assert client.get("/cijfers/export/status.csv").status_code == 403
    other = UserFactory(team=team_b, role=Role.TEAMLEIDER)
    client.force_login(other)
    assert client.get("/cijfers/export/status.csv").content.decode() == "Status;Voorstellen\r\n"
    refused = client.get(
        f"/cijfers/export/status.csv?start=2020-01-01&end=2030-01-01&fund={five.pk}"
    )
    assert refused.status_code == 400


def test_a_formula_in_a_label_stays_text():
    from doorbraak.reports import exports

    body = exports.to_csv(["Categorie"], [["=HYPERLINK(1)", Decimal("1.5")]]).decode()
    assert "'=HYPERLINK(1);1.50" in body


def test_the_api_gives_the_same_figures_in_the_same_scope(team_a, team_b, five):
    from tests.factories import api_for

    leader = UserFactory(team=team_a, role=Role.TEAMLEIDER)
    data = api_for(leader).get("/api/v1/figures/").json()
    assert data["scope"] == {"kind": "team", "name": str(team_a)}
    assert data["spent"] == "600.00" and data["solved_otherwise_share"] == "0.20"
    assert data["by_status"] == {"goedgekeurd": 3, "afgewezen": 1, "elders-opgelost": 1}
    other = UserFactory(team=team_b, role=Role.TEAMLEIDER)
    assert api_for(other).get("/api/v1/figures/").json()["requests"] == 0
    worker = UserFactory(team=team_a, role=Role.GEZINSWERKER)
    assert api_for(worker).get("/api/v1/figures/").status_code == 403
    bad = api_for(leader).get("/api/v1/figures/?start=2026-12-01&end=2026-01-01")
    assert bad.status_code == 400
    assert bad.json()["end"] == ["De einddatum ligt voor de begindatum."]


def test_recurring_categories_across_teams_lead_to_a_signal(
    client, town, team_a, team_b, worker_a, worker_b
):
    from doorbraak.proposals.models import Category

    with translation.override("nl"):
        for team, worker in ((team_a, worker_a), (team_b, worker_b)):
            colleagues = [UserFactory(team=team) for _ in range(3)]
            fund = paying_fund(team)
            for amount in ("80.00", "90.00"):
                request = submit(worker, fund, amount, category="gezondheid")
                for colleague in colleagues:
                    lifecycle.vote_cast(actor=colleague, request=request, choice="ja")
    adviser = UserFactory(role=Role.BELEIDSADVISEUR, organisation=town)
    response = page(client, adviser, "")
    assert "/cijfers/categorieen/" in response.content.decode()
    client.force_login(adviser)
    html = client.get("/cijfers/categorieen/").content.decode()
    assert "Komt steeds terug" in html and "4 voorstellen uit 2 teams, € 340,00" in html
    health = Category.objects.get(key="gezondheid")
    assert f"/signalen/nieuw/?categorie={health.pk}" in html
    form = client.get(f"/signalen/nieuw/?categorie={health.pk}").content.decode()
    assert "De potjes betalen steeds weer voor Gezondheid" in form
    # one team's spending alone does not recur across teams
    leader = UserFactory(team=team_a, role=Role.TEAMLEIDER)
    client.force_login(leader)
    html = client.get("/cijfers/categorieen/").content.decode()
    assert "Geen categorie komt steeds terug" in html


def test_category_page_queries_do_not_grow(client, team_a, worker_a, five):
    leader = UserFactory(team=team_a, role=Role.TEAMLEIDER)

    def count():
        client.force_login(leader)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/cijfers/categorieen/").status_code == 200
        return len(captured)

    few = count()
    with translation.override("nl"):
        fund = paying_fund(team_a)
        for amount in (10, 20):
            submit(worker_a, fund, f"{amount}.00", category="wonen")
    assert count() == few <= 8
