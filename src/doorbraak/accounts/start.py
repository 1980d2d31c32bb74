"""What the start page shows about security (issue 16, items 5 and 6): a notice to set up
two-step verification for whoever has not, the team leader's accounts to review, and the
accounts not reviewed in time for the functional administrator. At most one small read."""

from dataclasses import dataclass

from . import mfa, review
from .roles import Role


@dataclass(frozen=True)
class Notices:
    suggest_mfa: bool
    reviewer: bool
    reviews_due: int
    reviews_overdue: int


def notices(request) -> Notices:
    user = request.user
    reviewer = review.is_reviewer(user)
    return Notices(
        # A verified session has a second factor; a session without one gets the suggestion.
        suggest_mfa=not request.session.get(mfa.VERIFIED),
        reviewer=reviewer,
        reviews_due=review.due_count(user) if reviewer and user.role == Role.TEAMLEIDER else 0,
        reviews_overdue=review.overdue_count() if user.role == Role.BEHEERDER else 0,
    )
