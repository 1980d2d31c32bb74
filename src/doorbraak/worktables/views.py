"""Pages: werktafels under /werktafels/, structural solutions under /oplossingen/. The pattern
roles read them; only a beleidsadviseur sees and uses the forms."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.forms_utrecht import apply_service_errors
from doorbraak.learning import queries as learning
from doorbraak.learning import workflow as pattern_workflow

from . import permissions, queries, rules, services
from .forms import (
    OutcomeForm,
    SendForm,
    SessionAddForm,
    SessionForm,
    SolutionForm,
    StepForm,
    WorkTableForm,
)
from .messages import message
from .models import SolutionStatus, WorkTableStatus
from .permissions import person_of


def _require(check, request) -> None:
    if not check(person_of(request.user)):
        raise PermissionDenied(_("Your role cannot use this page."))


def _manage(request) -> bool:
    return permissions.may_manage_worktables(person_of(request.user))


def _id(value) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 19 else None


@login_required
def index(request):
    _require(permissions.may_see_worktables, request)
    pattern_id = _id(request.GET.get("patroon", ""))
    status = request.GET.get("status", "")
    worktables = queries.worktable_list(request.user, status=status, pattern_id=pattern_id)
    page = Paginator(worktables, 25).get_page(request.GET.get("pagina"))
    solutions = list(queries.solution_list(request.user, pattern_id=pattern_id)[:25])
    return render(
        request,
        "worktables/index.html",
        {
            "page": page,
            "solutions": solutions,
            "status": status,
            "statuses": WorkTableStatus.choices,
            "pattern_id": pattern_id,
            "manage": _manage(request),
        },
    )


def _startable_pattern(request, pattern_id):
    pattern = learning.visible_patterns(request.user).filter(pk=pattern_id).first()
    if pattern is None or pattern.status == pattern_workflow.DISMISSED:
        return None
    return pattern


@login_required
def start(request):
    _require(permissions.may_manage_worktables, request)
    pattern = _startable_pattern(request, _id(request.GET.get("patroon", "")))
    if pattern is None:
        messages.error(request, _("Start a werktafel from a candidate or confirmed pattern."))
        return redirect("learning:patterns")
    today = timezone.localdate()
    dates = rules.default_session_dates(
        today + datetime.timedelta(days=rules.SESSION_INTERVAL_DAYS)
    )
    initial = {
        "title": _("Werktafel %(ref)s: %(rule)s")
        % {"ref": pattern.reference, "rule": pattern.rule[:120]},
        "organisations": [pattern.organisation_id],
        **{f"session{n}": day for n, day in enumerate(dates, start=1)},
    }
    form = WorkTableForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            worktable = services.worktable_start(
                actor=request.user, pattern=pattern, **form.data_for_service()
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, _("Werktafel %(ref)s started.") % {"ref": worktable.reference}
            )
            return redirect("worktables:detail", pk=worktable.pk)
    return render(
        request,
        "worktables/start.html",
        {"form": form, "pattern": pattern},
        status=400 if form.errors else 200,
    )


@login_required
def detail(request, pk, *, outcome_form=None, session_form=None, status=200):
    _require(permissions.may_see_worktables, request)
    worktable = queries.worktable_detail(request.user, pk)
    adviser = _manage(request)
    manage = adviser and worktable.status == rules.RUNNING
    return render(
        request,
        "worktables/detail.html",
        {
            "worktable": worktable,
            "manage": manage,
            "may_record_solution": adviser,
            "outcome_form": (outcome_form or OutcomeForm(prefix="uitkomst")) if manage else None,
            "session_form": (session_form or SessionAddForm(prefix="sessie")) if manage else None,
        },
        status=status,
    )


def _post(request, pk, form_class, prefix, service, key, success):
    _require(permissions.may_manage_worktables, request)
    worktable = queries.worktable_detail(request.user, pk)
    if worktable.status != rules.RUNNING:
        messages.error(request, message("worktable_finished"))
        return redirect("worktables:detail", pk=worktable.pk)
    form = form_class(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            service(actor=request.user, worktable=worktable, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("worktables:detail", pk=worktable.pk)
    return detail(request, pk, status=400, **{key: form})


@login_required
@require_POST
def outcome_add(request, pk):
    return _post(
        request,
        pk,
        OutcomeForm,
        "uitkomst",
        services.outcome_add,
        "outcome_form",
        _("Outcome recorded."),
    )


@login_required
@require_POST
def session_add(request, pk):
    return _post(
        request,
        pk,
        SessionAddForm,
        "sessie",
        services.session_add,
        "session_form",
        _("Session added."),
    )


@login_required
@require_POST
def finish(request, pk):
    _require(permissions.may_manage_worktables, request)
    worktable = queries.worktable_detail(request.user, pk)
    try:
        services.worktable_finish(actor=request.user, worktable=worktable)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Werktafel finished."))
    return redirect("worktables:detail", pk=worktable.pk)


@login_required
def session_edit(request, pk):
    _require(permissions.may_manage_worktables, request)
    session = queries.session_or_404(request.user, pk)
    if session.worktable.status != rules.RUNNING:
        return redirect("worktables:detail", pk=session.worktable_id)
    initial = {
        "date": session.date,
        "held": session.held,
        "notes": session.notes,
        "perspective": session.perspective,
    }
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_update(actor=request.user, session=session, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Session %(n)s saved.") % {"n": session.number})
            return redirect("worktables:detail", pk=session.worktable_id)
    return render(
        request,
        "worktables/session.html",
        {"form": form, "session": session, "worktable": session.worktable},
        status=400 if form.errors else 200,
    )


@login_required
def solution_new(request, pk):
    _require(permissions.may_manage_worktables, request)
    worktable = queries.worktable_detail(request.user, pk)
    form = SolutionForm(
        request.POST or None,
        initial={"proposed_on": timezone.localdate(), "owner": request.user.pk},
    )
    if request.method == "POST" and form.is_valid():
        try:
            solution = services.solution_record(
                actor=request.user, worktable=worktable, **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Structural solution %(ref)s recorded and linked to %(n)s cases.")
                % {"ref": solution.reference, "n": solution.case_links.count()},
            )
            return redirect("worktables:solution", pk=solution.pk)
    return render(
        request,
        "worktables/solution_form.html",
        {"form": form, "worktable": worktable},
        status=400 if form.errors else 200,
    )


@login_required
def solution_detail(request, pk, *, step_form=None, send_form=None, status=200):
    _require(permissions.may_see_worktables, request)
    today = timezone.localdate()
    page = queries.solution_page(request.user, pk, today)
    solution = page.solution
    manage = _manage(request)
    if manage and solution.next_status:
        step_form = step_form or StepForm(
            prefix="stap", next_status=solution.next_status, initial={"on": today}
        )
    else:
        step_form = None
    may_send = (
        manage
        and solution.kind == rules.NATIONAL_SIGNAL
        and solution.sent_on is None
        and rules.STATUSES.index(solution.status) >= rules.STATUSES.index(rules.AGREED)
    )
    send_form = (
        (send_form or SendForm(prefix="doorsturen", initial={"sent_on": today}))
        if may_send
        else None
    )
    return render(
        request,
        "worktables/solution.html",
        {
            "page": page,
            "solution": solution,
            "step_form": step_form,
            "send_form": send_form,
            "statuses": SolutionStatus,
        },
        status=status,
    )


@login_required
@require_POST
def solution_step(request, pk):
    _require(permissions.may_manage_worktables, request)
    solution = queries.solution_or_404(request.user, pk)
    form = StepForm(request.POST, prefix="stap", next_status=solution.next_status)
    if form.is_valid():
        try:
            services.solution_step(
                actor=request.user,
                solution=solution,
                status=request.POST.get("status", ""),
                on=form.cleaned_data.get("on"),
                evaluation=form.cleaned_data.get("evaluation") or "",
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            solution.refresh_from_db()
            messages.success(
                request,
                _("Status is now “%(status)s”.") % {"status": solution.get_status_display()},
            )
            return redirect("worktables:solution", pk=pk)
    return solution_detail(request, pk, step_form=form, status=400)


@login_required
@require_POST
def signal_send(request, pk):
    _require(permissions.may_manage_worktables, request)
    solution = queries.solution_or_404(request.user, pk)
    form = SendForm(request.POST, prefix="doorsturen")
    if form.is_valid():
        try:
            services.signal_send(
                actor=request.user,
                solution=solution,
                sent_on=form.cleaned_data.get("sent_on"),
                recipient=form.cleaned_data.get("recipient") or "",
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Recorded that the signal was sent on."))
            return redirect("worktables:solution", pk=pk)
    return solution_detail(request, pk, send_form=form, status=400)
