"""Approvers never see who the household is: not on their pages, not in the API. Checked on
the demo city, with every request the demo writes."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from doorbraak.accounts.models import User
from doorbraak.approvals.models import Notification
from doorbraak.cases.models import Member
from doorbraak.proposals.models import Request

pytestmark = pytest.mark.django_db


def identifying_details(request) -> set[str]:
    household = request.case.household
    details = {household.name}
    for member in Member.objects.filter(household=household):
        details |= {member.given_name, member.family_name}
        if member.has_bsn:
            details.add(member.bsn)
    return {d for d in details if d and len(d) > 2}


def test_approver_pages_and_api_hold_no_identifying_details(client):
    call_command("load_demo", "--force", verbosity=0)
    asked = Request.objects.filter(notifications__kind="stem-gevraagd").distinct()
    assert asked.count() >= 3
    for request in asked:
        approver = User.objects.get(
            pk=Notification.objects.filter(request=request, kind="stem-gevraagd")
            .values_list("user", flat=True)
            .first()
        )
        client.force_login(approver)
        pages = [
            client.get(reverse("approvals:inbox")),
            client.get(reverse("approvals:review", args=[request.pk])),
            client.get(f"/api/v1/approvals/{request.pk}/"),
            client.get("/api/v1/approvals/"),
        ]
        for response in pages:
            assert response.status_code == 200
            text = response.content.decode()
            for detail in identifying_details(request):
                assert not re.search(rf"\b{re.escape(detail)}\b", text), (detail, request)
