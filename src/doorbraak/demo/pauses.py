"""Demo data for the pause button (synthetic, scenario S10): an older woman who misses every
appointment with W&I. demo-inkomensconsulent and demo-handhaver work on her case; each has a
pause whose review date has come (in My actions and on the start page), and a long pause by
demo-handhaver waits for demo-inkomensconsulent's approval."""

import datetime

from django.utils import timezone

from doorbraak.accounts.models import User
from doorbraak.cases import services as cases
from doorbraak.cases.models import CaseAccess, LifeDomain
from doorbraak.consults import services as consults
from doorbraak.consults.models import Consult
from doorbraak.escalation.models import FollowUpAction
from doorbraak.pauses import rules
from doorbraak.pauses import services as pauses
from doorbraak.pauses.models import Measure, Pause

BENEFIT = "Bijstandsuitkering (Participatiewet)"


def _back_date(pause: Pause, start: datetime.date) -> None:
    """The demo's pauses started weeks ago: move their dates (the services refuse a start
    more than a month back, rightly)."""
    pause.starts_on = start
    pause.ends_on = rules.last_day(start, pause.weeks)
    pause.review_on = rules.default_review(start, pause.weeks)
    pause.save(update_fields=["starts_on", "ends_on", "review_on"])
    if pause.review_action_id:
        FollowUpAction.objects.filter(pk=pause.review_action_id).update(due_date=pause.review_on)


def add_demo_pauses(orgs: dict, users: dict[str, User]) -> dict[str, int]:
    today = timezone.localdate()
    worker = users["demo-buurtteammedewerker"]
    consultant, enforcer = users["demo-inkomensconsulent"], users["demo-handhaver"]
    case = cases.case_open(
        actor=worker,
        household_name="Huishouden Verhoef",
        given_name="Wilma",
        family_name="Verhoef",
        birth_year=1960,
        question="Verschijnt niet op afspraken met Werk en Inkomen; leeft teruggetrokken.",
        life_domains=[LifeDomain.INCOME_WORK, LifeDomain.SOCIAL_NETWORK],
    )
    cases.access_grant(
        actor=worker, case=case, user=consultant, reason="Consulent Werk en Inkomen: bijstand"
    )
    # demo-handhaver works on the case already shared with him (demo/data.py): one access.
    shared = CaseAccess.objects.filter(user=enforcer, revoked_at__isnull=True).first()
    if shared is None:
        cases.access_grant(actor=worker, case=case, user=enforcer, reason="Handhaving")
    enforcer_case = shared.case if shared is not None else case
    municipality = orgs["gemeente"]
    due = pauses.pause_start(
        actor=consultant,
        case=case,
        organisation=municipality,
        measure=Measure.TERMINATION,
        benefit=BENEFIT,
        reason="Mevrouw komt niet op afspraken. Na anoniem overleg met Handhaving: eerst "
        "onderzoeken of er een medische oorzaak is voordat de uitkering stopt.",
        starts_on=today,
        weeks=rules.DEFAULT_WEEKS,
        review_on=rules.default_review(today, rules.DEFAULT_WEEKS),
    )
    _back_date(due, today - datetime.timedelta(days=7 * rules.DEFAULT_WEEKS - 7))
    sanction = pauses.pause_start(
        actor=enforcer,
        case=enforcer_case,
        organisation=municipality,
        measure=Measure.SANCTION,
        benefit="Maatregel wegens niet verschijnen",
        reason="Eerst huisbezoek samen met het buurtteam; de maatregel wacht tot dan.",
        starts_on=today,
        weeks=4,
        review_on=rules.default_review(today, 4),
    )
    _back_date(sanction, today - datetime.timedelta(days=21))
    pauses.pause_start(
        actor=enforcer,
        case=enforcer_case,
        organisation=municipality,
        measure=Measure.RECOVERY,
        benefit="Terugvordering bijstand 2025",
        reason="Terugvordering uitstellen tot het zorgtraject loopt; langer dan 13 weken.",
        starts_on=today,
        weeks=16,
        review_on=today + datetime.timedelta(weeks=12),
    )
    # S10 starts with an anonymous consult of the buurtteam with Handhaving; two more topics.
    for days, expert, topic, situation, advice in CONSULTS:
        consult = consults.consult_record(
            actor=worker,
            held_on=today - datetime.timedelta(days=days),
            expert=expert,
            topic=topic,
            situation=situation,
            advice=advice,
        )
        if topic == "afspraken":
            consults.consult_link(actor=worker, consult=consult, case=case)
    return {"pauses": Pause.objects.count(), "consults": Consult.objects.count()}


CONSULTS = [
    (
        60,
        "handhaving",
        "afspraken",
        "Oudere vrouw met bijstand komt nooit op afspraken met W&I; de gemeente weet niet waar "
        "ze is. Buren zien haar soms zwaaien vanuit huis.",
        "Nog niet stopzetten: eerst samen op huisbezoek en laten onderzoeken of er een "
        "medische oorzaak is. W&I kan de beëindiging pauzeren.",
    ),
    (
        30,
        "handhaving",
        "woonsituatie",
        "Moeder met drie kinderen; een man staat op het adres ingeschreven maar draagt niets "
        "bij. Er is huiselijk geweld gemeld.",
        "Uitkering voortzetten zolang zij werkt aan haar veiligheid; koppelen aan het "
        "buurtteam en Veilig Thuis.",
    ),
    (
        10,
        "werk-en-inkomen",
        "inkomsten",
        "Jongere heeft bijverdiensten uit een bijbaan niet gemeld; wist niet dat dat moest.",
        "Alsnog melden; bij een eerste keer zonder opzet volgt een waarschuwing.",
    ),
]
