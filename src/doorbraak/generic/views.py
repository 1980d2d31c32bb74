"""Pages under /generiek-maatwerk/: the decisions, a form to take one (with a preview of how
many cases match), the decision with its progress and outreach list, and a form for one call.
Every page that shows households writes the processing log per data subject."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.cases.queries import subject_ids_of_cases
from doorbraak.forms_utrecht import apply_service_errors
from doorbraak.home.queries import person_of
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import log_request, origin_from_request

from . import access, queries, services
from .forms import AttemptForm, DecisionForm
from .models import OutreachStatus

PAGE_SIZE = 25


def _require(check, request) -> None:
    if not check(person_of(request.user)):
        raise PermissionDenied(_("Your role cannot use this page."))


@login_required
def decisions(request):
    _require(access.may_see_generic, request)
    rows = queries.visible_decisions(request.user).order_by("-created_at", "-pk")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("pagina"))
    page.object_list = queries.with_progress(page.object_list)
    return render(
        request,
        "generic/decisions.html",
        {"page": page, "may_create": access.may_create_generic(person_of(request.user))},
    )


CRITERIA = ("organisation", "catalogue_rule", "rule", "period_start", "period_end", "max_amount")


def _criteria_errors(form) -> str | None:
    """The rule as matched, or None after putting the criteria's Dutch errors on the form:
    also when other fields have errors, so one submit shows every problem (a field that
    already has the form's own error keeps only that one)."""
    values = form.cleaned_data
    try:
        return services.check_criteria(**{name: values.get(name) for name in CRITERIA})
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            if field not in form.errors:
                form.add_error(field if field in form.fields else None, messages)
        return None


@login_required
def decision_new(request):
    _require(access.may_create_generic, request)
    previewing = request.POST.get("actie") == "voorbeeld"
    form = DecisionForm(request.POST or None, preview=previewing)
    preview = None
    if request.method == "POST":
        valid = form.is_valid()
        rule = _criteria_errors(form)
        if valid and rule is not None:
            values = form.cleaned_data
            if previewing:
                preview = queries.affected_count(
                    organisation_id=values["organisation"].pk,
                    rule=rule,
                    start=values["period_start"],
                    end=values["period_end"],
                )
            else:
                try:
                    decision = services.decision_create(
                        actor=request.user, origin=origin_from_request(request), **values
                    )
                except ValidationError as error:
                    apply_service_errors(form, error)
                else:
                    messages.success(
                        request,
                        _("Generic decision %(ref)s taken: %(n)s households on the outreach list.")
                        % {"ref": decision.reference, "n": decision.outreach_rows.count()},
                    )
                    return redirect("generic:decision", pk=decision.pk)
    return render(
        request,
        "generic/decision_form.html",
        {"form": form, "preview": preview},
        status=400 if form.errors else 200,
    )


def _log_rows(request, decision, rows, activity=Activity.OUTREACH_VIEW) -> None:
    cases = [row.case for row in rows]
    if cases:
        log_request(
            request,
            activity,
            "read",
            "outreach-list",
            decision.pk,
            subject_ids_of_cases(cases),
        )


@login_required
def decision_detail(request, pk):
    _require(access.may_see_generic, request)
    decision = queries.decision_or_404(request.user, pk)
    progress = queries.progress_of(decision.pk)
    may_rows = queries.may_see_rows(request.user, decision)
    status = request.GET.get("status", "")
    status_error = ""
    if status and status not in OutreachStatus.values:
        status_error = _("This outreach status does not exist.")
        status = ""
    page = None
    if may_rows:
        rows = queries.listed_rows(request.user, decision, status)
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("pagina"))
        _log_rows(request, decision, page.object_list)
    return render(
        request,
        "generic/decision_detail.html",
        {
            "decision": decision,
            "progress": progress,
            "page": page,
            "status": status,
            "status_error": status_error,
            "statuses": OutreachStatus.choices,
            "may_refresh": access.may_create_generic(person_of(request.user)),
        },
        status=400 if status_error else 200,
    )


@login_required
@require_POST
def decision_refresh(request, pk):
    _require(access.may_create_generic, request)
    decision = queries.decision_or_404(request.user, pk)
    added = services.decision_refresh(
        actor=request.user, decision=decision, origin=origin_from_request(request)
    )
    messages.success(request, _("Outreach list refreshed: %(n)s households added.") % {"n": added})
    return redirect("generic:decision", pk=decision.pk)


def _moment(day: datetime.date | None) -> datetime.datetime:
    now = timezone.localtime()
    if day is None or day == now.date():
        return now
    return datetime.datetime.combine(day, datetime.time(12, 0), tzinfo=now.tzinfo)


@login_required
def attempt_new(request, pk, row_pk):
    _require(access.may_work_outreach, request)
    row = queries.row_or_404(request.user, pk, row_pk)
    form = AttemptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = form.cleaned_data
        try:
            services.attempt_record(
                actor=request.user,
                row=row,
                outcome=values["outcome"],
                note=values["note"],
                at=_moment(values["date"]),
                origin=origin_from_request(request),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Attempt recorded."))
            return redirect("generic:decision", pk=pk)
    _log_rows(request, row.decision, [row])
    return render(
        request,
        "generic/attempt_form.html",
        {"row": row, "decision": row.decision, "form": form, "attempts": queries.attempts_of(row)},
        status=400 if form.errors else 200,
    )
