"""The agreement rate on the dashboard: a fixture of 13 indications of which the consultant
questioned 1 (seed 002, Twente) gives 12 of 13; a questioned one counts as not agreed, also
after it was agreed following the answer; an adjusted one is not agreed either."""

import datetime

import pytest

from doorbraak.indications import dashboard, services
from doorbraak.reports.figures import Period
from doorbraak.reports.queries import scope_of
from tests.factories import CaseFactory, TeamFactory, UserFactory

from .conftest import TODAY, write

pytestmark = pytest.mark.django_db
PERIOD = Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


def _thirteen(nurse, consultant, worker, *, answer_and_agree=False):
    from doorbraak.cases import services as cases

    for number in range(13):
        case = CaseFactory(actor=worker)
        cases.access_grant(actor=worker, case=case, user=nurse, reason="Wijkverpleegkundige")
        indication = write(nurse, case)
        if number == 6:
            services.indication_review(
                actor=consultant, indication=indication, outcome="vraag", question="Complex?"
            )
            if answer_and_agree:
                services.indication_answer(actor=nurse, indication=indication, answer="Ja.")
                services.indication_review(
                    actor=consultant,
                    indication=indication,
                    outcome="akkoord",
                    decided_on=TODAY,
                    today=TODAY,
                )
        else:
            services.indication_review(
                actor=consultant,
                indication=indication,
                outcome="akkoord",
                decided_on=TODAY,
                today=TODAY,
            )


@pytest.mark.parametrize("answer_and_agree", [False, True])
def test_thirteen_with_one_questioned_is_twelve_of_thirteen(
    nurse, consultant, worker, team_a, answer_and_agree
):
    _thirteen(nurse, consultant, worker, answer_and_agree=answer_and_agree)
    [rate] = dashboard.team_rates([team_a.pk], PERIOD.start, PERIOD.end)
    assert (rate.team, rate.reviewed, rate.agreed) == (team_a.name, 13, 12)
    assert rate.rate == 12 / 13


def test_per_team_and_period(nurse, consultant, worker, team_a, municipality):
    _thirteen(nurse, consultant, worker)
    other_team = TeamFactory(name="Buurtteam Oost", neighbourhood=team_a.neighbourhood)
    other_worker = UserFactory(team=other_team)
    from doorbraak.cases import services as cases

    case = CaseFactory(actor=other_worker)
    cases.access_grant(actor=other_worker, case=case, user=nurse, reason="Wijkverpleegkundige")
    adjusted = write(nurse, case)
    services.indication_review(
        actor=consultant,
        indication=adjusted,
        outcome="aanpassen",
        reasons="Minder uren.",
        scope="2 uur",
        decided_on=TODAY,
        today=TODAY,
    )
    write(nurse, case)  # not reviewed yet: not counted
    rates = dashboard.team_rates([team_a.pk, other_team.pk], PERIOD.start, PERIOD.end)
    assert [(r.team, r.reviewed, r.agreed) for r in rates] == [
        ("Buurtteam Noord", 13, 12),
        ("Buurtteam Oost", 1, 0),
    ]
    assert (
        dashboard.team_rates([team_a.pk], datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
        == []
    )
    # The whole municipality's dashboard (beleidsadviseur): 12 of 14.
    adviser = UserFactory(role="beleidsadviseur", organisation=municipality)
    context = dashboard.section(scope_of(adviser), PERIOD)["indication_rates"]
    assert (context["agreed"], context["reviewed"]) == (12, 14)
    assert "12 van 14" in context["summary"]
