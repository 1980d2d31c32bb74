"""The budget pages: the list with a new check (/budget/), one check with its incomes, fixed
costs, debts and the payment capacity, the proposed payment plan, its CSV and one letter per
creditor as PDF. Only for those who may see the case; writing is for the professionals on
it. Every page that shows a household's data writes the processing log."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.cases.models import CaseStatus
from doorbraak.cases.queries import subject_ids_of_case, subject_ids_of_cases, visible_cases
from doorbraak.forms_utrecht import apply_service_errors
from doorbraak.home.menu import may_write_request
from doorbraak.home.queries import person_of
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_request, origin_from_request

from . import queries, services
from .forms import CheckStartForm, CostForm, DebtForm, IncomeForm, PlanForm
from .models import PlanShare


def _start_cases(user):
    return (
        visible_cases(user)
        .filter(status=CaseStatus.OPEN)
        .select_related("household")
        .order_by("household__name", "pk")
    )


@login_required
def index(request):
    user = request.user
    writer = may_write_request(person_of(user))
    form = None
    status = 200
    if writer:
        form = CheckStartForm(request.POST or None, cases=_start_cases(user))
        if request.method == "POST":
            status = 400
            if form.is_valid():
                data = form.cleaned_data
                try:
                    check = services.check_start(
                        actor=user, origin=origin_from_request(request), **data
                    )
                except ValidationError as error:
                    apply_service_errors(form, error)
                except PermissionDenied as error:
                    form.add_error("case", str(error))
                else:
                    messages.success(
                        request, _("Budget check started. Add the incomes, fixed costs and debts.")
                    )
                    return redirect("budget:check", check.pk)
    elif request.method == "POST":
        raise PermissionDenied(
            _("Only a professional who works on this case makes a budget check.")
        )
    checks = list(queries.check_list(user)[:50])
    log_request(
        request,
        Activity.BUDGET_VIEW,
        "read",
        "budget-checks",
        "",
        subject_ids_of_cases({c.case_id: c.case for c in checks}.values()),
    )
    return render(request, "budget/index.html", {"form": form, "checks": checks}, status=status)


def _check_or_404(request, pk, activity=Activity.BUDGET_VIEW, action="read"):
    try:
        return queries.check_detail(request.user, pk)
    except Http404:
        log_request(request, activity, action, "budget-check", pk, [], Outcome.DENIED)
        raise


FORMS = {
    "income_form": (IncomeForm, "inkomen"),
    "cost_form": (CostForm, "last"),
    "debt_form": (DebtForm, "schuld"),
    "plan_form": (PlanForm, "regeling"),
}


def _render_check(request, check, *, status=200, **forms):
    log_request(
        request,
        Activity.BUDGET_VIEW,
        "read",
        "budget-check",
        check.pk,
        subject_ids_of_case(check.case),
    )
    incomes, costs, debts = (
        list(check.incomes.all()),
        list(check.costs.all()),
        list(check.debts.all()),
    )
    norm, result = services.compute(check, incomes, costs)
    writer = services.may_work(request.user, check.case)
    context = {
        "check": check,
        "case": check.case,
        "incomes": incomes,
        "costs": costs,
        "debts": debts,
        "debt_total": sum(d.amount for d in debts),
        "arrears_total": sum(d.arrears for d in debts),
        "norm": norm,
        "result": result,
        "plans": list(check.plans.all()),
        "writer": writer,
    }
    if writer:
        for name, (form_class, prefix) in FORMS.items():
            context[name] = forms.get(name) or form_class(prefix=prefix)
    return render(request, "budget/check.html", context, status=status)


@login_required
def check_page(request, pk):
    return _render_check(request, _check_or_404(request, pk))


def _post(request, pk, form_name, call, success, action="create"):
    check = _check_or_404(request, pk, Activity.BUDGET_RECORD, action)
    if not services.may_work(request.user, check.case):
        raise PermissionDenied(
            _("Only a professional who works on this case makes a budget check.")
        )
    form_class, prefix = FORMS[form_name]
    form = form_class(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            result = call(check, form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, success)
            return result or redirect("budget:check", check.pk)
    return _render_check(request, check, status=400, **{form_name: form})


@login_required
@require_POST
def income_add(request, pk):
    return _post(
        request,
        pk,
        "income_form",
        lambda check, data: (
            services.income_add(
                actor=request.user, origin=origin_from_request(request), check=check, **data
            )
            and None
        ),
        _("Income added."),
    )


@login_required
@require_POST
def cost_add(request, pk):
    return _post(
        request,
        pk,
        "cost_form",
        lambda check, data: (
            services.cost_add(
                actor=request.user, origin=origin_from_request(request), check=check, **data
            )
            and None
        ),
        _("Fixed cost added."),
    )


@login_required
@require_POST
def debt_add(request, pk):
    def call(check, data):
        services.debt_add(
            actor=request.user,
            origin=origin_from_request(request),
            check=check,
            creditor=data["creditor"],
            kind=data["kind"],
            amount=data["amount"],
            arrears=data["arrears"] if data["arrears"] is not None else "0",
        )

    return _post(request, pk, "debt_form", call, _("Debt added."))


@login_required
@require_POST
def plan_propose(request, pk):
    def call(check, data):
        plan = services.plan_propose(
            actor=request.user, origin=origin_from_request(request), check=check, **data
        )
        return redirect("budget:plan", plan.pk)

    return _post(request, pk, "plan_form", call, _("Payment plan proposed."))


@login_required
@require_POST
def line_remove(request, pk, kind, line_pk):
    if kind not in ("income", "cost", "debt"):
        raise Http404
    check = _check_or_404(request, pk, Activity.BUDGET_RECORD, "delete")
    if not services.may_work(request.user, check.case):
        raise PermissionDenied(
            _("Only a professional who works on this case makes a budget check.")
        )
    try:
        services.line_remove(
            actor=request.user,
            origin=origin_from_request(request),
            check=check,
            kind=kind,
            pk=line_pk,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Removed."))
    return redirect("budget:check", check.pk)


def _plan_or_404(request, pk, action="read"):
    try:
        plan = queries.plan_detail(request.user, pk)
    except Http404:
        log_request(request, Activity.BUDGET_VIEW, action, "payment-plan", pk, [], Outcome.DENIED)
        raise
    log_request(
        request,
        Activity.BUDGET_VIEW,
        action,
        "payment-plan",
        plan.pk,
        subject_ids_of_case(plan.budget_check.case),
    )
    return plan


def _month_rows(plan, shares):
    return [(month + 1, [share.monthly[month] for share in shares]) for month in range(plan.months)]


@login_required
def plan_page(request, pk):
    plan = _plan_or_404(request, pk)
    shares = list(plan.shares.all())
    return render(
        request,
        "budget/plan.html",
        {
            "plan": plan,
            "check": plan.budget_check,
            "case": plan.budget_check.case,
            "shares": shares,
            "owed": sum(s.owed for s in shares),
            "total": sum(s.total for s in shares),
            "remaining": sum(s.remaining for s in shares),
            "months": _month_rows(plan, shares),
        },
    )


@login_required
def plan_csv(request, pk):
    plan = _plan_or_404(request, pk, "export")
    shares = list(plan.shares.all())
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["maand", "schuldeiser", "voorrang", "bedrag"])
    for month in range(plan.months):
        for share in shares:
            writer.writerow(
                [
                    month + 1,
                    _csv_safe(share.creditor),
                    "ja" if share.priority else "nee",
                    share.monthly[month].replace(".", ","),
                ]
            )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="betalingsregeling-{plan.reference}.csv"'
    )
    return response


def _csv_safe(text: str) -> str:
    """No formula injection when the CSV is opened in a spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@login_required
def creditor_letter(request, pk, share_pk):
    plan = _plan_or_404(request, pk, "export")
    share = PlanShare.objects.filter(plan=plan, pk=share_pk).first()
    if share is None:
        raise Http404
    html = render_to_string(
        "budget/letter_pdf.html",
        {
            "plan": plan,
            "share": share,
            "case": plan.budget_check.case,
            "worker": request.user,
            "today": timezone.localdate(),
            "months": plan.months,
        },
        request=request,
    )
    from doorbraak.documents.kinds import render_pdf  # loads WeasyPrint lazily

    body = render_pdf(html)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="brief-{plan.reference}-schuldeiser-{share.pk}.pdf"'
    )
    return response
