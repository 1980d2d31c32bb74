"""Demo data for the hersteloperatie (synthetic): the demo's gedupeerde parent is marked
(source UHT), has three debts per creditor and a fresh-start plan; the Toeslagenherstelpotje
is the hersteloperatie's fund; her washing machine request (submitted after another
household's request) comes first with "prioriteit" in demo-teamleider's and
demo-inkomensconsulent's inboxes."""

import datetime
from decimal import Decimal

from django.utils import timezone

from doorbraak.cases.models import Case
from doorbraak.funds.models import Fund
from doorbraak.privacy.services import Origin
from doorbraak.proposals import services as proposals
from doorbraak.proposals.models import Category, LegalGround
from doorbraak.recovery import services
from doorbraak.recovery.models import RecoveryFund

from .requests import demo_iban


def _origin(user) -> Origin:
    return Origin(trace_id="0" * 32, span_id="0" * 16, parent_span_id="", actor=user, origin="demo")


def add_demo_recovery() -> dict:
    today = timezone.localdate()
    herstel = Fund.objects.filter(name="Toeslagenherstelpotje").first()
    if herstel is not None:
        RecoveryFund.objects.get_or_create(fund=herstel)
    case = (
        Case.objects.filter(question__contains="hersteloperatie", status="open")
        .select_related("key_worker", "household")
        .order_by("pk")
        .first()
    )
    if case is None:
        return {"recovery_marks": 0}
    worker = case.key_worker
    origin = _origin(worker)
    services.mark_record(
        actor=worker,
        origin=origin,
        case=case,
        source="uht",
        marked_on=today - datetime.timedelta(days=140),
    )
    for creditor, amount, status, days in [
        ("Gemeente Voorbeeldstad, belastingen (demo)", "1240.00", "kwijtgescholden", 60),
        ("Woningcorporatie Thuis (demo), huurachterstand", "2310.50", "toegezegd", 20),
        ("CJIB (demo), verhogingen oude boete", "486.00", "aangevraagd", 5),
    ]:
        services.debt_record(
            actor=worker,
            origin=origin,
            case=case,
            creditor=creditor,
            amount=Decimal(amount),
            status=status,
            status_date=today - datetime.timedelta(days=days),
        )
    services.plan_apply(
        actor=worker,
        origin=origin,
        case=case,
        goal="Een nieuwe start: de opleiding tot pedagogisch medewerker afmaken en rust in de "
        "financiën.",
        own_contribution="Schrijft zich opnieuw in bij het mbo; houdt de post bij met haar moeder.",
        answers={
            "financien": "Gemeentelijke schulden kwijtschelden; huurachterstand via de "
            "corporatie regelen.",
            "wonen": "Achterstallig onderhoud melden bij de corporatie; geen urgentie voor een "
            "flat.",
            "inkomen-werk": "Opleidingskosten uit het toeslagenherstelpotje.",
            "gezondheid": "Huisarts en POH-ggz voor de spanning van de afgelopen jaren.",
            "sociaal-netwerk": "Laptops voor de kinderen; oma helpt met de opvang.",
        },
    )
    made = 0
    if herstel is not None:
        # Another household's request first (older), on the youth fund whose group shares
        # approvers with the herstelpotje's (the herstelpotje itself pays only for marked
        # households), so the priority is visible in the order of their inbox.
        youth = Fund.objects.filter(name="Maatwerkpotje dakloze jongeren").first()
        other = (
            Case.objects.filter(team=case.team, status="open", blockers__status="open")
            .exclude(household=case.household)
            .order_by("pk")
            .first()
        )
        for target, fund, solution, amount, n in [
            (other, youth, "Stapelbed voor de twee jongste kinderen.", "240.00", 90),
            (case, herstel, "Wasmachine, rechtstreeks betaald aan de winkel.", "600.00", 91),
        ]:
            if target is None or fund is None:
                continue
            blocker = target.blockers.filter(status="open").order_by("pk").first()
            proposals.request_submit(
                actor=target.key_worker,
                case=target,
                fund=fund,
                blockers=[blocker] if blocker else [],
                solution=solution,
                category=Category.objects.get(key="huisraad"),
                amount=Decimal(amount),
                frequency="eenmalig",
                months=1,
                supplier_name="Witgoedwinkel Voorbeeldstad (demo)",
                supplier_iban=demo_iban(n),
                prior_provisions=["bijzondere-bijstand"],
                prior_provisions_note="Bijzondere bijstand duurt zes weken; het gezin wast nu "
                "bij familie.",
                recurrence_prevention="Besproken in het plan; de contactpersoon volgt het op.",
                legal_ground=LegalGround.objects.filter(
                    law="Participatiewet", article="art. 35"
                ).first(),
                legitimacy="Noodzakelijke kosten die niet uit het inkomen te betalen zijn.",
                involvement="De ouder regelt de levering en zorgt voor de oude machine.",
                societal_return="Voorkomt uitval op school en nieuwe schulden.",
                avoided=[
                    {"label": "Kosten als het vastloopt", "amount": "3000.00", "probability": "0.5"}
                ],
            )
            made += 1
    return {"recovery_marks": 1, "forgiven_debts": 3, "recovery_requests": made}
