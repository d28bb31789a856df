"""A pavilion's meeting slots, stored in UTC, and the interpreters free in them."""

from datetime import date

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from companies.models import Language

from .fairs import Pavilion


class MeetingSlot(models.Model):
    """One meeting time at a pavilion, generated from its daily timetable; stored in UTC."""

    pavilion = models.ForeignKey(
        Pavilion, verbose_name=_("Japan Pavilion"), on_delete=models.CASCADE, related_name="slots"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        verbose_name = _("meeting slot")
        verbose_name_plural = _("meeting slots")
        ordering = ["pavilion", "starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["pavilion", "starts_at"], name="slot_start_unique"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="slot_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.pavilion.fair.slot_text(self.starts_at, self.ends_at)

    @property
    def local_day(self) -> date:
        return self.pavilion.fair.local(self.starts_at).date()


class Interpreter(models.Model):
    """An interpreter booked for a pavilion; one meeting at a time, in the slots they are free."""

    pavilion = models.ForeignKey(
        Pavilion,
        verbose_name=_("Japan Pavilion"),
        on_delete=models.CASCADE,
        related_name="interpreters",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), blank=True)
    languages = models.ManyToManyField(
        Language, verbose_name=_("languages"), related_name="interpreters"
    )
    available_slots = models.ManyToManyField(
        MeetingSlot, verbose_name=_("available slots"), blank=True, related_name="interpreters"
    )

    class Meta:
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")
        ordering = ["pavilion", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["pavilion", "name"], name="interpreter_name_unique_per_pavilion"
            ),
        ]

    def __str__(self) -> str:
        return self.name
