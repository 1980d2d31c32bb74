"""The dashboard sections beyond the requests, against a hand-counted fixture (issue 15):
in 2025 team A's cases came to the Doorbraaktafel 60 times, 50 solved there without money;
39 requests were approved or paid (so 50 + 39 = 89 breakthroughs, as seed 004 counts them);
of the 50 closed requests 10 were solved otherwise (one in five, seed 002); the LET solved
5 of 5 (seed 002). Each figure is asserted on the page, in the export cells and in the API."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone

from doorbraak.accounts.models import Mandate, Neighbourhood, Organisation, OrganisationKind
from doorbraak.accounts.roles import Role
from doorbraak.escalation.models import Escalation, MandateUse
from doorbraak.learning.models import Pattern
from doorbraak.let.models import LetSubmission
from doorbraak.proposals.models import Category, CostBenefit, Request
from doorbraak.reports import summary
from doorbraak.tables.models import AgendaItem, Meeting, Table
from doorbraak.worktables.models import StructuralSolution
from tests.escalation.conftest import escalate
from tests.factories import OrganisationFactory, UserFactory, api_for
from tests.reports.test_summary import paying_fund

pytestmark = pytest.mark.django_db

PERIOD = "?start=2025-01-01&end=2025-12-31"


def at(day: str, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(day).replace(hour=hour))


def make_town(*teams):
    municipality = Organisation.objects.create(
        name="Gemeente Telstad", kind=OrganisationKind.MUNICIPALITY
    )
    wijk = Neighbourhood.objects.create(name="Wijk Tel", municipality=municipality)
    for team in teams:
        team.neighbourhood = wijk
        team.save()
    return municipality


@pytest.fixture
def town(team_a, team_b):
    return make_town(team_a, team_b)


def _requests(case, worker, fund, category):
    """39 approved or paid (10 with a cost-benefit calculation), 1 rejected, 10 solved
    otherwise, all submitted in 2025."""
    made = []
    plan = [("goedgekeurd", 30), ("betaald", 9), ("afgewezen", 1), ("elders-opgelost", 10)]
    for status, n in plan:
        for _ in range(n):
            made.append(
                Request.objects.create(
                    case=case,
                    solution="Huur van één maand (synthetisch)",
                    category=category,
                    amount=Decimal("100.00"),
                    supplier_name="Verhuurder (demo)",
                    supplier_iban="NL91ABNA0417164300",
                    created_by=worker,
                    fund=fund,
                    status=status,
                    alternative="zonder-kosten" if status == "elders-opgelost" else "",
                )
            )
    Request.objects.filter(pk__in=[r.pk for r in made]).update(
        submitted_at=at("2025-04-01"), decided_at=at("2025-04-02")
    )
    result = {
        "by_payer": {
            "gemeente": {"cost": "100.00", "avoided": "210.00", "net": "110.00"},
            "woningcorporatie": {"cost": "0", "avoided": "500.00", "net": "500.00"},
            "uwv": {"cost": "0", "avoided": "50.00", "net": "50.00"},
            "svb": {"cost": "0", "avoided": "25.00", "net": "25.00"},
        }
    }
    for request in made[:10]:
        CostBenefit.objects.create(
            request=request, horizon_months=12, price_year=2025, input={}, result=result
        )


def _tables(case, worker, blocker, route_version, decider_roles):
    """60 escalations on the agenda of a Doorbraaktafel meeting in 2025: 50 solved without
    money, 10 not suitable. 30 decided within 30 hours, 30 within 100: the median is at most
    48 hours, the 90th percentile at most 120 (figures.HOUR_BOUNDS)."""
    table = Table.objects.create(
        name="Doorbraaktafel (test)", kind="doorbraaktafel", route=route_version.route, level=3
    )
    other = Table.objects.create(
        name="Casusoverleg (test)", kind="casusoverleg", route=route_version.route, level=2
    )
    meeting = Meeting.objects.create(table=table, date=datetime.date(2025, 5, 1), created_by=worker)
    elsewhere = Meeting.objects.create(
        table=other, date=datetime.date(2025, 5, 2), created_by=worker
    )
    earlier = Meeting.objects.create(table=table, date=datetime.date(2024, 5, 1), created_by=worker)
    escalations = []
    for i in range(62):
        escalations.append(
            Escalation.objects.create(
                case=case,
                blocker=blocker,
                route_version=route_version,
                level=3,
                decider_roles=decider_roles,
                status="opgelost" if i < 50 or i >= 60 else "niet-geschikt",
                question="Kan de tafel helpen?",
                tried="Alles",
                reasons="Besloten aan tafel",
                created_by=worker,
                due_date=datetime.date(2025, 5, 1),
            )
        )
    for i, escalation in enumerate(escalations[:60]):
        Escalation.objects.filter(pk=escalation.pk).update(
            created_at=at("2025-04-28"),
            decided_at=at("2025-04-28") + datetime.timedelta(hours=30 if i % 2 else 100),
        )
        AgendaItem.objects.create(
            meeting=meeting,
            escalation=escalation,
            added_by=worker,
            outcome="opgelost" if i < 50 else "niet-geschikt",
            decision="Besluit",
            legitimacy="Past",
            involvement="Iedereen",
            returns="Rendement",
            decided_by=worker,
            decided_at=at("2025-05-01"),
        )
    # not counted: a casusoverleg, and a meeting of 2024
    for escalation, on in ((escalations[60], elsewhere), (escalations[61], earlier)):
        Escalation.objects.filter(pk=escalation.pk).update(created_at=at("2024-01-01"))
        AgendaItem.objects.create(
            meeting=on, escalation=escalation, added_by=worker, outcome="opgelost"
        )
    return escalations


def fill(team_a, worker_a, case_a, town, corporation, n=1):
    """The hand-counted figures, `n` times over (the query counts grow it)."""
    for _ in range(n):
        fund = _fill(team_a, worker_a, case_a, town, corporation)
    summary.refresh_all()
    return fund


@pytest.fixture
def counted(team_a, worker_a, case_a, town, corporation):
    return fill(team_a, worker_a, case_a, town, corporation)


def _fill(team_a, worker_a, case_a, town, corporation):
    from doorbraak.cases import services as case_services

    blocker = case_services.blocker_add(
        actor=worker_a,
        case=case_a,
        organisation=corporation,
        rule="Ontruiming bij twee maanden achterstand",
        effect="Het gezin dreigt dakloos te worden",
        life_domain="wonen",
    )
    first = Escalation.objects.filter(case=case_a, status="open").first() or escalate(
        worker_a, case_a, blocker
    )
    fund = paying_fund(team_a)
    category = Category.objects.get_or_create(key="wonen", defaults={"label": "Wonen"})[0]
    _requests(case_a, worker_a, fund, category)
    escalations = _tables(case_a, worker_a, blocker, first.route_version, first.decider_roles)
    for escalation in escalations[:5]:
        submission = LetSubmission.objects.create(
            escalation=escalation,
            case=case_a,
            status="nagekeken",
            summary="Samenvatting (geanonimiseerd)",
            question="Vraag (geanonimiseerd)",
            submitted_by=worker_a,
            reasons="Uitzondering gemaakt",
            check_on=datetime.date(2025, 9, 1),
            carried_out=True,
        )
        LetSubmission.objects.filter(pk=submission.pk).update(submitted_at=at("2025-06-01"))
    holder = UserFactory(role=Role.TEAMLEIDER, team=team_a)
    mandate = Mandate.objects.create(
        holder=holder,
        organisation=corporation,
        scope="Huurachterstand",
        valid_from=datetime.date(2024, 1, 1),
        granted_by="Directie (test)",
    )
    for amount in ("300.00", "200.00"):
        MandateUse.objects.create(
            mandate=mandate,
            case=case_a,
            overruled_organisation=corporation,
            overruled_rule="Twee maanden",
            earlier_refusal="Nee",
            decision="Bevriezen",
            reasons="Voorkomt erger",
            amount=Decimal(amount),
            decided_on=datetime.date(2025, 7, 1),
            decided_by=holder,
        )
    patterns = [
        Pattern.objects.create(
            organisation=corporation,
            municipality=town,
            status=status,
            summary="S",
            rule="Ontruiming bij twee maanden achterstand",
            reference_blocker=blocker,
        )
        for status in ("kandidaat", "kandidaat", "bevestigd")
    ]
    Pattern.objects.filter(pk__in=[p.pk for p in patterns]).update(found_at=at("2025-03-01"))
    for status, extra in (
        ("voorgesteld", {}),
        (
            "ingevoerd",
            {
                "agreed_on": datetime.date(2025, 8, 1),
                "implemented_on": datetime.date(2025, 9, 1),
            },
        ),
    ):
        StructuralSolution.objects.create(
            pattern=patterns[2],
            title="Vlag bij adres",
            kind="afspraak-partner",
            owner_text="Corporatie",
            status=status,
            proposed_on=datetime.date(2025, 7, 1),
            created_by=worker_a,
            **extra,
        )
    return fund


@pytest.fixture
def corporation(db):
    return OrganisationFactory(name="Woningcorporatie (test)", kind="woningcorporatie")


@pytest.fixture
def leader(team_a):
    return UserFactory(role=Role.TEAMLEIDER, team=team_a)


def test_the_page_shows_the_hand_counts(client, leader, counted):
    client.force_login(leader)
    response = client.get("/cijfers/" + PERIOD)
    html = response.content.decode()
    assert response.status_code == 200
    assert "60 tafelcasussen, 50 aan tafel opgelost; 89 doorbraken in totaal." in html
    assert "20 %" in html  # one in five closed requests solved otherwise
    assert "5 van 5 nagekeken LET-besluiten uitgevoerd zoals afgesproken (100 %)." in html
    assert "2 besluiten met een mandaat uit het register, € 500,00 in totaal." in html
    assert "€ 7.850,00" in html  # 2.100 + 5.000 + 750 expected avoided cost
    assert "Huurachterstand" not in html and "Bevriezen" not in html  # no free text


def _csv(client, table):
    response = client.get(f"/cijfers/export/{table}.csv" + PERIOD)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))


def test_the_exports_hold_the_hand_counts(client, leader, counted):
    client.force_login(leader)
    assert _csv(client, "tables")[1:] == [["2025", "60", "50", "89"]]
    assert dict(_csv(client, "let")[1:])["uitgevoerd zoals afgesproken"] == "5"
    assert _csv(client, "mandates")[1:] == [["Woningcorporatie (test)", "2", "500.00"]]
    assert _csv(client, "patterns")[1:] == [
        ["kandidaat", "2"],
        ["bevestigd", "1"],
        ["afgewezen", "0"],
    ]
    assert [row[1] for row in _csv(client, "solutions")[1:]] == ["1", "0", "1", "0"]
    assert _csv(client, "benefit")[1:] == [
        ["gemeente", "10", "1000.00", "2100.00"],
        ["woningcorporatie", "10", "0.00", "5000.00"],
        ["landelijke organisaties", "10", "0.00", "750.00"],
    ]
    assert _csv(client, "levels")[1:] == [["Stap 3", "60", "48", "120"]]
    status = dict(_csv(client, "status")[1:])
    assert sum(int(v) for v in status.values()) == 50
    xlsx = client.get("/cijfers/export/tables.xlsx" + PERIOD)
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_the_api_holds_the_hand_counts(leader, counted):
    data = api_for(leader).get("/api/v1/figures/" + PERIOD).json()
    assert data["table_cases"] == 60 and data["table_solved"] == 50
    assert data["breakthroughs"] == 89
    assert data["tables_by_year"] == [
        {"year": 2025, "table_cases": 60, "solved_at_table": 50, "breakthroughs": 89}
    ]
    assert data["solved_otherwise"] == 10 and data["solved_otherwise_share"] == "0.20"
    assert data["let"]["checked"] == 5 and data["let"]["carried_out"] == 5
    assert data["let"]["success_rate"] == "1.00"
    assert data["mandate_uses"]["uses"] == 2 and data["mandate_uses"]["amount"] == "500.00"
    assert data["patterns_by_status"] == {"kandidaat": 2, "bevestigd": 1, "afgewezen": 0}
    assert data["solutions_by_status"] == {
        "voorgesteld": 1,
        "afgesproken": 0,
        "ingevoerd": 1,
        "geevalueerd": 0,
    }
    assert data["benefit_expected_avoided_cost"] == "7850.00"
    assert [p["payer"] for p in data["benefit_by_payer"]] == ["gemeente", "wonen", "landelijk"]
    assert data["decision_hours_per_level"] == [
        {"level": 3, "decided": 60, "median_at_most": 48, "p90_at_most": 120}
    ]


def test_scoping_of_the_new_sections(client, team_b, counted, town):
    other_leader = UserFactory(role=Role.TEAMLEIDER, team=team_b)
    data = api_for(other_leader).get("/api/v1/figures/" + PERIOD).json()
    assert data["table_cases"] == 0 and data["let"]["submitted"] == 0
    assert data["mandate_uses"]["uses"] == 0 and data["benefit_by_payer"] == []
    assert data["decision_hours_per_level"] == []
    client.force_login(other_leader)
    assert _csv(client, "tables")[1:] == [] and _csv(client, "mandates")[1:] == []
    html = client.get("/cijfers/" + PERIOD).content.decode()
    assert "89 doorbraken" not in html and "€ 7.850,00" not in html
    # the municipality sees both teams: the same counts
    adviser = UserFactory(role=Role.BELEIDSADVISEUR, organisation=town)
    data = api_for(adviser).get("/api/v1/figures/" + PERIOD).json()
    assert data["breakthroughs"] == 89 and data["let"]["carried_out"] == 5
    # another municipality: nothing, not even the patterns
    elsewhere = Organisation.objects.create(name="Gemeente Elders", kind="gemeente")
    stranger = UserFactory(role=Role.BELEIDSADVISEUR, organisation=elsewhere)
    data = api_for(stranger).get("/api/v1/figures/" + PERIOD).json()
    assert data["breakthroughs"] == 0 and data["patterns_by_status"]["kandidaat"] == 0
    client.force_login(stranger)
    assert _csv(client, "benefit")[1:] == []
    # a projectleider: the cost-benefit of their funds, no team-bound sections
    projectleider = UserFactory(role=Role.PROJECTLEIDER)
    data = api_for(projectleider).get("/api/v1/figures/" + PERIOD).json()
    assert data["table_cases"] is None and data["let"] is None
    # a worker has no dashboard at all
    worker = UserFactory(role=Role.GEZINSWERKER, team=team_b)
    assert api_for(worker).get("/api/v1/figures/" + PERIOD).status_code == 403
    client.force_login(worker)
    assert client.get("/cijfers/export/tables.csv" + PERIOD).status_code == 403


def _pdf_text(body: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)


def test_the_yearly_report_holds_the_headline_figures(client, counted, town):
    from doorbraak.privacy.models import AuditRecord

    adviser = UserFactory(role=Role.BELEIDSADVISEUR, organisation=town)
    client.force_login(adviser)
    html = client.get("/cijfers/" + PERIOD).content.decode()
    assert "/cijfers/jaarverslag/" in html
    response = client.get("/cijfers/jaarverslag/2025.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(_pdf_text(response.content).split())
    for expected in (
        "Cijfers 2025 · Gemeente Telstad",
        "Voorstellen 50",
        "Goedgekeurd 39",
        "Elders opgelost 10",
        "Tafelcasussen 60",
        "Doorbraken 89",
        "Slagingspercentage LET 100 %",
        "Uitbetaald € 900,00",
        "Verwachte vermeden kosten € 7.850,00",
        "afspraak met een partner",
    ):
        assert expected in text, expected
    assert "Huurachterstand" not in text and "Lindeboom" not in text
    assert AuditRecord.objects.filter(activity="jaarverslag-exporteren").count() == 1
    # the charts are drawn in colour (#01689b), not black: WeasyPrint ignores a page's CSS
    # for an SVG, so the bars carry presentation attributes (charts.PAINT)
    from pypdf import PdfReader

    drawn = "".join(
        page.get_contents().get_data().decode("latin-1")
        for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "0.003922 0.407843 0.607843 rg" in drawn


def test_only_the_municipality_gets_the_yearly_report(client, leader, counted):
    client.force_login(leader)
    assert "/cijfers/jaarverslag/" not in client.get("/cijfers/" + PERIOD).content.decode()
    assert client.get("/cijfers/jaarverslag/2025.pdf").status_code == 403
    projectleider = UserFactory(role=Role.PROJECTLEIDER)
    client.force_login(projectleider)
    assert client.get("/cijfers/jaarverslag/2025.pdf").status_code == 403
