"""The Op Maat training game (issue 18 item 4; seed 002, Leeuwarden). A facilitator runs a
session with teams of professionals: round 1 "maatwerk of niet?" on stuck cases, round 2 an
argument on one value of the triangle with the return computed by the real calculator, then
the board (game/board.py) with chance cards and one secret assignment per team.

The cases are TRAINING COPIES (`TrainingCase`): at session start the anonymised text, the
category name and the amounts of closed requests are copied. A training case has no foreign
key to the request, the case or the household, and nothing in the game points at them: the
live case is not reachable from the game (tests/game/test_game.py proves it)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.text_validators import LimitedCharField, LimitedTextField


class Stage(models.TextChoices):
    ROUND1 = "ronde-1", _("round 1: maatwerk or not?")
    ROUND2 = "ronde-2", _("round 2: argue and compute")
    BOARD = "bord", _("the board")
    FINISHED = "afgelopen", _("finished")


class Value(models.TextChoices):
    LEGITIMACY = "legitimiteit", _("legitimacy")
    INVOLVEMENT = "betrokkenheid", _("involvement")
    RETURN = "rendement", _("return")


class Session(models.Model):
    title = LimitedCharField(_("title"), max_length=limits.SHORT_TEXT)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitator"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices, default=Stage.ROUND1)
    turn = models.PositiveSmallIntegerField(_("team on turn"), default=0)
    rolls = models.PositiveIntegerField(_("rolls"), default=0)
    seed = models.PositiveIntegerField(_("seed of the secret assignments"), default=0)
    #: Raised on every change: the board page polls it and redraws only when it moved.
    version = models.PositiveIntegerField(_("version"), default=0)
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("game session")
        verbose_name_plural = _("game sessions")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class Team(models.Model):
    session = models.ForeignKey(
        Session, verbose_name=_("game session"), on_delete=models.CASCADE, related_name="teams"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = LimitedCharField(_("name"), max_length=limits.NAME)
    position = models.PositiveSmallIntegerField(_("square"), default=0)
    secret = models.PositiveSmallIntegerField(_("secret assignment"))
    secret_done = models.BooleanField(_("secret assignment done"), default=False)
    score = models.PositiveSmallIntegerField(_("score round 2"), null=True, blank=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["session", "number"]
        constraints = [
            models.UniqueConstraint(fields=["session", "number"], name="game_team_number")
        ]

    def __str__(self) -> str:
        return self.name


class Player(models.Model):
    session = models.ForeignKey(
        Session, verbose_name=_("game session"), on_delete=models.CASCADE, related_name="players"
    )
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="players"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("player"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("player")
        verbose_name_plural = _("players")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="game_one_team_per_player")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.team})"


class TrainingCase(models.Model):
    """A training copy: anonymised text, category name and amounts only (no foreign key to
    the live request, case or household)."""

    session = models.ForeignKey(
        Session, verbose_name=_("game session"), on_delete=models.CASCADE, related_name="cases"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = LimitedTextField(_("situation"), max_length=limits.TEXT)
    category = LimitedCharField(_("category"), max_length=limits.NAME)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=12, decimal_places=2)
    months = models.PositiveSmallIntegerField(_("number of months"), default=1)

    class Meta:
        verbose_name = _("training case")
        verbose_name_plural = _("training cases")
        ordering = ["session", "number"]
        constraints = [
            models.UniqueConstraint(fields=["session", "number"], name="game_case_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.category}"

    @property
    def total(self):
        return self.amount * self.months


class Answer(models.Model):
    """Round 1: a team's "maatwerk of niet?" on one training case."""

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="answers"
    )
    case = models.ForeignKey(
        TrainingCase, verbose_name=_("training case"), on_delete=models.CASCADE, related_name="+"
    )
    maatwerk = models.BooleanField(_("maatwerk"))
    reason = LimitedTextField(_("why"), max_length=limits.TEXT)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["team", "case"], name="game_one_answer_per_case")
        ]

    def __str__(self) -> str:
        return f"{self.team}: {self.case}"


class Argument(models.Model):
    """Round 2: a team argues one case on one value of the triangle, with the return of the
    real calculator (costbenefit/calculator.py); the facilitator scores it."""

    team = models.OneToOneField(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="argument"
    )
    case = models.ForeignKey(
        TrainingCase, verbose_name=_("training case"), on_delete=models.CASCADE, related_name="+"
    )
    value = models.CharField(_("value"), max_length=15, choices=Value.choices)
    text = LimitedTextField(_("argument"), max_length=limits.TEXT)
    cost = models.DecimalField(_("cost of maatwerk (EUR)"), max_digits=12, decimal_places=2)
    avoided = models.DecimalField(_("costs avoided (EUR)"), max_digits=12, decimal_places=2)
    net = models.DecimalField(_("net (EUR)"), max_digits=12, decimal_places=2)
    return_per_euro = models.DecimalField(
        _("return per euro"), max_digits=10, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("argument")
        verbose_name_plural = _("arguments")

    def __str__(self) -> str:
        return f"{self.team}: {self.get_value_display()}"


class Card(models.Model):
    """A chance card a team drew on the board, with its assignment."""

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="cards"
    )
    card = models.PositiveSmallIntegerField(_("card"))
    square = models.PositiveSmallIntegerField(_("square"))
    drawn_at = models.DateTimeField(_("drawn at"), auto_now_add=True)

    class Meta:
        verbose_name = _("chance card")
        verbose_name_plural = _("chance cards")
        ordering = ["-drawn_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.team}: {self.card}"


class Roll(models.Model):
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="rolls"
    )
    die = models.PositiveSmallIntegerField(_("die"))
    start = models.PositiveSmallIntegerField(_("from square"))
    end = models.PositiveSmallIntegerField(_("to square"))
    rolled_at = models.DateTimeField(_("rolled at"), auto_now_add=True)

    class Meta:
        verbose_name = _("roll")
        verbose_name_plural = _("rolls")
        ordering = ["-rolled_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.team}: {self.die}"
