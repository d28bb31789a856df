"""What came of a meeting, told by each side at the fair and again months later.

Funders judge the next pavilion by these: a sample sent, a quotation, a trial order, a repeat
order. The next pavilion's matchmaking reads them too.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from events.models import Side

from .meetings import Meeting


class TradeStage(models.TextChoices):
    """How far the business went, in the order it usually goes."""

    NO_INTEREST = "no_interest", _("No further interest")
    FOLLOW_UP = "follow_up", _("Follow-up agreed")
    SAMPLE = "sample", _("Samples sent")
    QUOTATION = "quotation", _("Quotation sent")
    NEGOTIATION = "negotiation", _("Negotiation started")
    TRIAL_ORDER = "trial_order", _("Trial order")
    AGREEMENT = "agreement", _("Agreement reached")
    REPEAT_ORDER = "repeat_order", _("Repeat order")


#: The round of outcomes told at the fair itself; later rounds are months after its last day.
AT_FAIR = 0
#: The furthest follow-up round a pavilion may ask for, in months after the fair.
LAST_ROUND = 36


def pavilion_rounds(pavilion) -> list[int]:
    """The rounds a pavilion asks about: at the fair, then its follow-up months."""
    return [AT_FAIR, *pavilion.follow_up_months]


def round_label(months: int) -> str:
    """ "At the fair", "1 month later", "6 months later", in the active language."""
    if months == AT_FAIR:
        return gettext("At the fair")
    return ngettext("%(months)d month later", "%(months)d months later", months) % {
        "months": months
    }


class MeetingOutcome(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="outcomes"
    )
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    # Months after the fair's last day: 0 at the fair, then the pavilion's follow-up rounds.
    round = models.PositiveSmallIntegerField(
        _("round (months after the fair)"),
        default=AT_FAIR,
        validators=[MaxValueValidator(LAST_ROUND)],
    )
    stage = models.CharField(_("stage"), max_length=20, choices=TradeStage.choices)
    expected_value_usd = models.PositiveBigIntegerField(
        _("expected business (USD)"), null=True, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        verbose_name = _("meeting outcome")
        verbose_name_plural = _("meeting outcomes")
        ordering = ["meeting", "round", "side"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "side", "round"], name="one_outcome_per_side_and_round"
            ),
            models.CheckConstraint(
                condition=Q(side__in=[Side.EXHIBITOR, Side.BUYER, Side.ORGANISER]),
                name="outcome_side_valid",
            ),
            models.CheckConstraint(
                condition=Q(stage__in=TradeStage.values), name="outcome_stage_valid"
            ),
            models.CheckConstraint(
                condition=Q(round__gte=AT_FAIR, round__lte=LAST_ROUND), name="outcome_round_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.get_stage_display()}"

    def get_round_display(self) -> str:
        return round_label(self.round)
