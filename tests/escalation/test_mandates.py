"""Using a mandate (PRIO), scenario S11 and the refusals: through the service, the pages and
the API. A refusal changes nothing; the verzoeningsgesprek goes to the holder and nobody
else; a mandate outside its organisation, amount or period is refused in Dutch."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from doorbraak.accounts.models import Mandate, OrganisationKind
from doorbraak.cases.models import EntryKind, TimelineEntry
from doorbraak.escalation import mandate_services, rules
from doorbraak.escalation.models import ActionKind, FollowUpAction, MandateUse, Status
from doorbraak.privacy.models import AuditRecord, ProcessingRecord
from tests.escalation.conftest import escalate
from tests.factories import OrganisationFactory, api_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def municipality(db):
    return OrganisationFactory(name="Gemeente Teststad", kind=OrganisationKind.MUNICIPALITY)


def _mandate(holder, organisation, *, start=-30, end=300, amount="5000.00"):
    today = timezone.localdate()
    return Mandate.objects.create(
        holder=holder,
        organisation=organisation,
        scope="Afwijken van de regels voor opvang, over afdelingen heen",
        max_amount=None if amount is None else Decimal(amount),
        valid_from=today + datetime.timedelta(days=start),
        valid_until=None if end is None else today + datetime.timedelta(days=end),
        granted_by="College van B en W (test)",
    )


@pytest.fixture
def mandate(leader, municipality):
    return _mandate(leader, municipality)


S11 = {
    "overruled_department": "Maatschappelijke opvang (toegang)",
    "overruled_rule": "Geen toegang tot de opvang bij verwijtbaar gedrag in het verleden",
    "earlier_refusal": "Verzoek om de vader bij het gezin te laten wonen, afgewezen",
    "decision": "De vader mag bij het gezin in de opvang wonen",
    "reasons": "Nooit veroordeeld; het gezin heeft hem nodig; de kinderen zien hun vader",
}


def snapshot():
    return (
        list(MandateUse.objects.values()),
        list(FollowUpAction.objects.values()),
        TimelineEntry.objects.filter(kind=EntryKind.MANDATE).count(),
    )


def refused(call, field):
    before = snapshot()
    with pytest.raises(ValidationError) as error:
        call()
    assert snapshot() == before
    assert field in error.value.message_dict, error.value.message_dict
    return error.value.message_dict[field]


def use(actor, case, mandate, organisation, **changes):
    values = {**S11, "overruled_organisation": organisation}
    values.update(changes)
    return mandate_services.mandate_use(actor=actor, case=case, mandate=mandate, **values)


def test_s11_the_team_leader_overrules_the_refusal_and_owes_a_reconciliation_talk(
    client, worker_a, leader, case_a, mandate, municipality
):
    """S11 (seed 002, Rotterdam): mother and children in shelter, the father refused for past
    "verwijtbaar gedrag"; the team leader's mandate overrides the refusal; the decision
    records the mandate used; a verzoeningsgesprek with the overruled department follows."""
    client.force_login(worker_a)
    assert "Besluit met je mandaat" not in client.get(f"/casussen/{case_a.pk}/").text
    assert client.get(f"/escalaties/casus/{case_a.pk}/mandaat/").status_code == 403
    client.force_login(leader)
    case_page = client.get(f"/casussen/{case_a.pk}/")
    assert "Besluit met je mandaat" in case_page.text
    url = f"/escalaties/casus/{case_a.pk}/mandaat/"
    form = client.get(url)
    assert form.status_code == 200
    assert f'value="{mandate.pk}" selected' in form.text  # the only mandate is preselected
    assert f'value="{municipality.pk}" selected' in form.text
    empty = client.post(url, {"mandate": str(mandate.pk)})
    assert empty.status_code == 400 and "Niet opgeslagen" in empty.text
    assert "Schrijf op welke regel of welk beleid je opzij zet." in empty.text
    assert "Kies de organisatie van het besluit dat je overrulet." in empty.text
    assert not MandateUse.objects.exists()
    due = timezone.localdate() + datetime.timedelta(days=10)
    data = {
        "mandate": str(mandate.pk),
        "overruled_organisation": str(municipality.pk),
        "reconciliation_due": due.isoformat(),
        **S11,
    }
    response = client.post(url, data)
    recorded = MandateUse.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/mandaatgebruik/{recorded.pk}/"
    assert recorded.mandate == mandate and recorded.decided_by == leader
    talk = FollowUpAction.objects.get()
    assert talk.kind == ActionKind.RECONCILIATION and talk.owner == leader
    assert talk.due_date == due and talk.mandate_use == recorded
    assert "Maatschappelijke opvang (toegang) (Gemeente Teststad)" in talk.description
    entry = TimelineEntry.objects.get(case=case_a, kind=EntryKind.MANDATE)
    assert recorded.reference in entry.text and "verwijtbaar gedrag" in entry.text
    detail = client.get(response["Location"])
    assert "De vader mag bij het gezin in de opvang wonen" in detail.text
    assert talk.reference in detail.text
    assert talk.reference in client.get("/acties/").text
    assert talk.reference in client.get("/").text  # the leader's start page
    client.force_login(worker_a)
    assert talk.reference not in client.get("/acties/").text
    assert "Besloten met mandaat" in client.get(f"/casussen/{case_a.pk}/").text  # timeline
    assert AuditRecord.objects.filter(activity="mandaat-gebruiken", action="create").exists()
    assert ProcessingRecord.objects.filter(activity="mandaatgebruik-raadplegen").exists()


def test_a_mandate_outside_its_organisation_or_amount_is_refused(
    leader, case_a, mandate, corporation, municipality
):
    message = refused(lambda: use(leader, case_a, mandate, corporation), "overruled_organisation")
    assert message == [
        "Dit mandaat geldt niet voor deze organisatie: het overrulet alleen besluiten van "
        "Gemeente Teststad."
    ]
    above = refused(
        lambda: use(leader, case_a, mandate, municipality, amount=Decimal("5000.01")), "amount"
    )
    assert above == ["Dit mandaat gaat tot € 5.000,00."]
    assert use(leader, case_a, mandate, municipality, amount=Decimal("5000.00")).amount == 5000


def test_a_mandate_outside_its_period_or_of_someone_else_is_refused(
    leader, worker_a, case_a, municipality
):
    expired = _mandate(leader, municipality, start=-400, end=-1)
    assert refused(lambda: use(leader, case_a, expired, municipality), "mandate") == [
        "Dit mandaat is verlopen; het kan niet meer gebruikt worden."
    ]
    future = _mandate(leader, municipality, start=1, end=None)
    assert refused(lambda: use(leader, case_a, future, municipality), "mandate") == [
        "Dit mandaat geldt op deze datum nog niet."
    ]
    valid = _mandate(leader, municipality)
    assert refused(lambda: use(worker_a, case_a, valid, municipality), "mandate") == [
        "Alleen de houder van dit mandaat kan het gebruiken."
    ]
    past = timezone.localdate() - datetime.timedelta(days=1)
    assert refused(
        lambda: use(leader, case_a, valid, municipality, reconciliation_due=past),
        "reconciliation_due",
    ) == ["De datum mag niet in het verleden liggen."]


def test_an_expired_mandate_holder_is_told_why_on_the_page(client, leader, case_a, municipality):
    _mandate(leader, municipality, start=-400, end=-10)
    client.force_login(leader)
    assert "Besluit met je mandaat" not in client.get(f"/casussen/{case_a.pk}/").text
    page = client.get(f"/escalaties/casus/{case_a.pk}/mandaat/")
    assert page.status_code == 403 and "Je mandaat liep af op" in page.text


def test_a_mandate_use_solves_the_escalation_at_the_mandate_level(
    client, worker_a, leader, case_a, blocker, mandate, municipality
):
    escalation = escalate(worker_a, case_a, blocker, level=4, skip_reason="Spoed: ontruiming")
    assert escalation.current_level.kind == rules.MANDATE
    client.force_login(leader)
    page = client.get(f"/escalaties/{escalation.pk}/")
    assert f"/escalaties/casus/{case_a.pk}/mandaat/?escalatie={escalation.pk}" in page.text
    recorded = use(leader, case_a, mandate, municipality, escalation=escalation)
    escalation.refresh_from_db()
    assert escalation.status == Status.SOLVED and escalation.decided_by == leader
    assert escalation.reasons.startswith(f"Besloten met mandaat {recorded.reference}")
    again = refused(
        lambda: use(leader, case_a, mandate, municipality, escalation=escalation, decision="Ook"),
        "escalation",
    )
    assert again == ["Deze escalatie staat niet open bij deze casus."]


def test_a_double_click_records_one_decision(leader, case_a, mandate, municipality):
    first = use(leader, case_a, mandate, municipality)
    second = use(leader, case_a, mandate, municipality)
    assert first == second
    assert MandateUse.objects.count() == 1 and FollowUpAction.objects.count() == 1


def test_the_api_applies_the_same_rules_and_visibility(
    leader, worker_b, case_a, mandate, municipality, corporation
):
    api = api_for(leader)
    body = {
        "case": case_a.pk,
        "mandate": mandate.pk,
        "overruled_organisation": municipality.pk,
        **S11,
    }
    floaty = api.post("/api/v1/mandate-uses/", {**body, "amount": 12.5}, format="json")
    assert floaty.status_code == 400 and "amount" in floaty.json()
    wrong = api.post(
        "/api/v1/mandate-uses/", {**body, "overruled_organisation": corporation.pk}, format="json"
    )
    assert wrong.status_code == 400
    assert "overrulet alleen besluiten van Gemeente Teststad" in str(wrong.json())
    created = api.post("/api/v1/mandate-uses/", {**body, "amount": "250.00"}, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["amount"] == "250.00" and created.json()["reference"].startswith("M-")
    talk = api.get("/api/v1/follow-up-actions/").json()["results"]
    assert [(t["kind"], t["mandate_use"]) for t in talk] == [
        ("verzoeningsgesprek", created.json()["id"])
    ]
    assert api.get("/api/v1/mandate-uses/").json()["count"] == 1
    other = api_for(worker_b)
    assert other.get("/api/v1/mandate-uses/").json()["count"] == 0
    assert other.get(f"/api/v1/mandate-uses/{created.json()['id']}/").status_code == 404
    foreign = other.post("/api/v1/mandate-uses/", body, format="json")
    assert foreign.status_code == 400 and "case" in foreign.json()
