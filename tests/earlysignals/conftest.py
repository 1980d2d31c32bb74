import io

import pytest

from doorbraak.accounts.models import Neighbourhood, OrganisationKind
from doorbraak.accounts.roles import Role
from doorbraak.earlysignals import rows
from tests.factories import OrganisationFactory, TeamFactory, UserFactory

HEADER = rows.DELIMITER.join(rows.HEADER)
GOOD = [
    "verhuurder;Woonstichting De Kade (test);1.234,56;01-09-2026;Anouk de Boer;12-03-1980;"
    "7511 AB;12;06-12345678;anouk@voorbeeld.invalid",
    "energie;Energie Oost (test);250.00;15-10-2026;Bram Visser;01-01-1975;7512 CD;3a;;",
    "zorgverzekeraar;Zorg Oost (test);89,5;2026-10-01;Chantal Smit;30-06-1990;7513EF;7;;",
]


def csv_bytes(*lines, header=HEADER) -> io.BytesIO:
    return io.BytesIO(("\n".join([header, *lines]) + "\n").encode())


@pytest.fixture
def municipality(db):
    return OrganisationFactory(name="Gemeente Enschede (test)", kind=OrganisationKind.MUNICIPALITY)


@pytest.fixture
def wijk(municipality):
    return Neighbourhood.objects.create(municipality=municipality, name="Centrum (test)")


@pytest.fixture
def team(wijk):
    return TeamFactory(name="Buurtteam Centrum", neighbourhood=wijk)


@pytest.fixture
def leader(team):
    return UserFactory(
        username="leider-vs", role=Role.TEAMLEIDER, team=team, organisation=team.organisation
    )


@pytest.fixture
def worker(team):
    return UserFactory(
        username="werker-vs",
        role=Role.BUURTTEAMMEDEWERKER,
        team=team,
        organisation=team.organisation,
    )


@pytest.fixture
def consultant(municipality):
    return UserFactory(
        username="consulent-vs", role=Role.INKOMENSCONSULENT, organisation=municipality
    )


@pytest.fixture
def other_worker(db):
    other = OrganisationFactory(name="Gemeente Elders (test)", kind=OrganisationKind.MUNICIPALITY)
    wijk = Neighbourhood.objects.create(municipality=other, name="Elders (test)")
    team = TeamFactory(name="Buurtteam Elders", neighbourhood=wijk)
    return UserFactory(
        username="werker-elders",
        role=Role.BUURTTEAMMEDEWERKER,
        team=team,
        organisation=team.organisation,
    )


@pytest.fixture
def imported(leader):
    from doorbraak.earlysignals import services

    return services.signals_import(actor=leader, file=csv_bytes(*GOOD), file_name="goed.csv")
