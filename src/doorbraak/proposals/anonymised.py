"""The text approvers see: the request's free text without the household's identifying
details. Computed with the anonymiser (deduce + our own rules, plus the household members'
names), shown to the writer before submitting, and checked again after the writer's edits."""

from doorbraak.privacy.anonymiser import get_anonymiser

#: Free-text fields of a request (and its triangle) that approvers read.
FIELDS = (
    "solution",
    "prior_provisions_note",
    "recurrence_prevention",
    "legitimacy",
    "legitimacy_na",
    "involvement",
    "involvement_na",
    "societal_return",
    "societal_return_na",
)


def household_names(case) -> list[str]:
    names = []
    for member in case.household.members.all():
        names += [member.given_name, member.family_name]
    household = case.household.name
    for prefix in ("Huishouden ", "huishouden ", "Familie ", "familie ", "Gezin ", "gezin "):
        household = household.removeprefix(prefix)
    names.append(household)
    return [name for name in names if name and name.strip()]


def anonymise_texts(texts: dict[str, str], *, case, keep_ibans=()) -> dict[str, str]:
    anonymiser = get_anonymiser()
    names = household_names(case)
    return {
        field: anonymiser.anonymise(text, names=names, keep_ibans=keep_ibans).text
        if text and text.strip()
        else ""
        for field, text in texts.items()
    }


def anonymise_blockers(blockers, *, case) -> list[dict[str, str]]:
    anonymiser = get_anonymiser()
    names = household_names(case)
    return [
        {
            "organisation": str(b.organisation),
            "rule": anonymiser.anonymise(b.rule, names=names).text,
            "effect": anonymiser.anonymise(b.effect, names=names).text,
        }
        for b in blockers
    ]
