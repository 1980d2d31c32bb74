"""The approval inbox, built for a phone: open a request, read the anonymised text, tap."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doorbraak.accounts.reauth import reauthenticate_first
from doorbraak.costbenefit.presentation import present
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_processing, origin_from_request
from doorbraak.proposals import lifecycle

from . import notifications, queries, services
from .models import Choice, Notification


def _log(request, pk, result=Outcome.OK):
    # Approvers see anonymised text only: an audit record, and no data subjects.
    log_processing(
        origin_from_request(request),
        activity=Activity.REQUEST_REVIEW,
        action="read",
        object_type="request",
        object_id=pk,
        result=result,
    )


def _review_or_404(request, pk):
    try:
        return queries.review(request.user, pk)
    except Http404:
        _log(request, pk, Outcome.DENIED)
        raise


PAGE_SIZE = 25


@login_required
def inbox(request):
    page = Paginator(queries.inbox(request.user), PAGE_SIZE).get_page(request.GET.get("pagina"))
    overdue = list(queries.overdue_for_team_leader(request.user).order_by("submitted_at")[:26])
    return render(
        request,
        "approvals/inbox.html",
        {
            "page": page,
            "decided": queries.recently_decided(request.user),
            "overdue": overdue[:PAGE_SIZE],
            "more_overdue": len(overdue) > PAGE_SIZE,
        },
    )


def _context(user, proposal):
    votes = queries.votes_of(proposal)
    state, waiting = (
        services.vote_overview(proposal) if proposal.status == "ingediend" else (None, [])
    )
    stored = getattr(proposal, "cost_benefit", None)
    latest = {v.approver_id: v for v in votes}
    return {
        "proposal": proposal,
        "texts": proposal.anonymised,
        "result": present(stored.result) if stored else None,
        "votes": votes,
        "my_vote": latest.get(user.pk),
        "state": state,
        "waiting": waiting,
        "choices": Choice,
    }


@login_required
def review(request, pk):
    proposal = _review_or_404(request, pk)
    _log(request, proposal.pk)
    notifications.mark_read(Notification.objects.filter(user=request.user, request=proposal))
    return render(request, "approvals/review.html", _context(request.user, proposal))


@login_required
@require_POST
def vote(request, pk):
    proposal = _review_or_404(request, pk)
    choice, comment = request.POST.get("choice", ""), request.POST.get("comment", "")
    # A yes vote can approve a payment: re-authentication above DOORBRAAK_REAUTH_ABOVE
    # (accounts/reauth.py, issue 16 item 5). The vote is cast again after it.
    if choice == Choice.YES and (
        again := reauthenticate_first(
            request, proposal.total, back=reverse("approvals:review", args=[proposal.pk])
        )
    ):
        return again
    try:
        lifecycle.vote_cast(actor=request.user, request=proposal, choice=choice, comment=comment)
    except (ValidationError, PermissionDenied, lifecycle.MoneyConflict) as error:
        context = _context(request.user, queries.review(request.user, pk))
        context["comment"] = comment
        if isinstance(error, ValidationError) and "comment" in getattr(error, "error_dict", {}):
            # Shown once, next to the field, which gets the focus.
            context["comment_error"] = " ".join(error.message_dict["comment"])
        else:
            text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            # (a MoneyConflict's str() is its Dutch message)
            messages.error(request, text)
        return render(request, "approvals/review.html", context, status=400)
    proposal.refresh_from_db()
    messages.success(
        request,
        {
            "goedgekeurd": _("Your vote is recorded: the request is approved."),
            "afgewezen": _("Your vote is recorded: the request is rejected."),
        }.get(proposal.status, _("Your vote is recorded.")),
    )
    return redirect("approvals:review", pk=proposal.pk)
