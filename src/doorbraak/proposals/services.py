"""Submitting a maatwerk request: checked as a whole, saved in one transaction, or refused
with Dutch messages and nothing saved."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from stdnum import iban as stdnum_iban

from doorbraak.accounts.models import User
from doorbraak.approvals import services as approval_services
from doorbraak.cases import services as case_services
from doorbraak.cases.models import Case, CaseStatus, EntryKind
from doorbraak.costbenefit import calculator, parsing
from doorbraak.costbenefit.api import calculate_for
from doorbraak.costbenefit.queries import municipality_id
from doorbraak.funds import ledger
from doorbraak.funds import services as fund_services
from doorbraak.ui import formatting

from . import anonymised as anonymised_texts
from . import rules, starter, workflow
from .models import (
    AlternativeKind,
    Category,
    CostBenefit,
    Frequency,
    LegalGround,
    PriorProvision,
    Request,
    RequestStatus,
    ValueTriangle,
)


def _messages() -> dict[str, str]:
    return {
        "negative_amount": _("The amount may not be negative."),
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


def _iban(value: str) -> tuple[str, bool]:
    compact = stdnum_iban.compact(value or "")
    return compact, bool(compact) and stdnum_iban.is_valid(compact)


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


@transaction.atomic
def request_submit(
    *,
    actor: User,
    case: Case,
    blockers=(),
    solution: str,
    category: Category,
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
    anonymised: dict | None = None,
) -> Request:
    if case.status != CaseStatus.OPEN:
        raise ValidationError(_("This case is closed; reopen it before changing it."))
    errors: dict[str, list[str]] = {}
    solution = (solution or "").strip()
    if not solution:
        errors["solution"] = [_("Describe the proposed solution.")]
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
    iban, iban_valid = _iban(supplier_iban)

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
        supplier_iban=iban,
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
    )
    messages = _messages()
    for field, code in rules.check_request(draft):
        errors.setdefault(field, []).append(messages[code])
    if fund is not None and category is not None:
        errors.update(
            _fund_errors(
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
    # The writer may have corrected the approvers' text; it is checked once more, so a name
    # typed back in is still removed.
    approver_texts = anonymised_texts.anonymise_texts(
        {field: (anonymised or {}).get(field, text) for field, text in texts.items()},
        case=case,
        keep_ibans=[iban] if iban else [],
    )
    approver_texts["blockers"] = anonymised_texts.anonymise_blockers(blockers, case=case)
    request = Request.objects.create(
        case=case,
        solution=solution,
        category=category,
        amount=amount,
        frequency=frequency,
        months=months if frequency == Frequency.MONTHLY else 1,
        supplier_name=supplier_name.strip(),
        supplier_iban=iban,
        prior_provisions=provisions,
        prior_provisions_note=prior_provisions_note.strip(),
        recurrence_prevention=recurrence_prevention.strip(),
        created_by=actor,
        fund=fund,
        anonymised=approver_texts,
    )
    request.blockers.set(blockers)
    ValueTriangle.objects.create(
        request=request,
        legal_ground=legal_ground,
        legitimacy=legitimacy.strip(),
        legitimacy_na=legitimacy_na.strip(),
        involvement=involvement.strip(),
        involvement_na=involvement_na.strip(),
        societal_return=societal_return.strip(),
        societal_return_na=societal_return_na.strip(),
    )
    if calculation:
        data, result = calculation
        CostBenefit.objects.create(
            request=request,
            horizon_months=result["horizon_months"],
            price_year=result["price_year"],
            input=data,
            result=result,
        )
    case_services.timeline_record(
        case,
        actor,
        EntryKind.REQUEST,
        # Stored text, read later in any language: Dutch amount, cut at a word boundary.
        f"{request.reference}: {formatting.shorten(solution, 120)} "
        f"({formatting.euro(request.total)})",
    )
    if fund is not None and category is not None:
        approval_services.request_opened(request)
    return request


def _fund_errors(fund, *, case, category, amount, frequency, months) -> dict[str, list[str]]:
    """The fund's own rules (ceilings, categories, budget); if it does not fit, name the
    next route: another fund that fits, or the Doorbraaktafel."""
    total = amount * (months if frequency == Frequency.MONTHLY else 1)
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


def _transition(request: Request, new: str) -> Request:
    locked = Request.objects.select_for_update().get(pk=request.pk)
    if not workflow.may_change(locked.status, new):
        raise ValidationError(
            _("A request that is %(status)s cannot become %(new)s.")
            % {"status": locked.get_status_display(), "new": RequestStatus(new).label}
        )
    return locked


def _may_close(actor: User, request: Request) -> bool:
    return actor.pk == request.created_by_id or case_services.may_manage(actor, request.case)


@transaction.atomic
def request_withdraw(*, actor: User, request: Request, reason: str) -> Request:
    """The requester (or the key worker / team leader) withdraws: anything reserved goes back
    to the fund and unpaid orders lapse."""
    request = _transition(request, RequestStatus.WITHDRAWN)
    if not _may_close(actor, request):
        raise PermissionDenied(
            _("Only the requester, the key worker or the team leader can withdraw a request.")
        )
    return _close(actor, request, RequestStatus.WITHDRAWN, "", reason)


@transaction.atomic
def request_solve_otherwise(
    *, actor: User, request: Request, alternative: str, note: str
) -> Request:
    """Solved without this fund: another fund, a voorliggende voorziening, or no cost."""
    request = _transition(request, RequestStatus.SOLVED_OTHERWISE)
    if not _may_close(actor, request):
        raise PermissionDenied(
            _("Only the requester, the key worker or the team leader can close a request.")
        )
    if alternative not in AlternativeKind.values:
        raise ValidationError({"alternative": _("Choose how it was solved.")})
    return _close(actor, request, RequestStatus.SOLVED_OTHERWISE, alternative, note)


def _close(actor, request, status, alternative, note) -> Request:
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Add a short explanation.")})
    if request.payment_orders.filter(status="in-batch").exists():
        raise ValidationError(
            _(
                "A payment for this request is already in a payment batch; "
                "it is paid with that batch. Ask the fund's treasurer."
            )
        )
    if request.fund_id and request.reservations.exists():
        ledger.release(
            fund_id=request.fund_id,
            ref=request.reference,
            actor=actor,
            memo=f"{request.reference} {status}",
        )
    fund_services.orders_cancel(request)
    request.status, request.alternative, request.outcome_note = status, alternative, note
    request.save(update_fields=["status", "alternative", "outcome_note"])
    case_services.timeline_record(
        request.case,
        actor,
        EntryKind.REQUEST,
        f"{request.reference}: {request.get_status_display()} — {note}",
    )
    return request


@transaction.atomic
def request_mark_paid_if_complete(request: Request) -> bool:
    """After a batch is paid: a request whose orders are all paid is paid."""
    if request.payment_orders.exclude(status__in=["betaald", "vervallen"]).exists():
        return False
    request = _transition(request, RequestStatus.PAID)
    request.status = RequestStatus.PAID
    request.save(update_fields=["status"])
    return True


@transaction.atomic
def load_starter_catalogues() -> None:
    """Add the shipped categories and legal grounds that are missing; never overwrite."""
    starter.load(Category, LegalGround)
