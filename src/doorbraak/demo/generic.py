"""Demo generic maatwerk (synthetic): S12 in the demo city. UWV reclaimed the advance of
people whose WIA claim was rejected; UWV decided not to reclaim advances paid from 1 January
2020 to 31 December 2022, up to €11,977 (seed 002, "Professionele buikpijn"). Here three dozen
made-up households across the four teams have that blocker, two more fall outside the period,
demo-beleidsadviseur took the generic decision and UWV's belteam (demo-peter) is calling:
some reached, some declined, some not reached after three attempts, the rest still to call.
All names are made up."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from doorbraak.accounts.models import User
from doorbraak.cases import services as cases
from doorbraak.cases.models import Blocker, Case, LifeDomain
from doorbraak.generic import outreach
from doorbraak.generic import services as generic
from doorbraak.generic.models import GenericDecision, OutreachAttempt
from doorbraak.learning.models import Pattern, Rule

SEED = 20210831
RULE = "Terugvordering voorschot bij afgewezen WIA-aanvraag"
EFFECTS = [
    "UWV vordert het voorschot van ruim {n} euro in één keer terug; bijstand kon niet met "
    "terugwerkende kracht, dus maandenlang geen inkomen.",
    "Moet {n} euro voorschot terugbetalen; komt niet in aanmerking voor een schuldregeling "
    "omdat dit de enige schuld is.",
    "Terugvordering van {n} euro na de afgewezen WIA-aanvraag; de vaste lasten blijven liggen.",
]
FAMILY = [
    "Akkerman", "Baars", "Claassen", "Dorrestein", "Elshout", "Faber", "Geerts", "Haverkamp",
    "Immink", "Jorritsma", "Kloosterman", "Lammerts", "Mossel", "Nijland", "Olthof", "Pruim",
    "Quist", "Roelofsen", "Sijbrands", "Terlouw", "Uiterwijk", "Veenstra", "Wolters", "Yildiz",
    "Zwart", "Boukhari", "Cetin", "Drenth", "Egberts", "Fokkema", "Gunes", "Hazelaar",
    "Ilhan", "Jongsma", "Kalsbeek", "Lubbers", "Mertens", "Nooij",
]  # fmt: skip
GIVEN = ["Anja", "Bert", "Cor", "Dewi", "Ella", "Ferry", "Gerda", "Hans", "Ines", "Jan"]
WORKERS = [
    "demo-gezinswerker", "demo-buurtteammedewerker", "demo-ayse", "demo-joost", "demo-daan",
    "demo-fatima", "demo-lotte", "demo-youssef", "demo-fleur",
]  # fmt: skip
HOUSEHOLDS = 36
#: Outcomes of demo-peter's calls, in order of the rows: (outcomes, note).
CALLS = (
    [(["bereikt"], "Goed nieuws verteld; kon het eerst niet geloven.")] * 9
    + [(["geen-gehoor", "bereikt"], "")] * 5
    + [(["geweigerd"], "Wil liever niet gebeld worden; brief volgt.")] * 3
    + [(["geen-gehoor"] * 3, "")] * 4
    + [(["geen-gehoor"], "")] * 4
)


def _backdate(blocker: Blocker, when: datetime.datetime) -> None:
    Blocker.objects.filter(pk=blocker.pk).update(created_at=when)
    Case.objects.filter(pk=blocker.case_id).update(opened_at=when - datetime.timedelta(days=20))


def add_demo_generic(orgs: dict, users: dict[str, User]) -> dict[str, int]:
    rng = random.Random(SEED)  # noqa: S311 (synthetic demo data, not security)
    uwv = orgs["uwv"]
    zone = timezone.get_current_timezone()
    start = datetime.datetime(2020, 1, 6, 10, tzinfo=zone)
    outside = [datetime.datetime(2019, 11, 4, 10, tzinfo=zone)]
    outside.append(datetime.datetime(2023, 3, 14, 10, tzinfo=zone))
    for i, family in enumerate(FAMILY):
        worker = users[WORKERS[i % len(WORKERS)]]
        case = cases.case_open(
            actor=worker,
            household_name=f"Huishouden {family}",
            given_name=rng.choice(GIVEN),
            family_name=family,
            birth_year=rng.randint(1960, 1990),
            question="Geldzorgen na een terugvordering van UWV.",
            life_domains=[LifeDomain.INCOME_WORK, LifeDomain.FINANCES],
        )
        blocker = cases.blocker_add(
            actor=worker,
            case=case,
            organisation=uwv,
            rule=f"{RULE}: het voorschot wordt teruggevorderd.",
            effect=rng.choice(EFFECTS).format(n=rng.randrange(1500, 11977)),
            life_domain=LifeDomain.INCOME_WORK,
        )
        if i < HOUSEHOLDS:
            when = start + datetime.timedelta(days=rng.randrange(0, 3 * 365 - 10))
        else:
            when = outside[i - HOUSEHOLDS]
        _backdate(blocker, when)
    adviser = users["demo-beleidsadviseur"]
    rule = Rule.objects.filter(organisation=uwv, title=RULE).first()
    decision = generic.decision_create(
        actor=adviser,
        organisation=uwv,
        catalogue_rule=rule,
        rule="" if rule else RULE,
        title="Geen terugvordering van WIA-voorschotten 2020–2022",
        period_start=datetime.date(2020, 1, 1),
        period_end=datetime.date(2022, 12, 31),
        max_amount=Decimal("11977.00"),
        reasons="De terugvorderingen ontstonden door achterstanden in de sociaal-medische "
        "beoordeling bij UWV. Bijstand kan niet met terugwerkende kracht; niks doen is geen "
        "alternatief.",
        legal_ground="Besluit Raad van Bestuur UWV; brief aan de Tweede Kamer, augustus 2021.",
        pattern=Pattern.objects.filter(organisation=uwv).first(),
    )
    decided = datetime.datetime(2021, 8, 31, 15, tzinfo=zone)
    GenericDecision.objects.filter(pk=decision.pk).update(created_at=decided)
    belteam = users["demo-peter"]
    rows = list(decision.outreach_rows.order_by("id"))
    attempts = 0
    for row, (outcomes, note) in zip(rows, CALLS, strict=False):
        day = decided + datetime.timedelta(days=rng.randint(3, 20))
        for n, outcome in enumerate(outcomes):
            last = n == len(outcomes) - 1
            generic.attempt_record(
                actor=belteam,
                row=row,
                outcome=outcome,
                note=note if last else "",
                at=day + datetime.timedelta(days=4 * n, hours=n),
            )
            attempts += 1
    assert outreach.NOT_REACHED in set(decision.outreach_rows.values_list("status", flat=True))
    return {
        "generic_decisions": 1,
        "outreach_rows": len(rows),
        "outreach_attempts": OutreachAttempt.objects.filter(row__decision=decision).count(),
    }
