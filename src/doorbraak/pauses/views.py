"""Pages: the pause button on a case (/casussen/<id>/pauze/), a pause with its approval and
review (/pauzes/<id>/), and the W&I list (/pauzes/)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.cases.models import Member
from doorbraak.cases.queries import visible_cases
from doorbraak.forms_utrecht import apply_service_errors
from doorbraak.privacy import subjects
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import log_processing, origin_from_request

from . import access, queries, rules, services
from .forms import ApprovalForm, PauseForm, ReviewForm
from .messages import message
from .models import PauseStatus


def _log_read(request, pause) -> None:
    log_processing(
        origin_from_request(request),
        activity=Activity.PAUSE_VIEW,
        action="read",
        object_type="pause",
        object_id=pause.pk,
        subject_ids=Member.objects.filter(household_id=pause.case.household_id).values_list(
            "subject_id", flat=True
        ),
    )


@login_required
def pause_list(request):
    if not access.may_list(request.user.role, request.user.is_active):
        raise PermissionDenied(_("Your role cannot use this page."))
    today = timezone.localdate()
    page = Paginator(queries.list_page(request.user), 25).get_page(request.GET.get("pagina"))
    awaiting = list(queries.awaiting_approval(request.user)[:10])
    due = list(queries.reviews_due(request.user, today)[:10])
    # Each pause shown is about its case's household: one record per member.
    log_processing(
        origin_from_request(request),
        activity=Activity.PAUSE_VIEW,
        action="read",
        object_type="pause-list",
        subject_ids=subjects.of_cases({p.case_id for p in [*page, *awaiting, *due]}),
    )
    return render(
        request,
        "pauses/list.html",
        {"page": page, "today": today, "awaiting": awaiting, "due": due},
    )


@login_required
def pause_new(request, case_pk):
    if not access.may_pause(request.user.role, request.user.is_active):
        raise PermissionDenied(message("not_pauser"))
    case = visible_cases(request.user).select_related("household").filter(pk=case_pk).first()
    if case is None:
        raise PermissionDenied(message("not_pauser"))
    today = timezone.localdate()
    initial = {
        "organisation": request.user.organisation_id,
        "starts_on": today,
        "weeks": rules.DEFAULT_WEEKS,
        "review_on": rules.default_review(today, rules.DEFAULT_WEEKS),
    }
    form = PauseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            pause = services.pause_start(
                actor=request.user,
                case=case,
                origin=origin_from_request(request),
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            if pause.status == PauseStatus.AWAITING_APPROVAL:
                messages.warning(
                    request,
                    _(
                        "Pause %(ref)s is longer than %(max)s weeks: it takes effect once a "
                        "colleague approves it."
                    )
                    % {"ref": pause.reference, "max": services.max_weeks()},
                )
            else:
                messages.success(
                    request,
                    _("Pause %(ref)s recorded. The review is in your actions.")
                    % {"ref": pause.reference},
                )
            return redirect("pauses:detail", pk=pause.pk)
    return render(
        request,
        "pauses/form.html",
        {"form": form, "case": case},
        status=400 if form.errors else 200,
    )


def _detail(request, pk, *, approval_form=None, review_form=None, status=200):
    pause = queries.pause_or_404(request.user, pk)
    user = request.user
    may_approve = (
        pause.status == PauseStatus.AWAITING_APPROVAL
        and access.may_approve(user.role, user.is_active)
        and pause.created_by_id != user.pk
    )
    may_review = pause.status == PauseStatus.ACTIVE and access.may_review(user.role, user.is_active)
    if may_review and review_form is None:
        review_form = ReviewForm(
            initial={"care_due": timezone.localdate() + datetime.timedelta(days=14)}
        )
    if may_approve and approval_form is None:
        approval_form = ApprovalForm()
    _log_read(request, pause)
    return render(
        request,
        "pauses/detail.html",
        {
            "pause": pause,
            "case_visible": visible_cases(user).filter(pk=pause.case_id).exists(),
            "approval_form": approval_form if may_approve else None,
            "review_form": review_form if may_review else None,
            "due": rules.is_due(pause.review_on, timezone.localdate()),
        },
        status=status,
    )


@login_required
def pause_detail(request, pk):
    return _detail(request, pk)


@login_required
@require_POST
def pause_approve(request, pk):
    pause = queries.pause_or_404(request.user, pk)
    form = ApprovalForm(request.POST)
    if form.is_valid():
        choice = form.cleaned_data["decision"]
        approve = {"goedkeuren": True, "afwijzen": False}.get(choice)
        try:
            services.pause_approve(
                actor=request.user,
                pause=pause,
                approve=approve,
                note=form.cleaned_data["note"],
                origin=origin_from_request(request),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Pause approved.") if approve else _("Pause not approved."),
            )
            return redirect("pauses:detail", pk=pk)
    return _detail(request, pk, approval_form=form, status=400)


@login_required
@require_POST
def pause_review(request, pk):
    pause = queries.pause_or_404(request.user, pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.pause_review(
                actor=request.user,
                pause=pause,
                origin=origin_from_request(request),
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Review recorded."))
            return redirect("pauses:detail", pk=pk)
    return _detail(request, pk, review_form=form, status=400)
