"""The request form as a professional meets it (issue 10, items 1, 5 and 6): checkbox and
radio groups in the NL Design System fieldset pattern, the whole request checked before the
approvers' preview with an error summary that links to each field, no "(optional)" on what is
required, and limits on every text with a Dutch message."""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from doorbraak.proposals import lifecycle, services
from doorbraak.proposals.models import Request
from tests.factories import UserFactory
from tests.funds.conftest import make_fund
from tests.proposals.conftest import complete

pytestmark = pytest.mark.django_db

HUGE = "x" * 100_000


def post_data(**overrides):
    data = {
        **complete(),
        "category": "wonen",
        "avoided-TOTAL_FORMS": "0",
        "avoided-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


@pytest.fixture
def url(client, worker_a, case):
    client.force_login(worker_a)
    return reverse("cases:request-new", args=[case.pk])


def test_checkbox_groups_are_fieldsets_with_one_checkbox_field_per_option(client, url, blocker):
    page = client.get(url).content.decode()
    for name, options in [("blockers", 1), ("prior_provisions", 6)]:
        group = re.search(rf'<fieldset class="([^"]*)" id="id_{name}".*?</fieldset>', page, re.S)
        assert group and "utrecht-form-fieldset" in group.group(1)
        html = group.group(0)
        assert "<legend" in html
        assert html.count('class="utrecht-form-field utrecht-form-field--checkbox') == options
        assert html.count("utrecht-form-label--checkbox") == options
    # the group itself is never laid out as one checkbox
    assert not re.search(r"utrecht-form-field--checkbox[^>]*>\s*<fieldset", page)
    radios = re.search(r'<fieldset[^>]* id="id_frequency".*?</fieldset>', page, re.S).group(0)
    assert radios.count("utrecht-form-field--radio") == 2 and "utrecht-radio-button" in radios


def test_case_open_life_domains_use_the_same_pattern(client, worker_a):
    client.force_login(worker_a)
    page = client.get(reverse("cases:open")).content.decode()
    assert re.search(r'<fieldset class="utrecht-form-fieldset[^"]*" id="id_life_domains"', page)
    assert "utrecht-form-field utrecht-form-field--checkbox" in page


def test_a_full_request_is_checked_before_the_preview(client, url):
    response = client.post(
        url, post_data(action="check", legitimacy="", involvement="", prior_provisions=[])
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Wat beoordelaars lezen" not in page
    summary = re.search(r'<div class="[^"]*db-error-summary"[^>]*>.*?</ul>', page, re.S).group(0)
    assert 'role="alert"' in summary and "autofocus" in summary and 'tabindex="-1"' in summary
    for field in ("legitimacy", "involvement", "prior_provisions"):
        assert f'href="#id_{field}"' in summary
        assert f'id="id_{field}"' in page  # the link has a target
    assert page.index("db-error-summary") < page.index('id="request-form"')
    assert not Request.objects.exists()


def test_a_complete_request_gets_its_preview(client, url, ground):
    response = client.post(url, post_data(action="check", legal_ground=ground.pk))
    assert response.status_code == 200
    assert "Wat beoordelaars lezen" in response.content.decode()


def test_required_triangle_fields_do_not_say_optional(client, url):
    page = client.get(url).content.decode()  # no fund: a full request
    for label in ("Legitimiteit: waarom het mag", "Rendement: welke maatschappelijke kosten"):
        at = page.index(label)
        assert "(optioneel)" not in page[at : page.index("</label>", at)]
    assert "(optioneel) (optioneel)" not in page.replace("</span>", "").replace(
        '<span class="db-optional">', ""
    )


def test_calculator_says_optional_once(client, worker_a):
    client.force_login(worker_a)
    page = client.get(reverse("costbenefit:calculator")).content.decode()
    text = re.sub(r"<[^>]+>", "", page)
    assert "Hoogste kans (optioneel)" in text
    assert "(optioneel) (optioneel)" not in text and "(optioneel)(optioneel)" not in text


def test_a_100000_character_solution_is_refused_in_dutch(client, url, case, worker_a, category):
    response = client.post(url, post_data(action="check", solution=HUGE))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Maximaal 2.000 tekens (je gebruikte 100.000)." in page
    assert page.count(HUGE) <= 1  # only echoed back in its own field, never shown as text
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        services.request_submit(
            actor=worker_a,
            case=case,
            category=category,
            **{**complete(), "amount": Decimal("250.00"), "solution": HUGE},
        )
    assert "Maximaal 2.000 tekens" in error.value.message_dict["solution"][0]
    assert not Request.objects.exists()


@pytest.mark.parametrize("name", ["<b>Winkel</b>", "Winkel\u200b", "Winkel\nNaam"])
def test_supplier_names_are_printable_text_without_markup(client, url, name):
    response = client.post(url, post_data(action="check", supplier_name=name))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Een naam mag geen &lt; of &gt;" in page or "onzichtbare tekens bevatten" in page


def test_api_refuses_long_texts_and_markup_names(worker_a, case):
    api = APIClient()
    api.force_authenticate(worker_a)
    body = {
        **complete(),
        "case": case.pk,
        "category": "wonen",
        "solution": HUGE,
        "supplier_name": "<script>x</script>",
        "triangle": {"legitimacy_na": "y" * 1001, "involvement": "z", "societal_return": "w"},
    }
    response = api.post("/api/v1/requests/", body, format="json", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 400
    errors = response.json()
    assert "2000" in errors["solution"][0] and "supplier_name" in errors
    assert "1000" in errors["triangle"]["legitimacy_na"][0]
    assert not Request.objects.exists()


def test_a_vote_comment_has_a_maximum(team_a, worker_a, case, category):
    fund = make_fund(team_a, name="Potje")
    values = complete()
    proposal = services.request_submit(
        actor=worker_a,
        case=case,
        category=category,
        fund=fund,
        **{**values, "amount": Decimal("250.00"), "legitimacy_na": "Binnen de regels."},
    )
    voter = UserFactory(team=team_a)
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        lifecycle.vote_cast(actor=voter, request=proposal, choice="nee", comment="n" * 1001)
    assert "Maximaal 1.000 tekens" in error.value.message_dict["comment"][0]
    assert not proposal.votes.exists()
