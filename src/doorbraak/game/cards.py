"""The texts of the chance cards and the secret assignments (seed 002: "help een ander team of
geef een ander team een compliment"). The board (board.py) only knows their numbers."""

from django.utils.translation import gettext_lazy as _

CHANCE_CARDS = [
    _("Name a voorliggende voorziening that could have solved your case."),
    _("Explain your case to another team in one minute, as if phoning an ambassador."),
    _("Which rule stood in the way? Say it in one sentence, without jargon."),
    _("Tell the case as the resident would tell it."),
    _("Name one thing the household can do themselves."),
    _("Give another team a compliment on their argument."),
]

SECRET_ASSIGNMENTS = [
    _("Help another team with their calculation without them asking."),
    _("Give another team a sincere compliment."),
    _("Get another team to name the value of the triangle they forgot."),
    _("Let the team member who works furthest from the resident speak first in round 2."),
]

#: Who may start and run a session.
FACILITATOR_ROLES = frozenset({"teamleider", "projectleider", "beleidsadviseur"})
