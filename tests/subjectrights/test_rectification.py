"""Rectification (AVG art. 16): the request and its handling recorded; the correction itself
goes through the case's own services."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from doorbraak.cases.models import EntryKind, TimelineEntry
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import AuditRecord
from doorbraak.subjectrights import services
from doorbraak.subjectrights.models import RequestState, RightsRequest

from .conftest import member, origin

pytestmark = pytest.mark.django_db


def test_a_rectification_is_recorded_shown_to_the_key_worker_and_handled(beheerder, jansens):
    anna, case = member("Anna"), jansens["a"]
    entry = services.rectification_record(
        actor=beheerder,
        origin=origin(beheerder),
        member=anna,
        case=case,
        description="Geboortejaar klopt niet",
    )
    note = TimelineEntry.objects.filter(case=case, kind=EntryKind.NOTE).order_by("-pk").first()
    assert "art. 16" in note.text and "Geboortejaar" not in note.text
    services.rectification_handle(
        actor=beheerder,
        origin=origin(beheerder),
        rectification=entry,
        state=RequestState.DONE,
        handling="Gecorrigeerd door de kernwerker",
    )
    entry.refresh_from_db()
    assert entry.state == RequestState.DONE and entry.handled_by == beheerder
    with pytest.raises(ValidationError):
        services.rectification_handle(
            actor=beheerder,
            origin=origin(beheerder),
            rectification=entry,
            state=RequestState.REFUSED,
            handling="nog eens",
        )
    actions = list(
        AuditRecord.objects.filter(activity=Activity.SUBJECT_RECTIFICATION)
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "update"]


def test_a_case_of_another_household_is_refused(beheerder, jansens):
    with pytest.raises(ValidationError):
        services.rectification_record(
            actor=beheerder,
            origin=origin(beheerder),
            member=member("Anna"),
            case=jansens["b"],
            description="x",
        )


def test_the_pages(client, beheerder, jansens):
    client.force_login(beheerder)
    anna = member("Anna")
    url = reverse("subjectrights:rectification", args=[anna.pk])
    assert client.post(url, {"case": "", "description": ""}).status_code == 400
    assert (
        client.post(url, {"case": str(jansens["a"].pk), "description": "Naam"}).status_code == 302
    )
    entry = RightsRequest.objects.get(description="Naam")
    handle = reverse("subjectrights:handle", args=[entry.pk])
    assert client.post(handle, {}).status_code == 400
    done = client.post(handle, {f"r{entry.pk}-state": "afgehandeld", f"r{entry.pk}-handling": "ok"})
    assert done.status_code == 302
