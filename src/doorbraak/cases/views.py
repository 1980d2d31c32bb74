"""Case file screens. Every page that shows a household's personal data writes the
processing log explicitly; every write goes through `services`."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from doorbraak.accounts.models import User
from doorbraak.accounts.queries import possible_key_workers
from doorbraak.ambassadors.queries import helpers_context
from doorbraak.escalation import mandate_queries
from doorbraak.escalation import queries as escalation_queries
from doorbraak.escalation import services as escalation_services
from doorbraak.forms_utrecht import apply_service_errors
from doorbraak.home.menu import may_open_case, may_write_request
from doorbraak.home.queries import person_of
from doorbraak.indications import queries as indication_queries
from doorbraak.pauses import queries as pause_queries
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import log_processing, origin_from_request

from . import queries, services
from .forms import (
    AccessForm,
    BlockerForm,
    BsnSearchForm,
    CaseOpenForm,
    CloseForm,
    HandoverForm,
    MemberForm,
    NoteForm,
    PlanForm,
    ReopenForm,
    ResolveForm,
)
from .guard import case_or_refuse
from .models import Blocker, CaseAccess, CaseStatus

PAGE_SIZE = 25


def _case_or_404(request, pk, activity: Activity, action: str = "read"):
    """The case if the user may see it; otherwise log the refusal and answer 404."""
    return case_or_refuse(request, pk, queries.case_detail, activity, action)


def _log_case(request, case, activity: Activity, action: str) -> None:
    log_processing(
        origin_from_request(request),
        activity=activity,
        action=action,
        object_type="case",
        object_id=case.pk,
        subject_ids=[m.subject_id for m in queries.members_of(case)],
    )


@login_required
def case_list(request):
    view = request.GET.get("weergave", "mijn")
    status = request.GET.get("status", CaseStatus.OPEN)
    if status not in CaseStatus.values:
        status = CaseStatus.OPEN
    page = queries.case_page(
        request.user,
        mine_only=(view == "mijn"),
        status=status,
        number=request.GET.get("pagina"),
        per_page=PAGE_SIZE,
    )
    log_processing(
        origin_from_request(request),
        activity=Activity.CASE_LIST,
        action="read",
        object_type="case-list",
        subject_ids=queries.subject_ids_of_cases(page),
    )
    return render(
        request,
        "cases/list.html",
        {
            "page": page,
            "view": view,
            "status": status,
            "search_form": BsnSearchForm(),
        },
    )


@login_required
@require_POST
def case_search(request):
    """Search by BSN. POST only, so a BSN never appears in a URL or an access log."""
    form = BsnSearchForm(request.POST)
    cases = []
    if form.is_valid():
        try:
            index = services.bsn_search_keys(form.cleaned_data["bsn"])
        except ValidationError as error:
            form.add_error("bsn", error.message_dict.get("bsn", error.messages))
        else:
            cases = list(queries.cases_by_bsn_index(request.user, index))
            log_processing(
                origin_from_request(request),
                activity=Activity.CASE_SEARCH,
                action="search",
                object_type="case-list",
                subject_ids=queries.subject_ids_of_cases(cases),
            )
    return render(
        request, "cases/search.html", {"form": form, "cases": cases, "searched": form.is_valid()}
    )


@login_required
def case_open(request):
    if not may_open_case(person_of(request.user)):
        # Refused before anyone fills in the form (the menu does not offer it either).
        raise PermissionDenied(_("Only a professional in a team can open a case."))
    form = CaseOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_open(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            _log_case(request, case, Activity.CASE_REGISTER, "create")
            messages.success(request, _("Case %(ref)s opened.") % {"ref": case.reference})
            return redirect("cases:detail", pk=case.pk)
    return render(
        request,
        "cases/form.html",
        {
            "form": form,
            "title": _("Open a case"),
            "submit": _("Open case"),
        },
    )


def _has_escalatable(case) -> bool:
    """Whether the case holds something to escalate (the lists the page read): an open
    blocker, or a request still open or refused — what the escalation form offers."""
    return any(b.status == "open" for b in case.blocker_list) or any(
        r.status in escalation_services.ESCALATABLE_REQUEST for r in case.request_list
    )


@login_required
def case_detail(request, pk):
    case = _case_or_404(request, pk, Activity.CASE_VIEW)
    _log_case(request, case, Activity.CASE_VIEW, "read")
    return render(
        request,
        "cases/detail.html",
        {
            "case": case,
            "note_form": NoteForm(),
            "may_manage": services.may_manage(request.user, case),
            "may_write_request": may_write_request(person_of(request.user)),
            "route_items": escalation_queries.case_route_items(case),
            "has_escalatable": _has_escalatable(case),
            "may_use_mandate": case.status == CaseStatus.OPEN
            and mandate_queries.has_usable_mandate(request.user, timezone.localdate()),
            # the programmes' sections, read here: a template runs no query
            "pauses": pause_queries.case_pauses(case),
            "indications": indication_queries.case_indications(case),
        },
    )


@dataclass(frozen=True)
class CaseForm:
    """A form page on one case: GET shows the form, POST calls `service`."""

    form_class: type
    service: Callable
    title: str
    submit: str
    success: str
    activity: Activity = Activity.CASE_UPDATE
    form_kwargs: Callable = lambda request, case: {}
    initial: Callable = lambda case: {}
    partial: str | None = None  # template answered to htmx requests
    #: Only the key worker and the team leader (services.may_manage) may open the form at all:
    #: its choices name colleagues, and the service would refuse the others anyway.
    manage_only: bool = False


def _handle_case_form(request, case, spec: CaseForm, service=None, extra: Callable | None = None):
    form = spec.form_class(
        request.POST or None, initial=spec.initial(case), **spec.form_kwargs(request, case)
    )
    htmx = bool(spec.partial and request.headers.get("HX-Request"))
    if request.method != "POST":
        _log_case(request, case, Activity.CASE_VIEW, "read")
    elif form.is_valid():
        try:
            (service or spec.service)(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            _log_case(request, case, spec.activity, "update")
            if htmx:
                fresh = queries.case_detail(request.user, case.pk)
                return render(request, spec.partial, {"case": fresh, "form": spec.form_class()})
            messages.success(request, spec.success)
            return redirect("cases:detail", pk=case.pk)
    if htmx:
        return render(request, spec.partial, {"case": case, "form": form})
    context = {"case": case, "form": form, "title": spec.title, "submit": spec.submit}
    # e.g. the blocker page's "who can help here?" (ambassadors/): read only when the form shows
    context.update(extra() if extra else {})
    return render(request, "cases/form.html", context, status=400 if form.errors else 200)


def case_form_view(spec: CaseForm):
    @login_required
    def view(request, pk):
        case = _case_or_404(request, pk, spec.activity, "update")
        if spec.manage_only and not services.may_manage(request.user, case):
            raise PermissionDenied(
                _("Only the key worker or the team leader of this case can do this.")
            )
        return _handle_case_form(request, case, spec)

    return view


def _plan_initial(case) -> dict:
    plan = case.current_plan
    fields = ("goal", "own_contribution", "support_needed")
    return {f: getattr(plan, f) for f in fields} if plan else {}


def _handover_candidates(request, case) -> dict:
    organisation_id = case.key_worker.organisation_id
    workers = possible_key_workers(organisation_id=organisation_id)
    return {"candidates": workers.exclude(pk=case.key_worker_id)}


def _access_candidates(request, case) -> dict:
    people = User.objects.filter(is_active=True).exclude(
        Q(pk=case.key_worker_id) | Q(team_id=case.team_id)
    )
    return {"candidates": people.order_by("first_name", "last_name")}


note_add = case_form_view(
    CaseForm(
        NoteForm,
        services.note_add,
        gettext_lazy("Add a note"),
        gettext_lazy("Save note"),
        gettext_lazy("Note saved."),
        partial="cases/_notes.html",
    )
)
blocker_add = case_form_view(
    CaseForm(
        BlockerForm,
        services.blocker_add,
        gettext_lazy("Record a blocker"),
        gettext_lazy("Save blocker"),
        gettext_lazy("Blocker recorded."),
        partial="cases/_blocker_form.html",
    )
)
member_add = case_form_view(
    CaseForm(
        MemberForm,
        services.member_add,
        gettext_lazy("Add a household member"),
        gettext_lazy("Add member"),
        gettext_lazy("Household member added."),
    )
)
plan_edit = case_form_view(
    CaseForm(
        PlanForm,
        services.plan_update,
        gettext_lazy("Support plan"),
        gettext_lazy("Save plan"),
        gettext_lazy("Support plan saved."),
        initial=_plan_initial,
    )
)
handover = case_form_view(
    CaseForm(
        HandoverForm,
        services.key_worker_handover,
        gettext_lazy("Hand over to another key worker"),
        gettext_lazy("Hand over"),
        gettext_lazy("The case has a new key worker."),
        activity=Activity.CASE_HANDOVER,
        form_kwargs=_handover_candidates,
        manage_only=True,
    )
)
access_add = case_form_view(
    CaseForm(
        AccessForm,
        services.access_grant,
        gettext_lazy("Add a person to this case"),
        gettext_lazy("Add person"),
        gettext_lazy("Person added to the case."),
        form_kwargs=_access_candidates,
        manage_only=True,
    )
)
case_close = case_form_view(
    CaseForm(
        CloseForm,
        services.case_close,
        gettext_lazy("Close case"),
        gettext_lazy("Close case"),
        gettext_lazy("Case closed."),
        manage_only=True,
    )
)
case_reopen = case_form_view(
    CaseForm(
        ReopenForm,
        services.case_reopen,
        gettext_lazy("Reopen case"),
        gettext_lazy("Reopen case"),
        gettext_lazy("Case reopened."),
        manage_only=True,
    )
)
_RESOLVE = CaseForm(
    ResolveForm,
    services.blocker_resolve,
    gettext_lazy("Blocker resolved"),
    gettext_lazy("Save"),
    gettext_lazy("Blocker marked as resolved."),
)


@login_required
@require_POST
def access_revoke(request, pk, access_pk):
    case = _case_or_404(request, pk, Activity.CASE_UPDATE, "update")
    access = get_object_or_404(CaseAccess, pk=access_pk, case=case)
    try:
        services.access_revoke(actor=request.user, access=access)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        _log_case(request, case, Activity.CASE_UPDATE, "update")
        messages.success(request, _("Person removed from the case."))
    return redirect("cases:detail", pk=case.pk)


@login_required
def blocker_resolve(request, pk, blocker_pk):
    case = _case_or_404(request, pk, Activity.CASE_UPDATE, "update")
    blocker = get_object_or_404(Blocker, pk=blocker_pk, case=case)

    def resolve(*, actor, case, resolution):
        return services.blocker_resolve(actor=actor, blocker=blocker, resolution=resolution)

    return _handle_case_form(
        request, case, _RESOLVE, service=resolve, extra=lambda: helpers_context(case, blocker)
    )
