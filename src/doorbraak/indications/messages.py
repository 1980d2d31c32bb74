"""Refusals of the indication rules in Dutch words (msgids English, see locale/nl)."""

from django.utils.translation import gettext as _


def message(code: str) -> str:
    texts = {
        "not_writer": _("Only an adviser (district nurse) writes an advisory Wmo indication."),
        "not_linked": _(
            "You are not linked to this case. Ask the key worker to add you to the case first."
        ),
        "case_closed": _("This case is closed; no indication can be written for it."),
        "need_missing": _("Describe the need for support."),
        "capacity_missing": _("Describe what the resident can do themselves."),
        "provision_missing": _("Name the proposed provision."),
        "scope_missing": _("Give the scope of the provision."),
        "contribution_missing": _("Give the personal contribution (0 if none)."),
        "contribution_range": _("The personal contribution is between € 0.00 and € 10,000.00."),
        "reported_missing": _("Give the date of the report (melding)."),
        "reported_future": _("The date of the report may not be in the future."),
        "applied_future": _("The date of the application may not be in the future."),
        "applied_before_report": _("The application cannot come before the report."),
        "not_reviewer": _("Only a Wmo consultant reviews an indication."),
        "own_indication": _("You wrote this indication; a Wmo consultant reviews it."),
        "not_open": _("This indication has already been concluded."),
        "not_awaiting_review": _("This indication waits for the adviser's answer."),
        "outcome_missing": _("Choose: agree, ask a question or adjust."),
        "question_missing": _("Write your question for the adviser."),
        "reasons_missing": _("Give the reasons for the adjustment."),
        "adjust_nothing": _("Change at least one of provision, scope or contribution."),
        "decided_missing": _("Give the date of the decision."),
        "decided_future": _("The date of the decision may not be in the future."),
        "decided_before_report": _("The decision cannot come before the report."),
        "not_asked": _("There is no open question on this indication."),
        "not_author": _("Only the adviser who wrote the indication answers the question."),
        "answer_missing": _("Write your answer."),
    }
    return texts[code]
