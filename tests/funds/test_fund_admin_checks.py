"""What the functional administrator types for a fund or a mandate is checked in words next
to the field before saving (the admin showed "Beperking 'fund_period_valid' is geschonden" at
the top, and saved a fund with IBAN "NL00FOUT" that only failed when the SEPA file was made;
found by an exploratory test)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from doorbraak.accounts.models import Mandate
from doorbraak.funds.models import Fund

pytestmark = pytest.mark.django_db


def problems(instance) -> dict:
    with translation.override("nl"), pytest.raises(ValidationError) as caught:
        instance.full_clean()
    found = caught.value.message_dict.items()
    return {field: " ".join(map(str, errors)) for field, errors in found}


def test_a_fund_with_bad_dates_amounts_and_bank_details(team_a):
    fund = Fund(
        name="Testpotje",
        owner_team=team_a,
        period_start=datetime.date(2026, 12, 31),
        period_end=datetime.date(2026, 1, 1),
        total_budget=Decimal("100.00"),
        ceiling_per_request=Decimal("500.00"),
        debtor_iban="NL00FOUT",
        debtor_bic="X",
    )
    found = problems(fund)
    assert found["period_end"] == "De einddatum ligt voor de begindatum."
    assert found["ceiling_per_request"] == "Het plafond per aanvraag is hoger dan het hele budget."
    assert "IBAN is niet geldig" in found["debtor_iban"]
    assert "BIC is niet geldig" in found["debtor_bic"]
    assert not any("Beperking" in text for text in found.values())
    fund.total_budget = Decimal("-100.00")
    assert problems(fund)["total_budget"] == "Een bedrag kan niet onder nul liggen."


def test_a_mandate_ending_before_it_starts_or_below_zero(worker_a):
    mandate = Mandate(
        holder=worker_a,
        organisation=worker_a.organisation,
        max_amount=Decimal("-50"),
        valid_from=datetime.date(2026, 12, 1),
        valid_until=datetime.date(2026, 1, 1),
    )
    found = problems(mandate)
    assert found["valid_until"] == "De einddatum ligt voor de begindatum."
    assert found["max_amount"] == "Een bedrag kan niet onder nul liggen."
    assert not any("Beperking" in text for text in found.values())


def test_an_inactive_fund_says_so_where_it_is_listed(client, team_a):
    """A fund set inactive in beheer looked like any other, "€ 100,00 vrij", on /potjes/ and
    its page (found by an exploratory test)."""
    from doorbraak.accounts.roles import Role
    from tests.factories import UserFactory
    from tests.funds.conftest import make_fund

    fund = make_fund(team_a, name="Oud potje")
    leader = UserFactory(username="leider-inactief", role=Role.TEAMLEIDER, team=team_a)
    client.force_login(leader)
    assert "inactief" not in client.get(f"/potjes/{fund.pk}/").content.decode()
    Fund.objects.filter(pk=fund.pk).update(active=False)
    assert (
        "Dit potje neemt geen nieuwe voorstellen aan."
        in client.get(f"/potjes/{fund.pk}/").content.decode()
    )
    listed = client.get("/potjes/").content.decode()
    assert 'Oud potje</a> <span class="db-badge">inactief</span>' in listed
