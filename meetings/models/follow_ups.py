"""Asking each side of a held meeting, months after the fair, what came of it.

One ``FollowUpRequest`` per meeting, side and round: when it was emailed (with a signed link to
the outcome form that needs no password), reminded once, and answered. The organiser reads the
response rate of each round from them; ``meetings.services.follow_ups`` sends them.
"""

import calendar
from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.models import Side

from .meetings import Meeting
from .outcomes import LAST_ROUND, round_label


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def follow_up_due_on(pavilion, months: int) -> date:
    """The date of a pavilion's follow-up round: its fair's last day plus ``months`` (the last
    day of a shorter month when the day does not exist: 31 January + 1 month is 28 February)."""
    return _add_months(pavilion.fair.ends_on, months)


class FollowUpRequest(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    round = models.PositiveSmallIntegerField(_("round (months after the fair)"))
    due_on = models.DateField(_("due on"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    #: How many emails went out (one per language the side's team reads); 0 when nobody of the
    #: side's team has an email address.
    messages = models.PositiveSmallIntegerField(_("emails sent"), default=0)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up request")
        verbose_name_plural = _("follow-up requests")
        ordering = ["meeting", "round", "side"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "side", "round"], name="one_follow_up_per_side_and_round"
            ),
            models.CheckConstraint(
                condition=Q(side__in=[Side.EXHIBITOR, Side.BUYER]), name="follow_up_side_valid"
            ),
            models.CheckConstraint(
                condition=Q(round__gte=1, round__lte=LAST_ROUND), name="follow_up_round_valid"
            ),
            models.CheckConstraint(
                condition=Q(reminded_at__isnull=True) | Q(sent_at__isnull=False),
                name="follow_up_reminded_after_sent",
            ),
        ]
        indexes = [models.Index(fields=["sent_at", "answered_at"], name="follow_up_pending")]

    def __str__(self) -> str:
        return f"{self.meeting} · {self.get_side_display()} · {round_label(self.round)}"
