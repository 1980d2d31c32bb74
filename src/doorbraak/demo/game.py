"""A demo Op Maat game (issue 18 item 4): led by demo-projectleider, 4 teams of 4 demo
professionals, at round 1 with training copies of the demo's closed requests. Skipped when
the demo has no closed request."""

import contextlib

from django.core.exceptions import ValidationError

from doorbraak.accounts.models import User
from doorbraak.game import services
from doorbraak.game.models import Session

PLAYERS = [
    "demo-gezinswerker", "demo-ayse", "demo-daan", "demo-lotte",
    "demo-buurtteammedewerker", "demo-joost", "demo-fatima", "demo-youssef",
    "demo-inkomensconsulent", "demo-bart", "demo-handhaver", "demo-regievoerder",
    "demo-tafellid", "demo-hanneke", "demo-peter", "demo-teamleider",
]  # fmt: skip


def add_demo_game(users: dict[str, User]) -> dict[str, int]:
    players = [users[name] for name in PLAYERS]
    with contextlib.suppress(ValidationError):  # no closed request in the demo: no game
        services.session_start(
            actor=users["demo-projectleider"],
            title="Op Maat-spel Voorbeeldstad",
            teams=[players[i::4] for i in range(4)],
        )
    return {"game_sessions": Session.objects.count()}
