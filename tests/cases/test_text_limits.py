"""Every text in a case file has a maximum length and names are printable text: oversize or
marked-up input is refused with a Dutch message and nothing is saved (form, service, API)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from doorbraak.cases import services
from doorbraak.cases.forms import BlockerForm, CaseOpenForm, NoteForm, PlanForm
from doorbraak.cases.models import Blocker, Case, EntryKind, Household, SupportPlan, TimelineEntry
from tests.factories import CaseFactory, OrganisationFactory, api_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def test_opening_a_case_with_an_overlong_household_name_saves_nothing(worker_a):
    with pytest.raises(ValidationError) as error:
        services.case_open(actor=worker_a, household_name="x" * 201, given_name="Anna")
    assert error.value.message_dict == {
        "household_name": ["Maximaal 200 tekens (je gebruikte 201)."]
    }
    assert not Household.objects.exists() and not Case.objects.exists()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("household_name", "<script>Jansen</script>", "Een naam mag geen < of > bevatten."),
        ("given_name", "Anna\nBob", "Een naam mag geen regeleinden"),
        ("family_name", "x" * 151, "Maximaal 150 tekens (je gebruikte 151)."),
        ("question", "q" * 2345, "Maximaal 2.000 tekens (je gebruikte 2.345)."),
    ],
)
def test_case_open_service_refuses_bad_text(worker_a, field, value, message):
    values = {"household_name": "Huishouden Jansen", "given_name": "Anna", field: value}
    with pytest.raises(ValidationError) as error:
        services.case_open(actor=worker_a, **values)
    assert error.value.message_dict[field][0].startswith(message)
    assert not Household.objects.exists()


def test_notes_blockers_and_plans_have_limits(worker_a):
    case = CaseFactory(actor=worker_a)
    entries = TimelineEntry.objects.count()
    with pytest.raises(ValidationError) as error:
        services.note_add(actor=worker_a, case=case, text="n" * 5001)
    assert error.value.message_dict == {"text": ["Maximaal 5.000 tekens (je gebruikte 5.001)."]}
    with pytest.raises(ValidationError) as error:
        services.blocker_add(
            actor=worker_a,
            case=case,
            organisation=OrganisationFactory(),
            rule="r" * 2001,
            effect="Geen geld",
            life_domain="wonen",
        )
    assert "rule" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.plan_update(
            actor=worker_a, case=case, goal="g", own_contribution="o", support_needed="s" * 5001
        )
    assert "support_needed" in error.value.message_dict
    assert TimelineEntry.objects.count() == entries
    assert not Blocker.objects.exists() and not SupportPlan.objects.exists()


def test_a_line_break_sent_as_cr_lf_counts_once(worker_a):
    case = CaseFactory(actor=worker_a)
    text = "a\r\n" * 2500  # 7,500 characters as sent, 5,000 as typed
    services.note_add(actor=worker_a, case=case, text=text.strip())
    assert TimelineEntry.objects.filter(kind=EntryKind.NOTE, case=case).exists()


@pytest.mark.parametrize(
    "form_class, data, field, message",
    [
        (
            CaseOpenForm,
            {"household_name": "a>b", "given_name": "Anna"},
            "household_name",
            "Een naam mag geen < of > bevatten.",
        ),
        (NoteForm, {"text": "n" * 5001}, "text", "Maximaal 5.000 tekens (je gebruikte 5.001)."),
        (
            PlanForm,
            {"goal": "g" * 6000, "own_contribution": "o", "support_needed": "s"},
            "goal",
            "Maximaal 5.000 tekens (je gebruikte 6.000).",
        ),
    ],
)
def test_forms_say_the_limit_next_to_the_field(form_class, data, field, message):
    form = form_class(data=data)
    assert not form.is_valid()
    assert form.errors[field] == [message]


def test_textareas_do_not_cut_pasted_text_silently():
    form = BlockerForm()
    assert "maxlength" not in form.fields["rule"].widget.attrs


def test_note_page_refuses_an_overlong_note_and_keeps_the_text(client, worker_a):
    case = CaseFactory(actor=worker_a)
    client.force_login(worker_a)
    before = TimelineEntry.objects.count()
    response = client.post(reverse("cases:note-add", args=[case.pk]), {"text": "n" * 5001})
    page = response.content.decode()
    assert "Maximaal 5.000 tekens (je gebruikte 5.001)." in page
    assert TimelineEntry.objects.count() == before


def test_case_open_page_refuses_markup_in_a_name(client, worker_a):
    client.force_login(worker_a)
    response = client.post(
        reverse("cases:open"),
        {"household_name": "<b>Huishouden</b>", "given_name": "Anna"},
    )
    assert "Een naam mag geen &lt; of &gt; bevatten." in response.content.decode()
    assert not Household.objects.exists()


def test_api_refuses_an_overlong_blocker_in_dutch(worker_a):
    case = CaseFactory(actor=worker_a)
    api = api_for(worker_a)
    response = api.post(
        "/api/v1/blockers/",
        {
            "case": case.pk,
            "organisation": OrganisationFactory().pk,
            "rule": "r" * 2345,
            "effect": "Geen geld",
            "life_domain": "wonen",
        },
        format="json",
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 400
    assert response.json() == {"rule": ["Maximaal 2.000 tekens (je gebruikte 2.345)."]}
    assert not Blocker.objects.exists()
