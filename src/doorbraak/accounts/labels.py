"""Dutch UI names for roles (translated through i18n)."""

from django.utils.translation import gettext_lazy as _

from .roles import Role

ROLE_LABELS = {
    Role.GEZINSWERKER: _("family worker"),
    Role.BUURTTEAMMEDEWERKER: _("neighbourhood team worker"),
    Role.TEAMLEIDER: _("team leader"),
    Role.INKOMENSCONSULENT: _("income consultant W&I"),
    Role.MANAGER_WI: _("manager Work & Income"),
    Role.PROJECTLEIDER: _("project leader"),
    Role.TAFELLID: _("table member"),
    Role.HANDHAVER: _("enforcement officer"),
    Role.BELEIDSADVISEUR: _("policy adviser"),
    Role.REGIEVOERDER: _("case director (Maatwerkloket)"),
    Role.BEHEERDER: _("functional administrator"),
    Role.ADVISEUR: _("adviser (district nurse)"),
    Role.WMO_CONSULENT: _("Wmo consultant"),
}

ROLE_CHOICES = [(role.value, label) for role, label in ROLE_LABELS.items()]


def role_label(value: str) -> str:
    try:
        return str(ROLE_LABELS[Role(value)])
    except ValueError:
        return value
