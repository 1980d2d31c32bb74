"""Names on funds and payment orders are printable text of limited length (they reach the
bank): markup and oversize names are refused in Dutch, in model forms and the model."""

import pytest
from django.core.exceptions import ValidationError
from django.forms import modelform_factory
from django.utils import translation

from doorbraak.funds.models import Fund, PaymentOrder
from tests.funds.conftest import make_fund

pytestmark = pytest.mark.django_db


def test_fund_names_refuse_markup_and_oversize(team_a):
    fund = make_fund(team_a)
    with translation.override("nl"):
        fund.name = "<img src=x>"
        fund.debtor_name = "x" * 71
        with pytest.raises(ValidationError) as error:
            fund.full_clean()
    assert error.value.message_dict["name"] == ["Een naam mag geen < of > bevatten."]
    assert error.value.message_dict["debtor_name"] == ["Maximaal 70 tekens (je gebruikte 71)."]


def test_fund_form_shows_the_dutch_message_once(team_a):
    fund = make_fund(team_a)
    form_class = modelform_factory(Fund, fields=["name", "programme", "debtor_name"])
    with translation.override("nl"):
        form = form_class(
            data={"name": "n" * 201, "programme": "p", "debtor_name": "Gemeente"}, instance=fund
        )
        assert not form.is_valid()
        assert form.errors["name"] == ["Maximaal 200 tekens (je gebruikte 201)."]
    fund.refresh_from_db()
    assert fund.name == "Minimaatwerkbudget"


def test_payment_order_creditor_is_a_printable_name():
    field = PaymentOrder._meta.get_field("creditor_name")
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        field.clean("Slotenmaker\t<b>", None)
    assert "Een naam mag geen < of > bevatten." in error.value.messages
