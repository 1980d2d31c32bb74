"""Professionals write maatwerk requests; others who work on a shared case do not."""

import pytest
from django.core.exceptions import PermissionDenied

from doorbraak.accounts.roles import Role
from doorbraak.proposals import services
from doorbraak.proposals.models import Request
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role", [Role.HANDHAVER, Role.TAFELLID, Role.REGIEVOERDER, Role.INKOMENSCONSULENT]
)
def test_a_non_professional_cannot_submit_a_request(case_a, role):
    other = UserFactory(username=f"ander-{role}", role=role, team=None)
    with pytest.raises(PermissionDenied):
        services.request_submit(actor=other, case=case_a, solution="Iets", amount="10.00")
    assert not Request.objects.exists()
