"""Demo LET submissions (synthetic): S14 in the demo city. A UWV recovery of an advance goes
up the route to the LET; the Maatwerkloket accepted it, the LET decided on the hardship
clause, and the follow-up check is due today for demo-regievoerder. A DUO case waits for
triage."""

from django.utils import timezone

from doorbraak.accounts.models import User
from doorbraak.cases.models import Blocker, BlockerStatus
from doorbraak.escalation import services as escalation
from doorbraak.escalation.models import ActionKind, FollowUpAction
from doorbraak.let import rules, services
from doorbraak.let.models import LetSubmission


def _to_let(blocker, actor, question, tried):
    first = escalation.escalate(
        actor=actor, case=blocker.case, blocker=blocker, question=question, tried=tried
    )
    return escalation.escalate(
        actor=actor,
        case=blocker.case,
        blocker=blocker,
        level=first.route.top,
        question="Lokaal is er geen haakje: graag via het Maatwerkloket naar het LET.",
        tried=tried + " Het casusoverleg kan geen uitzondering bij een landelijke organisatie "
        "afspreken.",
        skip_reason="De Doorbraaktafel en het mandaat gaan niet over regels van een landelijke "
        "uitvoeringsorganisatie.",
    )


def add_demo_let(orgs: dict) -> int:
    regie = User.objects.get(username="demo-regievoerder")
    today = timezone.localdate()
    unescalated = Blocker.objects.filter(
        status=BlockerStatus.OPEN, case__status="open", escalations__isnull=True
    ).select_related("case__key_worker")
    uwv = unescalated.filter(organisation=orgs["uwv"]).order_by("pk")
    # demo-gezinswerker's own, if there is one: their team sees the submission too
    uwv = uwv.filter(case__key_worker__username="demo-gezinswerker").first() or uwv.first()
    worker = uwv.case.key_worker
    at_let = _to_let(
        uwv,
        worker,
        "Kan UWV afzien van de terugvordering van het WIA-voorschot?",
        "Betalingsregeling met UWV gevraagd; bijzondere bijstand kan niet met terugwerkende "
        "kracht.",
    )
    submission = services.submit(
        actor=worker,
        escalation=at_let,
        summary="Na een afgewezen WIA-aanvraag vordert UWV ruim 6.000 euro voorschot terug. "
        "De schuld ontstond door de wachttijd bij UWV; bijstand over die maanden kan achteraf "
        "niet meer. Het gezin heeft geen aflossingsruimte en de schulden stapelen zich op.",
        question="Kan UWV de terugvordering van het voorschot laten vallen of kwijtschelden?",
        organisations=[orgs["uwv"]],
    )
    services.triage(
        actor=regie,
        submission=submission,
        outcome=rules.ACCEPTED,
        note="Met de indiener doorgenomen: geen haakje in het voortraject gevonden.",
    )
    services.decide(
        actor=regie,
        submission=submission,
        organisation=orgs["uwv"],
        exception="UWV ziet af van de terugvordering van het voorschot.",
        legal_ground=rules.HARDSHIP,
        reasons="De schuld is ontstaan door de wachttijd bij UWV zelf; terugvorderen treft "
        "een gezin dat geen andere bron van inkomen had. Uit te leggen en niet willekeurig: "
        "dezelfde uitzondering geldt voor iedereen in deze situatie.",
    )
    # Synthetic history: the decision was three months ago, so its check is due today.
    LetSubmission.objects.filter(pk=submission.pk).update(check_on=today)
    FollowUpAction.objects.filter(
        escalation_id=submission.escalation_id, kind=ActionKind.LET_CHECK
    ).update(due_date=today)
    duo = unescalated.filter(organisation=orgs["duo"]).order_by("pk").first()
    waiting = _to_let(
        duo,
        duo.case.key_worker,
        "Kan DUO de draagkracht berekenen op het huidige inkomen?",
        "Verzoek om herberekening bij DUO ingediend; afgewezen omdat het peiljaar vaststaat.",
    )
    services.submit(
        actor=duo.case.key_worker,
        escalation=waiting,
        summary="Sinds kort werkloos, maar DUO berekent de aflossing op het inkomen van twee "
        "jaar geleden. De maandtermijn is hoger dan wat er nu binnenkomt.",
        question="Kan DUO de draagkracht nu al op het actuele inkomen berekenen?",
        organisations=[orgs["duo"]],
    )
    return 2
