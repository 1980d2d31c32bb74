"""Refusals of werktafels and structural solutions in Dutch words (msgids English)."""

from django.utils.translation import gettext as _

from doorbraak.problems import by_field


def message(code: str) -> str:
    texts = {
        "title_missing": _("Give a title."),
        "sessions_missing": _("Plan at least one session."),
        "sessions_too_many": _("Plan at most twelve sessions."),
        "session_date_missing": _("Give the date of the session."),
        "held_in_future": _("A session in the future cannot have been held yet."),
        "participants_missing": _(
            "Choose at least one organisation or write down a department that takes part."
        ),
        "participants_too_many": _("At most forty participants."),
        "pattern_missing": _("Choose the pattern the werktafel is about."),
        "pattern_dismissed": _("This pattern was dismissed; start a werktafel on another one."),
        "kind_missing": _("Choose the kind of solution."),
        "owner_missing": _("Choose the owner, or write down who it is."),
        "owner_twice": _("Choose an owner or write one down, not both."),
        "status_invalid": _("Choose a valid status."),
        "status_backwards": _("A solution cannot go back to an earlier or the same status."),
        "status_skipped": _(
            "A solution takes one step at a time: proposed, agreed, implemented, evaluated."
        ),
        "step_date_missing": _("Give the date of this step."),
        "step_date_future": _("The date may not be in the future."),
        "step_date_before_previous": _("The date may not be before the date of the step before."),
        "evaluation_missing": _("Write what the evaluation found."),
        "outcome_missing": _("Write the outcome."),
        "worktable_finished": _("This werktafel is finished."),
        "worktable_other_pattern": _("The werktafel is about another pattern."),
        "not_a_national_signal": _("Only a signal to national policy is sent on."),
        "already_sent": _("This signal has already been sent on."),
        "send_before_agreed": _("Send the signal on once the solution is agreed."),
        "recipient_missing": _("Say to whom the signal was sent."),
        "not_adviser": _("Only a policy adviser can do this."),
    }
    return texts[code]


def errors(problems) -> dict[str, list[str]]:
    """`(field, code)` problems as a ValidationError dict, in order."""
    return by_field(problems, message)
