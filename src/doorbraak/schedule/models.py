"""Runs of scheduled tasks (issue 19): one row per (task, slot) that ran, claimed in the
task's own transaction before it works (services.run_once). No personal data: task names,
times, ids of the message, the worker and the trace."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TaskRun(models.Model):
    class Status(models.TextChoices):
        #: Claimed and committed together with the task's work: this slot ran, once.
        DONE = "uitgevoerd", _("ran")
        #: A second delivery of a slot that was done already (a redelivered message): nothing.
        SKIPPED = "overgeslagen", _("skipped: slot already done")
        #: The task raised; its work and claim were rolled back, so a redelivery may run it.
        FAILED = "mislukt", _("failed")

    name = models.CharField(_("task"), max_length=200)
    slot = models.DateTimeField(_("slot"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    result = models.CharField(_("result"), max_length=200, blank=True)
    trace_id = models.CharField(_("trace id"), max_length=32, blank=True)
    message_id = models.CharField(_("message id"), max_length=64, blank=True)
    worker = models.CharField(_("worker process"), max_length=200, blank=True)
    redelivered = models.BooleanField(_("redelivered"), default=False)

    class Meta:
        verbose_name = _("scheduled task run")
        verbose_name_plural = _("scheduled task runs")
        ordering = ["-slot", "name"]
        constraints = [
            # The claim: one done run per task and slot. Skipped and failed attempts are
            # rows too, outside the constraint, so the admin shows them.
            models.UniqueConstraint(
                fields=["name", "slot"],
                condition=Q(status="uitgevoerd"),
                name="one_done_run_per_slot",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.slot:%Y-%m-%d %H:%M:%S} {self.status}"


class Tick(models.Model):
    """The effect of the scale test's probe (tasks.tick): a counter it adds one to per run,
    on purpose not idempotent, so a slot run twice would show as one too many."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    count = models.PositiveBigIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("tick counter")
        verbose_name_plural = _("tick counters")

    def __str__(self) -> str:
        return f"{self.name}: {self.count}"
