"""Demo data for the budget check (synthetic): one household of demo-gezinswerker with a
benefit, huurtoeslag and zorgtoeslag, its fixed costs and four debts (rent and energy are
priority debts), and a payment plan with the priority debts first. All names are made up."""

import datetime
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from doorbraak.accounts.models import User
from doorbraak.budget import services, starter
from doorbraak.budget.models import BijstandsNorm, HouseholdKind
from doorbraak.cases.models import Case
from doorbraak.privacy.services import Origin


def _origin(user) -> Origin:
    return Origin(trace_id="0" * 32, span_id="0" * 16, parent_span_id="", actor=user, origin="demo")


def add_demo_budget() -> dict:
    # The shipped norms, also when a test emptied the tables the migration filled.
    starter.load(BijstandsNorm)
    worker = User.objects.filter(username="demo-gezinswerker").first()
    if worker is None:
        return {"budget_checks": 0}
    cases = Case.objects.filter(key_worker=worker, status="open").order_by("pk")
    case = (
        cases.filter(Q(question__icontains="schuld") | Q(question__icontains="huurachterstand"))
        .exclude(question__icontains="hersteloperatie")
        .first()
        or cases.first()
    )
    if case is None:
        return {"budget_checks": 0}
    origin = _origin(worker)
    check = services.check_create(
        actor=worker,
        origin=origin,
        case=case,
        household_kind=HouseholdKind.SINGLE_PARENT,
        pension_age=False,
        checked_on=timezone.localdate() - datetime.timedelta(days=3),
        incomes=[
            {"kind": "uitkering", "amount": Decimal("1612.40")},
            {"kind": "huurtoeslag", "amount": Decimal("285.00")},
            {"kind": "zorgtoeslag", "amount": Decimal("131.00")},
            {"kind": "kinderbijslag", "amount": Decimal("95.00")},
        ],
        costs=[
            {"kind": "woonkosten", "amount": Decimal("815.00")},
            {"kind": "energie", "amount": Decimal("165.00")},
            {"kind": "zorgverzekering", "amount": Decimal("154.50")},
            {"kind": "water", "amount": Decimal("24.00")},
        ],
        debts=[
            {
                "creditor": "Woningcorporatie Thuis (demo)",
                "kind": "huur",
                "amount": Decimal("1630.00"),
                "arrears": Decimal("1630.00"),
            },
            {
                "creditor": "Energie Voorbeeldstad (demo)",
                "kind": "energie",
                "amount": Decimal("742.18"),
                "arrears": Decimal("420.00"),
            },
            {
                "creditor": "Postorderbedrijf Snelbesteld (demo)",
                "kind": "overig",
                "amount": Decimal("1285.60"),
                "arrears": Decimal("310.00"),
            },
            {
                "creditor": "Telecom Bellen (demo)",
                "kind": "overig",
                "amount": Decimal("389.99"),
                "arrears": Decimal("389.99"),
            },
        ],
    )
    services.plan_propose(actor=worker, origin=origin, check=check, months=36, priority_first=True)
    return {"budget_checks": 1, "payment_plans": 1}
