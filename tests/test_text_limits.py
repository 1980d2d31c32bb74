"""The shared text limits: pure rules (exhaustively, with hypothesis) and the Django side
(validators, model and form fields, the service check, the serializer mixin)."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from doorbraak import text_limits
from doorbraak.text_validators import (
    LimitedCharField,
    LimitedTextField,
    MaxTextLength,
    PrintableName,
    check_name,
    check_text,
    limited_char_field,
)


@given(st.text(), st.integers(min_value=0, max_value=50))
def test_excess_length_only_when_longer_than_the_limit(value, limit):
    used = text_limits.excess_length(value, limit)
    length = text_limits.text_length(value)
    assert (used is None) == (length <= limit)
    if used is not None:
        assert used == length


def test_a_browser_line_break_counts_once():
    assert text_limits.text_length("a\r\nb") == 3
    assert text_limits.excess_length("a\r\nb", 3) is None


@given(st.text(alphabet=st.characters(blacklist_categories=("C", "Z")), min_size=1))
def test_visible_text_without_markup_is_a_name(value):
    value = value.replace("<", "").replace(">", "")
    assert text_limits.name_problem(value) is None or value == ""


@pytest.mark.parametrize(
    "value, problem",
    [
        ("Jansen & Zn. B.V.", None),
        ("Slotenmaker De Sleutel", None),
        ("Zoë ’t Hart-Öztürk", None),
        ("<b>Leverancier</b>", "markup"),
        ("a > b", "markup"),
        ("Twee\nregels", "control"),
        ("Tab\there", "control"),
        ("Zero\u200bwidth", "control"),
        ("Line\u2028sep", "control"),
    ],
)
def test_name_problem(value, problem):
    assert text_limits.name_problem(value) == problem


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_group_thousands_round_trips(number):
    grouped = text_limits.group_thousands(number)
    assert int(grouped.replace(".", "")) == number
    assert all(len(part) == 3 for part in grouped.lstrip("-").split(".")[1:])


def test_dutch_message_with_grouped_numbers():
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        MaxTextLength(2000)("x" * 2345)
    assert error.value.messages == ["Maximaal 2.000 tekens (je gebruikte 2.345)."]


def test_service_check_names_the_field():
    with translation.override("nl"):
        with pytest.raises(ValidationError) as error:
            check_text("x" * 11, "note", 10)
        assert error.value.message_dict == {"note": ["Maximaal 10 tekens (je gebruikte 11)."]}
        with pytest.raises(ValidationError) as error:
            check_name("<script>", "supplier_name")
        assert error.value.message_dict == {"supplier_name": ["Een naam mag geen < of > bevatten."]}
    assert check_text("x" * 10, "note", 10) == "x" * 10


def test_form_field_has_one_dutch_message():
    class Form(forms.Form):
        name = limited_char_field(5, name=True)

    with translation.override("nl"):
        form = Form(data={"name": "abcdef"})
        assert form.errors == {"name": ["Maximaal 5 tekens (je gebruikte 6)."]}
        form = Form(data={"name": "a<b"})
        assert form.errors == {"name": ["Een naam mag geen < of > bevatten."]}


def test_model_fields_give_form_fields_the_same_limit():
    char = LimitedCharField(max_length=5, name_check=True)
    text = LimitedTextField(max_length=7)
    char_form = char.formfield()
    text_form = text.formfield()
    assert [type(v) for v in char.validators].count(MaxTextLength) == 1
    assert any(isinstance(v, PrintableName) for v in char.validators)
    assert "maxlength" not in text_form.widget.attrs
    with translation.override("nl"):
        with pytest.raises(ValidationError):
            char_form.clean("abc<")
        with pytest.raises(ValidationError) as error:
            text_form.clean("x" * 8)
    assert error.value.messages == ["Maximaal 7 tekens (je gebruikte 8)."]
    assert char.deconstruct()[3]["name_check"] is True


def test_limited_text_field_needs_a_limit():
    with pytest.raises(TypeError):
        LimitedTextField()
