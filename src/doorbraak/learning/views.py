"""Pages: signals (record, list, triage) under /signalen/, patterns under /patronen/."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.cases.queries import visible_blockers
from doorbraak.forms_utrecht import apply_service_errors
from doorbraak.home import menu
from doorbraak.home.queries import person_of
from doorbraak.proposals.models import Category

from . import queries, services, workflow
from .forms import DecisionForm, SignalForm, TriageForm
from .models import PatternStatus, SignalStatus


def _require(check, request) -> None:
    if not check(person_of(request.user)):
        raise PermissionDenied(_("Your role cannot use this page."))


def _own_open_blockers(user):
    return visible_blockers(user).filter(status="open", case__status="open").order_by("-created_at")


@login_required
def signals(request):
    _require(menu.may_record_signal, request)
    triage = menu.may_triage_signals(person_of(request.user))
    status = request.GET.get("status", "")
    rows = queries.visible_signals(request.user).order_by("-created_at", "-pk")
    if status in SignalStatus.values:
        rows = rows.filter(status=status)
    page = Paginator(rows, 25).get_page(request.GET.get("pagina"))
    return render(
        request,
        "learning/signals.html",
        {"page": page, "triage": triage, "status": status, "statuses": SignalStatus.choices},
    )


@login_required
def signal_new(request):
    _require(menu.may_record_signal, request)
    blockers = _own_open_blockers(request.user)
    initial = {}
    offered = Q(case__key_worker=request.user)
    source = request.GET.get("knelpunt", "")
    if source.isdigit() and len(source) < 19:
        blocker = blockers.filter(pk=int(source)).first()
        if blocker is not None:
            initial = {
                "organisation": blocker.organisation_id,
                "rule": blocker.rule,
                "blockers": [blocker.pk],
            }
            offered |= Q(pk=blocker.pk)  # a colleague's blocker the signal started from
    category = request.GET.get("categorie", "")
    if not initial and category.isdigit() and len(category) < 19:
        # Started from spending that keeps coming back (/cijfers/categorieen/).
        found = Category.objects.filter(pk=int(category)).first()
        if found is not None:
            initial = {
                "effect": _(
                    "The funds keep paying for %(category)s, in several teams. Which rule "
                    "or missing agreement makes that necessary?"
                )
                % {"category": found.label}
            }
    form = SignalForm(
        request.POST or None,
        initial=initial,
        blockers=blockers,
        offered=blockers.filter(offered).select_related("case"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            signal = services.signal_record(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, _("Signal %(ref)s recorded. Thank you.") % {"ref": signal.reference}
            )
            return redirect("learning:signal", pk=signal.pk)
    return render(
        request,
        "learning/signal_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_required
def signal_detail(request, pk):
    _require(menu.may_record_signal, request)
    signal = queries.signal_or_404(request.user, pk)
    triage = menu.may_triage_signals(person_of(request.user))
    form = None
    if triage:
        patterns = queries.open_patterns_for(signal.organisation_id)
        form = TriageForm(request.POST or None, signal=signal, patterns=patterns)
        if request.method == "POST" and form.is_valid():
            try:
                services.signal_triage(actor=request.user, signal=signal, **form.cleaned_data)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, _("Signal updated."))
                return redirect("learning:signal", pk=signal.pk)
    elif request.method == "POST":
        raise PermissionDenied(_("Only a policy adviser triages signals."))
    return render(
        request,
        "learning/signal_detail.html",
        {
            "signal": signal,
            "form": form,
            "linked": signal.blockers.count(),
            "may_patterns": menu.may_see_patterns(person_of(request.user)),
        },
        status=400 if form is not None and form.errors else 200,
    )


@login_required
def patterns(request):
    _require(menu.may_see_patterns, request)
    status = request.GET.get("status", workflow.CANDIDATE)
    rows = queries.visible_patterns(request.user).order_by("-cases_count", "-found_at", "-pk")
    if status in PatternStatus.values:
        rows = rows.filter(status=status)
    page = Paginator(rows, 25).get_page(request.GET.get("pagina"))
    return render(
        request,
        "learning/patterns.html",
        {"page": page, "status": status, "statuses": PatternStatus.choices},
    )


@login_required
def pattern_detail(request, pk, form=None, status=200):
    _require(menu.may_see_patterns, request)
    page = queries.pattern_page(request.user, pk)
    decide = menu.may_decide_patterns(person_of(request.user))
    open_for_decision = decide and page.pattern.status == workflow.CANDIDATE
    form = (form or DecisionForm()) if open_for_decision else None
    return render(
        request, "learning/pattern_detail.html", {"page": page, "form": form}, status=status
    )


@login_required
@require_POST
def pattern_decide(request, pk):
    _require(menu.may_decide_patterns, request)
    page = queries.pattern_page(request.user, pk)
    form = DecisionForm(request.POST)
    choice = request.POST.get("besluit")
    status = {"bevestigen": workflow.CONFIRMED, "afwijzen": workflow.DISMISSED}.get(choice, "")
    if form.is_valid():
        try:
            services.pattern_decide(
                actor=request.user, pattern=page.pattern, status=status, **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            done = (
                _("Pattern confirmed.") if status == workflow.CONFIRMED else _("Pattern dismissed.")
            )
            messages.success(request, done)
            return redirect("learning:pattern", pk=pk)
    return pattern_detail(request, pk, form=form, status=400)
