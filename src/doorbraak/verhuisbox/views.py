"""The VerhuisboxPlus pages: the list of trajectories (/verhuisbox/), registering a household
of a case (/casussen/<id>/verhuisbox/), a trajectory with a form for each step
(/verhuisbox/<id>/), and the programme figures (/verhuisbox/cijfers/). Every page that shows
a household's data writes the processing log; every write is logged by its service."""

import datetime
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.cases.queries import subject_ids_of_case, subject_ids_of_cases, visible_case_or_404
from doorbraak.costbenefit import queries as costbenefit_queries
from doorbraak.forms_utrecht import apply_service_errors
from doorbraak.funds.queries import visible_funds
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_request, origin_from_request

from . import access, figures, queries, rules, services
from .forms import (
    AdviceForm,
    BijstandForm,
    CostForm,
    HandoverForm,
    HousedForm,
    RegisterForm,
    SiteForm,
    StopForm,
)
from .messages import message, next_step


def _may_work(user) -> bool:
    return access.may_work(user.role, user.is_active)


def _funds(user):
    return visible_funds(user).filter(active=True)


@login_required
def index(request):
    user = request.user
    if not access.may_use(user.role, user.is_active):
        raise PermissionDenied(_("Your role cannot use this page."))
    trajectories = queries.with_next_steps(list(queries.trajectory_list(user)[:100]))
    log_request(
        request,
        Activity.VERHUISBOX_VIEW,
        "read",
        "verhuisbox-trajectories",
        "",
        subject_ids_of_cases([t.case for t in trajectories]),
    )
    return render(
        request,
        "verhuisbox/index.html",
        {
            "trajectories": trajectories,
            "may_work": _may_work(user),
            "may_see_figures": access.may_see_figures(user.role, user.is_active),
        },
    )


@login_required
def register(request, case_pk=None):
    """Register a household: of the case in the URL, or of one of the caseworker's own open
    cases chosen in the form (/verhuisbox/aanmelden/)."""
    user = request.user
    if not _may_work(user):
        raise PermissionDenied(message("not_caseworker"))
    case = None
    if case_pk is not None:
        try:
            case = visible_case_or_404(user, case_pk)
        except Http404:
            log_request(
                request, Activity.VERHUISBOX_RECORD, "read", "case", case_pk, [], Outcome.DENIED
            )
            raise
    funds = _funds(user)
    form = RegisterForm(
        request.POST or None,
        funds=funds,
        cases=None if case is not None else queries.own_open_cases(user),
        initial={
            "registered_on": timezone.localdate(),
            "intensive_help": True,
            "fund": funds.filter(programme__icontains="verhuisbox").first(),
        },
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = dict(form.cleaned_data)
            chosen = data.pop("case", None) or case
            try:
                if chosen is None:
                    raise ValidationError({"case": [message("case_missing")]})
                trajectory = services.trajectory_register(
                    actor=user, case=chosen, origin=origin_from_request(request), **data
                )
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("%(ref)s registered. Next: the advice conversation.")
                    % {"ref": trajectory.reference},
                )
                return redirect("verhuisbox:detail", trajectory.pk)
    if case is not None:
        log_request(
            request, Activity.VERHUISBOX_RECORD, "read", "case", case.pk, subject_ids_of_case(case)
        )
    else:
        log_request(
            request,
            Activity.VERHUISBOX_RECORD,
            "read",
            "cases",
            "",
            subject_ids_of_cases(form.fields["case"].queryset),
        )
    return render(request, "verhuisbox/register.html", {"case": case, "form": form}, status=status)


def _trajectory_or_404(request, pk, activity=Activity.VERHUISBOX_VIEW):
    try:
        return queries.trajectory_detail(request.user, pk)
    except Http404:
        log_request(request, activity, "read", "verhuisbox-trajectory", pk, [], Outcome.DENIED)
        raise


STEPS = {
    # key: (form class, prefix, service, statuses it is offered in)
    "advice": (AdviceForm, "advies", services.advice_record, (figures.REGISTERED,)),
    "site": (SiteForm, "site", services.site_add, (figures.STARTED,)),
    "cost": (CostForm, "kosten", services.cost_add, (figures.STARTED, figures.HOUSED)),
    "housed": (HousedForm, "woning", services.trajectory_housed, (figures.STARTED,)),
    "handover": (HandoverForm, "overdracht", services.handover_record, (figures.HOUSED,)),
    "bijstand": (BijstandForm, "bijstand", services.bijstand_extend, (figures.HOUSED,)),
    "stop": (StopForm, "stoppen", services.trajectory_stop, tuple(figures.OPEN)),
}


def _success(key: str) -> str:
    return {
        "advice": _("The advice conversation is recorded; the search has started."),
        "site": _("The housing site is recorded; its fee is paid from the fund."),
        "cost": _("The cost is paid in kind from the fund."),
        "housed": _("The household is housed. Record the hand-over to the receiving municipality."),
        "handover": _("The hand-over is recorded."),
        "bijstand": _("The extra month of bijstand is in your actions."),
        "stop": _("The trajectory has ended; the reason is recorded."),
    }[key]


def _initial(key: str, today: datetime.date) -> dict:
    if key == "bijstand":
        return {"due_date": today + datetime.timedelta(days=31)}
    field = {
        "advice": "advice_on",
        "site": "registered_on",
        "cost": "paid_on",
        "housed": "housed_on",
        "handover": "handover_on",
        "stop": "ended_on",
    }[key]
    return {field: today}


def _offered(key: str, trajectory) -> bool:
    if key == "bijstand":
        return trajectory.status in (figures.STARTED, figures.HOUSED) and (
            trajectory.bijstand_action_id is None
        )
    if key == "handover":
        return trajectory.status in (figures.STARTED, figures.HOUSED) and not trajectory.handover_on
    return trajectory.status in STEPS[key][3]


def _render(request, trajectory, *, bound=None, status=200):
    log_request(
        request,
        Activity.VERHUISBOX_VIEW,
        "read",
        "verhuisbox-trajectory",
        trajectory.pk,
        subject_ids_of_case(trajectory.case),
    )
    today = timezone.localdate()
    may_work = _may_work(request.user)
    step_forms = {}
    if may_work:
        for key, (form_class, prefix, _service, _statuses) in STEPS.items():
            if bound is not None and bound[0] == key:
                step_forms[key] = bound[1]
            elif _offered(key, trajectory):
                step_forms[key] = form_class(prefix=prefix, initial=_initial(key, today))
    sites = queries.sites_of(trajectory)
    costs = queries.costs_of(trajectory)
    context = {
        "trajectory": trajectory,
        "sites": sites,
        "costs": costs,
        "paid": sum((c.amount for c in costs), start=Decimal("0.00")),
        "forms": step_forms,
        "next_step": next_step(
            rules.next_step(
                trajectory.status, site_count=len(sites), has_handover=bool(trajectory.handover_on)
            )
        ),
        "today": today,
    }
    return render(request, "verhuisbox/detail.html", context, status=status)


@login_required
def detail(request, pk):
    return _render(request, _trajectory_or_404(request, pk))


def _step(request, pk, key):
    trajectory = _trajectory_or_404(request, pk, Activity.VERHUISBOX_RECORD)
    if not _may_work(request.user):
        raise PermissionDenied(message("not_caseworker"))
    form_class, prefix, service, _statuses = STEPS[key]
    form = form_class(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            service(
                actor=request.user,
                trajectory=trajectory,
                origin=origin_from_request(request),
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _success(key))
            return redirect("verhuisbox:detail", trajectory.pk)
    # The services work on their own locked copy: `trajectory` is as it was read.
    return _render(request, trajectory, bound=(key, form), status=400)


def _step_view(key):
    """The POST view of one step of STEPS (advice, site, cost, housed, handover, bijstand, stop)."""

    @login_required
    @require_POST
    def view(request, pk):
        return _step(request, pk, key)

    view.__name__ = view.__qualname__ = key
    return view


advice, site, cost, housed, handover, bijstand, stop = (
    _step_view(key) for key in ("advice", "site", "cost", "housed", "handover", "bijstand", "stop")
)


@login_required
def programme(request):
    user = request.user
    if not access.may_see_figures(user.role, user.is_active):
        raise PermissionDenied(_("Your role cannot use this page."))
    index = costbenefit_queries.price_index()
    return render(
        request,
        "verhuisbox/figures.html",
        {
            "years": queries.programme(user),
            "probability": figures.SHELTER_PROBABILITY,
            "figure_key": figures.AVOIDED_FIGURE,
            "price_year": costbenefit_queries.target_price_year(index) if index.values else None,
        },
    )
