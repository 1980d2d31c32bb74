"""The hersteloperatie page of a case (/herstel/casus/<pk>/): the mark, the forgiven debts and
the fresh-start plan. Only for those who may see the case; every view is processing-logged
(the mark is special personal data)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.cases.guard import case_or_refuse
from doorbraak.cases.queries import subject_ids_of_case
from doorbraak.forms_utrecht import apply_service_errors
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import log_processing, origin_from_request

from . import queries, services
from .forms import DebtForm, DebtStatusForm, MarkForm, PlanForm
from .models import ForgivenDebt


def _case(request, pk, activity=Activity.RECOVERY_VIEW, action="read"):
    return case_or_refuse(request, pk, queries.case_or_404, activity, action)


def _log_view(request, case) -> None:
    log_processing(
        origin_from_request(request),
        activity=Activity.RECOVERY_VIEW,
        action="read",
        object_type="case",
        object_id=case.pk,
        subject_ids=subject_ids_of_case(case),
    )


def _page(request, case, *, mark_form=None, debt_form=None, status=200):
    _log_view(request, case)
    mark = queries.mark_of(case)
    debts = queries.debts_of(case)
    funds = queries.recovery_funds() if mark else []
    return render(
        request,
        "recovery/case.html",
        {
            "case": case,
            "mark": mark,
            "mark_form": mark_form or MarkForm(),
            "debt_form": debt_form or DebtForm(),
            "debts": debts,
            "total_forgiven": sum(d.amount for d in debts if d.status == "kwijtgescholden"),
            "funds": funds,
            "open": case.status == "open",
        },
        status=status,
    )


@login_required
def case_page(request, pk):
    return _page(request, _case(request, pk))


@login_required
def summary(request, pk):
    """The fragment the case page loads (cases/detail.html): marked or not, and the link."""
    case = _case(request, pk)
    _log_view(request, case)
    return render(request, "recovery/_summary.html", {"case": case, "mark": queries.mark_of(case)})


def _record(request, pk, form_class, service, success: str, form_name: str):
    """A form of the recovery page posted to a service: recorded and back to the page, or the
    page again with the Dutch errors beside the form (400)."""
    case = _case(request, pk, Activity.RECOVERY_RECORD, "create")
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(
                actor=request.user,
                origin=origin_from_request(request),
                case=case,
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("recovery:case", pk=case.pk)
    return _page(request, case, status=400, **{form_name: form})


@login_required
@require_POST
def mark_record(request, pk):
    return _record(
        request,
        pk,
        MarkForm,
        services.mark_record,
        _("The mark is recorded. Only those who work on the case see it."),
        "mark_form",
    )


@login_required
@require_POST
def mark_remove(request, pk):
    case = _case(request, pk, Activity.RECOVERY_RECORD, "delete")
    try:
        services.mark_remove(actor=request.user, origin=origin_from_request(request), case=case)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The mark is removed."))
    return redirect("recovery:case", pk=case.pk)


@login_required
@require_POST
def debt_add(request, pk):
    return _record(request, pk, DebtForm, services.debt_record, _("Debt recorded."), "debt_form")


@login_required
@require_POST
def debt_status(request, pk, debt_pk):
    case = _case(request, pk, Activity.RECOVERY_RECORD, "update")
    debt = ForgivenDebt.objects.filter(pk=debt_pk, case=case).first()
    if debt is None:
        raise Http404
    debt.case = case
    form = DebtStatusForm(request.POST)
    if form.is_valid():
        try:
            services.debt_update(
                actor=request.user,
                origin=origin_from_request(request),
                debt=debt,
                **form.cleaned_data,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Status changed."))
    else:
        messages.error(request, _("Choose a status and a date."))
    return redirect("recovery:case", pk=case.pk)


@login_required
def plan(request, pk):
    case = _case(request, pk)
    if request.method == "GET":
        _log_view(request, case)
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_apply(
                actor=request.user,
                origin=origin_from_request(request),
                case=case,
                goal=form.cleaned_data["goal"],
                own_contribution=form.cleaned_data["own_contribution"],
                answers=form.answers(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, _("The plan for a fresh start is the case's support plan now.")
            )
            return redirect("cases:detail", pk=case.pk)
    return render(
        request,
        "recovery/plan.html",
        {"case": case, "form": form},
        status=400 if form.errors else 200,
    )
