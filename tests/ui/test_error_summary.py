"""The error summary names each field once."""

from django import forms

from doorbraak.ui.templatetags.errors import summary_line


class Form(forms.Form):
    legitimacy = forms.CharField(label="Legitimiteit: waarom het mag")
    solution = forms.CharField(label="Wat is er nodig, en waarom?")
    amount = forms.CharField(label="Bedrag (EUR)")


def test_a_message_that_starts_with_the_label_is_not_prefixed_again():
    form = Form({"legitimacy": "x", "solution": "x", "amount": "1"})
    assert form.is_valid()
    form.add_error("legitimacy", "Legitimiteit: kies een grondslag.")
    assert summary_line(form["legitimacy"]).startswith("Legitimiteit: kies")
    assert "waarom het mag" not in summary_line(form["legitimacy"])


def test_other_messages_get_the_label_in_front():
    form = Form({})
    assert summary_line(form["amount"]) == "Bedrag (EUR): Dit veld is vereist."
    assert summary_line(form["solution"]) == "Wat is er nodig, en waarom? Dit veld is vereist."


def test_a_post_without_csrf_token_gets_a_dutch_page(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/inloggen/", {"username": "x"})
    assert response.status_code == 403
    assert "Het formulier was verlopen" in response.content.decode()
