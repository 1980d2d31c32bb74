"""Maatwerk request screens: the form on a case, the request page and its PDF."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.approvals import queries as approval_queries
from doorbraak.approvals import services as approval_services
from doorbraak.approvals.models import Notification
from doorbraak.cases.queries import visible_case_or_404
from doorbraak.costbenefit import calculator, parsing
from doorbraak.costbenefit.api import calculate_for
from doorbraak.costbenefit.forms import avoided_formset, error_lines, rows
from doorbraak.costbenefit.presentation import present
from doorbraak.costbenefit.queries import catalogue_for, municipality_id
from doorbraak.home.menu import may_write_request
from doorbraak.home.queries import person_of
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_request
from doorbraak.text_validators import length_message

from . import idempotency, lifecycle, limits, queries, services, validation
from .anonymised import FIELDS, anonymise_texts
from .forms import RequestForm, SolvedOtherwiseForm, WithdrawForm
from .models import PriorProvision


def _case_or_404(request, pk):
    try:
        return visible_case_or_404(request.user, pk)
    except Http404:
        log_request(request, Activity.REQUEST_SUBMIT, "create", "case", pk, [], Outcome.DENIED)
        raise


def _request_or_404(request, pk, activity):
    try:
        return queries.request_detail(request.user, pk)
    except Http404:
        log_request(request, activity, "read", "request", pk, [], Outcome.DENIED)
        raise


def _preview(request, case, form, avoided):
    """htmx: calculate what the request would store, without saving anything."""
    error = result = None
    errors = [] if avoided.is_valid() else error_lines(avoided)
    if form.is_valid() and not errors:
        data = form.cleaned_data
        payload = validation.cost_benefit_input(
            solution=data["solution"],
            amount=data["amount"],
            frequency=data["frequency"],
            months=data.get("months") or 1,
            horizon_months=data.get("horizon_months"),
            avoided=rows(avoided),
        )
        try:
            result = present(parsing.serialise(calculate_for(payload, municipality_id(case.team))))
        except calculator.CalculationError as exc:
            error = parsing.error_message(exc)
    elif not form.is_valid():
        error = _("Fill in the solution, amount and category first.")
    return render(
        request,
        "costbenefit/_result.html",
        {"result": result, "error": error, "errors": errors},
        status=400 if error or errors else 200,
    )


def _add_errors(form, error: ValidationError, field_map=None) -> None:
    """Put a service's Dutch messages next to the form's fields (or on top); a field that
    already has the form's own message keeps just that one."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, errors in error.message_dict.items():
        field = (field_map or {}).get(field, field)
        if field in form.fields and field in form.errors:
            continue
        form.add_error(field if field in form.fields else None, errors)


def _checked(request, case, form, avoided) -> bool:
    """The whole request checked as the service will check it, before any preview; every
    problem at once, also when some fields did not even pass the form."""
    valid = form.is_valid() & avoided.is_valid()
    data = {"solution": "", "category": None, "amount": Decimal(0), **form.cleaned_data}
    data.pop("idempotency_key", None)
    try:
        validation.request_check(
            case=case, avoided=rows(avoided) if avoided.is_valid() else None, **data
        )
    except ValidationError as error:
        _add_errors(form, error)
        return False
    return valid


def _submit(request, case, form, avoided):
    """Submit with the approvers' text as the writer corrected it; None with the errors on
    the form when refused."""
    approver_texts = {
        f: request.POST[f"approver_{f}"] for f in FIELDS if f"approver_{f}" in request.POST
    }
    for field, maximum, length in limits.too_long(approver_texts):
        form.add_error(None, f"{form.fields[field].label}: {length_message(maximum, length)}")
    if form.errors:
        return None
    try:
        return services.request_submit(
            actor=request.user,
            case=case,
            avoided=rows(avoided),
            anonymised=approver_texts or None,
            **form.cleaned_data,
        )
    except ValidationError as error:
        _add_errors(form, error)
        return None
    except idempotency.KeyConflict as error:
        form.add_error(None, error.message)
        form.key_conflict = True
        return None


@login_required
def request_new(request, pk):
    case = _case_or_404(request, pk)
    if not may_write_request(person_of(request.user)):
        raise PermissionDenied(_("Only a professional can write a maatwerk request."))
    subject_ids = [m.subject_id for m in case.household.members.all()]
    figures = catalogue_for(municipality_id(case.team))
    data = request.POST or None
    form = RequestForm(data, case=case)
    avoided = avoided_formset(data, figures=figures)
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "calculate":
        return _preview(request, case, form, avoided)
    if action == "mode":
        # The note, and out of band the "(optional …)" in the folded section's summary.
        return render(request, "proposals/_mode.html", {"form": form, "case": case, "oob": True})
    preview = None
    if action == "check":
        if _checked(request, case, form, avoided):
            preview = _approver_preview(case, form)
    elif (
        request.method == "POST"
        and form.is_valid()
        and avoided.is_valid()
        and (done := _submit(request, case, form, avoided))
    ):
        if getattr(done, "replayed", False):
            # A double click or resend of the same form: nothing new, just the first request.
            messages.info(
                request, _("Request %(ref)s was already submitted.") % {"ref": done.reference}
            )
        else:
            log_request(request, Activity.REQUEST_SUBMIT, "create", "request", done.pk, subject_ids)
            messages.success(request, _("Request %(ref)s submitted.") % {"ref": done.reference})
        return redirect("proposals:detail", pk=done.pk)
    if request.method == "GET":
        log_request(request, Activity.CASE_VIEW, "read", "case", case.pk, subject_ids)
    context = {"case": case, "form": form, "avoided": avoided, "preview": preview}
    status = 400 if form.errors or avoided.total_error_count() else 200
    if getattr(form, "key_conflict", False):
        status = 409
    return render(request, "proposals/form.html", context, status=status)


def _approver_preview(case, form) -> list[tuple[str, str, str, int]]:
    """The writer sees what approvers will read, and may correct it before submitting."""
    texts = {f: form.cleaned_data.get(f) or "" for f in FIELDS}
    iban = form.cleaned_data.get("supplier_iban") or ""
    anonymised = anonymise_texts(texts, case=case, keep_ibans=[iban] if iban else [])
    return [
        (f, form.fields[f].label, text, limits.TEXT[f]) for f, text in anonymised.items() if text
    ]


def detail_context(proposal, user=None):
    stored = getattr(proposal, "cost_benefit", None)
    open_vote = proposal.status == "ingediend" and proposal.fund_id is not None
    votes = approval_queries.votes_of(proposal)
    state, waiting = approval_services.vote_overview(proposal) if open_vote else (None, [])
    return {
        "votes": votes,
        "state": state,
        "waiting": waiting,
        "orders": list(proposal.payment_orders.all()),
        "proposal": proposal,
        "triangle": proposal.triangle,
        "result": present(stored.result) if stored else None,
        "blockers": list(proposal.blockers.all()),
        "prior_labels": [str(PriorProvision(p).label) for p in proposal.prior_provisions],
        "may_close": user is not None
        and proposal.status in ("ingediend", "goedgekeurd")
        and lifecycle.may_close(user, proposal),
    }


def _log_request_view(request, proposal, action: str) -> None:
    """One processing record per household member of the request's case."""
    subjects = queries.subject_ids(proposal)
    log_request(request, Activity.REQUEST_VIEW, action, "request", proposal.pk, subjects)


@login_required
def request_detail(request, pk):
    proposal = _request_or_404(request, pk, Activity.REQUEST_VIEW)
    _log_request_view(request, proposal, "read")
    Notification.objects.filter(user=request.user, request=proposal, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return render(request, "proposals/detail.html", detail_context(proposal, request.user))


def _closable_or_403(request, pk):
    """The request, if the user may close it: others who can see it get 403 (logged)."""
    proposal = _request_or_404(request, pk, Activity.REQUEST_VIEW)
    if not lifecycle.may_close(request.user, proposal):
        log_request(request, Activity.REQUEST_VIEW, "update", "request", pk, [], Outcome.DENIED)
        raise PermissionDenied
    return proposal


def _close_view(request, pk, *, form_class, service, title, submit, success, field_map=None):
    """A form that ends a request (withdraw, solved otherwise); `field_map` maps the
    service's field names onto the form's."""
    proposal = _closable_or_403(request, pk)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(actor=request.user, request=proposal, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error, field_map)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        except lifecycle.MoneyConflict as error:
            form.add_error(None, error.message)
        else:
            _log_request_view(request, proposal, "update")
            messages.success(request, success)
            return redirect("proposals:detail", pk=proposal.pk)
    # The form shows the request and its case: a read of the household's data.
    _log_request_view(request, proposal, "read")
    return render(
        request,
        "cases/form.html",
        {
            "case": proposal.case,
            "form": form,
            "title": title,
            "submit": submit,
        },
        status=400 if form.errors else 200,
    )


@login_required
def request_withdraw(request, pk):
    return _close_view(
        request,
        pk,
        form_class=WithdrawForm,
        service=lifecycle.request_withdraw,
        title=_("Withdraw request"),
        submit=_("Withdraw"),
        success=_("The request is withdrawn."),
        field_map={"note": "reason"},
    )


@login_required
def request_solved_otherwise(request, pk):
    return _close_view(
        request,
        pk,
        form_class=SolvedOtherwiseForm,
        service=lifecycle.request_solve_otherwise,
        title=_("Solved otherwise"),
        submit=_("Save"),
        success=_("Recorded how it was solved."),
    )
