"""Processing log (Logboek Dataverwerkingen) and audit trail (BIO logging).

Two append-only tables, linked by trace id:

* `ProcessingRecord`: one row per data subject per processing operation, in the shape of the
  Logboek Dataverwerkingen standard (trace id, span id, processing activity, data subject
  pseudonym, start/end time, status). It never names the actor nor holds a BSN.
* `AuditRecord`: one row per action by a person or system (action, object, result, origin,
  actor, timestamp), as BIO2 logging asks.

The activity columns hold the ids of `activities.Activity` without database choices: a new
activity is a line in that module, not a migration; `services.log_processing` refuses an unknown
id (fail closed).

Both tables are hash-chained (`chain.py`, docs/decisions/0013): every row has a `chain` (one of
a few shards), a gapless `seq` within its table and chain, the `prev_hash` of the row before it
and its own `hash` = SHA-256(previous hash ‖ SHA-256(canonical serialisation of its fields)).
`ChainHead` holds each chain's last seq and hash per table; its row lock orders the writers. On
PostgreSQL a trigger refuses UPDATE and DELETE on both tables; `manage.py verify-log` proves
the chains.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    OK = "ok", _("succeeded")
    ERROR = "error", _("failed")
    DENIED = "denied", _("refused")


class ProcessingRecord(models.Model):
    trace_id = models.CharField(_("trace id"), max_length=32, db_index=True)
    span_id = models.CharField(_("span id"), max_length=16)
    parent_span_id = models.CharField(_("parent span id"), max_length=16, blank=True)
    activity = models.CharField(_("processing activity"), max_length=60)
    data_subject = models.CharField(_("data subject (pseudonym)"), max_length=64, db_index=True)
    data_subject_type = models.CharField(
        _("kind of data subject id"), max_length=30, default="pseudoniem"
    )
    started_at = models.DateTimeField(_("start"))
    ended_at = models.DateTimeField(_("end"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    # The version of the pseudonym key `data_subject` was made with (key rotation, docs/privacy.md).
    key_version = models.PositiveSmallIntegerField(_("pseudonym key version"), default=1)
    chain = models.PositiveSmallIntegerField(_("chain"), null=True, editable=False)
    seq = models.BigIntegerField(_("sequence number"), null=True, editable=False)
    prev_hash = models.CharField(_("previous hash"), max_length=64, blank=True, editable=False)
    hash = models.CharField(_("hash"), max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("processing record")
        verbose_name_plural = _("processing log")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["chain", "seq"], name="privacy_processing_chain_seq")
        ]

    def __str__(self) -> str:
        return f"{self.activity} {self.trace_id}"


class AuditRecord(models.Model):
    trace_id = models.CharField(_("trace id"), max_length=32, db_index=True)
    span_id = models.CharField(_("span id"), max_length=16)
    timestamp = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(_("actor (as logged)"), max_length=200)
    action = models.CharField(_("action"), max_length=40)
    activity = models.CharField(_("processing activity"), max_length=60, blank=True)
    object_type = models.CharField(_("object type"), max_length=60)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    result = models.CharField(_("result"), max_length=10, choices=Outcome.choices)
    origin = models.CharField(_("origin"), max_length=200)
    subject_count = models.PositiveIntegerField(_("data subjects"), default=0)
    chain = models.PositiveSmallIntegerField(_("chain"), null=True, editable=False)
    seq = models.BigIntegerField(_("sequence number"), null=True, editable=False)
    prev_hash = models.CharField(_("previous hash"), max_length=64, blank=True, editable=False)
    hash = models.CharField(_("hash"), max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("audit record")
        verbose_name_plural = _("audit trail")
        ordering = ["-timestamp"]
        constraints = [
            models.UniqueConstraint(fields=["chain", "seq"], name="privacy_audit_chain_seq")
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.object_type} {self.object_id}"


class ChainHead(models.Model):
    """The last link of one chain in each log table. Writers lock this row (FOR UPDATE), so
    the links of one chain are appended one writer at a time: no forks, no lost links. It
    also shows a deleted tail: the last row of a chain must have the head's seq and hash."""

    chain = models.PositiveSmallIntegerField(_("chain"), primary_key=True)
    audit_seq = models.BigIntegerField(default=0)
    audit_hash = models.CharField(max_length=64, default="0" * 64)
    processing_seq = models.BigIntegerField(default=0)
    processing_hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("log chain head")
        verbose_name_plural = _("log chain heads")

    def __str__(self) -> str:
        return f"{self.chain}"
