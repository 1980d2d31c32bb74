"""The default escalation route (seed 004: "een duidelijke escalatieroute"; seed 002: PRIO
mandate and the LET via the Maatwerkloket), loaded by migration 0002 as the route for every
municipality without its own. A functional administrator adjusts it in the admin."""

from . import rules

#: name, kind, roles that decide, money up to (None: no money), target time in days.
DEFAULT_LEVELS = [
    (
        "Collega's (quorum van het potje)",
        rules.COLLEAGUES,
        ["gezinswerker", "buurtteammedewerker", "teamleider"],
        "500.00",
        2,
    ),
    (
        "Casusoverleg / MDT",
        rules.CASE_MEETING,
        ["teamleider", "inkomensconsulent", "manager-wi"],
        "2500.00",
        14,
    ),
    ("Doorbraaktafel", rules.TABLE, ["tafellid", "projectleider", "teamleider"], "10000.00", 30),
    ("Mandaat (PRIO)", rules.MANDATE, ["teamleider", "manager-wi"], "10000.00", 7),
    ("Landelijk Escalatie Team via het Maatwerkloket", rules.LET, ["regievoerder"], None, 90),
]
DEFAULT_NAME = "Standaard escalatieroute"


def default_snapshot(version: int = 1) -> dict:
    levels = [
        {
            "position": position,
            "name": name,
            "kind": kind,
            "roles": roles,
            "target_days": days,
            "max_amount": amount,
        }
        for position, (name, kind, roles, amount, days) in enumerate(DEFAULT_LEVELS, start=1)
    ]
    # Validated by the pure rules, so the default is a route the code accepts.
    return rules.Route.from_dict({"version": version, "levels": levels}).as_dict()


def load(route_model, level_model, version_model) -> None:
    """Create the default route once (never overwrites an edited one)."""
    if route_model.objects.filter(municipality__isnull=True).exists():
        return
    route = route_model.objects.create(name=DEFAULT_NAME, version=1)
    for position, (name, kind, roles, amount, days) in enumerate(DEFAULT_LEVELS, start=1):
        level_model.objects.create(
            route=route,
            position=position,
            name=name,
            kind=kind,
            roles=roles,
            max_amount=amount,
            target_days=days,
        )
    version_model.objects.create(route=route, version=1, snapshot=default_snapshot(1))
