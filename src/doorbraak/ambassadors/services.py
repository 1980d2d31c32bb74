"""Writes on the ambassadors directory, one transaction each, by the beheerder or a
beleidsadviseur. Bad input raises a Dutch ValidationError per field before anything is saved;
every change is written to the audit log (the ambassador's work details are personal data of
a professional, with the processing activity "ambassadeur-vastleggen")."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doorbraak import text_limits as limits
from doorbraak.accounts.roles import Role
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import log_processing, origin_from_context
from doorbraak.text_validators import check_name, check_text

from .models import Ambassador, Kind

MANAGER_ROLES = frozenset({Role.BEHEERDER, Role.BELEIDSADVISEUR})

#: Mail domains of private mailboxes: the directory holds work contact details only.
PRIVATE_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "hotmail.com",
        "hotmail.nl",
        "outlook.com",
        "live.nl",
        "live.com",
        "icloud.com",
        "yahoo.com",
        "ziggo.nl",
        "kpnmail.nl",
        "planet.nl",
        "home.nl",
        "xs4all.nl",
    }
)
PHONE = re.compile(r"^\+?[0-9][0-9 \-]{8,18}$")
FIELDS = (
    "name",
    "kind",
    "organisation",
    "neighbourhood",
    "department",
    "topics",
    "work_email",
    "work_phone",
    "reachable",
)


def may_manage(user) -> bool:
    return bool(user and user.is_active and user.role in MANAGER_ROLES)


def _topics(value: str) -> str:
    seen: list[str] = []
    for topic in (value or "").split(","):
        topic = " ".join(topic.split()).lower()
        if topic and topic not in seen:
            seen.append(topic)
    return ", ".join(seen)


def _check(data: dict) -> dict:
    found: dict[str, list[str]] = {}

    def add(field, message):
        found.setdefault(field, []).append(message)

    data["name"] = " ".join((data.get("name") or "").split())
    if not data["name"]:
        add("name", _("Give the ambassador's name."))
    else:
        try:
            check_name(data["name"], "name")
        except ValidationError as error:
            found.update(error.message_dict)
    if data.get("kind") not in Kind.values:
        add("kind", _("Choose maatwerkambassadeur, trekker or aanjager."))
    if data.get("organisation") is None:
        add("organisation", _("Choose the organisation."))
    wijk = data.get("neighbourhood")
    organisation = data.get("organisation")
    in_town = organisation is not None and organisation.kind == "gemeente"
    if wijk is not None and in_town and wijk.municipality_id != organisation.pk:
        add("neighbourhood", _("This wijk belongs to another municipality."))
    data["topics"] = _topics(data.get("topics", ""))
    if not data["topics"]:
        add("topics", _("Name at least one topic the ambassador helps with."))
    for field in ("department", "topics", "reachable"):
        data[field] = (data.get(field) or "").strip()
        try:
            check_text(data[field], field, limits.SHORT_TEXT)
        except ValidationError as error:
            found.update(error.message_dict)
    email = (data.get("work_email") or "").strip().lower()
    phone = " ".join((data.get("work_phone") or "").split())
    data["work_email"], data["work_phone"] = email, phone
    if email and email.rpartition("@")[2] in PRIVATE_MAIL_DOMAINS:
        add("work_email", _("Give a work e-mail address, not a private one."))
    if phone and not PHONE.match(phone):
        add("work_phone", _("Give a phone number of 10 digits, e.g. 030 123 45 67."))
    if not email and not phone:
        add("work_email", _("Give a work e-mail address or a work phone number."))
    return found


@transaction.atomic
def ambassador_save(*, actor, ambassador: Ambassador | None = None, **data) -> Ambassador:
    if not may_manage(actor):
        raise PermissionDenied(_("Only the administrator or a policy adviser keeps the directory."))
    data = {f: data.get(f) for f in FIELDS}
    found = _check(data)
    if found:
        raise ValidationError(found)
    if ambassador is None:
        ambassador = Ambassador(**data, updated_by=actor)
        action = "create"
    else:
        ambassador = Ambassador.objects.select_for_update().get(pk=ambassador.pk)
        for field, value in data.items():
            setattr(ambassador, field, value)
        ambassador.updated_by = actor
        action = "update"
    ambassador.save()
    _log(actor, action, ambassador)
    return ambassador


@transaction.atomic
def ambassador_set_active(*, actor, ambassador: Ambassador, active: bool) -> Ambassador:
    if not may_manage(actor):
        raise PermissionDenied(_("Only the administrator or a policy adviser keeps the directory."))
    ambassador = Ambassador.objects.select_for_update().get(pk=ambassador.pk)
    ambassador.active = active
    ambassador.updated_by = actor
    ambassador.save(update_fields=["active", "updated_by", "updated_at"])
    _log(actor, "update", ambassador)
    return ambassador


def _log(actor, action: str, ambassador: Ambassador) -> None:
    log_processing(
        origin_from_context(actor, "web"),
        activity=Activity.AMBASSADOR_RECORD,
        action=action,
        object_type="ambassador",
        object_id=ambassador.pk,
    )
