"""What every app stands on: long jobs (runs with status and progress), the API's memory of
writes it already answered (idempotency keys) and the audit log."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def count_of(figures: dict, key: str) -> int:
    """A whole number from stored figures, 0 when absent or not a number (an older run's)."""
    value = (figures or {}).get(key, 0)
    return value if isinstance(value, int) else 0


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


ACTIVE_RUN_STATUSES = (RunStatus.QUEUED, RunStatus.RUNNING)


class JobRun(models.Model):
    """What every long job of a pavilion records: queued -> running -> done | failed.

    A subclass defines its ``pavilion`` foreign key (this app sits below the one that defines
    pavilions) and adds ``run_constraints`` so that a pavilion has at most one active run of a
    kind; it words its own progress (``state_text``) and outcome (``outcome_text``).
    """

    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    progress = models.FloatField(
        _("progress"), default=0.0, validators=[MinValueValidator(0), MaxValueValidator(1)]
    )
    # What the run is doing, as data ({"phase": "gaps", "gaps": 4, ...}), never as text: every
    # reader words it in their own language at display time (``progress_text``).
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

    def state_text(self, state: dict) -> str:
        """One step of the run in the active language; "" for a state it does not know."""
        return ""

    def outcome_text(self) -> str:
        """A finished run's result, worded from its counts in the active language."""
        return ""

    def progress_text(self) -> str:
        """What the run is doing, or what it did, in the active language."""
        if self.status == RunStatus.DONE:
            return self.outcome_text()
        if self.status == RunStatus.QUEUED:
            return gettext("Waiting for a worker")
        if self.status == RunStatus.FAILED:
            return gettext("Failed; nothing was written (see the error).")
        return self.state_text(self.progress_state or {})

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


class ApiIdempotencyKey(models.Model):
    """A write the API already answered, so that a retried POST does not act twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(_("idempotency key"), max_length=200)
    endpoint = models.CharField(_("endpoint"), max_length=200)
    request_fingerprint = models.CharField(_("request fingerprint"), max_length=64)
    response_status = models.PositiveSmallIntegerField(_("response status"))
    response_body = models.JSONField(_("response body"), default=dict)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("API idempotency key")
        verbose_name_plural = _("API idempotency keys")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_once_per_user"),
        ]

    def __str__(self) -> str:
        return self.key


class AuditInterface(models.TextChoices):
    """Where a write started (``core.audit`` knows it from the request, the task or the command)."""

    ADMIN = "admin", _("Admin")
    API = "api", _("API")
    PAGE = "page", _("Web page")
    COMMAND = "command", _("Command line")
    TASK = "task", _("Background task")


class AuditLogIsAppendOnly(Exception):
    """An audit entry is written once and never changed or deleted."""


class AuditEntryQuerySet(models.QuerySet):
    """The default manager's rows cannot be updated or deleted in bulk either.

    Django's own ``on_delete=SET_NULL`` goes through the base manager (a plain QuerySet): a
    deleted account or model only loses its link, which the PostgreSQL trigger allows too.
    """

    def update(self, **kwargs):
        raise AuditLogIsAppendOnly("Audit entries cannot be changed.")

    def delete(self):
        raise AuditLogIsAppendOnly("Audit entries cannot be deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AuditLogIsAppendOnly("Audit entries cannot be changed.")


class AuditEntry(models.Model):
    """One write by a person or through the API: who, when, from where, what, which fields.

    Written by ``core.audit.record`` inside the service's transaction (a rolled-back write leaves
    none), never changed afterwards: ``save`` refuses an existing row, ``delete`` refuses, and on
    PostgreSQL a trigger refuses UPDATE and DELETE of the table (migration 0002).

    ``pavilion_id`` is a plain indexed integer, not a foreign key: this app sits below the one
    that defines pavilions, and an entry must outlive the pavilion it is about. Organisers read
    the entries of their pavilions' ids; an entry of no pavilion (a company's profile, an
    invitation) is for platform administrators only.
    """

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    #: The account's username when it was written, so the entry still says who once it is gone.
    actor_username = models.CharField(_("username"), max_length=150, blank=True)
    interface = models.CharField(_("interface"), max_length=10, choices=AuditInterface.choices)
    #: A dotted code, subject first: ``pavilion.schedule.published``, ``meeting.moved``.
    action = models.CharField(_("action"), max_length=80, db_index=True)
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("object type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("object id"), null=True, blank=True)
    #: The object as it was named when the entry was written, kept for when it is gone.
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    pavilion_id = models.PositiveBigIntegerField(_("pavilion id"), null=True, blank=True)
    #: Field -> [before, after], as codes, ids and figures (a typed text as its length, under
    #: ``<field>_length``), never words in someone's language.
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["pavilion_id", "-at"], name="audit_pavilion_at"),
            models.Index(fields=["content_type", "object_id"], name="audit_object"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(interface__in=AuditInterface.values), name="audit_interface_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.object_repr}".strip()

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditLogIsAppendOnly("Audit entries cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogIsAppendOnly("Audit entries cannot be deleted.")
