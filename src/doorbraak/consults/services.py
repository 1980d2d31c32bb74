"""Writes on consults, one transaction each. Bad input raises a Dutch ValidationError per field
before anything is saved; a refused role raises PermissionDenied.

No household identity is stored: `anonymised` gives the writer the anonymiser's version of the
texts to confirm (and edit); `consult_record` runs the anonymiser again on what the writer
confirmed and refuses any text in which it still finds an identifier (a name, BSN, IBAN, phone
number, address, e-mail address, date of birth or place of residence)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doorbraak import text_limits as limits
from doorbraak.accounts.roles import ADMIN_ROLES
from doorbraak.cases.queries import visible_cases
from doorbraak.privacy.anonymiser import get_anonymiser
from doorbraak.proposals.anonymised import keep_terms
from doorbraak.text_validators import check_text

from .models import Consult, Expert, Topic

TEXTS = ("situation", "advice")

#: The anonymiser's span kinds in the writer's words.
KIND_WORDS = {
    "persoon": gettext_lazy("a name"),
    "bsn": gettext_lazy("a BSN"),
    "iban": gettext_lazy("an IBAN"),
    "telefoon": gettext_lazy("a phone number"),
    "postcode": gettext_lazy("a postcode"),
    "adres": gettext_lazy("an address"),
    "email": gettext_lazy("an e-mail address"),
    "geboortedatum": gettext_lazy("a date of birth"),
    "woonplaats": gettext_lazy("a place of residence"),
}


def may_record(user) -> bool:
    return bool(user and user.is_active and user.role and user.role not in ADMIN_ROLES)


def anonymised(texts: dict[str, str]) -> dict[str, str]:
    """The texts as the anonymiser leaves them: what the writer is asked to confirm."""
    anonymiser, keep = get_anonymiser(), keep_terms()
    return {f: anonymiser.anonymise(t or "", keep=keep).text for f, t in texts.items()}


def identifiers(text: str) -> list[str]:
    """What identifying the anonymiser still finds in `text` (Dutch words, in order)."""
    spans = get_anonymiser().anonymise(text or "", keep=keep_terms()).spans
    found = []
    for _start, _end, kind in spans:
        word = str(KIND_WORDS.get(kind) or _("a personal detail"))
        if word not in found:
            found.append(word)
    return found


@transaction.atomic
def consult_record(
    *, actor, held_on, expert: str, topic: str, topic_other: str = "", situation: str, advice: str
) -> Consult:
    if not may_record(actor):
        raise PermissionDenied(_("Your role cannot record consults."))
    found: dict[str, list[str]] = {}
    if held_on is None:
        found["held_on"] = [_("Give the date of the consult.")]
    elif held_on > timezone.localdate():
        found["held_on"] = [_("The consult cannot be in the future.")]
    if expert not in Expert.values:
        found["expert"] = [_("Choose whom you consulted.")]
    if topic not in Topic.values:
        found["topic"] = [_("Choose a topic.")]
    topic_other = (topic_other or "").strip() if topic == Topic.OTHER else ""
    if topic == Topic.OTHER and not topic_other:
        found["topic_other"] = [_("Name the topic.")]
    values = {"situation": (situation or "").strip(), "advice": (advice or "").strip()}
    labels = {"situation": _("Describe the situation."), "advice": _("Write down the advice.")}
    for field in TEXTS:
        if not values[field]:
            found[field] = [labels[field]]
            continue
        try:
            check_text(values[field], field, limits.TEXT)
        except ValidationError as error:
            found.update(error.message_dict)
            continue
        still = identifiers(values[field])
        if still:
            found[field] = [
                _(
                    "This text still contains %(what)s. Remove it, or take the anonymised "
                    "text: a consult is stored without anything that identifies the household."
                )
                % {"what": ", ".join(still)}
            ]
    for field, value in (("topic_other", topic_other),):
        try:
            check_text(value, field, limits.SHORT_TEXT)
        except ValidationError as error:
            found.update(error.message_dict)
        if value and identifiers(value):
            found[field] = [_("Name the topic without personal details.")]
    if found:
        raise ValidationError(found)
    return Consult.objects.create(
        created_by=actor,
        held_on=held_on,
        expert=expert,
        topic=topic,
        topic_other=topic_other,
        **values,
    )


@transaction.atomic
def consult_link(*, actor, consult: Consult, case) -> Consult:
    """The writer links their consult to one of the cases they work on; nobody else can.
    Linking adds no identity to the consult's texts; it lets the writer find it back."""
    consult = Consult.objects.select_for_update().get(pk=consult.pk)
    if consult.created_by_id != actor.pk:
        raise PermissionDenied(_("Only whoever recorded the consult can link it."))
    if case is not None and not visible_cases(actor).filter(pk=case.pk).exists():
        raise ValidationError({"case": [_("Choose one of your own cases.")]})
    consult.case = case
    consult.save(update_fields=["case"])
    return consult
