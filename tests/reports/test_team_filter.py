"""The team filter (issue 15: "period, team, fund, category"): a team leader may choose only
their own team, the municipality any team of its wijken; a team outside the scope gives a Dutch
message and nothing of it, on the page, in the exports, the yearly report and the API. With
the filter the hand-counted figures of test_sections are exactly those of the chosen team."""

import pytest

from doorbraak.accounts.models import Organisation, Team
from doorbraak.accounts.roles import Role
from tests.factories import UserFactory, api_for
from tests.reports import test_sections as sections

PERIOD = sections.PERIOD
# the hand-counted fixture of test_sections (60 table cases, 89 breakthroughs, ...)
town, corporation, counted = sections.town, sections.corporation, sections.counted

pytestmark = pytest.mark.django_db

REFUSED = "Kies er een uit de lijst: deze is onbekend of niet voor jou."


@pytest.fixture
def adviser(town):
    return UserFactory(role=Role.BELEIDSADVISEUR, organisation=town)


def _team_select(html: str) -> str:
    start = html.index('name="team"')
    return html[start : html.index("</select>", start)]


def _page(client, user, team):
    client.force_login(user)
    return client.get(f"/cijfers/{PERIOD}&team={team.pk}")


def test_the_municipality_picks_a_team_and_gets_its_hand_counts(
    client,
    adviser,
    counted,
    team_a,
    team_b,
):
    response = _page(client, adviser, team_a)
    html = response.content.decode()
    assert response.status_code == 200
    assert "60 tafelcasussen, 50 aan tafel opgelost; 89 doorbraken in totaal." in html
    assert "€ 7.850,00" in html and "20 %" in html
    assert f'<option value="{team_b.pk}">' in _team_select(html)  # every team offered
    data = api_for(adviser).get(f"/api/v1/figures/{PERIOD}&team={team_a.pk}").json()
    assert data["breakthroughs"] == 89 and data["table_cases"] == 60
    assert data["solved_otherwise"] == 10 and data["solved_otherwise_share"] == "0.20"
    assert data["let"]["carried_out"] == 5 and data["mandate_uses"]["uses"] == 2
    assert data["benefit_expected_avoided_cost"] == "7850.00"
    assert data["decision_hours_per_level"] == [
        {"level": 3, "decided": 60, "median_at_most": 48, "p90_at_most": 120}
    ]
    client.force_login(adviser)
    response = client.get(f"/cijfers/export/tables.csv{PERIOD}&team={team_a.pk}")
    assert response.status_code == 200
    # the other team of the same municipality: none of team A's figures
    html = _page(client, adviser, team_b).content.decode()
    assert "89 doorbraken" not in html and "€ 7.850,00" not in html
    data = api_for(adviser).get(f"/api/v1/figures/{PERIOD}&team={team_b.pk}").json()
    assert data["requests"] == 0 and data["breakthroughs"] == 0
    assert data["table_cases"] == 0 and data["benefit_by_payer"] == []
    # patterns and solutions stay the municipality's, whichever team is chosen
    assert data["patterns_by_status"]["kandidaat"] == 2


def test_a_team_leader_is_offered_only_their_team(client, counted, team_a, team_b):
    leader = UserFactory(role=Role.TEAMLEIDER, team=team_a)
    html = _page(client, leader, team_a).content.decode()
    assert "89 doorbraken" in html
    assert f'<option value="{team_a.pk}" selected>' in _team_select(html)
    assert f'<option value="{team_b.pk}"' not in _team_select(html)
    other = UserFactory(role=Role.TEAMLEIDER, team=team_b)
    response = _page(client, other, team_a)
    html = response.content.decode()
    assert response.status_code == 400
    assert REFUSED in html and "Niets getoond" in html
    assert "89 doorbraken" not in html and "€ 7.850,00" not in html
    client.force_login(other)
    export = client.get(f"/cijfers/export/tables.csv{PERIOD}&team={team_a.pk}")
    assert export.status_code == 400 and b"2025;60" not in export.content
    bad = api_for(other).get(f"/api/v1/figures/{PERIOD}&team={team_a.pk}")
    assert bad.status_code == 400 and bad.json() == {"team": [REFUSED]}


def test_unknown_and_foreign_teams_are_refused(client, adviser, counted, team_a):
    elsewhere = Organisation.objects.create(name="Gemeente Elders", kind="gemeente")
    stranger = UserFactory(role=Role.BELEIDSADVISEUR, organisation=elsewhere)
    for user, team in ((stranger, team_a), (adviser, Team(pk=999_999))):
        response = _page(client, user, team)
        assert response.status_code == 400
        assert REFUSED in response.content.decode()
        assert "89 doorbraken" not in response.content.decode()
    assert api_for(adviser).get(f"/api/v1/figures/{PERIOD}&team=kapot").status_code == 400
    # a projectleider has funds, not teams: no team to choose, any team refused
    projectleider = UserFactory(role=Role.PROJECTLEIDER)
    client.force_login(projectleider)
    html = client.get("/cijfers/" + PERIOD).content.decode()
    assert 'type="hidden" name="team"' in html
    assert 'for="id_team"' not in html  # no label above nothing
    response = _page(client, projectleider, team_a)
    assert response.status_code == 400 and REFUSED in response.content.decode()


def test_the_yearly_report_of_one_team(client, adviser, counted, team_a, team_b):
    client.force_login(adviser)
    html = client.get(f"/cijfers/{PERIOD}&team={team_b.pk}").content.decode()
    assert f"/cijfers/jaarverslag/2025.pdf?team={team_b.pk}" in html
    refused = client.get("/cijfers/jaarverslag/2025.pdf?team=999999")
    assert refused.status_code == 400 and REFUSED in refused.content.decode()
    response = client.get(f"/cijfers/jaarverslag/2025.pdf?team={team_b.pk}")
    assert response.status_code == 200
    text = " ".join(sections._pdf_text(response.content).split())
    assert "Voorstellen 0" in text and "Doorbraken 0" in text and team_b.name in text
