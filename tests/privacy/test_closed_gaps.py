"""Payment orders hold a creditor, an IBAN and a remittance about the household the request is
for (issue 16 item 1): every page, API answer, admin page and file that shows them writes one
processing record per member of the households of the orders shown — and none for anybody
else. The pages that show only a fund's amounts and its batches' numbers show none of it.

The other reads closed in the same round are checked on the orders' households here too: the
meeting's candidates for the agenda, the pauses list, the request's closing forms and the
consent admin (tests/privacy/test_log_coverage.py walks them all on the demo city)."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from doorbraak.accounts.roles import Role
from doorbraak.cases.models import Member
from doorbraak.funds.models import PaymentBatch, PaymentOrder
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import AuditRecord, Outcome, ProcessingRecord
from doorbraak.privacy.services import subject_pseudonym
from doorbraak.proposals import lifecycle
from tests.approvals.test_flow import submit
from tests.factories import CaseFactory, UserFactory, api_for
from tests.funds.conftest import make_fund
from tests.funds.test_payment_handlers import DEBTOR

pytestmark = pytest.mark.django_db


def _administrator(username):
    """A functional administrator with the admin's view rights on orders, batches, consents."""
    user = UserFactory(username=username, role=Role.BEHEERDER, is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=["view_paymentorder", "view_paymentbatch", "view_consent"]
        )
    )
    return user


def _pseudonyms(*cases) -> set[str]:
    return {
        subject_pseudonym(s)
        for s in Member.objects.filter(household__cases__in=cases).values_list(
            "subject_id", flat=True
        )
    }


class Log:
    """The processing records written since it was made."""

    def __init__(self):
        self.last = ProcessingRecord.objects.order_by("-pk").values_list("pk", flat=True).first()

    def records(self, activity):
        return ProcessingRecord.objects.filter(pk__gt=self.last or 0, activity=activity)

    def subjects(self, activity) -> set[str]:
        return set(self.records(activity).values_list("data_subject", flat=True))

    def all(self):
        return ProcessingRecord.objects.filter(pk__gt=self.last or 0)


@pytest.fixture
def money(team_a, worker_a):
    """Two households paid from the team's fund (in one batch), one with a request not yet
    approved (no order) and an order of another team's fund: only the first two are shown."""
    fund = make_fund(team_a, name="Minimaatwerkbudget A", debtor_iban=DEBTOR)
    leader = UserFactory(username="leider-betaal", role=Role.TEAMLEIDER, team=team_a)
    voters = [UserFactory(team=team_a) for _ in range(3)]
    paid = [CaseFactory(actor=worker_a, members=3), CaseFactory(actor=worker_a, members=2)]
    for case in paid:
        request = submit(worker_a, fund, "120.00", case=case)
        for voter in voters:
            lifecycle.vote_cast(actor=voter, request=request, choice="ja")
    waiting = CaseFactory(actor=worker_a, members=2)
    submit(worker_a, fund, "80.00", case=waiting)
    batch = lifecycle.batch_create(fund=fund, actor=leader)
    return fund, leader, paid, waiting, batch


def test_the_batch_file_logs_every_orders_household_and_nobody_else(client, money):
    fund, leader, paid, _waiting, batch = money
    client.force_login(leader)
    for kind in ("xml", "csv"):
        log = Log()
        response = client.get(reverse("funds:batch-file", args=[batch.pk, kind]))
        assert response.status_code == 200
        assert log.subjects(Activity.PAYMENT_EXPORT) == _pseudonyms(*paid)
        assert log.records(Activity.PAYMENT_EXPORT).count() == 5  # 3 + 2 members
        audit = AuditRecord.objects.filter(activity=Activity.PAYMENT_EXPORT).latest("pk")
        assert (audit.actor, audit.action, audit.object_id) == (leader, "export", str(batch.pk))


@pytest.mark.parametrize("suffix", ["", ".json"])
def test_the_api_lists_and_details_log_the_orders_households(money, suffix):
    _fund, leader, paid, _waiting, batch = money
    api = api_for(leader)
    order = PaymentOrder.objects.filter(request__case=paid[1]).get()
    for url, shown in (
        (f"/api/v1/payment-orders{suffix or '/'}", paid),
        (f"/api/v1/payment-orders/{order.pk}{suffix or '/'}", [paid[1]]),
        (f"/api/v1/payment-batches{suffix or '/'}", paid),
        (f"/api/v1/payment-batches/{batch.pk}{suffix or '/'}", paid),
        (f"/api/v1/payment-batches/{batch.pk}/csv{suffix or '/'}", paid),
        (f"/api/v1/payment-batches/{batch.pk}/pain001{suffix or '/'}", paid),
    ):
        log = Log()
        assert api.get(url).status_code == 200, url
        assert log.subjects(Activity.API_PAYMENTS) == _pseudonyms(*shown), url


def test_an_order_of_a_fund_one_does_not_handle_is_refused_and_logged(money, team_b):
    _fund, _leader, _paid, _waiting, batch = money
    other = UserFactory(username="leider-b", role=Role.TEAMLEIDER, team=team_b)
    log = Log()
    assert api_for(other).get(f"/api/v1/payment-batches/{batch.pk}/").status_code == 404
    assert not log.all().exists()
    audit = AuditRecord.objects.filter(activity=Activity.API_PAYMENTS).latest("pk")
    assert (audit.result, audit.object_id, audit.actor) == (Outcome.DENIED, str(batch.pk), other)


def test_making_paying_and_cancelling_batches_log_their_orders(client, money, worker_a):
    fund, leader, paid, waiting, batch = money
    client.force_login(leader)
    log = Log()
    assert (
        client.post(reverse("funds:batch-cancel", args=[batch.pk]), {"reason": "fout"}).status_code
        == 302
    )
    assert log.subjects(Activity.PAYMENT_RECORD) == _pseudonyms(*paid)
    log = Log()
    assert client.post(reverse("funds:batch-new", args=[fund.pk])).status_code == 302
    new = PaymentBatch.objects.latest("pk")
    assert log.subjects(Activity.PAYMENT_RECORD) == _pseudonyms(*paid)
    log = Log()
    response = api_for(leader).post(f"/api/v1/payment-batches/{new.pk}/mark-paid/")
    assert response.status_code == 200
    assert log.subjects(Activity.API_PAYMENTS) == _pseudonyms(*paid)
    assert waiting.pk not in {o.request.case_id for o in PaymentOrder.objects.all()}


def test_the_pages_without_orders_show_no_creditor_iban_or_remittance(client, money):
    """funds:detail, the cancel page and the batch admin are in NO_PERSONAL_DATA of the
    coverage test: they must stay without the orders' details."""
    fund, leader, _paid, _waiting, batch = money
    PaymentBatch.objects.filter(pk=batch.pk).update(cancel_reason="")
    secrets = set()
    for order in PaymentOrder.objects.all():
        secrets |= {order.creditor_name, order.creditor_iban, order.remittance}
    client.force_login(leader)
    pages = [
        reverse("funds:detail", args=[fund.pk]),
        reverse("funds:batch-cancel", args=[batch.pk]),
    ]
    admin = _administrator("beheer-betaal")
    admin_pages = [
        reverse("admin:funds_paymentbatch_changelist"),
        reverse("admin:funds_paymentbatch_change", args=[batch.pk]),
        reverse("admin:funds_paymentbatch_history", args=[batch.pk]),
    ]
    for who, urls in ((leader, pages), (admin, admin_pages)):
        client.force_login(who)
        for url in urls:
            log = Log()
            response = client.get(url)
            assert response.status_code == 200, url
            page = response.content.decode()
            assert not [s for s in secrets if s and s in page], url
            assert not log.all().exists(), url


def test_the_admins_order_pages_log_the_households_shown(client, money):
    _fund, _leader, paid, _waiting, _batch = money
    admin = _administrator("beheer-betaal")
    client.force_login(admin)
    order = PaymentOrder.objects.filter(request__case=paid[0]).get()
    for url, shown in (
        (reverse("admin:funds_paymentorder_changelist"), paid),
        (reverse("admin:funds_paymentorder_change", args=[order.pk]), [paid[0]]),
        (reverse("admin:funds_paymentorder_history", args=[order.pk]), [paid[0]]),
    ):
        log = Log()
        assert client.get(url).status_code == 200, url
        assert log.subjects(Activity.PAYMENT_VIEW) == _pseudonyms(*shown), url


def test_the_closing_forms_log_the_read_of_the_request(client, worker_a, team_a):
    fund = make_fund(team_a)
    case = CaseFactory(actor=worker_a, members=2)
    request = submit(worker_a, fund, "50.00", case=case)
    client.force_login(worker_a)
    for name in ("proposals:withdraw", "proposals:solved-otherwise"):
        log = Log()
        assert client.get(reverse(name, args=[request.pk])).status_code == 200
        assert log.subjects(Activity.REQUEST_VIEW) == _pseudonyms(case), name


def test_the_pauses_list_logs_the_households_of_the_pauses_shown(client, team_a, worker_a):
    from doorbraak.accounts.models import Organisation
    from doorbraak.cases import services as case_services
    from doorbraak.pauses import services as pauses

    town = Organisation.objects.create(name="Gemeente P", kind="gemeente")
    consultant = UserFactory(username="ic-p", role=Role.INKOMENSCONSULENT, organisation=town)
    paused, unpaused = CaseFactory(actor=worker_a, members=2), CaseFactory(actor=worker_a)
    for case in (paused, unpaused):
        case_services.access_grant(actor=worker_a, case=case, user=consultant, reason="W&I")
    pauses.pause_start(
        actor=consultant,
        case=paused,
        organisation=town,
        measure="beeindiging",
        benefit="Bijstand",
        reason="Onderzoek",
        starts_on=timezone.localdate(),
        weeks=8,
        review_on=timezone.localdate(),
    )
    client.force_login(consultant)
    log = Log()
    assert client.get(reverse("pauses:list")).status_code == 200
    assert log.subjects(Activity.PAUSE_VIEW) == _pseudonyms(paused)


def test_the_consent_admin_logs_the_households_consent(client, worker_a, team_a):
    from doorbraak.escalation.models import EscalationRoute
    from doorbraak.tables import services as tables
    from tests.tables.conftest import make_table

    table = make_table(EscalationRoute.objects.get(municipality__isnull=True), members=[])
    case, other = CaseFactory(actor=worker_a, members=3), CaseFactory(actor=worker_a)
    today = timezone.localdate()
    consent = tables.consent_record(
        actor=worker_a,
        case=case,
        member=case.household.members.first(),
        table=table,
        scope="identiteit",
        valid_from=today,
        valid_until=today + datetime.timedelta(days=30),
    )
    admin = _administrator("beheer-toestemming")
    client.force_login(admin)
    for url in (
        reverse("admin:tables_consent_changelist"),
        reverse("admin:tables_consent_change", args=[consent.pk]),
        reverse("admin:tables_consent_history", args=[consent.pk]),
    ):
        log = Log()
        assert client.get(url).status_code == 200, url
        assert log.subjects(Activity.CONSENT_VIEW) == _pseudonyms(case), url
    assert not _pseudonyms(other) & _pseudonyms(case)


def test_the_meetings_candidates_log(client, worker_a, team_a):
    """The escalations a meeting's agenda could take, over the API and in the meeting page's
    form: each logged per member of its case's household; those on the agenda already are the
    agenda's (they log as agenda items), other tables' escalations are not shown."""
    from doorbraak.accounts.models import Organisation
    from doorbraak.escalation.models import EscalationRoute
    from doorbraak.tables import services as tables
    from tests.tables.conftest import at_table, make_table, waiting_request

    corporation = Organisation.objects.create(name="Corporatie K", kind="woningcorporatie")
    member = UserFactory(username="tafel-k", role=Role.TAFELLID, organisation=corporation)
    leader = UserFactory(username="leider-k", role=Role.TEAMLEIDER, team=team_a)
    route = EscalationRoute.objects.get(municipality__isnull=True)
    table = make_table(route, members=[member])
    meeting = tables.meeting_plan(actor=member, table=table, date=timezone.localdate())
    waiting = [CaseFactory(actor=worker_a, members=2), CaseFactory(actor=worker_a, members=3)]
    for case in waiting:
        at_table(worker_a, case, waiting_request(case, worker_a), leader)
    on_agenda = CaseFactory(actor=worker_a, members=2)
    tables.item_add(
        actor=member,
        meeting=meeting,
        escalation=at_table(worker_a, on_agenda, waiting_request(on_agenda, worker_a), leader),
    )
    elsewhere = CaseFactory(actor=worker_a)  # escalated to the casusoverleg only
    from doorbraak.escalation import services as escalation_services

    escalation_services.escalate(
        actor=worker_a,
        case=elsewhere,
        request=waiting_request(elsewhere, worker_a),
        question="v",
        tried="t",
    )
    for suffix in ("/", ".json"):
        log = Log()
        response = api_for(member).get(f"/api/v1/meetings/{meeting.pk}/candidates{suffix}")
        assert response.status_code == 200
        assert len(response.json()) == 2
        assert log.subjects(Activity.API_TABLES) == _pseudonyms(*waiting)
    client.force_login(member)
    log = Log()
    assert client.get(reverse("tables:meeting", args=[meeting.pk])).status_code == 200
    assert log.subjects(Activity.TABLE_VIEW) == _pseudonyms(*waiting, on_agenda)
