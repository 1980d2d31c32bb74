"""Table screens: my tables and meetings, a meeting with its agenda, an agenda item with the
table's decision and the consent page of a case. Every page that
shows household data writes the processing log with its purpose; writes go through services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.cases import queries as case_queries
from doorbraak.escalation.models import Escalation, Status
from doorbraak.forms_utrecht import apply_service_errors
from doorbraak.funds.models import Fund
from doorbraak.privacy import subjects
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_request

from . import queries, services
from .forms import ConsentForm, ItemAddForm, ItemDecisionForm, MeetingForm, owners
from .models import Consent, Table

# --- My tables -------------------------------------------------------------------------------


def _index(request, form=None, status=200):
    tables = list(queries.table_list(request.user))
    meetings = list(queries.meeting_list(request.user)[:50])
    today = timezone.localdate()
    return render(
        request,
        "tables/index.html",
        {
            "tables": tables,
            "upcoming": [m for m in meetings if m.date >= today][::-1],
            "past": [m for m in meetings if m.date < today],
            "form": form
            or MeetingForm(
                tables=queries.table_list(request.user),
                # One table: it is the one (most contact persons sit at one table).
                initial={"table": tables[0].pk} if len(tables) == 1 else None,
            ),
        },
        status=status,
    )


@login_required
def index(request):
    return _index(request)


@login_required
@require_POST
def meeting_plan(request):
    form = MeetingForm(request.POST, tables=queries.table_list(request.user))
    if form.is_valid():
        table = form.cleaned_data.get("table")
        if table is None:
            form.add_error("table", _("Choose the table."))
        else:
            try:
                meeting = services.meeting_plan(
                    actor=request.user, table=table, date=form.cleaned_data.get("date")
                )
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, _("The meeting is planned."))
                return redirect("tables:meeting", meeting.pk)
    return _index(request, form=form, status=400)


# --- A meeting -------------------------------------------------------------------------------


def _meeting_or_404(request, pk, activity=Activity.TABLE_VIEW):
    try:
        return queries.meeting_detail(request.user, pk)
    except Http404:
        log_request(request, activity, "read", "meeting", pk, [], Outcome.DENIED)
        raise


def _candidates(meeting):
    on_agenda = {item.escalation_id for item in meeting.item_list}
    return [
        (e.pk, f"{e.reference} · {e.request.reference if e.request_id else e.blocker.organisation}")
        for e in queries.candidates(meeting.table)
        if e.pk not in on_agenda
    ]


def _render_meeting(request, meeting, form=None, status=200):
    form = form or ItemAddForm(candidates=_candidates(meeting))
    # The agenda's households, and those of the escalations the form offers for the agenda.
    offered = [pk for pk, _label in form.fields["escalation"].choices if pk]
    log_request(
        request,
        Activity.TABLE_VIEW,
        "read",
        "meeting",
        meeting.pk,
        queries.subject_ids(meeting.item_list) + subjects.of_escalations(offered),
    )
    return render(
        request,
        "tables/meeting.html",
        {
            "meeting": meeting,
            "shown": queries.presentations(request.user, meeting.item_list),
            "form": form,
        },
        status=status,
    )


@login_required
def meeting(request, pk):
    meeting = _meeting_or_404(request, pk)
    if request.method != "POST":
        return _render_meeting(request, meeting)
    form = ItemAddForm(request.POST, candidates=_candidates(meeting))
    if form.is_valid():
        pk_ = form.cleaned_data.get("escalation")
        escalation = Escalation.objects.filter(pk=pk_).first() if pk_ else None
        try:
            services.item_add(actor=request.user, meeting=meeting, escalation=escalation)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The item is on the agenda."))
            return redirect("tables:meeting", meeting.pk)
    return _render_meeting(request, _meeting_or_404(request, pk), form=form, status=400)


# --- An agenda item --------------------------------------------------------------------------


def _decision_form(item, data=None):
    level = item.escalation.current_level
    funds = Fund.objects.filter(active=True)
    if level.fund_ids:
        funds = funds.filter(pk__in=level.fund_ids)
    initial = {}
    if item.escalation.request_id and item.escalation.request.fund_id:
        initial = {"amount": item.escalation.request.total, "fund": item.escalation.request.fund}
    return ItemDecisionForm(
        data, funds=funds.order_by("name"), owners=owners(), prefix="besluit", initial=initial
    )


def _render_item(request, item, form=None, status=200):
    log_request(
        request, Activity.TABLE_VIEW, "read", "agenda-item", item.pk, queries.subject_ids([item])
    )
    return render(
        request,
        "tables/item.html",
        {
            "item": item,
            "shown": queries.presentations(request.user, [item])[0],
            "level": item.escalation.current_level,
            "outcome_label": dict(Status.choices).get(item.outcome, item.outcome),
            "form": form or _decision_form(item),
            "today": timezone.localdate(),
        },
        status=status,
    )


def _item_or_404(request, pk, activity=Activity.TABLE_VIEW):
    try:
        return queries.item_detail(request.user, pk)
    except Http404:
        log_request(request, activity, "read", "agenda-item", pk, [], Outcome.DENIED)
        raise


@login_required
def item(request, pk):
    item = _item_or_404(request, pk)
    if request.method != "POST":
        return _render_item(request, item)
    form = _decision_form(item, request.POST)
    if form.is_valid():
        try:
            services.item_decide(actor=request.user, item=item, data=form.data_for_service())
        except PermissionDenied as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            log_request(
                request,
                Activity.TABLE_DECIDE,
                "update",
                "agenda-item",
                item.pk,
                queries.subject_ids([item]),
            )
            messages.success(request, _("The table's decision is recorded."))
            return redirect("tables:item", item.pk)
    else:
        # a field that did not parse (an amount "abc") stops the service; the reasons it
        # would also refuse are shown now, not in a second round
        unchecked = [f for f in form.not_optional if f not in form.errors]
        problems = services.item_decision_problems(item, form.data_for_service(), unchecked)
        if problems:
            apply_service_errors(form, ValidationError(problems))
    return _render_item(request, _item_or_404(request, pk), form=form, status=400)


# --- Consent (the case page) ----------------------------------------------------------------


def _consent_form(case, data=None):
    members = [(m.pk, f"{m.given_name} {m.family_name}") for m in case.household.members.all()]
    return ConsentForm(
        data,
        members=members,
        tables=Table.objects.filter(active=True).order_by("name"),
        initial={"valid_from": timezone.localdate()},
    )


def _render_consent(request, case, form=None, status=200):
    log_request(
        request,
        Activity.CONSENT_RECORD,
        "read",
        "case",
        case.pk,
        case_queries.subject_ids_of_household(case.household_id),
    )
    return render(
        request,
        "tables/consent.html",
        {
            "case": case,
            "consents": queries.consents_of(case),
            "form": form or _consent_form(case),
            "may_record": services.may_record_consent(request.user, case),
            "today": timezone.localdate(),
        },
        status=status,
    )


@login_required
def consent(request, case_pk):
    case = case_queries.visible_case_or_404(request.user, case_pk)
    if request.method != "POST":
        return _render_consent(request, case)
    form = _consent_form(case, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        member = case.household.members.filter(pk=data.get("member")).first()
        try:
            services.consent_record(
                actor=request.user,
                case=case,
                member=member,
                table=data.get("table"),
                scope=data.get("scope") or "",
                valid_from=data.get("valid_from"),
                valid_until=data.get("valid_until"),
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The consent is recorded."))
            return redirect("tables:consent", case.pk)
    return _render_consent(request, case, form=form, status=400)


@login_required
@require_POST
def consent_withdraw(request, pk):
    consent = get_object_or_404(Consent, pk=pk)
    case = case_queries.visible_case_or_404(request.user, consent.case_id)
    try:
        services.consent_withdraw(actor=request.user, consent=consent)
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        log_request(
            request,
            Activity.CONSENT_RECORD,
            "update",
            "consent",
            consent.pk,
            case_queries.subject_ids_of_household(case.household_id),
        )
        messages.success(
            request, _("The consent is withdrawn; from now on the table sees no identity.")
        )
    return redirect("tables:consent", case.pk)
