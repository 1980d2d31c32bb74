"""Refusals of the LET rules in Dutch words (msgids English, see locale/nl)."""

from django.utils.translation import gettext as _

from doorbraak.problems import by_field


def message(code: str) -> str:
    texts = {
        "not_at_let": _(
            "Only an item open at the LET level of the route can be submitted; escalate it "
            "there first."
        ),
        "already_submitted": _("This item is already submitted to the Maatwerkloket."),
        "summary_missing": _("Write a short summary of the situation."),
        "question_missing": _("Write the question to the LET."),
        "organisations_missing": _("Choose at least one national organisation involved."),
        "already_triaged": _("This submission is already triaged."),
        "outcome_invalid": _("Choose how the Maatwerkloket takes this up."),
        "hook_missing": _("Write which haakje solved it in the voortraject."),
        "reason_missing": _("Write why it is not suitable for the LET."),
        "not_accepted": _("Only a submission accepted for the LET can get a LET decision."),
        "organisation_missing": _("Choose the organisation that makes the exception."),
        "organisation_not_involved": _(
            "Choose one of the organisations involved in this submission."
        ),
        "exception_missing": _("Write which exception is made."),
        "legal_ground_missing": _("Choose the legal ground of the exception."),
        "legal_ground_detail_missing": _("Name the legal ground (law and article)."),
        "reasons_missing": _("Write the reasons: the decision must be explainable."),
        "check_missing": _("Give the date of the follow-up check."),
        "check_not_future": _("The follow-up check must be after today."),
        "not_decided": _("Only a LET decision can be checked."),
        "carried_out_missing": _("Say whether the solution was carried out as agreed."),
        "ending_missing": _("Write how it ended."),
        "not_regievoerder": _("Only a regievoerder of the Maatwerkloket can do this."),
        "not_submitter": _("Only a professional who may see this case can submit it."),
    }
    return texts[code]


def errors(problems) -> dict[str, list[str]]:
    """`(field, code)` problems as a ValidationError dict, in order."""
    return by_field(problems, message)
