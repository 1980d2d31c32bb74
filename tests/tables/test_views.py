"""The table pages: visibility, Dutch refusals next to the field, nothing changed, logging."""

import datetime

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from doorbraak.privacy.models import AuditRecord
from doorbraak.tables import queries, services
from doorbraak.tables.models import Consent
from tests.factories import CaseFactory

from .conftest import at_table, waiting_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(table, member, case_l, worker_a, leader):
    escalation = at_table(worker_a, case_l, waiting_request(case_l, worker_a), leader)
    meeting = services.meeting_plan(actor=member, table=table, date=timezone.localdate())
    return services.item_add(actor=member, meeting=meeting, escalation=escalation)


def test_member_sees_the_item_anonymised_and_the_read_is_logged(client, member, item):
    client.force_login(member)
    page = client.get(reverse("tables:item", args=[item.pk]))
    assert page.status_code == 200
    assert "Lindeboom" not in page.content.decode()
    assert AuditRecord.objects.filter(
        activity="tafel-raadplegen", object_id=str(item.pk), subject_count=1
    ).exists()


def test_member_of_another_table_gets_404(client, other_member, other_table, item):
    client.force_login(other_member)
    assert client.get(reverse("tables:item", args=[item.pk])).status_code == 404
    assert client.get(reverse("tables:meeting", args=[item.meeting_id])).status_code == 404


def test_decision_without_reasons_is_refused_next_to_the_field(client, member, item):
    client.force_login(member)
    page = client.post(
        reverse("tables:item", args=[item.pk]),
        {"besluit-outcome": "opgelost", "besluit-decision": "Ja"},
    )
    assert page.status_code == 400
    text = page.content.decode()
    assert "onderbouwing op legitimiteit" in text and "besluit-legitimacy-error" in text
    item.refresh_from_db()
    assert not item.is_decided


def test_every_problem_of_the_decision_shows_in_the_first_round(client, member, item):
    """An amount that does not parse stopped the check of the reasons: the missing
    betrokkenheid and rendement showed only after the amount was put right (found by an
    exploratory test). All of them show at once, and nothing is decided."""
    client.force_login(member)
    page = client.post(
        reverse("tables:item", args=[item.pk]),
        {"besluit-decision": "Ja", "besluit-legitimacy": "Past", "besluit-amount": "abc"},
    )
    assert page.status_code == 400
    text = page.content.decode()
    for field in ("amount", "outcome", "involvement", "returns"):
        assert f"besluit-{field}-error" in text, field
    assert "besluit-legitimacy-error" not in text and "besluit-decision-error" not in text
    item.refresh_from_db()
    assert not item.is_decided


def test_consent_without_end_date_is_refused_on_the_page(client, worker_a, case_l, table):
    client.force_login(worker_a)
    page = client.post(
        reverse("tables:consent", args=[case_l.pk]),
        {
            "member": case_l.household.members.first().pk,
            "table": table.pk,
            "scope": "identiteit",
            "valid_from": timezone.localdate().isoformat(),
        },
    )
    assert page.status_code == 400
    assert "zonder einddatum kan niet" in page.content.decode()
    assert not Consent.objects.exists()


def test_start_page_shows_the_next_meeting(client, member, item):
    client.force_login(member)
    text = client.get(reverse("home:start")).content.decode()
    assert "Volgend overleg" in text and item.reference in text


def test_besluitenlijst_pdf_has_no_identity(
    client, member, item, worker_a, table, settings, tmp_path, django_capture_on_commit_callbacks
):
    from doorbraak.documents.models import Document, DocumentStatus

    settings.MEDIA_ROOT = tmp_path
    case = item.escalation.case
    services.consent_record(
        actor=worker_a,
        case=case,
        member=case.household.members.first(),
        table=table,
        scope="identiteit",
        valid_from=timezone.localdate(),
        valid_until=timezone.localdate() + datetime.timedelta(days=10),
    )
    client.force_login(member)
    assert (
        'name="kind" value="besluitenlijst"'
        in client.get(reverse("tables:meeting", args=[item.meeting_id])).text
    )
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(
            "/documenten/nieuw/", {"kind": "besluitenlijst", "object": str(item.meeting_id)}
        )
    document = Document.objects.get()
    assert asked.status_code == 302 and document.status == DocumentStatus.READY
    download = client.get(f"/documenten/{document.pk}/download/")
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert f"besluitenlijst-{item.meeting_id}.pdf" in download["Content-Disposition"]
    meeting = queries.meeting_detail(member, item.meeting_id)
    html = render_to_string(
        "tables/besluitenlijst.html",
        {"meeting": meeting, "shown": queries.besluitenlijst_rows(meeting)},
    )
    assert item.reference in html and "Lindeboom" not in html


def test_meeting_page_queries_do_not_grow_with_items(
    client, member, item, case_l, worker_a, leader
):
    client.force_login(member)
    url = reverse("tables:meeting", args=[item.meeting_id])
    client.get(url)  # warm the keep-terms cache
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(3):
        other = CaseFactory(actor=worker_a)
        escalation = at_table(worker_a, other, waiting_request(other, worker_a), leader)
        services.item_add(actor=member, meeting=item.meeting, escalation=escalation)
    with CaptureQueriesContext(connection) as four:
        client.get(url)
    assert len(four) == len(one)


def test_every_description_a_field_points_at_exists_on_the_item_page(client, member, item):
    """The decision form has a prefix: the fields' aria-describedby must carry it too."""
    import re

    client.force_login(member)
    url = reverse("tables:item", args=[item.pk])
    for page in (client.get(url), client.post(url, {"besluit-outcome": "opgelost"})):
        text = page.content.decode()
        ids = set(re.findall(r'\sid="([^"]+)"', text))
        described = re.findall(r'aria-describedby="([^"]+)"', text)
        assert described
        missing = {ref for refs in described for ref in refs.split()} - ids
        assert not missing, missing
