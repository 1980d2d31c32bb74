import pytest
from django.urls import reverse

from doorbraak.cases.models import Blocker, EntryKind, Member
from doorbraak.privacy.models import AuditRecord, ProcessingRecord
from doorbraak.privacy.services import subject_pseudonym
from tests.bsn_numbers import valid_bsn
from tests.factories import CaseFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in(client, worker_a):
    client.force_login(worker_a)
    return client


def test_login_page_is_dutch(client):
    page = client.get(reverse("login")).content.decode()
    assert 'lang="nl"' in page and "Inloggen bij Doorbraak" in page


def test_anonymous_user_is_sent_to_login(client, case_a):
    response = client.get(reverse("cases:detail", args=[case_a.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not ProcessingRecord.objects.exists()


def test_case_page_logs_one_processing_record_per_member_and_one_audit(logged_in, worker_a):
    case = CaseFactory(actor=worker_a, members=3)
    response = logged_in.get(
        reverse("cases:detail", args=[case.pk]),
        HTTP_TRACEPARENT="00-" + "ab" * 16 + "-" + "cd" * 8 + "-01",
    )
    assert response.status_code == 200
    records = ProcessingRecord.objects.filter(trace_id="ab" * 16)
    expected = {subject_pseudonym(m.subject_id) for m in case.household.members.all()}
    assert records.count() == 3 and set(records.values_list("data_subject", flat=True)) == expected
    assert set(records.values_list("activity", flat=True)) == {"casus-raadplegen"}
    assert set(records.values_list("parent_span_id", flat=True)) == {"cd" * 8}
    audit = AuditRecord.objects.get(trace_id="ab" * 16)
    assert (audit.actor, audit.action, audit.object_type, audit.object_id, audit.result) == (
        worker_a,
        "read",
        "case",
        str(case.pk),
        "ok",
    )
    assert audit.subject_count == 3 and audit.origin.startswith("web ")
    assert response["traceparent"].startswith("00-" + "ab" * 16)


def test_processing_log_holds_no_bsn_or_name(logged_in, worker_a):
    bsn = valid_bsn(5)
    case = CaseFactory(actor=worker_a, bsn=bsn, given_name="Fenna", family_name="Zwaluw")
    logged_in.get(reverse("cases:detail", args=[case.pk]))
    for record in ProcessingRecord.objects.values():
        text = " ".join(str(v) for v in record.values())
        assert bsn not in text and "Zwaluw" not in text


def test_every_view_writes_its_own_records(logged_in, worker_a):
    case = CaseFactory(actor=worker_a, members=2)
    for _ in range(3):
        logged_in.get(reverse("cases:detail", args=[case.pk]))
    assert ProcessingRecord.objects.filter(activity="casus-raadplegen").count() == 6
    assert AuditRecord.objects.filter(activity="casus-raadplegen").count() == 3


def test_case_list_shows_own_cases_and_logs_them(logged_in, worker_a, worker_b):
    mine = CaseFactory(actor=worker_a, household_name="Huishouden Eikenboom", members=2)
    CaseFactory(actor=worker_b, household_name="Huishouden Anders")
    page = logged_in.get(reverse("cases:list")).content.decode()
    assert "Huishouden Eikenboom" in page and "Huishouden Anders" not in page
    logged = set(
        ProcessingRecord.objects.filter(activity="casuslijst-raadplegen").values_list(
            "data_subject", flat=True
        )
    )
    assert logged == {subject_pseudonym(m.subject_id) for m in mine.household.members.all()}


def test_bsn_search_is_post_only_and_finds_exact_match(logged_in, worker_a):
    bsn = valid_bsn(6)
    case = CaseFactory(actor=worker_a, bsn=bsn, household_name="Huishouden Zoek")
    CaseFactory(actor=worker_a, household_name="Huishouden Ander")
    assert logged_in.get(reverse("cases:search") + f"?bsn={bsn}").status_code == 405
    page = logged_in.post(reverse("cases:search"), {"bsn": bsn}).content.decode()
    assert "Huishouden Zoek" in page and "Huishouden Ander" not in page
    assert reverse("cases:detail", args=[case.pk]) in page
    bad = logged_in.post(reverse("cases:search"), {"bsn": "123456789"}).content.decode()
    assert "geen geldig BSN" in bad


def test_open_case_form_with_bad_bsn_saves_nothing(logged_in):
    response = logged_in.post(
        reverse("cases:open"),
        {"household_name": "Huishouden Fout", "given_name": "Piet", "bsn": "987654321"},
    )
    assert response.status_code == 200
    assert "geen geldig BSN" in response.content.decode()
    assert not Member.objects.exists()


def test_open_case_form_creates_case(logged_in, worker_a):
    response = logged_in.post(
        reverse("cases:open"),
        {
            "household_name": "Huishouden Nieuw",
            "given_name": "Jet",
            "bsn": valid_bsn(7),
            "life_domains": ["wonen", "financien"],
        },
    )
    member = Member.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("cases:detail", args=[member.household.cases.get().pk])
    page = logged_in.get(response.url).content.decode()
    assert "Huishouden Nieuw" in page and valid_bsn(7) not in page


def test_add_note_and_blocker_show_on_timeline(logged_in, worker_a):
    case = CaseFactory(actor=worker_a)
    org = OrganisationFactory(name="Woonstichting Test", kind="woningcorporatie")
    logged_in.post(
        reverse("cases:note-add", args=[case.pk]),
        {"text": "Mevrouw vertelt dat de huur al twee maanden achterloopt."},
    )
    logged_in.post(
        reverse("cases:blocker-add", args=[case.pk]),
        {
            "organisation": org.pk,
            "rule": "Geen urgentie zonder inkomen",
            "effect": "Blijft in te dure woning",
            "life_domain": "wonen",
        },
    )
    page = logged_in.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "de huur al twee maanden achterloopt" in page
    assert "Geen urgentie zonder inkomen" in page
    assert case.timeline.filter(kind=EntryKind.NOTE).count() == 1
    assert case.timeline.filter(kind=EntryKind.BLOCKER_ADDED).count() == 1


def test_note_via_htmx_returns_the_updated_timeline(logged_in, worker_a):
    case = CaseFactory(actor=worker_a)
    response = logged_in.post(
        reverse("cases:note-add", args=[case.pk]),
        {"text": "Gebeld met de verhuurder."},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200 and 'id="notes"' in body
    assert "Gebeld met de verhuurder." in body and "<html" not in body


def test_blocker_form_loads_when_opened_and_works_without_javascript(logged_in, worker_a):
    """The case page does not render the blocker form (a select of every organisation):
    opening "Knelpunt vastleggen" fetches it through htmx; without JavaScript the link opens
    the form page."""
    case = CaseFactory(actor=worker_a)
    url = reverse("cases:blocker-add", args=[case.pk])
    page = logged_in.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert f'hx-get="{url}"' in page and f'href="{url}"' in page
    assert 'name="organisation"' not in page
    fragment = logged_in.get(url, HTTP_HX_REQUEST="true")
    body = fragment.content.decode()
    assert fragment.status_code == 200 and "<html" not in body
    assert 'name="organisation"' in body and f'action="{url}"' in body
    assert "Knelpunt opslaan" in body
    full = logged_in.get(url).content.decode()
    assert "<html" in full and 'name="organisation"' in full


def test_invalid_blocker_form_shows_dutch_errors_and_saves_nothing(logged_in, worker_a):
    case = CaseFactory(actor=worker_a)
    response = logged_in.post(
        reverse("cases:blocker-add", args=[case.pk]),
        {"rule": "", "effect": "", "life_domain": "wonen"},
    )
    assert response.status_code == 400
    assert "Dit veld is vereist." in response.content.decode()
    assert not Blocker.objects.exists()


def test_handover_page_records_reason(logged_in, worker_a, colleague_a):
    case = CaseFactory(actor=worker_a)
    response = logged_in.post(
        reverse("cases:handover", args=[case.pk]),
        {"to_user": colleague_a.pk, "reason": "Langdurig ziek"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.key_worker == colleague_a
    assert case.handovers.get().reason == "Langdurig ziek"


def test_english_is_available(logged_in, worker_a):
    logged_in.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = logged_in.get(reverse("cases:list")).content.decode()
    assert 'lang="en"' in page and "My cases" in page


def test_form_pages_log_the_personal_data_they_show(logged_in, worker_a):
    case = CaseFactory(actor=worker_a, members=2)
    for name in ["cases:note-add", "cases:plan", "cases:handover", "cases:member-add"]:
        response = logged_in.get(reverse(name, args=[case.pk]))
        trace_id = response["traceparent"].split("-")[1]
        assert ProcessingRecord.objects.filter(trace_id=trace_id).count() == 2, name


def test_reopen_a_closed_case_from_the_page(logged_in, worker_a):
    case = CaseFactory(actor=worker_a)
    logged_in.post(reverse("cases:close", args=[case.pk]), {"reason": "Doelen bereikt"})
    page = logged_in.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Casus heropenen" in page and "Notitie opslaan" not in page
    logged_in.post(reverse("cases:reopen", args=[case.pk]), {"reason": "Nieuwe vraag"})
    case.refresh_from_db()
    assert case.status == "open"


def test_theme_is_swappable_by_setting(client, settings):
    settings.THEME_CSS = "vendor/utrecht/html.css"
    settings.THEME_CLASS = "gemeente-theme"
    page = client.get(reverse("login")).content.decode()
    assert 'class="utrecht-root gemeente-theme"' in page
    assert "/static/vendor/utrecht/html.css" in page and "voorbeeld" not in page
