"""Demo data for VerhuisboxPlus (synthetic, seed 002 "Elders onder dak"): a programme fund and
four households of demo-gezinswerker, one at each stage: just registered (the advice
conversation is next), searching on two housing sites, housed with the hand-over and the extra
month of bijstand, and one stopped. Every write goes through verhuisbox.services."""

import datetime
from decimal import Decimal

from django.utils import timezone

from doorbraak.approvals.models import ApprovalPolicy
from doorbraak.cases import services as cases
from doorbraak.cases.models import LifeDomain
from doorbraak.funds import services as fund_services
from doorbraak.funds.models import Fund
from doorbraak.verhuisbox import services
from doorbraak.verhuisbox.models import CostKind, StopReason

PROGRAMME = "VerhuisboxPlus"


def _case(worker, household, given, family, question):
    return cases.case_open(
        actor=worker,
        household_name=household,
        given_name=given,
        family_name=family,
        birth_year=1988,
        question=question,
        life_domains=[LifeDomain.HOUSING],
    )


def _register(worker, fund, case, registered_on):
    return services.trajectory_register(
        actor=worker,
        case=case,
        fund=fund,
        registered_on=registered_on,
        no_heavy_addiction=True,
        no_large_debts=True,
        landlord_statement=True,
    )


def _advice(worker, trajectory, on, regions):
    return services.advice_record(
        actor=worker,
        trajectory=trajectory,
        advice_on=on,
        goals="Een eigen woning met een vaste plek voor de kinderen; werk of een leerwerktraject.",
        regions=regions,
        voluntary_discussed=True,
    )


def add_demo_verhuisbox(users) -> dict[str, int]:
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    worker = users["demo-gezinswerker"]
    fund = fund_services.fund_open(
        Fund(
            name="VerhuisboxPlus: kosten in natura",
            programme=PROGRAMME,
            total_budget=Decimal("60000.00"),
            period_start=today - 366 * day,
            period_end=today + 365 * day,
            debtor_name="Gemeente Voorbeeldstad (demo)",
            approval_policy=ApprovalPolicy.objects.order_by("pk").first(),
        )
    )
    _register(
        worker,
        fund,
        _case(worker, "Huishouden Dijkstra", "Sanne", "Dijkstra", "Na scheiding in de noodopvang."),
        today - 3 * day,
    )
    searching = _register(
        worker,
        fund,
        _case(worker, "Huishouden Bakker", "Ruben", "Bakker", "Bankhoppen sinds een half jaar."),
        today - 40 * day,
    )
    _advice(worker, searching, today - 35 * day, "Zeeland, Groningen; liever niet te afgelegen.")
    for name, fee, ago in (
        ("WoonZeeland (demo)", "30.00", 33),
        ("Woonnet Noord (demo)", "25.00", 30),
    ):
        services.site_add(
            actor=worker,
            trajectory=searching,
            name=name,
            fee=Decimal(fee),
            registered_on=today - ago * day,
        )
    services.cost_add(
        actor=worker,
        trajectory=searching,
        kind=CostKind.TRAIN,
        amount=Decimal("48.60"),
        supplier="NS (demo)",
        paid_on=today - 12 * day,
    )
    housed = _register(
        worker,
        fund,
        _case(
            worker, "Huishouden Pinas", "Mirella", "Pinas", "Moeder met drie kinderen in de opvang."
        ),
        today - 120 * day,
    )
    _advice(worker, housed, today - 115 * day, "Zeeland, Drenthe.")
    services.site_add(
        actor=worker,
        trajectory=housed,
        name="WoonZeeland (demo)",
        fee=Decimal("30.00"),
        registered_on=today - 110 * day,
    )
    services.trajectory_housed(actor=worker, trajectory=housed, housed_on=today - 16 * day)
    for kind, amount, supplier in (
        (CostKind.RENT, "712.40", "Woningcorporatie Zeeuws Dorp (demo)"),
        (CostKind.FURNISHING, "1150.00", "Kringloop Zeeland (demo)"),
    ):
        services.cost_add(
            actor=worker,
            trajectory=housed,
            kind=kind,
            amount=Decimal(amount),
            supplier=supplier,
            paid_on=today - 15 * day,
        )
    services.handover_record(
        actor=worker,
        trajectory=housed,
        municipality="Gemeente Zeeuws Dorp (demo)",
        contact_person="M. de Wit, Wmo-consulent (demo)",
        shared="Gezin met drie kinderen; lichte ondersteuning bij de administratie gewenst.",
        consent_by="De bewoner, mondeling bij de overdracht",
        handover_on=today - 14 * day,
    )
    services.bijstand_extend(actor=worker, trajectory=housed, due_date=today + 14 * day)
    stopped = _register(
        worker,
        fund,
        _case(worker, "Huishouden Verbeek", "Jeroen", "Verbeek", "Dakloos na ontruiming."),
        today - 60 * day,
    )
    _advice(worker, stopped, today - 55 * day, "Alleen regio Voorbeeldstad.")
    services.trajectory_stop(
        actor=worker,
        trajectory=stopped,
        reason=StopReason.OWN_CHOICE,
        note="Wil in de regio blijven; zoekt verder via de reguliere weg.",
        ended_on=today - 20 * day,
    )
    return {"verhuisbox_trajectories": 4}
