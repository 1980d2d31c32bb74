"""From request data (the API's JSON, the calculator page, a stored snapshot) to calculator
input, and from a result back to JSON with decimals as strings. Errors become Dutch
messages through `error_message`."""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from doorbraak import text_limits

from . import calculator
from .calculator import AvoidedItem, CalculationError, Probability, SolutionItem, to_decimal
from .models import PAYER_CHOICES

PAYERS = {key for key, _label in PAYER_CHOICES}
FACTOR = Decimal("0.0001")


def error_message(error: CalculationError) -> str:
    messages = {
        "not_a_number": _('%(field)s is not a valid number; give decimals as text, e.g. "0.50".'),
        "too_large": _("%(field)s is too large."),
        "no_index": _("There is no price index for %(year)s; add it in the administration."),
        "months": _("The number of months for “%(label)s” must be a whole number of at least 1."),
        "beyond_horizon": _("“%(label)s” runs longer than the horizon of %(horizon)s months."),
        "negative_amount": _("The amount for “%(label)s” may not be negative."),
        "negative_quantity": _("The quantity for “%(label)s” may not be negative."),
        "probability": _("The probability for “%(label)s” must be between 0 and 1."),
        "probability_order": _("For “%(label)s” the low probability is above the high one."),
        "per": _("For “%(label)s” choose once (once) or per month (month)."),
        "unknown_figure": _("Unknown cost figure: “%(key)s”."),
        "unit": _("Cost figure “%(key)s” has an unknown unit."),
        "missing_amount": _("Give a cost figure or an amount for “%(label)s”."),
        "horizon": _("The horizon must be between 1 and %(maximum)s months."),
        "unknown_payer": _("Unknown payer: “%(payer)s”."),
        "malformed": _("The input is incomplete or malformed: %(detail)s."),
        "label_length": _("Description: at most %(limit)s characters (you used %(used)s)."),
    }
    template = messages.get(error.code, _("The calculation could not be made."))
    if error.code == "label_length":
        return template % {
            k: number_format(v, force_grouping=True) for k, v in error.params.items()
        }
    return template % error.params if error.params else template


def _malformed(detail: str) -> CalculationError:
    return CalculationError("malformed", detail=detail)


def _int(value, field_name: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CalculationError("not_a_number", field=field_name)
    if isinstance(value, int):
        return value
    number = to_decimal(value, field_name=field_name)
    if number != number.to_integral_value():
        raise CalculationError("months", label=field_name)
    return int(number)


def _label(raw: dict) -> str:
    value = raw.get("label")
    label = "" if value is None else str(value).strip()
    used = text_limits.excess_length(label, text_limits.SHORT_TEXT)
    if used is not None:
        raise CalculationError("label_length", limit=text_limits.SHORT_TEXT, used=used)
    return label


def _payer(value, default: str | None) -> str | None:
    if value is None or value == "":
        return default
    if not isinstance(value, str) or value not in PAYERS:
        raise CalculationError("unknown_payer", payer=str(value)[:40])
    return value


def _probability(value, label: str) -> Probability:
    if value is None or value == "":
        return Probability.exactly(calculator.ONE)
    if isinstance(value, dict):
        try:
            low, high = value["low"], value["high"]
        except KeyError:
            raise _malformed("probability {low, high}") from None
        return Probability(
            to_decimal(low, field_name="probability.low"),
            to_decimal(high, field_name="probability.high"),
        )
    return Probability.exactly(to_decimal(value, field_name="probability"))


def _items(data: dict, key: str) -> list[dict]:
    items = data.get(key, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise _malformed(key)
    return items


def parse(data) -> dict:
    """Keyword arguments for `calculator.calculate`, minus catalogue and index."""
    if not isinstance(data, dict):
        raise _malformed("body")
    horizon = _int(data.get("horizon_months"), "horizon_months")
    if horizon is None:
        raise _malformed("horizon_months")
    solution = []
    for raw in _items(data, "solution"):
        label = _label(raw)
        if raw.get("amount") in (None, ""):
            raise CalculationError("missing_amount", label=label or "oplossing")
        solution.append(
            SolutionItem(
                label=label,
                amount=to_decimal(raw["amount"], field_name="amount"),
                per=raw.get("per", calculator.ONCE),
                months=_int(raw.get("months"), "months"),
                payer=_payer(raw.get("payer"), calculator.DEFAULT_SOLUTION_PAYER),
            )
        )
    avoided = []
    for raw in _items(data, "avoided"):
        label = _label(raw)
        figure = raw.get("figure") or None
        amount = raw.get("amount")
        avoided.append(
            AvoidedItem(
                probability=_probability(raw.get("probability"), label),
                figure=str(figure) if figure is not None else None,
                quantity=to_decimal(raw.get("quantity", "1"), field_name="quantity"),
                label=label,
                amount=None if amount in (None, "") else to_decimal(amount, field_name="amount"),
                per=raw.get("per", calculator.ONCE),
                months=_int(raw.get("months"), "months"),
                payer=_payer(raw.get("payer"), None),
            )
        )
    return {"horizon_months": horizon, "solution": solution, "avoided": avoided}


def _money(value) -> str | None:
    return None if value is None else str(value)


def serialise(result: calculator.Result) -> dict:
    def figure(use):
        return (
            None
            if use is None
            else {
                "key": use.key,
                "label": use.label,
                "amount": str(use.amount),
                "unit": use.unit,
                "price_year": use.price_year,
                "target_year": use.target_year,
                "factor": str(use.factor.quantize(FACTOR)),
                "indexed_amount": str(use.indexed_amount),
                "source": use.source,
                "note": use.note,
                "version": use.version,
            }
        )

    return {
        "horizon_months": result.horizon_months,
        "price_year": result.price_year,
        "cost": _money(result.cost),
        "avoided": _money(result.avoided),
        "net": _money(result.net),
        "return_per_euro": _money(result.return_per_euro),
        "break_even_probability": _money(result.break_even_probability),
        "range": {
            "avoided_low": _money(result.avoided_low),
            "avoided_high": _money(result.avoided_high),
            "net_low": _money(result.net_low),
            "net_high": _money(result.net_high),
            "return_low": _money(result.return_low),
            "return_high": _money(result.return_high),
        }
        if result.has_range
        else None,
        "by_payer": {
            payer: {"cost": str(t.cost), "avoided": str(t.avoided), "net": str(t.net)}
            for payer, t in sorted(result.by_payer.items())
        },
        "figures": [figure(use) for use in result.figures],
        "lines": [
            {
                "kind": line.kind,
                "label": line.label,
                "payer": line.payer,
                "base": str(line.base),
                "expected": str(line.expected),
                "low": str(line.low),
                "high": str(line.high),
                "probability": None
                if line.probability is None
                else {"low": str(line.probability.low), "high": str(line.probability.high)},
                "figure": line.figure.key if line.figure else None,
            }
            for line in result.lines
        ],
    }
