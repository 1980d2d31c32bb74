"""The budget check (budgetcheck) of a household and its multi-creditor payment plan
(seed 002, Enschede and the Buddy app: a realistic payment capacity and one arrangement with
several creditors at once). The arithmetic lives in `capacity.py` and `plan.py` (pure
Python); the bijstandsnormen are a dated table the beheerder keeps current."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.text_validators import LimitedCharField

from . import capacity as core


class HouseholdKind(models.TextChoices):
    SINGLE = "alleenstaande", _("single")
    SINGLE_PARENT = "alleenstaande-ouder", _("single parent")
    COUPLE = "gehuwden", _("married or living together")


class IncomeKind(models.TextChoices):
    WAGES = core.WAGES, _("wages")
    BENEFIT = core.BENEFIT, _("benefit")
    PENSION = core.PENSION, _("pension or AOW")
    HOUSING_ALLOWANCE = core.HOUSING_ALLOWANCE, _("housing allowance (huurtoeslag)")
    HEALTH_ALLOWANCE = core.HEALTH_ALLOWANCE, _("health-care allowance (zorgtoeslag)")
    CHILD_BUDGET = core.CHILD_BUDGET, _("kindgebonden budget")
    CHILD_BENEFIT = core.CHILD_BENEFIT, _("child benefit (kinderbijslag)")
    OTHER = core.OTHER_INCOME, _("other income")


class CostKind(models.TextChoices):
    HOUSING = core.HOUSING, _("rent or mortgage")
    ENERGY = core.ENERGY, _("energy")
    HEALTH_INSURANCE = core.HEALTH_INSURANCE, _("health insurance")
    WATER = core.WATER, _("water")
    OTHER = core.OTHER_COST, _("other fixed costs")


class DebtKind(models.TextChoices):
    RENT = "huur", _("rent")
    ENERGY = "energie", _("energy")
    HEALTH_INSURANCE = "zorgverzekering", _("health insurance")
    TAXES = "belastingen", _("taxes")
    OTHER = "overig", _("other debt")


#: Priority debts (vaste lasten that keep a roof, light and insurance): rent, energy, health
#: insurance, taxes.
PRIORITY_KINDS = frozenset(
    {DebtKind.RENT, DebtKind.ENERGY, DebtKind.HEALTH_INSURANCE, DebtKind.TAXES}
)


def _money(verbose, **kwargs):
    return models.DecimalField(verbose, max_digits=12, decimal_places=2, **kwargs)


class BijstandsNorm(models.Model):
    """One bijstandsnorm from a date on, with the parameters of the statutory corrections."""

    household_kind = models.CharField(
        _("household situation"), max_length=20, choices=HouseholdKind.choices
    )
    pension_age = models.BooleanField(_("AOW age or older"), default=False)
    valid_from = models.DateField(_("valid from"))
    amount = _money(_("norm per month including vakantietoeslag (EUR)"))
    housing_threshold = _money(
        _("woonkostennorm (EUR)"),
        help_text=_("Housing costs above this amount (after huurtoeslag) raise the voet."),
    )
    health_allowance = _money(
        _("zorgtoeslag amount (EUR)"),
        help_text=_("Added to the voet when the household receives no zorgtoeslag."),
    )
    source = LimitedCharField(_("source"), max_length=limits.SHORT_TEXT)

    class Meta:
        verbose_name = _("bijstandsnorm")
        verbose_name_plural = _("bijstandsnormen")
        ordering = ["-valid_from", "household_kind", "pension_age"]
        constraints = [
            models.UniqueConstraint(
                fields=["household_kind", "pension_age", "valid_from"],
                name="budget_one_norm_per_date",
            ),
            models.CheckConstraint(
                condition=Q(amount__gt=0)
                & Q(housing_threshold__gte=0)
                & Q(health_allowance__gte=0),
                name="budget_norm_amounts_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_household_kind_display()} ({self.valid_from:%d-%m-%Y})"

    def as_core(self) -> core.Norm:
        return core.Norm(
            amount=self.amount,
            housing_threshold=self.housing_threshold,
            health_allowance=self.health_allowance,
        )


class BudgetCheck(models.Model):
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="+"
    )
    household_kind = models.CharField(
        _("household situation"), max_length=20, choices=HouseholdKind.choices
    )
    pension_age = models.BooleanField(_("AOW age or older"), default=False)
    checked_on = models.DateField(_("date of the check"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)

    class Meta:
        verbose_name = _("budget check")
        verbose_name_plural = _("budget checks")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["case", "-created_at"], name="budget_check_case_idx")]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"BC-{self.pk:05d}"


class Income(models.Model):
    budget_check = models.ForeignKey(
        BudgetCheck,
        verbose_name=_("budget check"),
        on_delete=models.CASCADE,
        related_name="incomes",
    )
    kind = models.CharField(_("kind of income"), max_length=25, choices=IncomeKind.choices)
    amount = _money(_("amount per month (EUR)"))

    class Meta:
        verbose_name = _("income")
        verbose_name_plural = _("incomes")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_income_not_negative")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.amount}"


class FixedCost(models.Model):
    budget_check = models.ForeignKey(
        BudgetCheck, verbose_name=_("budget check"), on_delete=models.CASCADE, related_name="costs"
    )
    kind = models.CharField(_("kind of fixed cost"), max_length=25, choices=CostKind.choices)
    amount = _money(_("amount per month (EUR)"))

    class Meta:
        verbose_name = _("fixed cost")
        verbose_name_plural = _("fixed costs")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_cost_not_negative")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.amount}"


class Debt(models.Model):
    budget_check = models.ForeignKey(
        BudgetCheck, verbose_name=_("budget check"), on_delete=models.CASCADE, related_name="debts"
    )
    creditor = LimitedCharField(_("creditor"), max_length=limits.NAME, name_check=True)
    kind = models.CharField(_("kind of debt"), max_length=20, choices=DebtKind.choices)
    amount = _money(_("amount owed (EUR)"))
    arrears = _money(_("of which in arrears (EUR)"), default=0)

    class Meta:
        verbose_name = _("debt")
        verbose_name_plural = _("debts")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0) & Q(arrears__gte=0) & Q(arrears__lte=models.F("amount")),
                name="budget_debt_amounts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.creditor}: {self.amount}"

    @property
    def is_priority(self) -> bool:
        return self.kind in PRIORITY_KINDS


class PaymentPlan(models.Model):
    """A proposed plan, frozen as computed: the capacity, the norm used and every creditor's
    monthly amounts (in `PlanShare.monthly`)."""

    budget_check = models.ForeignKey(
        BudgetCheck, verbose_name=_("budget check"), on_delete=models.PROTECT, related_name="plans"
    )
    months_asked = models.PositiveSmallIntegerField(_("months asked"))
    months = models.PositiveSmallIntegerField(_("months"))
    priority_first = models.BooleanField(_("priority debts first"), default=False)
    capacity = _money(_("payment capacity per month (EUR)"))
    voet = _money(_("beslagvrije voet (EUR)"))
    norm = models.ForeignKey(
        BijstandsNorm, verbose_name=_("norm"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)

    class Meta:
        verbose_name = _("payment plan")
        verbose_name_plural = _("payment plans")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(months_asked__gte=1) & Q(months_asked__lte=36) & Q(months__lte=36),
                name="budget_plan_at_most_36_months",
            )
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"BR-{self.pk:05d}"


class PlanShare(models.Model):
    plan = models.ForeignKey(
        PaymentPlan, verbose_name=_("payment plan"), on_delete=models.CASCADE, related_name="shares"
    )
    debt = models.ForeignKey(
        Debt, verbose_name=_("debt"), on_delete=models.PROTECT, related_name="+"
    )
    creditor = LimitedCharField(_("creditor"), max_length=limits.NAME, name_check=True)
    priority = models.BooleanField(_("priority debt"), default=False)
    owed = _money(_("amount owed (EUR)"))
    total = _money(_("paid in the plan (EUR)"))
    #: The amount per plan month as strings ("12.34"), month 1 first.
    monthly = models.JSONField(_("amount per month"), default=list)

    class Meta:
        verbose_name = _("creditor's share")
        verbose_name_plural = _("creditors' shares")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.creditor}: {self.total}"

    @property
    def remaining(self):
        return self.owed - self.total

    @property
    def first_month(self):
        return self.monthly[0] if self.monthly else "0.00"
