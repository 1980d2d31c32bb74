"""The vroegsignalering screens: the worklist with the overdue ones first and the funnel,
the import (a broken file names its lines and imports nothing), one signal with its steps,
and making a case of a reached household. Every page that shows a person writes the
processing log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.forms_utrecht import apply_service_errors
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_request

from . import access, dashboard, queries, services, workflow
from .forms import ImportForm, StepForm
from .models import SignalStatus

PAGE = 25


def _require_see(user):
    if not queries.may_see(user):
        raise PermissionDenied(_("Early signals are for the professionals who follow them up."))


def _with_contact(signals, today, days):
    for s in signals:
        s.person = services.contact_of(s)
        s.due = workflow.due_on(s.received_on, days)
        s.overdue = workflow.is_overdue(s.status, s.received_on, today, days)
    return signals


@login_required
def index(request):
    user = request.user
    _require_see(user)
    today = timezone.localdate()
    days = services.first_contact_days()
    status = request.GET.get("status", "")
    if status not in workflow.STATUSES:
        status = ""
    overdue_only = request.GET.get("te_laat") == "1"
    mine = request.GET.get("mijn") == "1"
    paginator = Paginator(queries.worklist(user, today, status, overdue_only, mine), PAGE)
    page = paginator.get_page(request.GET.get("pagina"))
    signals = _with_contact(list(page.object_list), today, days)
    context = {
        "page": page,
        "signals": signals,
        "status": status,
        "overdue_only": overdue_only,
        "overdue_only_value": "1" if overdue_only else "",
        "mine": mine,
        "mine_value": "1" if mine else "",
        "statuses": SignalStatus.choices,
        "days": days,
        "overdue": queries.overdue_count(user, today),
        "may_import": access.may_import(user.role, user.is_active),
        "imports": queries.recent_imports(user),
        **dashboard.funnel_context(queries.visible_signals(user)),
    }
    log_request(
        request,
        Activity.EARLY_SIGNAL_VIEW,
        "read",
        "early-signals",
        "",
        [services.subject_id(s) for s in signals],
    )
    return render(request, "earlysignals/index.html", context)


@login_required
def import_file(request):
    user = request.user
    if not access.may_import(user.role, user.is_active):
        raise PermissionDenied(_("Only a team leader imports signals."))
    form = ImportForm(request.POST or None, request.FILES or None)
    problems, problem_count, status = [], 0, 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = services.signals_import(actor=user, file=upload, file_name=upload.name)
            except services.ImportRefused as refused:
                problems, problem_count = refused.result.issues, refused.result.issue_count
                form.add_error("file", _("Nothing was imported: see the problems listed below."))
                log_request(
                    request,
                    Activity.EARLY_SIGNAL_IMPORT,
                    "create",
                    "signal-import",
                    "",
                    [],
                    Outcome.ERROR,
                )
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                log_request(
                    request,
                    Activity.EARLY_SIGNAL_IMPORT,
                    "create",
                    "signal-import",
                    result.signal_import.pk,
                    [],
                )
                messages.success(
                    request,
                    _(
                        "Imported %(rows)s rows: %(created)s new signals, %(merged)s merged "
                        "with a signal already known."
                    )
                    % {"rows": result.rows, "created": result.created, "merged": result.merged},
                )
                return redirect("earlysignals:index")
    return render(
        request,
        "earlysignals/import.html",
        {"form": form, "problems": problems, "problem_count": problem_count},
        status=status,
    )


def _signal_or_404(request, pk, activity=Activity.EARLY_SIGNAL_VIEW):
    _require_see(request.user)
    try:
        return queries.signal_detail(request.user, pk)
    except Http404:
        log_request(request, activity, "read", "early-signal", pk, [], Outcome.DENIED)
        raise


def _detail_context(request, signal, form=None):
    user = request.user
    today = timezone.localdate()
    days = services.first_contact_days()
    _with_contact([signal], today, days)
    may_work = access.may_work(user.role, user.is_active)
    if form is None and may_work and workflow.ALLOWED.get(signal.status):
        form = StepForm(current=signal.status)
    return {
        "signal": signal,
        "events": list(signal.events.all()),
        "form": form if may_work else None,
        "may_make_case": access.may_make_case(user.role, user.team_id is not None, user.is_active)
        and workflow.may_become_case(signal.status, signal.case_id is not None),
        "days": days,
    }


@login_required
def detail(request, pk):
    signal = _signal_or_404(request, pk)
    log_request(
        request,
        Activity.EARLY_SIGNAL_VIEW,
        "read",
        "early-signal",
        signal.pk,
        [services.subject_id(signal)],
    )
    return render(request, "earlysignals/detail.html", _detail_context(request, signal))


@login_required
@require_POST
def step(request, pk):
    signal = _signal_or_404(request, pk, Activity.EARLY_SIGNAL_WORK)
    if not access.may_work(request.user.role, request.user.is_active):
        raise PermissionDenied(_("Only a professional works signals."))
    form = StepForm(request.POST, current=signal.status)
    if form.is_valid():
        try:
            services.signal_step(actor=request.user, signal=signal, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            log_request(
                request,
                Activity.EARLY_SIGNAL_WORK,
                "update",
                "early-signal",
                signal.pk,
                [services.subject_id(signal)],
            )
            messages.success(request, _("Step saved."))
            return redirect("earlysignals:detail", signal.pk)
    log_request(
        request,
        Activity.EARLY_SIGNAL_WORK,
        "read",
        "early-signal",
        signal.pk,
        [services.subject_id(signal)],
    )
    return render(
        request, "earlysignals/detail.html", _detail_context(request, signal, form), status=400
    )


@login_required
@require_POST
def make_case(request, pk):
    signal = _signal_or_404(request, pk, Activity.EARLY_SIGNAL_WORK)
    try:
        case = services.signal_make_case(actor=request.user, signal=signal)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("earlysignals:detail", signal.pk)
    log_request(
        request,
        Activity.EARLY_SIGNAL_WORK,
        "create",
        "case",
        case.pk,
        [services.subject_id(signal)],
    )
    messages.success(request, _("Case opened from signal %(ref)s.") % {"ref": signal.reference})
    return redirect("cases:detail", case.pk)
