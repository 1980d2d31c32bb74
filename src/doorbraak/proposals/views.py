"""Maatwerk request screens: the form on a case, the request page and its PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from doorbraak.cases.queries import visible_case_or_404
from doorbraak.costbenefit import calculator, parsing
from doorbraak.costbenefit.api import calculate_for
from doorbraak.costbenefit.forms import avoided_formset, rows
from doorbraak.costbenefit.presentation import present
from doorbraak.costbenefit.queries import catalogue_for
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_processing, origin_from_request

from . import queries, services
from .forms import RequestForm
from .models import PriorProvision
from .pdf import onderbouwing_pdf


def _log(request, activity, action, object_type, object_id, subject_ids, result=Outcome.OK):
    log_processing(
        origin_from_request(request),
        activity=activity,
        action=action,
        object_type=object_type,
        object_id=object_id,
        subject_ids=subject_ids,
        result=result,
    )


def _case_or_404(request, pk):
    try:
        return visible_case_or_404(request.user, pk)
    except Http404:
        _log(request, Activity.REQUEST_SUBMIT, "create", "case", pk, [], Outcome.DENIED)
        raise


def _request_or_404(request, pk, activity):
    try:
        return queries.request_detail(request.user, pk)
    except Http404:
        _log(request, activity, "read", "request", pk, [], Outcome.DENIED)
        raise


def _municipality_id(case):
    neighbourhood = case.team.neighbourhood
    return neighbourhood.municipality_id if neighbourhood else None


def _preview(request, case, form, avoided):
    """htmx: calculate what the request would store, without saving anything."""
    error = result = None
    if form.is_valid() and avoided.is_valid():
        data = form.cleaned_data
        payload = services.cost_benefit_input(
            solution=data["solution"],
            amount=data["amount"],
            frequency=data["frequency"],
            months=data.get("months") or 1,
            horizon_months=data.get("horizon_months"),
            avoided=rows(avoided),
        )
        try:
            result = present(parsing.serialise(calculate_for(payload, _municipality_id(case))))
        except calculator.CalculationError as exc:
            error = parsing.error_message(exc)
    else:
        error = _("Fill in the solution, amount and category first.")
    return render(request, "costbenefit/_result.html", {"result": result, "error": error})


@login_required
def request_new(request, pk):
    case = _case_or_404(request, pk)
    subject_ids = [m.subject_id for m in case.household.members.all()]
    figures = catalogue_for(_municipality_id(case))
    data = request.POST or None
    form = RequestForm(data, case=case)
    avoided = avoided_formset(data, figures=figures)
    if request.method == "POST" and request.POST.get("action") == "calculate":
        return _preview(request, case, form, avoided)
    if request.method == "POST" and form.is_valid() and avoided.is_valid():
        fields = dict(form.cleaned_data)
        try:
            proposal = services.request_submit(
                actor=request.user, case=case, avoided=rows(avoided), **fields
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            _log(request, Activity.REQUEST_SUBMIT, "create", "request", proposal.pk, subject_ids)
            messages.success(request, _("Request %(ref)s submitted.") % {"ref": proposal.reference})
            return redirect("proposals:detail", pk=proposal.pk)
    if request.method == "GET":
        _log(request, Activity.CASE_VIEW, "read", "case", case.pk, subject_ids)
    return render(
        request,
        "proposals/form.html",
        {
            "case": case,
            "form": form,
            "avoided": avoided,
        },
        status=400 if form.errors or avoided.total_error_count() else 200,
    )


def _detail_context(proposal):
    stored = getattr(proposal, "cost_benefit", None)
    return {
        "proposal": proposal,
        "triangle": proposal.triangle,
        "result": present(stored.result) if stored else None,
        "blockers": list(proposal.blockers.all()),
        "prior_labels": [str(PriorProvision(p).label) for p in proposal.prior_provisions],
    }


@login_required
def request_detail(request, pk):
    proposal = _request_or_404(request, pk, Activity.REQUEST_VIEW)
    _log(
        request,
        Activity.REQUEST_VIEW,
        "read",
        "request",
        proposal.pk,
        queries.subject_ids(proposal),
    )
    return render(request, "proposals/detail.html", _detail_context(proposal))


@login_required
def request_pdf(request, pk):
    proposal = _request_or_404(request, pk, Activity.REQUEST_EXPORT)
    _log(
        request,
        Activity.REQUEST_EXPORT,
        "export",
        "request",
        proposal.pk,
        queries.subject_ids(proposal),
    )
    pdf = onderbouwing_pdf(_detail_context(proposal))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="onderbouwing-{proposal.reference}.pdf"'
    return response
