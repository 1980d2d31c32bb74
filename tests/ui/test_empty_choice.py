"""Selects of model choices start with "Kies…", never Django's "---------" (the hand-over
form showed it; found by an exploratory test)."""

import pytest
from django import forms
from django.utils import translation

from doorbraak.accounts.models import User
from doorbraak.forms_utrecht import UtrechtFormMixin

pytestmark = pytest.mark.django_db


class _Form(UtrechtFormMixin, forms.Form):
    person = forms.ModelChoiceField(label="Wie", queryset=User.objects.none())
    named = forms.ModelChoiceField(
        label="Wie anders", queryset=User.objects.none(), empty_label="Iedereen"
    )
    none = forms.ModelChoiceField(label="Verplicht", queryset=User.objects.none(), empty_label=None)


def test_the_mixin_says_kies_where_django_says_dashes():
    with translation.override("nl"):
        html = str(_Form())
    assert "---------" not in html and ">Kies…</option>" in html
    assert ">Iedereen</option>" in html


def test_the_hand_over_form_says_kies(client, worker_a, case_a):
    client.force_login(worker_a)
    page = client.get(f"/casussen/{case_a.pk}/overdragen/").content.decode()
    assert "---------" not in page and ">Kies…</option>" in page
