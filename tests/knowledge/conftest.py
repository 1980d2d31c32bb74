import pytest

from doorbraak.accounts.roles import Role
from doorbraak.proposals.models import Category, LegalGround
from tests.factories import UserFactory


@pytest.fixture
def author(db):
    return UserFactory(username="beleid", role=Role.BELEIDSADVISEUR)


@pytest.fixture
def beheerder(db):
    return UserFactory(username="beheer", role=Role.BEHEERDER)


@pytest.fixture
def reader(worker_a):
    return worker_a


@pytest.fixture
def wonen(db):
    return Category.objects.get(key="wonen")


@pytest.fixture
def art35(db):
    return LegalGround.objects.get(law="Participatiewet", article="art. 35")
