"""Pages of the functional administrator for data-subject rights (inzage, rectificatie,
beperking) and retention. The BSN is only ever POSTed; a person's page is addressed by the
member's internal id. Every page that shows personal data writes the processing log."""

import contextlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.cases.models import Case, Member
from doorbraak.forms_utrecht import apply_service_errors
from doorbraak.privacy.services import origin_from_request

from . import export, retention, services
from .forms import BsnForm, HandleForm, LiftForm, RectificationForm, RestrictForm
from .models import (
    DestructionProposal,
    ProposalState,
    RequestKind,
    RequestState,
    Restriction,
    RightsRequest,
)
from .permissions import may_handle_rights


def _only_rights_handlers(request) -> None:
    if not may_handle_rights(request.user):
        raise PermissionDenied(
            _("Only the functional administrator handles requests about personal data.")
        )


@login_required
def index(request):
    _only_rights_handlers(request)
    form = BsnForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        try:
            found = services.find_person(
                actor=request.user,
                origin=origin_from_request(request),
                bsn=form.cleaned_data["bsn"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
    elif request.method == "POST":
        # An empty or too long field: refused like an invalid BSN, and the attempt logged.
        with contextlib.suppress(ValidationError):
            services.find_person(actor=request.user, origin=origin_from_request(request), bsn="")
    open_requests = list(
        RightsRequest.objects.filter(
            kind=RequestKind.RECTIFICATION, state=RequestState.RECEIVED
        ).order_by("received_at")[:50]
    )
    restrictions = list(
        Restriction.objects.filter(lifted_at__isnull=True).order_by("started_at")[:50]
    )
    return render(
        request,
        "subjectrights/index.html",
        {
            "form": form,
            "found": found,
            "searched": found is not None,
            "open_requests": open_requests,
            "restrictions": restrictions,
        },
    )


def _person(request, pk) -> list[Member]:
    _only_rights_handlers(request)
    try:
        return services.person_members(actor=request.user, member_pk=pk)
    except Member.DoesNotExist:
        raise Http404 from None


def _person_page(request, members, **forms):
    household_ids = {m.household_id for m in members}
    cases = list(
        Case.objects.filter(household_id__in=household_ids)
        .select_related("key_worker", "team")
        .order_by("pk")
    )
    restrictions = {
        r.household_id: r
        for r in Restriction.objects.filter(household_id__in=household_ids, lifted_at__isnull=True)
    }
    trail = list(
        RightsRequest.objects.filter(member__in=members).select_related(
            "recorded_by", "handled_by", "case"
        )
    )
    services.log_view(origin=origin_from_request(request), members=members)
    member = members[0]
    context = {
        "member": member,
        "members": members,
        "cases": cases,
        "restriction": restrictions.get(member.household_id),
        "trail": trail,
        "restrict_form": forms.get("restrict_form") or RestrictForm(),
        "lift_form": forms.get("lift_form") or LiftForm(),
        "rectification_form": forms.get("rectification_form")
        or RectificationForm(cases=[c for c in cases if c.household_id == member.household_id]),
        "handle_forms": forms.get("handle_forms") or {},
    }
    for entry in trail:
        entry.form = context["handle_forms"].get(entry.pk) or HandleForm(prefix=f"r{entry.pk}")
    status = 400 if forms else 200
    return render(request, "subjectrights/person.html", context, status=status)


@login_required
def person(request, pk):
    return _person_page(request, _person(request, pk))


def _export(request, pk, fmt):
    members = _person(request, pk)
    data = services.access_export(
        actor=request.user, origin=origin_from_request(request), members=members, fmt=fmt
    )
    stamp = timezone.localdate().isoformat()
    if fmt == "json":
        body, content_type = export.as_json(data), "application/json; charset=utf-8"
    else:
        body = export.as_pdf(data, person_label=str(members[0]))
        content_type = "application/pdf"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="inzage-{pk}-{stamp}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def export_json(request, pk):
    return _export(request, pk, "json")


@login_required
@require_POST
def export_pdf(request, pk):
    return _export(request, pk, "pdf")


@login_required
@require_POST
def restrict(request, pk):
    members = _person(request, pk)
    form = RestrictForm(request.POST)
    if form.is_valid():
        try:
            services.restriction_start(
                actor=request.user,
                origin=origin_from_request(request),
                member=members[0],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, _("Processing restricted: the household's cases are now only stored.")
            )
            return redirect("subjectrights:person", pk=pk)
    return _person_page(request, members, restrict_form=form)


@login_required
@require_POST
def lift(request, pk):
    members = _person(request, pk)
    form = LiftForm(request.POST)
    if form.is_valid():
        try:
            services.restriction_lift(
                actor=request.user,
                origin=origin_from_request(request),
                member=members[0],
                reason=form.cleaned_data["lift_reason"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Restriction lifted."))
            return redirect("subjectrights:person", pk=pk)
    return _person_page(request, members, lift_form=form)


@login_required
@require_POST
def rectification(request, pk):
    members = _person(request, pk)
    member = members[0]
    cases = list(Case.objects.filter(household_id=member.household_id).order_by("pk"))
    form = RectificationForm(request.POST, cases=cases)
    if form.is_valid():
        case = next((c for c in cases if str(c.pk) == form.cleaned_data["case"]), None)
        try:
            services.rectification_record(
                actor=request.user,
                origin=origin_from_request(request),
                member=member,
                case=case,
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Rectification request recorded; the key worker sees a note on the "
                    "case's timeline."
                ),
            )
            return redirect("subjectrights:person", pk=pk)
    return _person_page(request, members, rectification_form=form)


@login_required
@require_POST
def rectification_handle(request, pk):
    _only_rights_handlers(request)
    entry = get_object_or_404(RightsRequest, pk=pk, kind=RequestKind.RECTIFICATION)
    form = HandleForm(request.POST, prefix=f"r{entry.pk}")
    if form.is_valid():
        try:
            services.rectification_handle(
                actor=request.user,
                origin=origin_from_request(request),
                rectification=entry,
                state=form.cleaned_data["state"],
                handling=form.cleaned_data["handling"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Handling recorded."))
            return redirect("subjectrights:person", pk=entry.member_id)
    members = export.persons_members(entry.member)
    return _person_page(request, members, handle_forms={entry.pk: form})


# --- Retention -----------------------------------------------------------------------------


@login_required
def retention_index(request, error=None, status=200):
    _only_rights_handlers(request)
    counts = retention.due_counts()
    kinds = [{"term": term, "due": counts[kind]} for kind, term in retention.terms().items()]
    waiting = list(
        DestructionProposal.objects.filter(state=ProposalState.PROPOSED).select_related(
            "proposed_by"
        )
    )
    done = list(
        DestructionProposal.objects.exclude(state=ProposalState.PROPOSED).select_related(
            "proposed_by", "confirmed_by"
        )[:50]
    )
    return render(
        request,
        "subjectrights/retention.html",
        {
            "kinds": kinds,
            "waiting": waiting,
            "done": done,
            "error": error,
            "financial": retention.FINANCIAL_TERM,
            "waiting_kinds": {p.kind for p in waiting},
        },
        status=status,
    )


def _retention_refused(request, error):
    message = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
    return retention_index(request, error=message, status=400)


@login_required
@require_POST
def retention_propose(request):
    _only_rights_handlers(request)
    try:
        proposal = retention.propose(
            actor=request.user,
            origin=origin_from_request(request),
            kind=request.POST.get("kind", ""),
        )
    except (ValidationError, PermissionDenied) as error:
        return _retention_refused(request, error)
    messages.success(
        request,
        _("Destruction proposed (%(n)s cases). Another functional administrator must confirm it.")
        % {"n": len(proposal.case_ids)},
    )
    return redirect("subjectrights:retention")


@login_required
@require_POST
def retention_confirm(request, pk):
    _only_rights_handlers(request)
    proposal = get_object_or_404(DestructionProposal, pk=pk)
    try:
        done = retention.confirm(
            actor=request.user, origin=origin_from_request(request), proposal=proposal
        )
    except (ValidationError, PermissionDenied) as error:
        return _retention_refused(request, error)
    messages.success(
        request,
        _("Destroyed: the personal data of %(n)s cases.") % {"n": done.counts.get("cases", 0)},
    )
    return redirect("subjectrights:retention")


@login_required
@require_POST
def retention_withdraw(request, pk):
    _only_rights_handlers(request)
    proposal = get_object_or_404(DestructionProposal, pk=pk)
    try:
        retention.withdraw(
            actor=request.user, origin=origin_from_request(request), proposal=proposal
        )
    except (ValidationError, PermissionDenied) as error:
        return _retention_refused(request, error)
    messages.success(request, _("Destruction proposal withdrawn."))
    return redirect("subjectrights:retention")
