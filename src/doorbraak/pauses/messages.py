"""Refusals of the pause rules in Dutch words (msgids English, see locale/nl)."""

from django.utils.translation import gettext as _


def message(code: str, **params) -> str:
    texts = {
        "start_missing": _("Give the first day of the pause."),
        "start_too_early": _("The first day may be at most a month ago."),
        "weeks_missing": _("Give the number of weeks."),
        "weeks_range": _("A pause lasts 1 to 52 weeks."),
        "review_missing": _("Give the review date."),
        "review_past": _("The review date may not be in the past."),
        "review_outside": _("The review date must lie within the pause."),
        "organisation_missing": _("Choose the organisation whose measure is paused."),
        "measure_missing": _("Choose what is paused."),
        "benefit_missing": _("Name the benefit or scheme."),
        "reason_missing": _("Say why the measure is paused."),
        "case_closed": _("This case is closed; reopen it before pausing."),
        "not_pauser": _("Only an income consultant or an enforcement officer pauses a measure."),
        "not_approver": _("Only another income consultant or the W&I manager approves a pause."),
        "own_pause": _("Someone else must approve your pause."),
        "not_awaiting": _("This pause is not awaiting approval."),
        "decision_missing": _("Choose approve or refuse."),
        "refuse_reason": _("Say why the pause is not approved."),
        "not_reviewer": _("Only W&I's consultant, manager or enforcement records the review."),
        "not_active": _("Only an active pause can be reviewed."),
        "outcome_missing": _("Choose the outcome."),
        "outcome_reasons_missing": _("Give the reasons for the outcome."),
        "care_due_missing": _("Give the date by which the care path has started."),
        "care_due_past": _("That date may not be in the past."),
        "no_key_worker": _("The case has no active key worker to start the care path."),
    }
    return texts[code]
