"""Writes for approvals: saving a policy (a new immutable version), votes and decisions."""

from django.db import transaction

from . import quorum
from .models import ApprovalPolicy, PolicyVersion


def _as_policy(policy: ApprovalPolicy, version: int) -> quorum.Policy:
    return quorum.Policy.from_dict(
        {
            "version": version,
            "quorum": policy.quorum,
            "role_rules": policy.role_rules,
            "veto_roles": policy.veto_roles,
            "no_rule": policy.no_rule,
            "no_threshold": policy.no_threshold,
        }
    )


@transaction.atomic
def policy_save(policy: ApprovalPolicy) -> PolicyVersion:
    """Save the policy and freeze it as a new version; raises quorum.PolicyError if invalid
    (nothing is saved then)."""
    version = (policy.version or 0) + 1
    snapshot = _as_policy(policy, version).as_dict()  # validates before anything is written
    policy.version = version
    policy.save()
    return PolicyVersion.objects.create(policy=policy, version=version, snapshot=snapshot)


def current_version(policy: ApprovalPolicy) -> PolicyVersion:
    return policy.versions.get(version=policy.version)
