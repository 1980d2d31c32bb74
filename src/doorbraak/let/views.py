"""The LET screens: the Maatwerkloket's list (what to triage, decisions waiting, checks due,
figures per year), submitting an item, one submission with the regievoerder's steps, and its
PDF. Every page that shows a household's (anonymised) data writes the processing log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.cases.models import BlockerStatus
from doorbraak.cases.queries import subject_ids_of_case, subject_ids_of_cases
from doorbraak.escalation import queries as escalation_queries
from doorbraak.escalation import rules as route_rules
from doorbraak.forms_utrecht import apply_service_errors
from doorbraak.home.menu import may_write_request
from doorbraak.home.queries import person_of
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_request
from doorbraak.proposals.anonymised import anonymise_texts

from . import queries, rules, services
from .forms import CheckForm, DecisionForm, SubmitForm, TriageForm, national_organisations
from .messages import message


def _submission_or_404(request, pk, activity=Activity.LET_VIEW):
    try:
        return queries.submission_detail(request.user, pk)
    except Http404:
        log_request(request, activity, "read", "let-submission", pk, [], Outcome.DENIED)
        raise


@login_required
def index(request):
    user = request.user
    today = timezone.localdate()
    regie = services.is_regievoerder(user)
    recent = list(queries.submission_list(user)[:50])
    context = {
        "regie": regie,
        "to_triage": queries.to_triage(user),
        "accepted": queries.accepted(user),
        "checks": queries.checks_due(user, today),
        "recent": recent,
        "figures": queries.year_figures() if regie else [],
        "today": today,
    }
    shown = [*context["to_triage"], *context["accepted"], *context["checks"], *recent]
    log_request(
        request,
        Activity.LET_VIEW,
        "read",
        "let-submissions",
        "",
        subject_ids_of_cases({s.case_id: s.case for s in shown}.values()),
    )
    return render(request, "let/index.html", context)


@login_required
def submit(request, escalation_pk):
    try:
        escalation = escalation_queries.escalation_detail(request.user, escalation_pk)
    except Http404:
        log_request(
            request, Activity.LET_SUBMIT, "read", "escalation", escalation_pk, [], Outcome.DENIED
        )
        raise
    if not may_write_request(person_of(request.user)):
        raise PermissionDenied(_("Only a professional can submit a case to the LET."))
    existing = queries.submission_for(escalation)
    if existing is not None:
        return redirect("let:detail", existing.pk)
    if not escalation.is_open or escalation.current_level.kind != route_rules.LET:
        raise PermissionDenied(message("not_at_let"))
    case = escalation.case
    involved = national_organisations().filter(
        pk__in=case.blockers.filter(status=BlockerStatus.OPEN).values("organisation_id")
    )
    form = SubmitForm(request.POST or None, initial={"organisations": list(involved)})
    preview, status = None, 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            if "preview" in request.POST:
                preview, status = (
                    anonymise_texts(
                        {"summary": data["summary"], "question": data["question"]}, case=case
                    ),
                    200,
                )
            else:
                try:
                    submission = services.submit(actor=request.user, escalation=escalation, **data)
                except ValidationError as error:
                    apply_service_errors(form, error)
                else:
                    log_request(
                        request,
                        Activity.LET_SUBMIT,
                        "create",
                        "let-submission",
                        submission.pk,
                        subject_ids_of_case(case),
                    )
                    messages.success(
                        request,
                        _("Submitted to the Maatwerkloket as %(ref)s.")
                        % {"ref": submission.reference},
                    )
                    return redirect("let:detail", submission.pk)
    log_request(
        request, Activity.LET_SUBMIT, "read", "escalation", escalation.pk, subject_ids_of_case(case)
    )
    return render(
        request,
        "let/submit.html",
        {"escalation": escalation, "case": case, "form": form, "preview": preview},
        status=status,
    )


def _render(
    request, submission, *, triage_form=None, decision_form=None, check_form=None, status=200
):
    log_request(
        request,
        Activity.LET_VIEW,
        "read",
        "let-submission",
        submission.pk,
        subject_ids_of_case(submission.case),
    )
    regie = services.is_regievoerder(request.user)
    today = timezone.localdate()
    context = {
        "submission": submission,
        "regie": regie,
        "today": today,
        "may_see_case": not regie,
    }
    if regie and submission.status == rules.SUBMITTED:
        context["triage_form"] = triage_form or TriageForm(prefix="triage")
    if regie and submission.status == rules.ACCEPTED:
        context["decision_form"] = decision_form or DecisionForm(
            prefix="besluit",
            organisations=submission.organisations.all(),
            initial={"check_on": rules.default_check_date(today)},
        )
    if regie and submission.status == rules.DECIDED:
        context["check_form"] = check_form or CheckForm(prefix="controle")
    return render(request, "let/detail.html", context, status=status)


@login_required
def detail(request, pk):
    return _render(request, _submission_or_404(request, pk))


def _step(request, pk, form_class, prefix, service, form_key, success, *, form_kwargs):
    submission = _submission_or_404(request, pk, Activity.LET_DECIDE)
    if not services.is_regievoerder(request.user):
        raise PermissionDenied(_("Only a regievoerder of the Maatwerkloket can do this."))
    form = form_class(request.POST, prefix=prefix, **form_kwargs(submission))
    if form.is_valid():
        try:
            service(actor=request.user, submission=submission, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            log_request(
                request,
                Activity.LET_DECIDE,
                "update",
                "let-submission",
                submission.pk,
                subject_ids_of_case(submission.case),
            )
            messages.success(request, success)
            return redirect("let:detail", submission.pk)
    return _render(request, submission, status=400, **{form_key: form})


@login_required
@require_POST
def triage(request, pk):
    return _step(
        request,
        pk,
        TriageForm,
        "triage",
        services.triage,
        "triage_form",
        _("The triage is recorded."),
        form_kwargs=lambda s: {},
    )


@login_required
@require_POST
def decide(request, pk):
    return _step(
        request,
        pk,
        DecisionForm,
        "besluit",
        services.decide,
        "decision_form",
        _("The LET decision is recorded; the follow-up check is in your actions."),
        form_kwargs=lambda s: {"organisations": s.organisations.all()},
    )


@login_required
@require_POST
def check(request, pk):
    return _step(
        request,
        pk,
        CheckForm,
        "controle",
        services.check,
        "check_form",
        _("The follow-up check is recorded."),
        form_kwargs=lambda s: {},
    )
