"""The roles people hold in Doorbraak (see DOMAIN.md). Pure Python: no Django import."""

from enum import StrEnum


class Role(StrEnum):
    GEZINSWERKER = "gezinswerker"
    BUURTTEAMMEDEWERKER = "buurtteammedewerker"
    TEAMLEIDER = "teamleider"
    INKOMENSCONSULENT = "inkomensconsulent"
    MANAGER_WI = "manager-wi"
    PROJECTLEIDER = "projectleider"
    TAFELLID = "tafellid"
    HANDHAVER = "handhaver"
    BELEIDSADVISEUR = "beleidsadviseur"
    REGIEVOERDER = "regievoerder"
    BEHEERDER = "beheerder"
    ADVISEUR = "adviseur"
    WMO_CONSULENT = "wmo-consulent"


#: Roles that work with households directly and may be key worker (vaste contactpersoon).
CASEWORKER_ROLES = frozenset({Role.GEZINSWERKER, Role.BUURTTEAMMEDEWERKER, Role.TEAMLEIDER})

#: Roles that manage configuration in the admin (beheer) but see no cases by their role.
ADMIN_ROLES = frozenset({Role.BEHEERDER})
