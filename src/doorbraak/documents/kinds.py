"""What each kind of document is: who may ask for it (the page's own visibility), how it is
rendered (anonymised HTML through WeasyPrint), its file name, and what its download writes to
the processing log. One entry per kind; the job and the views only look kinds up here."""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

from doorbraak.cases.queries import subject_ids_of_household
from doorbraak.privacy.activities import Activity

from .models import DocumentKind


@dataclass(frozen=True)
class Kind:
    #: (user, object_id) -> the object, or Http404 when the user may not see it
    find: Callable
    #: object -> (file name, HTML)
    html: Callable
    #: object -> pseudonymisable subject ids for the processing log
    subjects: Callable
    activity: Activity
    object_type: str


def _let_find(user, pk):
    from doorbraak.let.queries import submission_detail

    return submission_detail(user, pk)


def _let_html(submission) -> tuple[str, str]:
    html = render_to_string("let/submission_pdf.html", {"submission": submission})
    return f"{submission.reference}.pdf", html


def _meeting_find(user, pk):
    from doorbraak.tables.queries import meeting_detail

    return meeting_detail(user, pk)


def _meeting_html(meeting) -> tuple[str, str]:
    from doorbraak.tables.queries import besluitenlijst_rows

    # Never the household's identity: every item anonymised, whatever the consent.
    context = {"meeting": meeting, "shown": besluitenlijst_rows(meeting)}
    return f"besluitenlijst-{meeting.pk}.pdf", render_to_string(
        "tables/besluitenlijst.html", context
    )


def _meeting_subjects(meeting) -> list:
    from doorbraak.tables.queries import subject_ids

    return subject_ids(meeting.item_list)


def _request_find(user, pk):
    from doorbraak.proposals.queries import request_detail

    return request_detail(user, pk)


def _request_html(proposal) -> tuple[str, str]:
    from doorbraak.proposals.pdf import onderbouwing_context

    html = render_to_string("proposals/onderbouwing.html", onderbouwing_context(proposal))
    return f"onderbouwing-{proposal.reference}.pdf", html


def _request_subjects(proposal) -> list:
    from doorbraak.proposals.queries import subject_ids

    return subject_ids(proposal)


KINDS = {
    DocumentKind.LET_SUBMISSION: Kind(
        find=_let_find,
        html=_let_html,
        subjects=lambda s: subject_ids_of_household(s.case.household_id),
        activity=Activity.LET_EXPORT,
        object_type="let-submission",
    ),
    DocumentKind.BESLUITENLIJST: Kind(
        find=_meeting_find,
        html=_meeting_html,
        subjects=_meeting_subjects,
        activity=Activity.TABLE_EXPORT,
        object_type="meeting",
    ),
    DocumentKind.ONDERBOUWING: Kind(
        find=_request_find,
        html=_request_html,
        subjects=_request_subjects,
        activity=Activity.REQUEST_EXPORT,
        object_type="request",
    ),
}


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported here: loading pango costs start-up time

    return HTML(string=html).write_pdf()
