"""Demo data for samen indiceren (synthetic; seed 002, Twente): a district nurse
(demo-wijkverpleegkundige, of a synthetic home-care organisation) is linked by the key workers
to fourteen cases of older residents and wrote an advisory Wmo indication for each; the
municipality's Wmo consultant (demo-wmoconsulent) reviewed them. As in the pilot, twelve were
agreed as written and one was questioned: that question waits for the nurse's answer (her
start page). One advice, reported seven weeks ago, waits for review with its investigation
term run out (the consultant's start page, flagged "overdue")."""

import datetime
from decimal import Decimal

from django.utils import timezone

from doorbraak.accounts.models import Organisation, OrganisationKind, User
from doorbraak.accounts.roles import Role
from doorbraak.cases import services as cases
from doorbraak.cases.models import Case, CaseStatus
from doorbraak.demo.accounts import ACCOUNT_NAMES
from doorbraak.indications import services
from doorbraak.indications.models import Indication

PROVISIONS = [
    ("Huishoudelijke ondersteuning", "3 uur per week, 1 jaar", Decimal("21.80")),
    ("Traplift", "eenmalig, in bruikleen", Decimal("0.00")),
    ("Dagbesteding bij dementie", "2 dagdelen per week", Decimal("21.80")),
    ("Toiletverhoger en douchestoel", "eenmalig, in bruikleen", Decimal("0.00")),
    ("Begeleiding individueel", "2 uur per week, half jaar", Decimal("21.80")),
    ("Scootmobiel", "in bruikleen", Decimal("0.00")),
    ("Huishoudelijke ondersteuning", "2 uur per week, 1 jaar", Decimal("21.80")),
]
NEED = (
    "Kan door artrose niet meer bukken of lang staan; het huishouden lukt niet meer. "
    "Synthetische demo-tekst."
)
CAPACITY = "Doet zelf de lichte boodschappen en kookt eenvoudige maaltijden."
INFORMAL = "Dochter komt eens per week, woont op een uur rijden; meer kan zij niet dragen."


def _user(username, first, last, role, organisation) -> User:
    return User.objects.create_user(
        username=username,
        password=None,
        first_name=first,
        last_name=last,
        role=role,
        organisation=organisation,
        email=f"{username}@voorbeeldstad.example",
    )


def add_demo_indications(orgs: dict, users: dict[str, User]) -> dict[str, int]:
    today = timezone.localdate()
    care, _ = Organisation.objects.get_or_create(
        name="Wijkzorg Voorbeeldstad (demo)", defaults={"kind": OrganisationKind.CARE_PROVIDER}
    )
    password = users["demo-gezinswerker"].password  # the demo's one hash
    nurse = _user(ACCOUNT_NAMES[Role.ADVISEUR], "Anouk", "Hofstede", Role.ADVISEUR, care)
    consultant = _user(
        ACCOUNT_NAMES[Role.WMO_CONSULENT],
        "Gerrit",
        "Dijkhuis",
        Role.WMO_CONSULENT,
        orgs["gemeente"],
    )
    User.objects.filter(pk__in=[nurse.pk, consultant.pk]).update(password=password)
    users[nurse.username], users[consultant.username] = nurse, consultant
    # Fourteen open cases across the teams, each linked to the nurse by its key worker.
    chosen = list(
        Case.objects.filter(status=CaseStatus.OPEN)
        .exclude(key_worker__username="demo-gezinswerker")
        .select_related("key_worker")
        .order_by("team_id", "pk")
    )
    chosen = chosen[::3][:14]
    made = []
    for number, case in enumerate(chosen):
        cases.access_grant(
            actor=case.key_worker,
            case=case,
            user=nurse,
            reason="Wijkverpleegkundige: kent de bewoner, doet de Wmo-indicatie (samen indiceren)",
        )
        provision, scope, contribution = PROVISIONS[number % len(PROVISIONS)]
        reported = today - datetime.timedelta(days=120 - 7 * number)
        if number == 13:  # waits for review, its six weeks run out
            reported = today - datetime.timedelta(days=49)
        indication = services.indication_write(
            actor=nurse,
            case=case,
            reported_on=reported,
            applied_on=reported + datetime.timedelta(days=14) if number < 12 else None,
            need=NEED,
            own_capacity=CAPACITY,
            informal_care=INFORMAL,
            provision=provision,
            scope=scope,
            contribution=contribution,
            today=today,
        )
        made.append(indication)
        if number < 12:
            services.indication_review(
                actor=consultant,
                indication=indication,
                outcome=services.AGREE,
                decided_on=reported + datetime.timedelta(days=21 + number % 4),
                today=today,
            )
        elif number == 12:
            services.indication_review(
                actor=consultant,
                indication=indication,
                outcome=services.ASK,
                question=(
                    "De situatie is complex: kan mevrouw de scootmobiel veilig gebruiken, "
                    "gezien de duizeligheid die de huisarts noemde? Of past vervoer op maat beter?"
                ),
                today=today,
            )
        moment = timezone.make_aware(
            datetime.datetime.combine(reported + datetime.timedelta(days=7), datetime.time(10))
        )
        Indication.objects.filter(pk=indication.pk).update(submitted_at=moment)
    return {"indications": len(made)}
