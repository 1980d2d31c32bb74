"""A household's consent to share its identity with one table. Pure Python: no Django import.

A consent names who gave it (a member of the household), with whom (the table), what may be
shared (the identity only, or the identity and the item's texts) and the period, which must
end: an open-ended consent is not informed consent. Withdrawing is immediate: from that moment
the consent counts for no day at all, also not for a meeting that already took place.
"""

import datetime
from dataclasses import dataclass

IDENTITY = "identiteit"
IDENTITY_AND_TEXTS = "identiteit-en-teksten"
SCOPES = (IDENTITY, IDENTITY_AND_TEXTS)
#: A consent lasts at most this long; a new one can be recorded after it ends.
MAX_DAYS = 366


@dataclass(frozen=True)
class Period:
    valid_from: datetime.date
    valid_until: datetime.date
    withdrawn: bool = False

    def covers(self, day: datetime.date) -> bool:
        return not self.withdrawn and self.valid_from <= day <= self.valid_until


def shows_identity(periods, *, meeting_date: datetime.date, today: datetime.date) -> bool:
    """Identity is shown only under a consent valid on the meeting date and today."""
    return any(p.covers(meeting_date) and p.covers(today) for p in periods)


@dataclass(frozen=True)
class ConsentDraft:
    member_chosen: bool
    scope: str
    valid_from: datetime.date | None
    valid_until: datetime.date | None


def check_consent(draft: ConsentDraft, today: datetime.date) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if not draft.member_chosen:
        problems.append(("member", "member_missing"))
    if draft.scope not in SCOPES:
        problems.append(("scope", "scope_missing"))
    if draft.valid_from is None:
        problems.append(("valid_from", "from_missing"))
    if draft.valid_until is None:
        problems.append(("valid_until", "until_missing"))
    elif draft.valid_until < today:
        problems.append(("valid_until", "until_in_past"))
    elif draft.valid_from is not None:
        if draft.valid_until < draft.valid_from:
            problems.append(("valid_until", "until_before_from"))
        elif (draft.valid_until - draft.valid_from).days > MAX_DAYS:
            problems.append(("valid_until", "too_long"))
    return problems
