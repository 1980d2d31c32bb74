"""Demo data for werktafels (synthetic), after demo/learning.py: S9's spookbewoning pattern
goes to a werktafel (three sessions, two held), which agreed on "signalering op adres naar
Dienst Toeslagen": implemented four months ago, so its page shows the pattern's new cases per
month before and after. More spookbewoning blockers are recorded, backdated over the last
months (more before the flag than after). A second solution, the signal to national policy,
is recorded as sent to the Maatwerkloket, so demo-regievoerder sees it on the start page."""

import datetime

from django.utils import timezone

from doorbraak.accounts.models import User
from doorbraak.cases import services as cases
from doorbraak.cases.models import Blocker, Case, CaseStatus, LifeDomain, TimelineEntry
from doorbraak.learning import services as learning
from doorbraak.learning import workflow as pattern_workflow
from doorbraak.learning.models import Pattern
from doorbraak.worktables import rules
from doorbraak.worktables import services as worktables
from doorbraak.worktables.models import WorkTable

#: Months ago (counted from this month) in which another case got the blocker: busy before
#: the flag (implemented IMPLEMENTED_MONTHS_AGO), quiet after.
EXTRA_MONTHS_AGO = [7, 7, 6, 6, 6, 5, 5, 2]
IMPLEMENTED_MONTHS_AGO = 4


def _months_ago(today: datetime.date, months: int, day: int = 10) -> datetime.date:
    index = today.year * 12 + today.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, day)


def _backdate(blocker: Blocker, day: datetime.date) -> None:
    when = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 30)))
    Blocker.objects.filter(pk=blocker.pk).update(created_at=when)
    TimelineEntry.objects.filter(blocker_id=blocker.pk).update(created_at=when)


def _more_blockers(pattern: Pattern, toeslagen, today: datetime.date) -> int:
    """Spookbewoning blockers on open cases not yet in the pattern, opened before the day the
    blocker is dated, spread over teams; each matched into the pattern as it is recorded."""
    in_pattern = set(
        Blocker.objects.filter(pattern_link__pattern=pattern).values_list("case_id", flat=True)
    )
    # The rule as the pattern's reference item has it (as from the catalogue's suggestion),
    # so each new blocker joins this pattern and no other of the organisation.
    reference = pattern.reference_blocker
    added = 0
    for n, months in enumerate(EXTRA_MONTHS_AGO):
        day = _months_ago(today, months, day=3 + 3 * n % 24)
        case = (
            Case.objects.filter(
                status=CaseStatus.OPEN,
                opened_at__lt=timezone.make_aware(datetime.datetime.combine(day, datetime.time())),
            )
            .exclude(pk__in=in_pattern)
            .select_related("key_worker")
            .order_by("team_id", "pk")[n % 3 : n % 3 + 1]
            .first()
        )
        if case is None:
            continue
        blocker = cases.blocker_add(
            actor=case.key_worker,
            case=case,
            organisation=toeslagen,
            rule=reference.rule,
            effect=reference.effect,
            life_domain=LifeDomain.FINANCES,
        )
        _backdate(blocker, day)
        in_pattern.add(case.pk)
        added += Blocker.objects.filter(pk=blocker.pk, pattern_link__pattern=pattern).count()
    return added


def add_demo_worktables(orgs: dict, users: dict[str, User]) -> dict[str, int]:
    toeslagen = orgs["toeslagen"]
    pattern = (
        Pattern.objects.filter(organisation=toeslagen, status__in=pattern_workflow.OPEN_PATTERNS)
        .order_by("-cases_count", "pk")
        .first()
    )
    if (
        pattern is None
        or pattern.reference_blocker_id is None
        or WorkTable.objects.filter(pattern=pattern).exists()
    ):
        return {"worktables": 0, "solutions": 0}
    adviser = users["demo-beleidsadviseur"]
    today = timezone.localdate()
    extra = _more_blockers(pattern, toeslagen, today)
    if pattern.status == pattern_workflow.CANDIDATE:
        learning.pattern_decide(
            actor=adviser,
            pattern=pattern,
            status=pattern_workflow.CONFIRMED,
            note="Spookbewoning komt in alle wijken terug; naar de werktafel.",
        )
    first, second = _months_ago(today, 6, 12), _months_ago(today, 5, 9)
    worktable = worktables.worktable_start(
        actor=adviser,
        pattern=pattern,
        title="Werktafel spookbewoning en huurtoeslag",
        question="Hoe voorkomen we dat nieuwe huurders maanden te weinig huurtoeslag krijgen "
        "door een ingeschreven spookbewoner?",
        organisations=[orgs["gemeente"], toeslagen, orgs["corporatie"], orgs["buurtteams"]],
        departments=["Klantcontactcentrum (gemeente)", "Afdeling Ruimte, wonen (gemeente)"],
        session_dates=[first, second, today + datetime.timedelta(days=21)],
    )
    WorkTable.objects.filter(pk=worktable.pk).update(
        created_at=timezone.make_aware(datetime.datetime.combine(first, datetime.time(9)))
        - datetime.timedelta(days=14)
    )
    sessions = list(worktable.sessions.order_by("number"))
    worktables.session_update(
        actor=adviser,
        session=sessions[0],
        date=first,
        held=True,
        perspective="Een nieuwe huurder meldt zich bij het wijkteam met veel te weinig "
        "huurtoeslag. Hij kent de ingeschreven persoon niet en moet wachten op een "
        "adresonderzoek van weken tot maanden; intussen groeit de huurachterstand.",
        notes="Alle knelpunten in kaart vanuit de ogen van de inwoner. Het Klantcontactcentrum "
        "ziet de dubbele inschrijving, maar weet niets van de huurtoeslag; de corporatie kan "
        "alleen pleisters plakken.",
    )
    worktables.session_update(
        actor=adviser,
        session=sessions[1],
        date=second,
        held=True,
        perspective="Tussen het constateren van de dubbele bewoning en "
        "de berekening van de toeslag zit geen enkele koppeling.",
        notes="Afspraak: zodra het Klantcontactcentrum dubbele bewoning constateert, gaat er "
        "een signaal bij het adres naar Dienst Toeslagen. Toeslagen past het voorschot aan; "
        "het adresonderzoek wordt daarna afgerond.",
    )
    worktables.outcome_add(
        actor=adviser,
        worktable=worktable,
        text="Afdelingen kenden elkaars werk niet: het Klantcontactcentrum vraagt geen "
        "huurtoeslag aan, en Toeslagen zag geen regelmogelijkheden.",
    )
    worktables.outcome_add(
        actor=adviser,
        worktable=worktable,
        text="Een vinkje in het systeem van het Klantcontactcentrum deelt dubbele bewoning met "
        "Dienst Toeslagen; de derde sessie evalueert het effect.",
    )
    flag = worktables.solution_record(
        actor=adviser,
        worktable=worktable,
        title="Signalering op adres naar Dienst Toeslagen",
        kind=rules.PARTNER_AGREEMENT,
        description="Zodra het Klantcontactcentrum constateert dat er sprake is van dubbele "
        "bewoning, zet het een signaal bij het adres voor Dienst Toeslagen. Toeslagen reageert "
        "meteen, bijvoorbeeld met een aanpassing van het voorschot.",
        owner_text="Teamleider Klantcontactcentrum (gemeente)",
        proposed_on=second,
        today=today,
    )
    implemented = _months_ago(today, IMPLEMENTED_MONTHS_AGO, 1)
    worktables.solution_step(
        actor=adviser,
        solution=flag,
        status=rules.AGREED,
        on=second + datetime.timedelta(days=7),
        today=today,
    )
    worktables.solution_step(
        actor=adviser, solution=flag, status=rules.IMPLEMENTED, on=implemented, today=today
    )
    national = worktables.solution_record(
        actor=adviser,
        worktable=worktable,
        title="Adressignaal voor alle gemeenten",
        kind=rules.NATIONAL_SIGNAL,
        description="Spookbewoning speelt niet alleen hier. Voorstel: alle gemeenten kunnen "
        "meteen een signaal bij een adres zetten als iemand er niet meer woont, zodat Dienst "
        "Toeslagen het recht op toeslag direct goed berekent.",
        owner=adviser,
        proposed_on=second,
        today=today,
    )
    worktables.solution_step(
        actor=adviser,
        solution=national,
        status=rules.AGREED,
        on=second + datetime.timedelta(days=7),
        today=today,
    )
    worktables.signal_send(
        actor=adviser,
        solution=national,
        sent_on=second + datetime.timedelta(days=14),
        recipient=worktables.MAATWERKLOKET,
        today=today,
    )
    return {"worktables": 1, "solutions": 2, "spook_blockers_added": extra}
