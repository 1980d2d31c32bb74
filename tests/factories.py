"""Synthetic test data. Cases are made through the services, as the application makes them."""

import factory
from rest_framework.test import APIClient

from doorbraak.accounts.models import Organisation, OrganisationKind, Team, User
from doorbraak.accounts.roles import Role
from doorbraak.cases import services
from doorbraak.cases.models import HouseholdRole

PASSWORD = "test-wachtwoord-123"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Testorganisatie {n}")
    kind = OrganisationKind.NEIGHBOURHOOD_TEAM_ORG


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Testteam {n}")
    organisation = factory.SubFactory(OrganisationFactory, name="Buurtteamorganisatie (test)")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"tester-{n}")
    first_name = factory.Sequence(lambda n: f"Test{n}")
    last_name = "Medewerker"
    role = Role.GEZINSWERKER
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CaseFactory:
    """`CaseFactory(actor=user, members=2)`: a household with members, opened by `actor`."""

    _n = 0

    def __new__(cls, *, actor, members: int = 1, bsn: str = "", **kwargs):
        cls._n += 1
        case = services.case_open(
            actor=actor,
            household_name=kwargs.pop("household_name", f"Huishouden Test{cls._n}"),
            given_name=kwargs.pop("given_name", "Sam"),
            family_name=kwargs.pop("family_name", f"Test{cls._n}"),
            birth_year=kwargs.pop("birth_year", 1985),
            bsn=bsn,
            **kwargs,
        )
        for i in range(members - 1):
            services.member_add(
                actor=actor,
                case=case,
                given_name=f"Kind{i}",
                family_name=f"Test{cls._n}",
                household_role=HouseholdRole.CHILD,
                birth_year=2015,
            )
        return case


def api_for(user) -> APIClient:
    """An API client authenticated as `user`."""
    client = APIClient()
    client.force_authenticate(user)
    return client
