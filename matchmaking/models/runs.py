"""Runs of long jobs (matchmaking, scheduling): their status, progress, outcome and timings."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.models import Pavilion


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


ACTIVE_RUN_STATUSES = (RunStatus.QUEUED, RunStatus.RUNNING)


class JobRun(models.Model):
    """What every long job of a pavilion records: queued -> running -> done | failed.

    Subclasses add a unique constraint so that a pavilion has at most one active run of a kind.
    """

    pavilion = models.ForeignKey(
        Pavilion, verbose_name=_("Japan Pavilion"), on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    progress = models.FloatField(
        _("progress"), default=0.0, validators=[MinValueValidator(0), MaxValueValidator(1)]
    )
    # What the run is doing, as data ({"phase": "gaps", "gaps": 4, ...}), never as text: every
    # reader words it in their own language at display time (``matchmaking.progress``).
    progress_state = models.JSONField(_("progress state"), default=dict, blank=True)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    timings = models.JSONField(_("timings (seconds)"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]
        get_latest_by = "created_at"

    def __str__(self) -> str:
        return f"{self.pavilion} #{self.pk} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_RUN_STATUSES

    @classmethod
    def run_constraints(cls, prefix: str) -> list:
        return [
            # The database refuses a second active run for a pavilion, even between two workers.
            models.UniqueConstraint(
                fields=["pavilion"],
                condition=Q(status__in=["queued", "running"]),
                name=f"one_active_{prefix}_run_per_pavilion",
            ),
            models.CheckConstraint(
                condition=Q(status__in=RunStatus.values), name=f"{prefix}_run_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=1), name=f"{prefix}_run_progress_range"
            ),
        ]


class MatchingRun(JobRun):
    """One run of the scoring job for a pavilion."""

    pavilion = models.ForeignKey(
        Pavilion,
        verbose_name=_("Japan Pavilion"),
        on_delete=models.CASCADE,
        related_name="matching_runs",
    )

    class Meta(JobRun.Meta):
        verbose_name = _("matchmaking run")
        verbose_name_plural = _("matchmaking runs")
        constraints = JobRun.run_constraints("matching")


class SchedulingRun(JobRun):
    """One run of the scheduler for a pavilion: objective, proven bound and gaps in ``counts``."""

    pavilion = models.ForeignKey(
        Pavilion,
        verbose_name=_("Japan Pavilion"),
        on_delete=models.CASCADE,
        related_name="scheduling_runs",
    )

    class Meta(JobRun.Meta):
        verbose_name = _("scheduling run")
        verbose_name_plural = _("scheduling runs")
        constraints = JobRun.run_constraints("scheduling")
