"""Organisation, team, neighbourhood, user and mandate texts are limited; names are printable."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from doorbraak.accounts.models import Mandate, Organisation, Team, User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model, field, value, message",
    [
        (Organisation, "name", "<b>UWV</b>", "Een naam mag geen < of > bevatten."),
        (Team, "name", "t" * 201, "Maximaal 200 tekens (je gebruikte 201)."),
        (User, "first_name", "Noor\u200b", "Een naam mag geen regeleinden"),
        (User, "last_name", "<Verbeek>", "Een naam mag geen < of > bevatten."),
        (Mandate, "scope", "s" * 2001, "Maximaal 2.000 tekens (je gebruikte 2.001)."),
        (Mandate, "granted_by", "College\nB&W", "Een naam mag geen regeleinden"),
    ],
)
def test_text_fields_refuse_bad_input_in_dutch(model, field, value, message):
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        model._meta.get_field(field).clean(value, None)
    assert error.value.messages[0].startswith(message)


def test_a_good_organisation_name_is_accepted():
    field = Organisation._meta.get_field("name")
    assert field.clean("Belastingdienst/Toeslagen & Co.", None) == "Belastingdienst/Toeslagen & Co."
