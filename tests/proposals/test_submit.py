"""Submitting a maatwerk request: complete requests are saved with their triangle and
calculation; anything missing or wrong is refused in Dutch and saves nothing."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from doorbraak.cases.models import EntryKind
from doorbraak.costbenefit.models import CostFigure
from doorbraak.proposals import services
from doorbraak.proposals.models import CostBenefit, Request, ValueTriangle
from tests.proposals.conftest import complete

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def submit(case, actor, category, ground=None, **overrides):
    values = complete(**overrides)
    values["amount"] = Decimal(values["amount"])
    return services.request_submit(
        actor=actor,
        case=case,
        blockers=values.pop("blockers", []),
        category=category,
        legal_ground=ground,
        **values,
    )


def nothing_saved():
    return not (
        Request.objects.exists() or ValueTriangle.objects.exists() or CostBenefit.objects.exists()
    )


def test_complete_request_is_saved_with_triangle_and_timeline(
    case, worker_a, category, ground, blocker
):
    proposal = submit(case, worker_a, category, ground, blockers=[blocker])
    assert proposal.total == Decimal("250.00") and proposal.supplier_iban == "NL91ABNA0417164300"
    assert proposal.triangle.legal_ground == ground
    assert list(proposal.blockers.all()) == [blocker]
    entry = case.timeline.filter(kind=EntryKind.REQUEST).get()
    assert proposal.reference in entry.text and "€ 250,00" in entry.text


@pytest.mark.parametrize(
    ("missing", "field", "words"),
    [
        ({"legitimacy": ""}, "legitimacy", "Legitimiteit"),
        ({"involvement": ""}, "involvement", "Betrokkenheid"),
        ({"societal_return": ""}, "societal_return", "Rendement"),
    ],
)
def test_missing_triangle_side_is_refused(case, worker_a, category, ground, missing, field, words):
    with pytest.raises(ValidationError) as error:
        submit(case, worker_a, category, ground, **missing)
    assert words in " ".join(error.value.message_dict[field])
    assert nothing_saved()


def test_legitimacy_needs_a_legal_ground(case, worker_a, category):
    with pytest.raises(ValidationError) as error:
        submit(case, worker_a, category, ground=None)
    assert "legitimacy" in error.value.message_dict
    assert nothing_saved()


def test_a_side_may_honestly_not_apply_with_a_reason(case, worker_a, category):
    proposal = submit(
        case,
        worker_a,
        category,
        ground=None,
        legitimacy="",
        legitimacy_na="Binnen de gewone regels; geen uitzondering nodig.",
    )
    assert proposal.triangle.legitimacy_na.startswith("Binnen de gewone regels")


def test_negative_amount_is_refused(case, worker_a, category, ground):
    with pytest.raises(ValidationError) as error:
        submit(case, worker_a, category, ground, amount="-10.00")
    assert "negatief" in " ".join(error.value.message_dict["amount"])
    assert nothing_saved()


def test_invalid_iban_is_refused(case, worker_a, category, ground):
    with pytest.raises(ValidationError) as error:
        submit(case, worker_a, category, ground, supplier_iban="NL00ABNA0123456789")
    assert "IBAN" in " ".join(error.value.message_dict["supplier_iban"])
    assert nothing_saved()


def test_money_goes_to_a_supplier_not_the_resident(case, worker_a, category, ground):
    with pytest.raises(ValidationError) as error:
        submit(case, worker_a, category, ground, supplier_name="lotte  Beekman")
    assert "niet aan" in " ".join(error.value.message_dict["supplier_name"])
    with pytest.raises(ValidationError):
        submit(case, worker_a, category, ground, supplier_name="", supplier_iban="")
    assert nothing_saved()


def test_unknown_cost_figure_is_refused(case, worker_a, category, ground):
    with pytest.raises(ValidationError) as error:
        submit(
            case,
            worker_a,
            category,
            ground,
            avoided=[{"figure": "bestaat_niet", "quantity": "1", "probability": "0.5"}],
        )
    assert "bestaat_niet" in " ".join(error.value.message_dict["avoided"])
    assert "Onbekend kengetal" in " ".join(error.value.message_dict["avoided"])
    assert nothing_saved()


def test_calculation_required_above_the_threshold(case, worker_a, category, ground, settings):
    settings.COST_BENEFIT_REQUIRED_FROM = "500.00"
    with pytest.raises(ValidationError) as error:
        submit(case, worker_a, category, ground, amount="500.01")
    assert "kosten-batenberekening" in " ".join(error.value.message_dict["societal_return"])
    assert nothing_saved()
    assert submit(case, worker_a, category, ground, amount="500.00").pk


def test_calculation_is_stored_and_survives_catalogue_changes(case, worker_a, category, ground):
    proposal = submit(
        case,
        worker_a,
        category,
        ground,
        avoided=[
            {"figure": "maatschappelijke_opvang_dakloos", "quantity": "0.5", "probability": "0.6"}
        ],
    )
    stored = proposal.cost_benefit
    before = dict(stored.result)
    figure = stored.result["figures"][0]
    assert figure["key"] == "maatschappelijke_opvang_dakloos" and figure["version"] == 1
    assert "Cebeon 2011" in figure["source"]

    from doorbraak.costbenefit.services import figure_save

    row = CostFigure.objects.get(key="maatschappelijke_opvang_dakloos", municipality=None)
    row.amount = Decimal("99999.00")
    figure_save(row, is_new=False)
    assert row.version == 2
    stored.refresh_from_db()
    assert stored.result == before


def test_monthly_request_totals_its_schedule(case, worker_a, category, ground):
    proposal = submit(
        case,
        worker_a,
        category,
        ground,
        amount="400.00",
        frequency="maandelijks",
        months=26,
        avoided=[{"label": "x", "amount": "100", "probability": "1"}],
        horizon_months=26,
    )
    assert proposal.total == Decimal("10400.00")
    assert proposal.cost_benefit.result["cost"] == "10400.00"


def test_closed_case_refuses_requests(case, worker_a, category, ground):
    from doorbraak.cases.services import case_close

    case_close(actor=worker_a, case=case, reason="klaar")
    case.refresh_from_db()
    with pytest.raises(ValidationError):
        submit(case, worker_a, category, ground)
    assert nothing_saved()
