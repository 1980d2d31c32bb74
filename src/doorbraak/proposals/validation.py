"""Checking a maatwerk request as a whole before anything is saved: the form's preview step,
the submit and the API all use `request_check`, so a request is refused for the same reasons
everywhere, with the same Dutch messages."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum import iban as stdnum_iban

from doorbraak import text_limits
from doorbraak.cases.models import Case, CaseStatus
from doorbraak.costbenefit import calculator, parsing
from doorbraak.costbenefit.api import calculate_for
from doorbraak.costbenefit.queries import municipality_id
from doorbraak.funds import services as fund_services
from doorbraak.text_validators import length_message, name_message

from . import limits, rules, smallrequests
from .models import Category, Frequency, LegalGround, PriorProvision


def _messages() -> dict[str, str]:
    return {
        "negative_amount": _("The amount may not be negative."),
        "amount_out_of_range": _("An amount is at most %(max)s per payment, in whole cents.")
        % {"max": "€ 1.000.000,00"},
        "frequency": _("Choose one-off or monthly."),
        "months": _("A monthly request runs between 1 and %(max)s months.")
        % {"max": rules.MAX_MONTHS},
        "supplier_required": _(
            "Name the supplier or creditor: the money goes to them, never to the resident."
        ),
        "paid_to_resident": _(
            "The money goes to a supplier or creditor, not to a member of the household."
        ),
        "iban_required": _("Give the IBAN of the supplier or creditor."),
        "iban_invalid": _("This IBAN is not valid; check the number."),
        "prior_provisions": _("Say which provisions were tried first, or that none exists."),
        "recurrence": _("Describe how recurrence is prevented."),
        "legitimacy_missing": _(
            "Legitimacy: choose a legal ground and explain it, or say why it does not apply."
        ),
        "involvement_missing": _(
            "Involvement: write what the household contributes, or say why it does not apply."
        ),
        "return_missing": _(
            "Return: describe the costs avoided or add a calculation, or say why it does not apply."
        ),
        "calculation_required": _("Above %(amount)s a cost-benefit calculation is required.")
        % {"amount": fund_services.euro(Decimal(settings.COST_BENEFIT_REQUIRED_FROM))},
    }


def iban(value: str) -> tuple[str, bool]:
    compact = stdnum_iban.compact(value or "")
    return compact, bool(compact) and stdnum_iban.is_valid(compact)


def total_of(amount: Decimal, frequency: str, months: int | None) -> Decimal:
    return amount * ((months or 1) if frequency == Frequency.MONTHLY else 1)


def small_up_to(fund) -> Decimal | None:
    """Up to which total a request on `fund` is small, under its approval policy in force."""
    if fund is None:
        return None
    return smallrequests.limit(fund.approval_policy.small_request_limit, fund.ceiling_per_request)


def is_small(fund, total: Decimal) -> bool:
    """No fund means the request is decided elsewhere (an escalation): never small."""
    return smallrequests.is_small(total, small_up_to(fund), escalated=fund is None)


def cost_benefit_input(
    *,
    solution: str,
    amount: Decimal,
    frequency: str,
    months: int,
    horizon_months: int | None,
    avoided: list[dict],
) -> dict:
    """The calculator input for a request: the request itself is the solution."""
    monthly = frequency == Frequency.MONTHLY
    return {
        "horizon_months": horizon_months or max(12, months if monthly else 1),
        "solution": [
            {
                "label": solution.strip()[:80] or "oplossing",
                "amount": str(amount),
                "per": calculator.MONTH if monthly else calculator.ONCE,
                "months": months if monthly else None,
            }
        ],
        "avoided": avoided,
    }


@dataclass(frozen=True)
class Checked:
    """What passed the check, normalised for saving."""

    texts: dict[str, str]  # the free texts, stripped (see anonymised.FIELDS)
    supplier_name: str
    iban: str
    blockers: list
    provisions: list[str]
    frequency: str
    months: int  # 1 for a one-off payment
    small: bool
    calculation: tuple[dict, dict] | None  # (input, result) as stored


def request_check(
    *,
    case: Case,
    blockers=(),
    solution: str,
    category: Category | None,
    amount: Decimal,
    frequency: str = Frequency.ONCE,
    months: int | None = None,
    supplier_name: str = "",
    supplier_iban: str = "",
    prior_provisions=(),
    prior_provisions_note: str = "",
    recurrence_prevention: str = "",
    legal_ground: LegalGround | None = None,
    legitimacy: str = "",
    legitimacy_na: str = "",
    involvement: str = "",
    involvement_na: str = "",
    societal_return: str = "",
    societal_return_na: str = "",
    horizon_months: int | None = None,
    avoided: list[dict] | None = None,
    fund=None,
) -> Checked:
    """Raise ValidationError (per field, in Dutch) unless the request may be submitted."""
    if case.status != CaseStatus.OPEN:
        raise ValidationError(_("This case is closed; reopen it before changing it."))
    errors: dict[str, list[str]] = {}
    solution = (solution or "").strip()
    if not solution:
        errors["solution"] = [_("Describe what is needed, and why.")]
    texts = {
        "solution": solution,
        "prior_provisions_note": prior_provisions_note,
        "recurrence_prevention": recurrence_prevention,
        "legitimacy": legitimacy,
        "legitimacy_na": legitimacy_na,
        "involvement": involvement,
        "involvement_na": involvement_na,
        "societal_return": societal_return,
        "societal_return_na": societal_return_na,
    }
    for field, maximum, length in limits.too_long(texts):
        errors.setdefault(field, []).append(length_message(maximum, length))
    if len(supplier_name or "") > limits.NAME:
        errors["supplier_name"] = [length_message(limits.NAME, len(supplier_name))]
    elif problem := text_limits.name_problem(supplier_name):
        errors["supplier_name"] = [name_message(problem)]
    if category is None or not category.active:
        errors["category"] = [_("Choose a category.")]
    if legal_ground is not None and not legal_ground.active:
        errors["legal_ground"] = [_("This legal ground is no longer in use.")]
    blockers = list(blockers or [])
    if any(b.case_id != case.pk for b in blockers):
        errors["blockers"] = [_("Choose blockers of this case.")]
    provisions = list(dict.fromkeys(prior_provisions or []))
    if any(p not in PriorProvision.values for p in provisions):
        errors["prior_provisions"] = [_("Choose from the list.")]
    months = months or 1
    compact_iban, iban_valid = iban(supplier_iban)
    small = amount is not None and is_small(fund, total_of(amount, frequency, months))

    calculation = None
    if avoided:
        data = cost_benefit_input(
            solution=solution,
            amount=amount,
            frequency=frequency,
            months=months,
            horizon_months=horizon_months,
            avoided=avoided,
        )
        try:
            result = calculate_for(data, municipality_id=municipality_id(case.team))
        except calculator.CalculationError as error:
            errors.setdefault("avoided", []).append(parsing.error_message(error))
        else:
            calculation = (data, parsing.serialise(result))

    draft = rules.RequestDraft(
        amount=amount,
        frequency=frequency,
        months=months,
        supplier_name=supplier_name,
        supplier_iban=compact_iban,
        supplier_iban_valid=iban_valid,
        prior_provisions=tuple(provisions),
        recurrence_prevention=recurrence_prevention,
        has_legal_ground=legal_ground is not None,
        legitimacy=legitimacy,
        legitimacy_na=legitimacy_na,
        involvement=involvement,
        involvement_na=involvement_na,
        societal_return=societal_return,
        societal_return_na=societal_return_na,
        has_calculation=calculation is not None,
        calculation_required_from=Decimal(settings.COST_BENEFIT_REQUIRED_FROM),
        household_names=tuple(str(m) for m in case.household.members.all()),
        small=small,
    )
    messages = _messages()
    for field, code in rules.check_request(draft):
        errors.setdefault(field, []).append(messages[code])
    if fund is not None and category is not None:
        errors.update(
            fund_errors(
                fund,
                case=case,
                category=category,
                amount=amount,
                frequency=frequency,
                months=months,
            )
        )
    if errors:
        raise ValidationError(errors)
    return Checked(
        texts={field: (text or "").strip() for field, text in texts.items()},
        supplier_name=(supplier_name or "").strip(),
        iban=compact_iban,
        blockers=blockers,
        provisions=provisions,
        frequency=frequency,
        months=months if frequency == Frequency.MONTHLY else 1,
        small=small,
        calculation=calculation,
    )


def fund_errors(fund, *, case, category, amount, frequency, months) -> dict[str, list[str]]:
    """The fund's own rules (ceilings, categories, budget); if it does not fit, name the
    next route: another fund that fits, or the Doorbraaktafel."""
    total = total_of(amount, frequency, months)
    terms = {
        "total": total,
        "category_key": category.key,
        "recurring": frequency == Frequency.MONTHLY,
        "household_id": case.household_id,
    }
    problems = fund_services.fit_problems(fund, **terms)
    if not problems:
        return {}
    others = fund_services.funds_that_fit(team_id=case.team_id, exclude_fund_id=fund.pk, **terms)
    if others:
        route = _("Next route: submit it to %(funds)s.") % {
            "funds": ", ".join(str(f) for f in others)
        }
    else:
        route = _("Next route: bring it to the Doorbraaktafel or use a mandate.")
    return {"fund": [*problems, route]}
