"""Adding rows never adds queries: each page and API list runs a fixed number of queries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doorbraak.cases import services
from doorbraak.proposals import lifecycle
from doorbraak.proposals.models import Category, LegalGround
from doorbraak.proposals.services import request_submit
from tests.factories import CaseFactory, OrganisationFactory, UserFactory
from tests.proposals.conftest import complete

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keep_terms_stay_cached(monkeypatch):
    """The anonymiser's keep terms are one query per minute (proposals/anonymised.py); a test
    that builds many rows on a busy machine can pass that minute between its two counts."""
    monkeypatch.setattr("doorbraak.proposals.anonymised.KEEP_TERMS_SECONDS", 10**9)


@pytest.fixture(autouse=True)
def _chain_head_exists(db):
    """On SQLite the first processing-log write of a fresh database also creates its chain's
    head row (privacy/services.py); on PostgreSQL that happens inside the one statement. The
    head exists in any database that has logged once, so every count starts from there."""
    from doorbraak.privacy.models import ChainHead

    ChainHead.objects.get_or_create(chain=0)


def add_cases(actor, n):
    org = OrganisationFactory(name="Dienst Toeslagen (test)", kind="belastingdienst-toeslagen")
    for _ in range(n):
        case = CaseFactory(actor=actor, members=3)
        blocker = services.blocker_add(
            actor=actor, case=case, organisation=org, rule="r", effect="e", life_domain="wonen"
        )
        services.note_add(actor=actor, case=case, text="notitie")
        add_request(actor, case, blocker)
    return case


def add_request(actor, case, blocker):
    values = complete()
    values["amount"] = Decimal(values["amount"])
    return request_submit(
        actor=actor,
        case=case,
        blockers=[blocker],
        category=Category.objects.get(key="wonen"),
        legal_ground=LegalGround.objects.first(),
        horizon_months=12,
        avoided=[{"figure": "huisuitzetting_direct", "quantity": "1", "probability": "0.3"}],
        **values,
    )


def count(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize(
    "url",
    [
        "/casussen/",
        "/casussen/?weergave=alle",
        "/api/v1/cases/",
        "/api/v1/households/",
        "/api/v1/blockers/",
    ],
)
def test_list_queries_do_not_grow_with_rows(client, worker_a, url):
    client.force_login(worker_a)
    add_cases(worker_a, 2)
    few = count(client, url)
    add_cases(worker_a, 6)
    assert count(client, url) == few


def test_case_page_queries_do_not_grow_with_its_contents(client, worker_a):
    client.force_login(worker_a)
    case = add_cases(worker_a, 1)
    few = count(client, reverse("cases:detail", args=[case.pk]))
    org = OrganisationFactory(name="UWV (test)", kind="uwv")
    for i in range(5):
        services.member_add(
            actor=worker_a, case=case, given_name=f"Extra{i}", household_role="kind"
        )
        services.blocker_add(
            actor=worker_a,
            case=case,
            organisation=org,
            rule=f"r{i}",
            effect="e",
            life_domain="financien",
        )
        services.note_add(actor=worker_a, case=case, text=f"n{i}")
    assert count(client, reverse("cases:detail", args=[case.pk])) == few


def test_request_page_queries_do_not_grow(client, worker_a):
    client.force_login(worker_a)
    case = add_cases(worker_a, 1)
    first = case.requests.get()
    few = count(client, reverse("proposals:detail", args=[first.pk]))
    org = OrganisationFactory(name="UWV (test)", kind="uwv")
    blockers = [
        services.blocker_add(
            actor=worker_a,
            case=case,
            organisation=org,
            rule=f"r{i}",
            effect="e",
            life_domain="inkomen-werk",
        )
        for i in range(4)
    ]
    for i in range(3):
        services.member_add(
            actor=worker_a, case=case, given_name=f"Extra{i}", household_role="kind"
        )
    bigger = add_request(worker_a, case, blockers[0])
    bigger.blockers.set(blockers)
    assert count(client, reverse("proposals:detail", args=[bigger.pk])) == few


def _fund_with_requests(team, actor, n, name):
    from tests.approvals.test_flow import submit
    from tests.funds.conftest import make_fund

    fund = make_fund(team, name=name, budget_cents=1_000_000)
    voters = [UserFactory(username=f"{name}-stemmer-{i}", team=team) for i in range(3)]
    for _ in range(n):
        request = submit(actor, fund, "100.00")
        for voter in voters:
            lifecycle.vote_cast(actor=voter, request=request, choice="ja")
    return fund, voters


@pytest.mark.parametrize(
    "url",
    [
        "/stemmen/",
        "/potjes/",
        "/api/v1/approvals/",
        "/api/v1/funds/",
        "/api/v1/payment-orders/",
        "/api/v1/payment-batches/",
    ],
)
def test_approval_and_fund_lists_do_not_grow(client, worker_a, team_a, url):
    from doorbraak.accounts.roles import Role

    leader = UserFactory(username="leider", role=Role.TEAMLEIDER, team=team_a)
    _fund_with_requests(team_a, worker_a, 1, "een")
    client.force_login(leader)
    few = count(client, url)
    _fund_with_requests(team_a, worker_a, 3, "twee")
    _fund_with_requests(team_a, worker_a, 2, "drie")
    assert count(client, url) == few


def _escalations(actor, leader, n):
    """n cases, each with a blocker escalated twice and an action for `actor`."""
    import datetime

    from django.utils import timezone

    from doorbraak.escalation import services as escalation

    org = OrganisationFactory(name="Corporatie (test)", kind="woningcorporatie")
    last = None
    for _ in range(n):
        case = CaseFactory(actor=actor, members=2)
        blocker = services.blocker_add(
            actor=actor, case=case, organisation=org, rule="r", effect="e", life_domain="wonen"
        )
        escalation.escalate(actor=actor, case=case, blocker=blocker, question="v", tried="t")
        last = escalation.escalate(
            actor=leader, case=case, blocker=blocker, question="v", tried="t"
        )
        for owner in (actor, leader):
            escalation.action_add(
                actor=leader,
                escalation=last,
                owner=owner,
                description="doen",
                due_date=timezone.localdate() + datetime.timedelta(days=1),
            )
    return last


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/acties/",
        "/api/v1/escalations/",
        "/api/v1/follow-up-actions/",
        "/api/v1/escalation-levels/",
    ],
)
def test_escalation_lists_do_not_grow(client, worker_a, team_a, url):
    from doorbraak.accounts.roles import Role

    leader = UserFactory(username="leider-esc", role=Role.TEAMLEIDER, team=team_a)
    _escalations(worker_a, leader, 1)
    client.force_login(leader)
    few = count(client, url)
    _escalations(worker_a, leader, 4)
    assert count(client, url) == few


def test_escalation_and_case_pages_do_not_grow(client, worker_a, team_a):
    from doorbraak.accounts.roles import Role
    from doorbraak.escalation import services as escalation

    leader = UserFactory(username="leider-esc", role=Role.TEAMLEIDER, team=team_a)
    last = _escalations(worker_a, leader, 1)
    client.force_login(worker_a)
    pages = [f"/escalaties/{last.pk}/", f"/casussen/{last.case_id}/"]
    few = [count(client, url) for url in pages]
    org = OrganisationFactory(name="UWV (test)", kind="uwv")
    for i in range(4):
        blocker = services.blocker_add(
            actor=worker_a,
            case=last.case,
            organisation=org,
            rule=f"r{i}",
            effect="e",
            life_domain="wonen",
        )
        escalation.escalate(
            actor=worker_a, case=last.case, blocker=blocker, question="v", tried="t"
        )
        escalation.action_add(
            actor=leader,
            escalation=last,
            owner=worker_a,
            description=f"a{i}",
            due_date=last.due_date,
        )
    assert [count(client, url) for url in pages] == few


def _spook_blockers(workers, organisation, n):
    from tests.learning.conftest import SPOOK, add

    for i in range(n):
        add(workers[i % len(workers)], organisation, SPOOK[i % len(SPOOK)])


@pytest.mark.parametrize(
    "url", ["/patronen/", "/patronen/?status=alle", "/signalen/", "/api/v1/patterns/", "/"]
)
def test_pattern_and_signal_lists_do_not_grow(client, url):
    from doorbraak.accounts.roles import Role
    from doorbraak.learning import services as learning
    from tests.factories import TeamFactory

    workers = [UserFactory(username=f"pw-{i}", team=TeamFactory()) for i in range(3)]
    adviser = UserFactory(username="adviseur-q", role=Role.BELEIDSADVISEUR)
    org = OrganisationFactory(name="Dienst Toeslagen (q)", kind="belastingdienst-toeslagen")
    other = OrganisationFactory(name="UWV (q)", kind="uwv")
    _spook_blockers(workers, org, 3)
    learning.signal_record(actor=workers[0], organisation=org, rule="r", effect="e")
    client.force_login(adviser)
    few = count(client, url)
    _spook_blockers(workers, org, 4)
    _spook_blockers(workers, other, 3)
    for i in range(3):
        learning.signal_record(actor=workers[i], organisation=other, rule=f"r{i}", effect="e")
    assert count(client, url) == few


def test_pattern_page_queries_do_not_grow(client):
    from doorbraak.accounts.roles import Role
    from doorbraak.learning.models import Pattern
    from tests.factories import TeamFactory

    workers = [UserFactory(username=f"pp-{i}", team=TeamFactory()) for i in range(3)]
    adviser = UserFactory(username="adviseur-p", role=Role.BELEIDSADVISEUR)
    org = OrganisationFactory(name="Dienst Toeslagen (p)", kind="belastingdienst-toeslagen")
    _spook_blockers(workers, org, 3)
    pattern = Pattern.objects.get()
    client.force_login(adviser)
    few = count(client, reverse("learning:pattern", args=[pattern.pk]))
    _spook_blockers(workers, org, 6)
    assert Pattern.objects.get().blocker_links.count() == 9
    assert count(client, reverse("learning:pattern", args=[pattern.pk])) == few


def test_vote_page_queries_do_not_grow_with_votes_or_approvers(client, worker_a, team_a):
    """The vote page (compiled reads: request, asked, votes, policy version, pool) runs the
    same queries for one vote as for two, and for three approvers as for eight."""
    from tests.approvals.test_flow import submit
    from tests.funds.conftest import make_fund

    fund = make_fund(team_a, name="Stempot", budget_cents=1_000_000)
    voters = [UserFactory(username=f"pool-{i}", team=team_a) for i in range(3)]
    few_request = submit(worker_a, fund, "700.00")
    lifecycle.vote_cast(actor=voters[1], request=few_request, choice="ja")
    client.force_login(voters[0])
    few = count(client, reverse("approvals:review", args=[few_request.pk]))
    voters += [UserFactory(username=f"pool-{i}", team=team_a) for i in range(3, 8)]
    many_request = submit(worker_a, fund, "700.00")
    for voter in voters[1:3]:  # two yes: still open (700 euro needs three)
        lifecycle.vote_cast(actor=voter, request=many_request, choice="ja")
    many_request.refresh_from_db()
    assert many_request.status == "ingediend"
    assert count(client, reverse("approvals:review", args=[many_request.pk])) == few


def test_notifications_page_does_not_grow(client, worker_a, team_a):
    fund, voters = _fund_with_requests(team_a, worker_a, 1, "meld")
    client.force_login(worker_a)
    few = count(client, "/meldingen/")
    _fund_with_requests(team_a, worker_a, 3, "meer")
    assert count(client, "/meldingen/") == few


def _let_submissions(n, regie, duo):
    """n cases at the LET level, submitted; every second one decided with its check due."""
    from doorbraak.accounts.roles import Role
    from doorbraak.let import rules as let_rules
    from doorbraak.let import services as let
    from tests.factories import TeamFactory
    from tests.let.conftest import to_let

    team = TeamFactory()
    worker = UserFactory(role=Role.GEZINSWERKER, team=team)
    leader = UserFactory(role=Role.TEAMLEIDER, team=team)
    for i in range(n):
        case = CaseFactory(actor=worker, members=2)
        blocker = services.blocker_add(
            actor=worker, case=case, organisation=duo, rule="r", effect="e", life_domain="wonen"
        )
        at_let = to_let(worker, leader, case, blocker)
        submission = let.submit(
            actor=worker, escalation=at_let, summary="s", question="q", organisations=[duo]
        )
        if i % 2:
            let.triage(actor=regie, submission=submission, outcome=let_rules.ACCEPTED)
            let.decide(
                actor=regie,
                submission=submission,
                organisation=duo,
                exception="x",
                legal_ground=let_rules.HARDSHIP,
                reasons="r",
            )
    return submission


@pytest.mark.parametrize(
    "url", ["/", "/let/", "/acties/", "/api/v1/let-submissions/", "/api/v1/mandate-uses/"]
)
def test_let_pages_do_not_grow(client, url):
    from doorbraak.accounts.roles import Role

    duo = OrganisationFactory(name="DUO (test)", kind="duo")
    regie = UserFactory(username="regie-q", role=Role.REGIEVOERDER)
    _let_submissions(2, regie, duo)
    client.force_login(regie)
    few = count(client, url)
    last = _let_submissions(5, regie, duo)
    assert count(client, url) == few
    detail = count(client, f"/let/{last.pk}/")
    assert count(client, f"/let/{last.pk - 1}/") == detail  # decided or not: the same


def _table_rows(member, worker, leader, table, n, meeting=None):
    """n more items at `table`: each its own case, request, meeting (or all on `meeting`), a
    consent for every other one, two commitments, and a further table the member sits at."""
    import datetime

    from django.utils import timezone

    from doorbraak.escalation import services as escalation
    from doorbraak.tables import services as tables
    from doorbraak.tables.models import TableMember
    from tests.tables.conftest import at_table, make_table, waiting_request

    today = timezone.localdate()
    for i in range(n):
        case = CaseFactory(actor=worker, members=2)
        item_escalation = at_table(worker, case, waiting_request(case, worker), leader)
        on = meeting or tables.meeting_plan(
            actor=member, table=table, date=today + datetime.timedelta(days=i)
        )
        tables.item_add(actor=member, meeting=on, escalation=item_escalation)
        for owner in (worker, leader):
            escalation.action_add(
                actor=leader,
                escalation=item_escalation,
                owner=owner,
                description="doen",
                due_date=today + datetime.timedelta(days=1),
            )
        if i % 2 == 0:
            tables.consent_record(
                actor=worker,
                case=case,
                member=case.household.members.first(),
                table=table,
                scope="identiteit",
                valid_from=today,
                valid_until=today + datetime.timedelta(days=30),
            )
        extra = make_table(table.route, name=f"Tafel {table.pk}-{i}", members=[member])
        TableMember.objects.create(table=extra, user=leader, organisation=member.organisation)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/tables/",
        "/api/v1/meetings/",
        "/api/v1/meetings/?table={table}",
        "/api/v1/agenda-items/",
        "/api/v1/agenda-items/?meeting={meeting}",
        "/api/v1/meetings/{meeting}/candidates/",
        "/tafels/",
    ],
)
def test_table_lists_do_not_grow(client, worker_a, team_a, url):
    from doorbraak.accounts.roles import Role
    from doorbraak.escalation.models import EscalationRoute
    from doorbraak.tables.models import Meeting
    from tests.tables.conftest import at_table, make_table, waiting_request

    leader = UserFactory(username="leider-tafel", role=Role.TEAMLEIDER, team=team_a)
    corporation = OrganisationFactory(name="Corporatie (q)", kind="woningcorporatie")
    member = UserFactory(username="tafel-q", role=Role.TAFELLID, organisation=corporation)
    route = EscalationRoute.objects.get(municipality__isnull=True)
    table = make_table(route, members=[member])
    _table_rows(member, worker_a, leader, table, 1)
    meeting = Meeting.objects.get()
    url = url.format(table=table.pk, meeting=meeting.pk)
    waiting = CaseFactory(actor=worker_a)  # an open escalation waiting for the agenda
    at_table(worker_a, waiting, waiting_request(waiting, worker_a), leader)
    client.force_login(member)
    client.get(url)  # warm the anonymiser's keep-terms cache
    few = count(client, url)
    _table_rows(member, worker_a, leader, table, 4, meeting if "meeting=" in url else None)
    for _ in range(3):
        waiting = CaseFactory(actor=worker_a)
        at_table(worker_a, waiting, waiting_request(waiting, worker_a), leader)
    assert count(client, url) == few


def test_mandate_pages_do_not_grow(client, worker_a, team_a):
    from doorbraak.accounts.models import Mandate
    from doorbraak.accounts.roles import Role
    from doorbraak.escalation import mandate_services

    leader = UserFactory(username="leider-m", role=Role.TEAMLEIDER, team=team_a)
    town = OrganisationFactory(name="Gemeente (test)", kind="gemeente")
    mandate = Mandate.objects.create(
        holder=leader,
        organisation=town,
        scope="s",
        max_amount=Decimal("5000"),
        valid_from="2000-01-01",
        granted_by="College (test)",
    )
    last = _escalations(worker_a, leader, 1)
    texts = {"overruled_rule": "r", "earlier_refusal": "e", "reasons": "w"}

    def use(n):
        return mandate_services.mandate_use(
            actor=leader,
            case=last.case,
            mandate=mandate,
            overruled_organisation=town,
            decision=f"besluit {n}",
            **texts,
        )

    first = use(0)
    client.force_login(leader)
    pages = [
        f"/mandaatgebruik/{first.pk}/",
        f"/escalaties/casus/{last.case_id}/mandaat/",
        "/api/v1/mandate-uses/",
    ]
    few = [count(client, url) for url in pages]
    for n in range(1, 5):
        use(n)
    _escalations(worker_a, leader, 2)
    assert [count(client, url) for url in pages] == few


def _worktables_with(adviser, pattern, org, n):
    """n more werktafels, each with a session more, an outcome and two solutions."""
    import datetime

    from django.utils import timezone

    from doorbraak.worktables import services as worktables

    today = timezone.localdate()
    for i in range(n):
        worktable = worktables.worktable_start(
            actor=adviser, pattern=pattern, title=f"W{i}", organisations=[org],
            departments=[f"Afdeling {i}"],
        )  # fmt: skip
        worktables.session_add(actor=adviser, worktable=worktable, date=today)
        worktables.outcome_add(actor=adviser, worktable=worktable, text=f"Uitkomst {i}")
        for kind in ("regelwijziging", "signaal-landelijk"):
            solution = worktables.solution_record(
                actor=adviser, worktable=worktable, title=f"S{i}", kind=kind, owner=adviser,
                proposed_on=today - datetime.timedelta(days=40),
            )  # fmt: skip
            worktables.solution_step(
                actor=adviser, solution=solution, status="afgesproken",
                on=today - datetime.timedelta(days=35),
            )  # fmt: skip
            worktables.solution_step(
                actor=adviser, solution=solution, status="ingevoerd",
                on=today - datetime.timedelta(days=34),
            )  # fmt: skip


def test_worktable_pages_do_not_grow():
    from doorbraak.accounts.roles import Role
    from doorbraak.learning.models import Pattern
    from doorbraak.worktables.models import StructuralSolution, WorkTable
    from tests.factories import TeamFactory

    workers = [UserFactory(username=f"wq-{i}", team=TeamFactory()) for i in range(3)]
    adviser = UserFactory(username="adviseur-w", role=Role.BELEIDSADVISEUR)
    regie = UserFactory(username="regie-w", role=Role.REGIEVOERDER)
    org = OrganisationFactory(name="Dienst Toeslagen (w)", kind="belastingdienst-toeslagen")
    _spook_blockers(workers, org, 3)
    pattern = Pattern.objects.get()
    _worktables_with(adviser, pattern, org, 1)
    worktable, solution = WorkTable.objects.get(), StructuralSolution.objects.first()

    def pages():
        from django.test import Client

        urls = [
            "/werktafels/",
            reverse("worktables:detail", args=[worktable.pk]),
            reverse("worktables:solution", args=[solution.pk]),
            "/api/v1/worktables/",
            "/api/v1/structural-solutions/",
            "/",
        ]
        client = Client()
        client.force_login(adviser)
        counts = [count(client, url) for url in urls]
        client.force_login(regie)
        return [*counts, count(client, "/")]

    few = pages()
    _worktables_with(adviser, pattern, org, 3)
    worktable.sessions.model.objects.create(
        worktable=worktable, number=9, date=worktable.sessions.first().date
    )
    _spook_blockers(workers, org, 6)  # more cases in the pattern (they join at once)
    from doorbraak.worktables.services import _link_cases

    solution.case_links.all().delete()
    _link_cases(solution)  # linked again: now to every case of the grown pattern
    assert solution.case_links.count() > 3
    assert pages() == few


def _generic_rows(workers, organisation, n):
    from tests.generic.conftest import blocker

    for i in range(n):
        blocker(workers[i % len(workers)], organisation)


@pytest.mark.parametrize(
    "who,url",
    [
        ("adviser", "/generiek-maatwerk/"),
        ("adviser", "/generiek-maatwerk/{pk}/"),
        ("belteam", "/generiek-maatwerk/{pk}/"),
        ("belteam", "/generiek-maatwerk/{pk}/?status=te-bellen"),
        ("worker", "/generiek-maatwerk/{pk}/"),
        ("belteam", "/generiek-maatwerk/{pk}/bellijst/{row}/"),
        ("adviser", "/api/v1/generic-decisions/"),
        ("belteam", "/api/v1/outreach-rows/?decision={pk}"),
        ("worker", "/api/v1/outreach-rows/"),
        ("adviser", "/"),
        ("belteam", "/"),
        ("worker", "/"),
    ],
)
def test_generic_pages_do_not_grow_with_households(client, who, url):
    """A generic decision's pages and API (generic/) run a fixed number of queries however
    many households are on the outreach list and however many attempts a row has."""
    from doorbraak.accounts.roles import Role
    from doorbraak.generic import services as generic
    from tests.factories import TeamFactory
    from tests.generic.conftest import values

    uwv = OrganisationFactory(name="UWV (g)", kind="uwv")
    team = TeamFactory()
    workers = [UserFactory(username=f"gw-{i}", team=team) for i in range(2)]
    people = {
        "adviser": UserFactory(username="adviseur-g", role=Role.BELEIDSADVISEUR),
        "belteam": UserFactory(username="belteam-g", role=Role.TAFELLID, organisation=uwv),
        "worker": workers[0],
    }
    _generic_rows(workers, uwv, 2)
    decision = generic.decision_create(actor=people["adviser"], **values(uwv))
    row = decision.outreach_rows.order_by("id").first()
    generic.attempt_record(actor=people["belteam"], row=row, outcome="geen-gehoor")
    url = url.format(pk=decision.pk, row=row.pk)
    client.force_login(people[who])
    few = count(client, url)
    _generic_rows(workers, uwv, 6)
    generic.decision_refresh(actor=people["adviser"], decision=decision)
    generic.attempt_record(actor=people["belteam"], row=row, outcome="geen-gehoor")
    for other in decision.outreach_rows.exclude(pk=row.pk)[:3]:
        generic.attempt_record(actor=people["belteam"], row=other, outcome="bereikt")
    assert decision.outreach_rows.count() == 8
    assert count(client, url) == few
    if url != "/":  # the start page grows only with its sections (tests/home/test_start.py)
        assert few <= GENERIC_QUERY_CEILING


#: The most queries a generic maatwerk page or API call may run (session, user, menu counts,
#: the decision, progress, the page of rows, their data subjects and the processing log).
GENERIC_QUERY_CEILING = 20


# Knowledge base (knowledge/) and hersteloperatie (recovery/).
def _articles(n, author):
    from doorbraak.knowledge import services as knowledge
    from doorbraak.proposals.models import Category, LegalGround

    category = Category.objects.get(key="wonen")
    grounds = list(LegalGround.objects.all()[:2])
    last = None
    for i in range(n):
        last = knowledge.article_save(
            actor=author,
            title=f"Huurtoeslag {i}",
            body=f"Over de huurtoeslag, stap {i}.",
            tags="huurtoeslag, wonen",
            categories=[category],
            legal_grounds=grounds,
        )
        last = knowledge.article_save(
            actor=author, article=last, title=last.title, body=last.body + "\nNog een stap."
        )
    return last


def test_knowledge_pages_do_not_grow(client, worker_a):
    from doorbraak.accounts.roles import Role

    author = UserFactory(username="auteur", role=Role.BELEIDSADVISEUR)
    client.force_login(worker_a)
    first = _articles(1, author)
    urls = [
        "/kennisbank/",
        "/kennisbank/?q=huurtoeslag",
        "/kennisbank/suggesties/?category=wonen",
        "/api/v1/articles/",
        "/api/v1/articles/?q=huurtoeslag",
    ]
    few = {url: count(client, url) for url in urls}
    detail = [
        reverse("knowledge:detail", args=[first.pk]),
        reverse("knowledge:history", args=[first.pk]),
        reverse("knowledge:version", args=[first.pk, 2]),
    ]
    few_detail = [count(client, url) for url in detail]
    _articles(4, author)
    from doorbraak.knowledge import services as knowledge

    for _ in range(3):
        first = knowledge.article_save(
            actor=author, article=first, title=first.title, body=first.body + "\nMeer."
        )
    assert {url: count(client, url) for url in urls} == few
    assert [count(client, url) for url in detail] == few_detail


def test_recovery_pages_do_not_grow(client, worker_a):
    import datetime

    from django.utils import timezone

    from doorbraak.privacy.services import Origin
    from doorbraak.recovery import services as recovery

    origin = Origin("0" * 32, "0" * 16, "", worker_a, "test")
    client.force_login(worker_a)
    case = CaseFactory(actor=worker_a, members=2)
    recovery.mark_record(
        actor=worker_a,
        origin=origin,
        case=case,
        source="uht",
        marked_on=timezone.localdate() - datetime.timedelta(days=1),
    )

    def debts(n, target):
        for i in range(n):
            recovery.debt_record(
                actor=worker_a,
                origin=origin,
                case=target,
                creditor=f"Schuldeiser {i}",
                amount=Decimal("10.00"),
                status="aangevraagd",
                status_date=timezone.localdate(),
            )

    debts(1, case)
    urls = [
        reverse("recovery:case", args=[case.pk]),
        reverse("recovery:summary", args=[case.pk]),
        "/api/v1/recovery-marks/",
        "/api/v1/forgiven-debts/",
    ]
    few = {url: count(client, url) for url in urls}
    debts(5, case)
    for _ in range(3):
        other = CaseFactory(actor=worker_a, members=3)
        recovery.mark_record(
            actor=worker_a,
            origin=origin,
            case=other,
            source="gemeente",
            marked_on=timezone.localdate(),
        )
        debts(2, other)
    assert {url: count(client, url) for url in urls} == few


def test_dashboard_sections_do_not_grow(client, worker_a, team_a, case_a):
    """/cijfers/ (and its API and exports) with every section: a fixed number of queries,
    whatever the number of table items, LET submissions, mandate uses, patterns, solutions,
    escalations and approved requests with a cost-benefit calculation."""
    from tests.reports import test_sections as sections

    town = sections.make_town(team_a)
    corporation = OrganisationFactory(name="Woningcorporatie (test)", kind="woningcorporatie")
    leader = UserFactory(role="teamleider", team=team_a)
    adviser = UserFactory(role="beleidsadviseur", organisation=town)
    urls = {
        # +1 indications/ (agreement rate), +1 earlysignals/ (funnel)
        "/cijfers/" + sections.PERIOD: {"leader": 19, "adviser": 19},  # +1 team filter
        # fund utilisation is one aggregate over the accounts' balances
        "/api/v1/figures/" + sections.PERIOD: {"leader": 12, "adviser": 12},
        "/cijfers/export/tables.csv" + sections.PERIOD: {"leader": 12, "adviser": 12},
    }

    def counts():
        found = {}
        for url in urls:
            for who, user in (("leader", leader), ("adviser", adviser)):
                client.force_login(user)
                found[(url, who)] = count(client, url)
        return found

    sections.fill(team_a, worker_a, case_a, town, corporation, n=1)
    few = counts()
    sections.fill(team_a, worker_a, case_a, town, corporation, n=3)
    assert counts() == few
    assert few == {(url, who): n for url, expected in urls.items() for who, n in expected.items()}


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("consultant", "/pauzes/"),
        ("consultant", "/pauzes/{pk}/"),
        ("colleague", "/pauzes/{pk}/"),
        ("consultant", "/casussen/{case}/"),
        ("consultant", "/api/v1/pauses/"),
        ("consultant", "/"),
        ("colleague", "/"),
        ("worker", "/consulten/"),
        ("worker", "/api/v1/consults/"),
    ],
)
def test_pause_and_consult_pages_do_not_grow(client, team_a, who, url):
    """Pauses and consults (pauses/, consults/): a fixed number of queries however many."""
    import datetime

    from django.utils import timezone

    from doorbraak.accounts.models import Organisation
    from doorbraak.accounts.roles import Role
    from doorbraak.consults.models import Consult
    from doorbraak.pauses import services as pauses

    town = Organisation.objects.create(name="Gemeente Q", kind="gemeente")
    worker = UserFactory(username="pq-worker", role=Role.BUURTTEAMMEDEWERKER, team=team_a)
    people = {
        "worker": worker,
        "consultant": UserFactory(username="pq-ic", role=Role.INKOMENSCONSULENT, organisation=town),
        "colleague": UserFactory(username="pq-ic2", role=Role.INKOMENSCONSULENT, organisation=town),
    }
    case = CaseFactory(actor=worker)
    services.access_grant(actor=worker, case=case, user=people["consultant"], reason="W&I")
    today = timezone.localdate()

    def add(n, weeks):
        made = []
        for _ in range(n):
            made.append(
                pauses.pause_start(
                    actor=people["consultant"],
                    case=case,
                    organisation=town,
                    measure="beeindiging",
                    benefit="Bijstand",
                    reason="Onderzoek",
                    starts_on=today,
                    weeks=weeks,
                    review_on=today,
                )
            )
            Consult.objects.create(
                created_by=worker,
                held_on=today - datetime.timedelta(days=1),
                expert="handhaving",
                topic="afspraken",
                situation="s",
                advice="a",
            )
        return made[0]

    first = add(1, 8)
    add(1, 20)
    url = url.format(pk=first.pk, case=case.pk)
    client.force_login(people[who])
    few = count(client, url)
    add(4, 8)
    add(3, 20)
    assert count(client, url) == few


def test_privacy_rights_and_access_review_pages_do_not_grow(client, worker_a, team_a):
    """The processing register, a person's processing history, the rights page and the access
    review: a fixed number of queries, whatever the number of log records, cases and people."""
    from doorbraak.accounts.roles import Role

    officer = UserFactory(role=Role.BEHEERDER, is_staff=True)
    leader = UserFactory(role=Role.TEAMLEIDER, team=team_a)
    case = CaseFactory(actor=worker_a, members=2)
    urls = [
        ("officer", "/privacy/verwerkingsregister/"),
        ("officer", f"/privacy/verwerkingsgeschiedenis/?case={case.pk}"),
        ("officer", "/rechten/"),
        ("leader", "/toegangscontrole/"),
    ]
    people = {"officer": officer, "leader": leader}

    def counts():
        found = {}
        for who, url in urls:
            client.force_login(people[who])
            found[(who, url)] = count(client, url)
        return found

    def look(n):
        client.force_login(worker_a)
        for _ in range(n):
            client.get(reverse("cases:detail", args=[case.pk]))

    look(1)
    few = counts()
    look(4)
    for _ in range(3):
        UserFactory(role=Role.GEZINSWERKER, team=team_a)
        CaseFactory(actor=worker_a, members=3)
    assert counts() == few


def test_budget_pages_do_not_grow(client, worker_a):
    """Budget check (budget/): the list, a check, a plan and the APIs run a fixed number of
    queries however many lines, debts, checks and plans there are."""
    from doorbraak.budget import services as budget
    from doorbraak.privacy.services import Origin

    origin = Origin("0" * 32, "0" * 16, "", worker_a, "test")
    client.force_login(worker_a)

    def make(lines):
        check = budget.check_create(
            actor=worker_a,
            origin=origin,
            case=CaseFactory(actor=worker_a, members=2),
            household_kind="alleenstaande",
            incomes=[{"kind": "loon", "amount": "2500.00"}] * lines,
            costs=[{"kind": "energie", "amount": "90.00"}] * lines,
            debts=[
                {"creditor": f"Schuldeiser {i}", "kind": "overig", "amount": "300.00"}
                for i in range(lines)
            ],
        )
        return check, budget.plan_propose(actor=worker_a, origin=origin, check=check, months=12)

    check, plan = make(1)
    urls = [
        reverse("budget:index"),
        reverse("budget:check", args=[check.pk]),
        reverse("budget:plan", args=[plan.pk]),
        reverse("budget:plan-csv", args=[plan.pk]),
        "/api/v1/budget-checks/",
        "/api/v1/payment-plans/",
        f"/api/v1/budget-checks/{check.pk}/",
    ]
    few = {url: count(client, url) for url in urls}
    for _ in range(3):
        make(4)
    budget.plan_propose(actor=worker_a, origin=origin, check=check, months=36)
    assert {url: count(client, url) for url in urls} == few


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("nurse", "/indicaties/"),
        ("consultant", "/indicaties/"),
        ("consultant", "/indicaties/{pk}/"),
        ("nurse", "/indicaties/{pk}/"),
        ("worker", "/casussen/{case}/"),
        ("consultant", "/api/v1/indications/"),
        ("nurse", "/"),
        ("consultant", "/"),
    ],
)
def test_indication_pages_do_not_grow(client, team_a, who, url):
    """Samen indiceren (indications/): a fixed number of queries however many indications."""
    from doorbraak.accounts.models import Neighbourhood, Organisation
    from doorbraak.accounts.roles import Role
    from tests.indications.conftest import write

    town = Organisation.objects.create(name="Gemeente I", kind="gemeente")
    team_a.neighbourhood = Neighbourhood.objects.create(name="Wijk I", municipality=town)
    team_a.save()
    worker = UserFactory(username="iq-worker", role=Role.BUURTTEAMMEDEWERKER, team=team_a)
    people = {
        "worker": worker,
        "nurse": UserFactory(username="iq-nurse", role=Role.ADVISEUR),
        "consultant": UserFactory(username="iq-wmo", role=Role.WMO_CONSULENT, organisation=town),
    }
    case = CaseFactory(actor=worker)
    services.access_grant(actor=worker, case=case, user=people["nurse"], reason="Wijkverpleging")
    first = write(people["nurse"], case)
    url = url.format(pk=first.pk, case=case.pk)
    client.force_login(people[who])
    count(client, url)  # the first processing-log record starts the chain
    few = count(client, url)
    for _ in range(3):
        write(people["nurse"], case)
        other = CaseFactory(actor=worker, members=2)
        services.access_grant(actor=worker, case=other, user=people["nurse"], reason="Wijk")
        write(people["nurse"], other)
    assert count(client, url) == few


@pytest.mark.parametrize(
    "url", ["/ambassadeurs/", "/ambassadeurs/?q=wonen", "/api/v1/ambassadors/", "blocker"]
)
def test_ambassador_pages_do_not_grow(client, worker_a, case_a, url):
    """The ambassadors directory and "Wie kan hier helpen?" on the blocker page (ambassadors/):
    a fixed number of queries however many ambassadors."""
    from doorbraak.accounts.roles import Role
    from doorbraak.ambassadors import services as ambassadors

    town = OrganisationFactory(name="Gemeente QA", kind="gemeente")
    adviser = UserFactory(username="qa-adviseur", role=Role.BELEIDSADVISEUR)
    blocker = services.blocker_add(
        actor=worker_a,
        case=case_a,
        organisation=town,
        rule="Regel",
        effect="Effect",
        life_domain="wonen",
    )
    if url == "blocker":
        url = reverse("cases:blocker-resolve", args=[case_a.pk, blocker.pk])

    def add(n):
        for _ in range(n):
            ambassadors.ambassador_save(
                actor=adviser,
                name=f"Ambassadeur {add.n}",
                kind="maatwerkambassadeur",
                organisation=town,
                topics="wonen, schulden",
                work_email=f"a{add.n}@gemeente.example",
            )
            add.n += 1

    add.n = 0
    add(1)
    client.force_login(worker_a)
    few = count(client, url)
    add(5)
    assert count(client, url) == few


@pytest.mark.parametrize("kind", ["board", "board-poll", "phone"])
def test_game_pages_do_not_grow(client, worker_a, case_a, kind):
    """The Op Maat game (game/): the board, its poll and a phone page run a fixed number of
    queries however many rolls and cards."""
    from doorbraak.accounts.roles import Role
    from doorbraak.game import services as game
    from doorbraak.game.models import Session, TrainingCase

    lead = UserFactory(username="qg-lead", role=Role.TEAMLEIDER)
    players = [UserFactory(username=f"qg-{i}") for i in range(4)]
    session = Session.objects.create(title="Q", facilitator=lead, stage="bord")
    from doorbraak.game.models import Player, Team

    for n in range(2):
        team = Team.objects.create(session=session, number=n + 1, name=f"Team {n + 1}", secret=n)
        for user in players[2 * n : 2 * n + 2]:
            Player.objects.create(session=session, team=team, user=user)
    TrainingCase.objects.create(session=session, number=1, text="t", category="c", amount=1)
    url = {
        "board": f"/spel/{session.pk}/bord/",
        "board-poll": f"/spel/{session.pk}/bord/stand/?versie=x",
        "phone": f"/spel/{session.pk}/",
    }[kind]

    def rolls(n):
        for i in range(n):
            who = players[0] if Session.objects.get(pk=session.pk).turn == 0 else players[2]
            game.die_roll(actor=who, session=session, die=3 if i % 2 else 4)

    rolls(2)
    client.force_login(players[0])
    few = count(client, url)
    rolls(6)
    assert count(client, url) == few


@pytest.mark.parametrize(
    "url",
    [
        "/vroegsignalen/",
        "/vroegsignalen/{pk}/",
        "/api/v1/early-signals/",
        "/api/v1/early-signals/{pk}/",
        "/api/v1/early-signals/funnel/",
        "/",
    ],
)
def test_earlysignals_pages_do_not_grow(client, url):
    """Vroegsignalering (earlysignals/): a fixed number of queries however many signals,
    months and steps."""
    from doorbraak.accounts.models import Neighbourhood, Organisation
    from doorbraak.accounts.roles import Role
    from doorbraak.earlysignals import services as early
    from doorbraak.earlysignals import workflow
    from tests.earlysignals.conftest import GOOD, csv_bytes
    from tests.factories import TeamFactory

    town = Organisation.objects.create(name="Gemeente VS", kind="gemeente")
    team = TeamFactory(neighbourhood=Neighbourhood.objects.create(municipality=town, name="W"))
    leader = UserFactory(username="vs-leader", role=Role.TEAMLEIDER, team=team)
    worker = UserFactory(username="vs-worker", role=Role.BUURTTEAMMEDEWERKER, team=team)

    def add(n, offset):
        lines = [
            GOOD[i % 3]
            .replace("Anouk", f"Anouk{offset + i}")
            .replace("Bram", f"Bram{offset + i}")
            .replace("Chantal", f"Chantal{offset + i}")
            for i in range(n)
        ]
        early.signals_import(actor=leader, file=csv_bytes(*lines))
        for signal in early.Signal.objects.filter(status="ontvangen").order_by("pk")[: n // 2]:
            early.signal_step(actor=worker, signal=signal, status="benaderd", method="brief")
            early.signal_step(actor=worker, signal=signal, status=workflow.REACHED)

    add(3, 0)
    first = early.Signal.objects.order_by("pk").first()
    url = url.format(pk=first.pk)
    client.force_login(worker)
    count(client, url)  # the first request after a login also writes the session's activity
    few = count(client, url)
    add(12, 100)
    assert count(client, url) == few
