"""Writes for approvals: saving a policy (a new immutable version), votes and decisions."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.accounts.models import User
from doorbraak.accounts.roles import Role
from doorbraak.cases.models import Case
from doorbraak.compiled_reads import CompiledRead
from doorbraak.proposals.anonymised import anonymise_texts
from doorbraak.proposals.models import Request
from doorbraak.reports import summary
from doorbraak.text_validators import length_message

from . import notifications, quorum
from .models import (
    COMMENT_MAX,
    ApprovalPolicy,
    Choice,
    DecisionRecord,
    Notification,
    NotificationKind,
    PolicyVersion,
    Pool,
    Vote,
)

#: A quorum decision as a request status.
REQUEST_STATUS = {quorum.APPROVED: "goedgekeurd", quorum.REJECTED: "afgewezen"}


def as_policy(policy: ApprovalPolicy, fields: dict | None = None, version: int = 1):
    """The pure policy for `policy`, or for the `fields` a form is about to save; raises
    quorum.PolicyError when it is not valid."""
    names = ("quorum", "role_rules", "veto_roles", "no_rule", "no_threshold")
    values = {name: (fields or {}).get(name, getattr(policy, name)) for name in names}
    return quorum.Policy.from_dict({"version": version, **values})


@transaction.atomic
def policy_save(policy: ApprovalPolicy) -> PolicyVersion:
    """Save the policy and freeze it as a new version; raises quorum.PolicyError if invalid
    (nothing is saved then)."""
    version = (policy.version or 0) + 1
    snapshot = as_policy(policy, version=version).as_dict()  # validates before anything is written
    # The small-request amount is part of the version in force (see proposals/smallrequests.py).
    limit = policy.small_request_limit
    snapshot["small_request_limit"] = None if limit is None else str(limit)
    policy.version = version
    policy.save()
    return PolicyVersion.objects.create(policy=policy, version=version, snapshot=snapshot)


_VERSION = CompiledRead(
    lambda p: PolicyVersion.objects.filter(policy_id=p.int("policy"), version=p.int("version"))
)
# Who may vote, per kind of pool (see `eligible_approvers`); compiled once, as the vote page,
# the request page and every vote read them.
_GROUP_POOL = CompiledRead(
    lambda p: (
        User.objects.filter(approval_groups=p.int("group"), is_active=True)
        .exclude(pk=p.int("requester"))
        .order_by("id")
    )
)
_TEAM_POOL = CompiledRead(
    lambda p: (
        User.objects.filter(
            team_id=Subquery(Case.objects.filter(pk=p.int("case")).values("team_id")),
            is_active=True,
        )
        .exclude(pk=p.int("requester"))
        .order_by("id")
    )
)


def current_version(policy: ApprovalPolicy) -> PolicyVersion:
    version = _VERSION.first(policy=policy.pk, version=policy.version)
    if version is None:
        raise PolicyVersion.DoesNotExist(f"policy {policy.pk} has no version {policy.version}")
    return version


# --- Votes and decisions ------------------------------------------------------------------


def eligible_approvers(request) -> list[User]:
    """Who may vote: the policy's pool, active people, never the requester."""
    policy = request.fund.approval_policy
    if policy.pool == Pool.GROUP:
        if policy.group_id is None:
            return []
        return _GROUP_POOL.all(group=policy.group_id, requester=request.created_by_id)
    return _TEAM_POOL.all(case=request.case_id, requester=request.created_by_id)


def _quorum_inputs(request, version) -> tuple[dict[int, User], dict]:
    """The eligible people by id, and the keyword arguments of the quorum functions."""
    users = {u.pk: u for u in eligible_approvers(request)}
    approvers = {
        pk: quorum.Approver(pk, frozenset({u.role} if u.role else set())) for pk, u in users.items()
    }
    votes = [quorum.Vote(v.approver_id, v.choice, v.pk) for v in request.votes.all()]
    return users, {
        "amount": request.total,
        "requester_id": request.created_by_id,
        "eligible": approvers,
        "votes": votes,
    }


def _evaluate(request, version) -> quorum.Decision:
    _users, inputs = _quorum_inputs(request, version)
    return quorum.evaluate(version.as_policy(), **inputs)


def vote_overview(request) -> tuple[quorum.Decision, list[User]]:
    """For pages: the current state of the vote (who said what, what is still needed) and
    the people whose vote is still awaited, from one read of the pool and the votes."""
    version = current_version(request.fund.approval_policy)
    users, inputs = _quorum_inputs(request, version)
    policy = version.as_policy()
    waiting = [users[pk] for pk in quorum.waiting_for(policy, **inputs)]
    return quorum.evaluate(policy, **inputs), waiting


def _notify(user, request, kind: str, subject: str) -> None:
    Notification.objects.create(user=user, request=request, kind=kind)
    if user.email:
        # No personal data in e-mail: the reference and the link only.
        body = notifications.email_body(kind, request.reference, request.pk)
        transaction.on_commit(
            lambda: send_mail(
                subject,
                body,
                None,
                [user.email],
                fail_silently=True,
            )
        )


def request_opened(request) -> None:
    """A request on a fund waits for votes: tell everyone who may vote."""
    for user in eligible_approvers(request):
        _notify(
            user,
            request,
            NotificationKind.VOTE_REQUESTED,
            _("Your vote is asked: %(ref)s") % {"ref": request.reference},
        )


def _anonymised_comment(comment: str, request) -> str:
    if not comment:
        return ""
    return anonymise_texts({"comment": comment}, case=request.case)["comment"]


def vote_record(*, actor: User, request, choice: str, comment: str = ""):
    """Record a vote on a request the caller holds locked (proposals.lifecycle.vote_cast) and,
    when the policy decides, record the decision and the request's new status. Returns the vote
    and the decision, or None while undecided. Money is the caller's part."""
    if request.status != "ingediend" or request.fund_id is None:
        raise ValidationError(_("This request is no longer open for votes."))
    if actor.pk == request.created_by_id:
        raise PermissionDenied(_("You cannot vote on your own request."))
    if actor.pk not in {u.pk for u in eligible_approvers(request)}:
        raise PermissionDenied(_("You are not one of the approvers of this fund."))
    if choice not in Choice.values:
        raise ValidationError(_("Choose yes, no or question."))
    comment = (comment or "").strip()
    if choice != Choice.YES and not comment:
        raise ValidationError({"comment": _("Explain your no or your question in a comment.")})
    if len(comment) > COMMENT_MAX:
        raise ValidationError({"comment": length_message(COMMENT_MAX, len(comment))})
    vote = Vote.objects.create(
        request=request,
        approver=actor,
        choice=choice,
        comment=comment,
        comment_anonymised=_anonymised_comment(comment, request),
    )
    notifications.settle_vote(actor.pk, request.pk)
    version = current_version(request.fund.approval_policy)
    decision = _evaluate(request, version)
    if choice == Choice.QUESTION:
        _notify(
            request.created_by,
            request,
            NotificationKind.QUESTION,
            _("A question about %(ref)s") % {"ref": request.reference},
        )
    if not decision.is_decided:
        return vote, None
    DecisionRecord.objects.create(
        request=request,
        status=decision.status,
        policy_version=version,
        explanation=decision.as_dict(),
    )
    request.status = REQUEST_STATUS[decision.status]
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_at"])
    summary.requests_changed([request.pk])
    notifications.settle_request(request.pk)
    return vote, decision


def decision_announce(request) -> None:
    _notify(
        request.created_by,
        request,
        NotificationKind.DECIDED,
        _("Decision on %(ref)s") % {"ref": request.reference},
    )


def flag_overdue(now=None) -> int:
    """Requests still open after the policy's time: notify the team leaders of the case's
    team, once per request."""
    now = now or timezone.now()
    flagged = 0
    open_requests = Request.objects.filter(status="ingediend", fund__isnull=False).select_related(
        "fund__approval_policy", "case"
    )
    for request in open_requests:
        hours = request.fund.approval_policy.decide_within_hours
        if request.submitted_at > now - timedelta(hours=hours):
            continue
        if Notification.objects.filter(request=request, kind=NotificationKind.OVERDUE).exists():
            continue
        leaders = User.objects.filter(
            team_id=request.case.team_id, role=Role.TEAMLEIDER, is_active=True
        )
        for leader in leaders:
            _notify(
                leader,
                request,
                NotificationKind.OVERDUE,
                _("No decision in time: %(ref)s") % {"ref": request.reference},
            )
        flagged += 1
    return flagged
