"""Loading a case for a person, or refusing it with a processing-log record.

Every page that opens a case by its id goes through `case_or_refuse`: a case the person may not
see answers 404, and the refused look is logged (who, which case, which activity) — or 403 with
the reason when the case is restricted (AVG art. 18).
"""

from collections.abc import Callable

from django.http import Http404

from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_processing, origin_from_request
from doorbraak.subjectrights import restriction


def case_or_refuse(request, pk, load: Callable, activity: Activity, action: str = "read"):
    """`load(user, pk)` if it finds a case this user may see; otherwise log and refuse."""
    try:
        return load(request.user, pk)
    except Http404:
        log_processing(
            origin_from_request(request),
            activity=activity,
            action=action,
            object_type="case",
            object_id=pk,
            result=Outcome.DENIED,
        )
        restriction.explain_if_restricted(request.user, pk)
        raise
