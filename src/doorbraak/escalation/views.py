"""Escalation screens: escalate an item, an escalation with its decision and follow-up
actions, and "Mijn acties". Every page that shows a household's data writes the processing
log; every write goes through `services`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.accounts.models import User
from doorbraak.ambassadors.queries import helpers_context
from doorbraak.cases import queries as case_queries
from doorbraak.cases.models import Blocker
from doorbraak.forms_utrecht import apply_service_errors
from doorbraak.funds.models import Fund
from doorbraak.home.menu import may_have_actions, may_write_request
from doorbraak.home.queries import person_of
from doorbraak.let import queries as let_queries
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_request
from doorbraak.proposals.models import Request
from doorbraak.tables import queries as table_queries

from . import mandate_queries, queries, rules, services, workflow
from .forms import ActionForm, DecisionForm, DoneForm, EscalateForm
from .models import FollowUpAction


def _escalation_or_404(request, pk, activity=Activity.ESCALATION_VIEW):
    try:
        return queries.escalation_detail(request.user, pk)
    except Http404:
        log_request(request, activity, "read", "escalation", pk, [], Outcome.DENIED)
        raise


# --- Escalate ------------------------------------------------------------------------------


def _items(case) -> list[tuple[str, str]]:
    """What can be escalated: the case's requests still open or refused, and its open
    blockers (the service says why one cannot go up)."""
    requests = case.requests.filter(status__in=services.ESCALATABLE_REQUEST).order_by("pk")
    blockers = case.blockers.filter(status="open").select_related("organisation").order_by("pk")
    return [
        *((f"r{r.pk}", f"{r.reference} · {r.solution[:60]}") for r in requests),
        *(
            (
                f"b{b.pk}",
                _("Blocker: %(org)s · %(rule)s") % {"org": b.organisation, "rule": b.rule[:60]},
            )
            for b in blockers
        ),
    ]


def _item_of(case, value: str):
    if not value or not value[1:].isdigit():
        return None, None
    pk = int(value[1:])
    if value[0] == "r":
        return Request.objects.filter(case_id=case.pk, pk=pk).first(), None
    if value[0] == "b":
        return None, Blocker.objects.filter(case_id=case.pk, pk=pk).first()
    return None, None


def _levels(case, item_value) -> tuple[list, int | None]:
    """The route's levels as choices, and the level the item would go to next."""
    request_obj, blocker = _item_of(case, item_value)
    last = None
    if request_obj or blocker:
        last = queries.last_escalation(
            request_id=request_obj.pk if request_obj else None,
            blocker_id=blocker.pk if blocker else None,
        )
    version = last.route_version if last else queries.route_for_case(case)
    route = version.as_route()
    following = rules.next_level(route, last.level if last else 1)
    choices = [(level.position, f"{level.position}. {level.name}") for level in route.levels[1:]]
    return choices, following


@login_required
def escalate(request, case_pk):
    try:
        case = case_queries.visible_case_or_404(request.user, case_pk)
    except Http404:
        log_request(
            request, Activity.ESCALATION_CREATE, "read", "case", case_pk, [], Outcome.DENIED
        )
        raise
    if not may_write_request(person_of(request.user)):
        raise PermissionDenied(_("Only a professional can escalate a request or blocker."))
    preset = ""
    if request.GET.get("verzoek", "").isdigit():
        preset = f"r{request.GET['verzoek']}"
    elif request.GET.get("knelpunt", "").isdigit():
        preset = f"b{request.GET['knelpunt']}"
    item_value = request.POST.get("item", preset) if request.method == "POST" else preset
    levels, following = _levels(case, item_value)
    items = _items(case)
    form = EscalateForm(
        request.POST or None,
        items=items,
        levels=levels,
        initial={"item": preset, "level": following},
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        request_obj, blocker = _item_of(case, data["item"])
        try:
            escalation = services.escalate(
                actor=request.user,
                case=case,
                request=request_obj,
                blocker=blocker,
                level=data.get("level"),
                question=data["question"],
                tried=data["tried"],
                skip_reason=data["skip_reason"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            log_request(
                request,
                Activity.ESCALATION_CREATE,
                "create",
                "escalation",
                escalation.pk,
                case_queries.subject_ids_of_case(case),
            )
            messages.success(
                request, _("Escalated to %(level)s.") % {"level": escalation.current_level.name}
            )
            return redirect("escalation:detail", escalation.pk)
    if request.method == "POST":
        status = 400
    log_request(
        request, Activity.CASE_VIEW, "read", "case", case.pk, case_queries.subject_ids_of_case(case)
    )
    return render(
        request,
        "escalation/escalate.html",
        {"case": case, "form": form, "nothing_open": not items},
        status=status,
    )


# --- One escalation ------------------------------------------------------------------------


def _owners(case):
    """Who can own a follow-up action: active people with a role (the deciders, the team,
    partners); the list is short in a municipality and names no household."""
    return (
        User.objects.filter(is_active=True)
        .exclude(role="")
        .exclude(role="beheerder")
        .order_by("first_name", "last_name", "username")
    )


def _outcomes(user, escalation) -> list[str]:
    if not escalation.is_open:
        return []
    outcomes = []
    if services.may_decide(user, escalation):
        outcomes += list(workflow.DECISIONS)
    if services.may_withdraw(user, escalation):
        outcomes.append(workflow.WITHDRAWN)
    return outcomes


def _decision_form(request, escalation, data=None):
    level = escalation.current_level
    funds = Fund.objects.filter(active=True)
    if level.fund_ids:
        funds = funds.filter(pk__in=level.fund_ids)
    return DecisionForm(
        data,
        outcomes=_outcomes(request.user, escalation),
        funds=funds.order_by("name"),
        owners=_owners(escalation.case),
        prefix="besluit",
    )


def _render(request, escalation, *, decision_form=None, action_form=None, status=200):
    log_request(
        request,
        Activity.ESCALATION_VIEW,
        "read",
        "escalation",
        escalation.pk,
        case_queries.subject_ids_of_case(escalation.case),
    )
    route = escalation.route
    today = timezone.localdate()
    at_let = escalation.current_level.kind == rules.LET
    let_submission = let_queries.submission_for(escalation) if at_let else None
    return render(
        request,
        "escalation/detail.html",
        {
            "escalation": escalation,
            "case": escalation.case,
            "level": escalation.current_level,
            "steps": queries.route_steps(route, escalation.chain),
            "route": route,
            "decision_form": decision_form or _decision_form(request, escalation),
            "action_form": action_form
            or ActionForm(owners=_owners(escalation.case), prefix="actie"),
            "let_submission": let_submission,
            "may_submit_let": at_let
            and escalation.is_open
            and let_submission is None
            and may_write_request(person_of(request.user)),
            "may_use_mandate": escalation.is_open
            and escalation.current_level.kind == rules.MANDATE
            and mandate_queries.has_usable_mandate(request.user, today),
            "may_escalate": escalation.is_open
            and route.top > escalation.level
            and may_write_request(person_of(request.user)),
            "today": today,
            **helpers_context(
                escalation.case, escalation.blocker if escalation.blocker_id else None
            ),
        },
        status=status,
    )


@login_required
def detail(request, pk):
    return _render(request, _escalation_or_404(request, pk))


@login_required
@require_POST
def decide(request, pk):
    escalation = _escalation_or_404(request, pk, Activity.ESCALATION_DECIDE)
    form = _decision_form(request, escalation, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.escalation_decide(
                actor=request.user,
                escalation=escalation,
                outcome=data["outcome"],
                reasons=data["reasons"],
                amount=data.get("amount"),
                fund=data.get("fund"),
                organisation=data.get("organisation"),
                action=form.action(),
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            log_request(
                request,
                Activity.ESCALATION_DECIDE,
                "update",
                "escalation",
                escalation.pk,
                case_queries.subject_ids_of_case(escalation.case),
            )
            messages.success(request, _("The decision is recorded."))
            return redirect("escalation:detail", escalation.pk)
    return _render(request, escalation, decision_form=form, status=400)


@login_required
@require_POST
def action_add(request, pk):
    escalation = _escalation_or_404(request, pk, Activity.ESCALATION_DECIDE)
    form = ActionForm(request.POST, owners=_owners(escalation.case), prefix="actie")
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.action_add(
                actor=request.user,
                escalation=escalation,
                owner=data.get("owner"),
                description=data["description"],
                due_date=data.get("due_date"),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The follow-up action is set."))
            return redirect("escalation:detail", escalation.pk)
    return _render(request, escalation, action_form=form, status=400)


# --- Mijn acties ---------------------------------------------------------------------------


def _escalation_links(user, escalation_ids) -> dict[int, str]:
    """Where `user` can open each escalation: its own page when they see its case; else the
    agenda item at a table they sit at (a table member's follow-up action: they see the point
    as the table does, not the case); else nowhere. Two queries at most."""
    ids = set(escalation_ids)
    if not ids:
        return {}
    seen = queries.visible_escalations(user).filter(pk__in=ids).values_list("pk", flat=True)
    links = {pk: reverse("escalation:detail", args=[pk]) for pk in seen}
    if rest := ids - links.keys():
        items = table_queries.visible_items(user).filter(escalation_id__in=rest).order_by("-pk")
        for escalation_id, item_id in items.values_list("escalation_id", "pk"):
            links.setdefault(escalation_id, reverse("tables:item", args=[item_id]))
    return links


def _actions_page(request, *, failed=None, failed_form=None, status=200):
    today = timezone.localdate()
    actions = list(queries.open_actions(request.user))
    done = queries.done_actions(request.user)
    links = _escalation_links(request.user, (a.escalation_id for a in actions if a.escalation_id))
    for action in actions:
        action.overdue = action.due_date < today
        action.form = failed_form if failed == action.pk else DoneForm(prefix=f"a{action.pk}")
        action.escalation_link = links.get(action.escalation_id)
    cases = {a.case_id: a.case for a in [*actions, *done]}
    log_request(
        request,
        Activity.ACTIONS_VIEW,
        "read",
        "follow-up-actions",
        "",
        case_queries.subject_ids_of_cases(cases.values()),
    )
    return render(
        request,
        "escalation/actions.html",
        {
            "actions": actions,
            "overdue": [a for a in actions if a.overdue],
            "done": done,
            "today": today,
        },
        status=status,
    )


@login_required
def actions(request):
    if not may_have_actions(person_of(request.user)):
        raise PermissionDenied(_("The functional administrator has no follow-up actions."))
    return _actions_page(request)


@login_required
@require_POST
def action_done(request, pk):
    action = get_object_or_404(FollowUpAction, pk=pk, owner_id=request.user.pk)
    form = DoneForm(request.POST, prefix=f"a{action.pk}")
    if form.is_valid():
        try:
            services.action_done(actor=request.user, action=action, note=form.cleaned_data["note"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Action %(ref)s is done.") % {"ref": action.reference})
            return redirect("escalation:actions")
    return _actions_page(request, failed=action.pk, failed_form=form, status=400)
