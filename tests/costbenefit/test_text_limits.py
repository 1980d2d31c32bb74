"""Cost-benefit descriptions, sources and notes are limited; too long is refused, not cut."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from doorbraak.costbenefit import calculator, parsing
from doorbraak.costbenefit.forms import SolutionRowForm
from doorbraak.costbenefit.models import CostFigure
from tests.factories import api_for


def test_a_too_long_description_is_refused_not_cut():
    data = {
        "horizon_months": 12,
        "solution": [{"label": "x" * 250, "amount": "100"}],
        "avoided": [],
    }
    with pytest.raises(calculator.CalculationError) as error:
        parsing.parse(data)
    with translation.override("nl"):
        message = parsing.error_message(error.value)
    assert message == "Omschrijving: maximaal 200 tekens (je gebruikte 250)."


def test_the_calculator_form_says_the_limit():
    form = SolutionRowForm(data={"label": "x" * 201, "amount": "1", "per": "once"})
    with translation.override("nl"):
        assert not form.is_valid()
        assert form.errors["label"] == ["Maximaal 200 tekens (je gebruikte 201)."]


@pytest.mark.django_db
def test_api_refuses_a_too_long_description_in_dutch(worker_a):
    response = api_for(worker_a).post(
        "/api/v1/cost-benefit/",
        {"horizon_months": 12, "solution": [{"label": "x" * 201, "amount": "100"}], "avoided": []},
        format="json",
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 400
    assert "maximaal 200 tekens (je gebruikte 201)" in response.content.decode()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("label", "<i>Opvang</i>", "Een naam mag geen < of > bevatten."),
        ("source", "s" * 2001, "Maximaal 2.000 tekens (je gebruikte 2.001)."),
        ("note", "n" * 2001, "Maximaal 2.000 tekens (je gebruikte 2.001)."),
    ],
)
def test_cost_figure_fields(field, value, message):
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        CostFigure._meta.get_field(field).clean(value, None)
    assert error.value.messages == [message]
