"""The case file: a household, its members, one key worker, blockers, a support plan and a
timeline. Personal data lives here and nowhere else; other apps refer to a case by id."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Neighbourhood, Organisation, Team
from doorbraak.privacy import keyed_hash
from doorbraak.text_validators import LimitedCharField, LimitedTextField
from doorbraak.ui import formatting


class LifeDomain(models.TextChoices):
    HOUSING = "wonen", _("housing")
    FINANCES = "financien", _("finances and debts")
    INCOME_WORK = "inkomen-werk", _("income and work")
    HEALTH = "gezondheid", _("health")
    PARENTING_YOUTH = "opvoeding-jeugd", _("parenting and youth")
    EDUCATION = "onderwijs", _("education")
    SAFETY = "veiligheid", _("safety")
    SOCIAL_NETWORK = "sociaal-netwerk", _("social network")


class HouseholdRole(models.TextChoices):
    MAIN = "hoofdbewoner", _("main resident")
    PARTNER = "partner", _("partner")
    CHILD = "kind", _("child")
    PARENT = "ouder", _("parent")
    OTHER = "huisgenoot", _("other housemate")


class Household(models.Model):
    name = LimitedCharField(
        _("name"),
        max_length=limits.NAME,
        name_check=True,
        help_text=_("For example: household Jansen"),
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="households",
    )
    address = LimitedCharField(_("address"), max_length=200, blank=True, name_check=True)
    postcode = LimitedCharField(_("postcode"), max_length=7, blank=True, name_check=True)
    city = LimitedCharField(_("city"), max_length=100, blank=True, name_check=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self) -> str:
        return self.name


class Member(models.Model):
    household = models.ForeignKey(
        Household, verbose_name=_("household"), on_delete=models.PROTECT, related_name="members"
    )
    subject_id = models.UUIDField(
        _("data subject id"), default=uuid.uuid4, unique=True, editable=False
    )
    given_name = LimitedCharField(_("given name"), max_length=100, name_check=True)
    family_name = LimitedCharField(_("family name"), max_length=150, blank=True, name_check=True)
    household_role = models.CharField(
        _("role in household"), max_length=20, choices=HouseholdRole.choices
    )
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    bsn_encrypted = models.TextField(_("BSN (encrypted)"), blank=True, editable=False)
    bsn_index = models.CharField(
        _("BSN search key"), max_length=64, blank=True, db_index=True, editable=False
    )
    #: The field key version the BSN is encrypted and indexed with (privacy/bsn_keys.py).
    bsn_key_version = models.PositiveSmallIntegerField(
        _("BSN key version"), default=1, editable=False
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("household member")
        verbose_name_plural = _("household members")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def has_bsn(self) -> bool:
        return bool(self.bsn_encrypted)

    @property
    def bsn(self) -> str:
        if not self.bsn_encrypted:
            return ""
        from doorbraak.privacy import bsn_keys

        return keyed_hash.decrypt(bsn_keys.key_of(self.bsn_key_version), self.bsn_encrypted)

    @property
    def bsn_masked(self) -> str:
        return f"*****{self.bsn[-4:]}" if self.bsn_encrypted else ""


class CaseStatus(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "gesloten", _("closed")


class Case(models.Model):
    household = models.ForeignKey(
        Household, verbose_name=_("household"), on_delete=models.PROTECT, related_name="cases"
    )
    key_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("key worker"),
        on_delete=models.PROTECT,
        related_name="key_cases",
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.PROTECT,
        related_name="cases",
        help_text=_("The key worker's team; the whole team can see the case."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    question = LimitedTextField(_("question for help"), max_length=limits.TEXT, blank=True)
    life_domains = models.JSONField(_("life domains"), default=list, blank=True)
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-opened_at"]
        indexes = [
            # The case lists count and sort a person's and a team's cases on these alone
            # (cases.queries.listed_cases), without visiting the cases. The first also
            # serves every lookup by team and status.
            models.Index(fields=["team", "status", "-opened_at", "-id"], name="case_team_list_idx"),
            models.Index(
                fields=["key_worker", "status", "-opened_at", "-id"], name="case_worker_list_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.household}"

    @property
    def reference(self) -> str:
        return f"C-{self.pk:06d}"

    def life_domain_labels(self) -> list[str]:
        labels = dict(LifeDomain.choices)
        return [str(labels.get(d, d)) for d in self.life_domains]


class CaseAccess(models.Model):
    """A person explicitly added to a case outside the key worker's team."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="access"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="case_access",
    )
    reason = LimitedTextField(_("reason"), max_length=limits.TEXT)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("case access")
        verbose_name_plural = _("case access")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "user"],
                condition=Q(revoked_at__isnull=True),
                name="one_active_access_per_person",
            ),
        ]
        indexes = [
            models.Index(
                fields=["user", "case"],
                condition=Q(revoked_at__isnull=True),
                name="active_access_user_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.case_id}"


class BlockerStatus(models.TextChoices):
    OPEN = "open", _("open")
    RESOLVED = "opgelost", _("resolved")


class Blocker(models.Model):
    """A knelpunt: where the system is stuck, seen from the household."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="blockers"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="blockers",
    )
    rule = LimitedTextField(
        _("rule"), max_length=limits.TEXT, help_text=_("Which rule or procedure is in the way.")
    )
    effect = LimitedTextField(_("effect on the household"), max_length=limits.TEXT)
    life_domain = models.CharField(_("life domain"), max_length=20, choices=LifeDomain.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=BlockerStatus.choices, default=BlockerStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    resolution = LimitedTextField(_("how it was resolved"), max_length=limits.TEXT, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("blocker")
        verbose_name_plural = _("blockers")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.organisation}: {formatting.shorten(self.rule, 60)}"


class SupportPlan(models.Model):
    """One version of the support plan; a change adds a version, nothing is overwritten."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="plans"
    )
    version = models.PositiveIntegerField(_("version"))
    goal = LimitedTextField(_("what the household wants in a year"), max_length=limits.LONG_TEXT)
    own_contribution = LimitedTextField(
        _("what the household does itself"), max_length=limits.LONG_TEXT
    )
    support_needed = LimitedTextField(_("what support is needed"), max_length=limits.LONG_TEXT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("support plan")
        verbose_name_plural = _("support plans")
        ordering = ["case", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["case", "version"], name="one_plan_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.case_id} v{self.version}"


class KeyWorkerHandover(models.Model):
    """Handing a case to another key worker: deliberate, recorded, with a reason."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="handovers"
    )
    from_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("from"), on_delete=models.PROTECT, related_name="+"
    )
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("to"), on_delete=models.PROTECT, related_name="+"
    )
    reason = LimitedTextField(_("reason"), max_length=limits.TEXT)
    handed_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    handed_over_at = models.DateTimeField(_("handed over at"), auto_now_add=True)

    class Meta:
        verbose_name = _("key worker handover")
        verbose_name_plural = _("key worker handovers")
        ordering = ["-handed_over_at"]

    def __str__(self) -> str:
        return f"{self.from_user} → {self.to_user}"


class EntryKind(models.TextChoices):
    OPENED = "geopend", _("Case opened")
    NOTE = "notitie", _("Note")
    BLOCKER_ADDED = "knelpunt", _("Blocker recorded")
    BLOCKER_RESOLVED = "knelpunt-opgelost", _("Blocker resolved")
    PLAN = "plan", _("Support plan updated")
    MEMBER_ADDED = "lid", _("Household member added")
    HANDOVER = "overdracht", _("Key worker changed")
    ACCESS_GRANTED = "toegang", _("Person added to case")
    ACCESS_REVOKED = "toegang-ingetrokken", _("Person removed from case")
    CLOSED = "gesloten", _("Case closed")
    REOPENED = "heropend", _("Case reopened")
    REQUEST = "voorstel", _("Maatwerk request submitted")
    REQUEST_CLOSED = "voorstel-afgesloten", _("Maatwerk request closed")
    MANDATE = "mandaat", _("Decided with a mandate")
    PAUSE = "pauze", _("Pause")
    PAUSE_REVIEWED = "pauze-beoordeeld", _("Pause reviewed")


class TimelineEntry(models.Model):
    """Everything that happened in a case, in order. Append-only."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="timeline"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=EntryKind.choices)
    text = LimitedTextField(_("text"), max_length=limits.LONG_TEXT, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    blocker = models.ForeignKey(
        Blocker,
        verbose_name=_("blocker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["case", "-created_at"], name="timeline_case_time_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"
