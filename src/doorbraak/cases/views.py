"""Case file screens. Every page that shows a household's personal data writes the
processing log explicitly; every write goes through `services`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.accounts.models import User
from doorbraak.accounts.queries import possible_key_workers
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
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
from .models import Blocker, CaseAccess, CaseStatus

PAGE_SIZE = 25


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _case_or_404(request, pk, activity: Activity, action: str = "read"):
    """The case if the user may see it; otherwise log the refusal and answer 404."""
    try:
        return queries.case_detail(request.user, pk)
    except Http404:
        log_processing(
            origin_from_request(request),
            activity=activity,
            action=action,
            object_type="case",
            object_id=pk,
            result=Outcome.DENIED,
        )
        raise


def _log_case(request, case, activity: Activity, action: str) -> None:
    log_processing(
        origin_from_request(request),
        activity=activity,
        action=action,
        object_type="case",
        object_id=case.pk,
        subject_ids=[m.subject_id for m in case.household.members.all()],
    )


@login_required
def case_list(request):
    view = request.GET.get("weergave", "mijn")
    status = request.GET.get("status", CaseStatus.OPEN)
    if status not in CaseStatus.values:
        status = CaseStatus.OPEN
    cases = queries.case_list(request.user, mine_only=(view == "mijn"), status=status)
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("pagina"))
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
            index = services.bsn_search_key(form.cleaned_data["bsn"])
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
    form = CaseOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_open(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
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
            "blocker_form": BlockerForm(),
            "may_manage": services.may_manage(request.user, case),
        },
    )


def _case_form_view(
    request,
    pk,
    *,
    form_class,
    service,
    title,
    submit,
    success,
    form_kwargs=None,
    service_kwargs=None,
    template="cases/form.html",
    partial=None,
):
    """A form page on one case: GET shows the form, POST calls the service."""
    case = _case_or_404(request, pk, Activity.CASE_UPDATE, "update")
    form = form_class(request.POST or None, **(form_kwargs or {}))
    if request.method == "POST" and form.is_valid():
        try:
            service(actor=request.user, case=case, **form.cleaned_data, **(service_kwargs or {}))
        except ValidationError as error:
            _apply_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            _log_case(request, case, Activity.CASE_UPDATE, "update")
            messages.success(request, success)
            if partial and request.headers.get("HX-Request"):
                return render(
                    request,
                    partial,
                    {"case": queries.case_detail(request.user, pk), "note_form": form_class()},
                )
            return redirect("cases:detail", pk=case.pk)
    if partial and request.headers.get("HX-Request"):
        return render(request, partial, {"case": case, "note_form": form})
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        template,
        {"case": case, "form": form, "title": title, "submit": submit},
        status=status,
    )


@login_required
def note_add(request, pk):
    return _case_form_view(
        request,
        pk,
        form_class=NoteForm,
        service=services.note_add,
        title=_("Add a note"),
        submit=_("Save note"),
        success=_("Note saved."),
        partial="cases/_notes.html",
    )


@login_required
def blocker_add(request, pk):
    return _case_form_view(
        request,
        pk,
        form_class=BlockerForm,
        service=services.blocker_add,
        title=_("Record a blocker"),
        submit=_("Save blocker"),
        success=_("Blocker recorded."),
    )


@login_required
def member_add(request, pk):
    return _case_form_view(
        request,
        pk,
        form_class=MemberForm,
        service=services.member_add,
        title=_("Add a household member"),
        submit=_("Add member"),
        success=_("Household member added."),
    )


@login_required
def plan_edit(request, pk):
    case = _case_or_404(request, pk, Activity.CASE_UPDATE, "update")
    initial = {}
    if case.current_plan:
        initial = {
            f: getattr(case.current_plan, f) for f in ("goal", "own_contribution", "support_needed")
        }
    if request.method == "GET":
        _log_case(request, case, Activity.CASE_VIEW, "read")
        return render(
            request,
            "cases/form.html",
            {
                "case": case,
                "form": PlanForm(initial=initial),
                "title": _("Support plan"),
                "submit": _("Save plan"),
            },
        )
    return _case_form_view(
        request,
        pk,
        form_class=PlanForm,
        service=services.plan_update,
        title=_("Support plan"),
        submit=_("Save plan"),
        success=_("Support plan saved."),
    )


@login_required
def handover(request, pk):
    case = _case_or_404(request, pk, Activity.CASE_HANDOVER, "update")
    candidates = possible_key_workers(organisation_id=case.key_worker.organisation_id).exclude(
        pk=case.key_worker_id
    )
    return _case_form_view(
        request,
        pk,
        form_class=HandoverForm,
        service=services.key_worker_handover,
        form_kwargs={"candidates": candidates},
        title=_("Hand over to another key worker"),
        submit=_("Hand over"),
        success=_("The case has a new key worker."),
    )


@login_required
def access_add(request, pk):
    case = _case_or_404(request, pk, Activity.CASE_UPDATE, "update")
    candidates = (
        User.objects.filter(is_active=True)
        .exclude(Q(pk=case.key_worker_id) | Q(team_id=case.team_id))
        .order_by("first_name", "last_name")
    )
    return _case_form_view(
        request,
        pk,
        form_class=AccessForm,
        service=services.access_grant,
        form_kwargs={"candidates": candidates},
        title=_("Add a person to this case"),
        submit=_("Add person"),
        success=_("Person added to the case."),
    )


@login_required
def case_close(request, pk):
    return _case_form_view(
        request,
        pk,
        form_class=CloseForm,
        service=services.case_close,
        title=_("Close case"),
        submit=_("Close case"),
        success=_("Case closed."),
    )


@login_required
def case_reopen(request, pk):
    return _case_form_view(
        request,
        pk,
        form_class=ReopenForm,
        service=services.case_reopen,
        title=_("Reopen case"),
        submit=_("Reopen case"),
        success=_("Case reopened."),
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

    return _case_form_view(
        request,
        pk,
        form_class=ResolveForm,
        service=resolve,
        title=_("Blocker resolved"),
        submit=_("Save"),
        success=_("Blocker marked as resolved."),
    )
