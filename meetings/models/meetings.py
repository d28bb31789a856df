"""Meetings between an exhibitor and a buyer: from a request or a proposal to a held meeting.

A meeting is confirmed when both sides accept; the scheduler then gives it a slot (and an
interpreter when the two sides share no language). The database refuses a double booking of an
exhibitor, a buyer or an interpreter in one slot.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from companies.models import SME, ForeignBuyer
from events.models import Interpreter, MeetingSlot, Pavilion, Side
from matchmaking.models import Proposal


class MeetingStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    # Its own context: an accepted meeting (承諾済み) is not an accepted application (承認済み).
    ACCEPTED = "accepted", pgettext_lazy("meeting status", "Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    NO_SHOW = "no_show", _("No-show")
    CANCELLED = "cancelled", _("Cancelled")


#: A pair has at most one meeting in these states at a pavilion.
OPEN_STATUSES = ("requested", "accepted", "scheduled")
#: Meetings in these states occupy their slot.
BOOKED_STATUSES = ("scheduled", "held", "no_show")
#: Meetings that count against a participant's meeting cap: confirmed, placed or over.
COMMITTED_STATUSES = ("accepted", *BOOKED_STATUSES)
#: Meetings the scheduler places: confirmed ones, and those already in a slot.
SCHEDULABLE_STATUSES = ("accepted", "scheduled")
#: A participant row names an exhibitor or a buyer, never both.
EXACTLY_ONE_PARTICIPANT = Q(sme__isnull=False, buyer__isnull=True) | Q(
    sme__isnull=True, buyer__isnull=False
)


class AbsentSide(models.TextChoices):
    """Which side failed to come to a no-show meeting."""

    EXHIBITOR = "exhibitor", _("The exhibitor did not come")
    BUYER = "buyer", _("The buyer did not come")
    BOTH = "both", _("Neither side came")


#: A missed meeting frees who came (and its interpreter) for the rest of its slot, so that the
#: organiser can give them a replacement meeting there: the exhibitor when only the buyer did not
#: come, the buyer when only the exhibitor did not, the interpreter on any no-show.
EXHIBITOR_FREED = Q(status="no_show", absent_side=AbsentSide.BUYER)
BUYER_FREED = Q(status="no_show", absent_side=AbsentSide.EXHIBITOR)
INTERPRETER_FREED = Q(status="no_show")


class ActingFor(models.TextChoices):
    """Whom an organiser acted for when they answered or changed a meeting for participants."""

    EXHIBITOR = "exhibitor", _("for the exhibitor")
    BUYER = "buyer", _("for the buyer")
    BOTH = "both", _("for both sides")


class Meeting(models.Model):
    pavilion = models.ForeignKey(
        Pavilion,
        verbose_name=_("Japan Pavilion"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    sme = models.ForeignKey(
        SME, verbose_name=_("SME"), on_delete=models.PROTECT, related_name="meetings"
    )
    buyer = models.ForeignKey(
        ForeignBuyer,
        verbose_name=_("foreign buyer"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    proposal = models.ForeignKey(
        Proposal,
        verbose_name=_("proposal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    requested_by_side = models.CharField(_("requested by"), max_length=10, choices=Side.choices)
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.REQUESTED
    )
    # Set with a no-show only; empty when not recorded (meetings marked before it was asked).
    absent_side = models.CharField(
        _("who did not come"), max_length=10, choices=AbsentSide.choices, blank=True
    )
    exhibitor_accepted_at = models.DateTimeField(
        _("accepted by the exhibitor"), null=True, blank=True
    )
    buyer_accepted_at = models.DateTimeField(_("accepted by the buyer"), null=True, blank=True)
    attendee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attending for the exhibitor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The member of the exhibitor's team who holds the meeting."),
    )
    # Organiser staff who hold the meeting for an SME that cannot come (a JETRO colleague
    # taking it for an absent exhibitor); one person attends for the exhibitor, never two.
    proxy_attendee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attending for the absent exhibitor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A member of the pavilion's organising office who holds the meeting for an "
            "exhibitor who cannot come."
        ),
    )
    score = models.FloatField(_("score"), default=0.0)
    # The two languages one interpreter must both speak; empty when the sides share a language.
    interpreter_languages = models.CharField(_("interpreter languages"), max_length=20, blank=True)
    at_table = models.BooleanField(
        _("at a shared table"),
        default=False,
        help_text=_("Held at one of the pavilion's shared tables rather than at the booth."),
    )
    slot = models.ForeignKey(
        MeetingSlot,
        verbose_name=_("slot"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    interpreter = models.ForeignKey(
        Interpreter,
        verbose_name=_("interpreter"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    locked = models.BooleanField(
        _("locked"), default=False, help_text=_("A locked meeting never moves when rescheduling.")
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    cancel_reason = models.TextField(
        _("reason for cancelling"),
        blank=True,
        help_text=_("Told to the other side when a published meeting is cancelled."),
    )
    expires_at = models.DateTimeField(_("request expires"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["pavilion", "slot__starts_at", "sme"]
        constraints = [
            models.UniqueConstraint(
                fields=["pavilion", "sme", "buyer"],
                condition=Q(status__in=OPEN_STATUSES),
                name="one_open_meeting_per_pair",
            ),
            models.UniqueConstraint(
                fields=["sme", "slot"],
                condition=Q(status__in=BOOKED_STATUSES) & ~EXHIBITOR_FREED,
                name="exhibitor_one_meeting_per_slot",
            ),
            models.UniqueConstraint(
                fields=["buyer", "slot"],
                condition=Q(status__in=BOOKED_STATUSES) & ~BUYER_FREED,
                name="buyer_one_meeting_per_slot",
            ),
            models.UniqueConstraint(
                fields=["interpreter", "slot"],
                condition=Q(status__in=BOOKED_STATUSES) & ~INTERPRETER_FREED,
                name="interpreter_one_meeting_per_slot",
            ),
            models.CheckConstraint(
                condition=Q(status__in=MeetingStatus.values), name="meeting_status_valid"
            ),
            models.CheckConstraint(
                condition=(
                    Q(status__in=BOOKED_STATUSES, slot__isnull=False)
                    | (~Q(status__in=BOOKED_STATUSES) & Q(slot__isnull=True))
                ),
                name="meeting_slot_iff_booked",
            ),
            models.CheckConstraint(
                condition=Q(interpreter__isnull=True) | Q(slot__isnull=False),
                name="meeting_interpreter_needs_slot",
            ),
            models.CheckConstraint(
                condition=Q(requested_by_side__in=Side.values), name="meeting_side_valid"
            ),
            models.CheckConstraint(
                condition=Q(absent_side="")
                | Q(status=MeetingStatus.NO_SHOW, absent_side__in=AbsentSide.values),
                name="meeting_absent_side_only_for_no_show",
            ),
            models.CheckConstraint(
                condition=Q(proxy_attendee__isnull=True) | Q(attendee__isnull=True),
                name="meeting_one_attendee_for_the_exhibitor",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sme} ↔ {self.buyer}"

    @property
    def needs_interpreter(self) -> bool:
        return bool(self.interpreter_languages)

    @property
    def interpreter_pair(self) -> tuple[str, str] | None:
        if not self.interpreter_languages:
            return None
        first, second = self.interpreter_languages.split("-")
        return first, second

    def holds(self, who: str) -> bool:
        """Whether the meeting takes up its slot for ``who`` ("sme", "buyer", "interpreter",
        "table"), as the one-meeting-per-slot constraints count it (``EXHIBITOR_FREED`` and
        the others): a missed meeting holds neither its interpreter nor its table."""
        if self.status not in BOOKED_STATUSES:
            return False
        if self.status != MeetingStatus.NO_SHOW:
            return True
        freed_by = {"sme": AbsentSide.BUYER, "buyer": AbsentSide.EXHIBITOR}
        return who in freed_by and self.absent_side != freed_by[who]


class MeetingEvent(models.Model):
    """One change of a meeting: who made it, when, from which state to which."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="events"
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    side = models.CharField(_("side"), max_length=10, choices=Side.choices, blank=True)
    acting_for = models.CharField(
        _("on behalf of"),
        max_length=10,
        choices=ActingFor.choices,
        blank=True,
        help_text=_("Set when an organiser acted for participants."),
    )
    action = models.CharField(_("action"), max_length=40)
    from_status = models.CharField(_("from"), max_length=10, blank=True)
    to_status = models.CharField(_("to"), max_length=10)
    # Codes and figures of the change (a slot's id and start, an outcome's round and stage),
    # worded in the reader's language when shown; ``note`` is only what a person typed.
    details = models.JSONField(_("details"), default=dict, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("meeting change")
        verbose_name_plural = _("meeting changes")
        ordering = ["meeting", "at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(acting_for="") | Q(acting_for__in=ActingFor.values),
                name="meeting_event_acting_for_valid",
            ),
        ]

    def __str__(self) -> str:
        # When, in the fair's zone, and what, in the reader's language (history words the codes).
        from ..history import event_text

        when = self.meeting.pavilion.fair.local_text(self.at) if self.at else ""
        return f"{when}: {event_text(self)}"


class ParticipantRow(models.Model):
    """A row about one participant of a pavilion: an exhibitor or a buyer, never both."""

    pavilion = models.ForeignKey(
        Pavilion, verbose_name=_("Japan Pavilion"), on_delete=models.CASCADE, related_name="+"
    )
    sme = models.ForeignKey(
        SME,
        verbose_name=_("SME"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    buyer = models.ForeignKey(
        ForeignBuyer,
        verbose_name=_("foreign buyer"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def participant(self) -> SME | ForeignBuyer:
        return self.sme or self.buyer


class ParticipantUnavailability(ParticipantRow):
    """A slot in which an exhibitor or a buyer cannot meet anyone (besides days not attended)."""

    slot = models.ForeignKey(
        MeetingSlot, verbose_name=_("slot"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("unavailability")
        verbose_name_plural = _("unavailabilities")
        constraints = [
            models.CheckConstraint(
                condition=EXACTLY_ONE_PARTICIPANT, name="unavailability_exactly_one_participant"
            ),
            models.UniqueConstraint(fields=["sme", "slot"], name="sme_unavailable_once"),
            models.UniqueConstraint(fields=["buyer", "slot"], name="buyer_unavailable_once"),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.slot}"


class ScheduleNotice(ParticipantRow):
    """The published schedule a participant was last emailed, so that re-publishing emails only
    those whose meetings changed, saying what changed."""

    # {meeting id: {"slot": slot id, "interpreter": interpreter id or null}} as last emailed.
    meetings = models.JSONField(_("meetings as last emailed"), default=dict, blank=True)
    sent_at = models.DateTimeField(_("emailed"))

    class Meta:
        verbose_name = _("schedule notice")
        verbose_name_plural = _("schedule notices")
        constraints = [
            models.CheckConstraint(
                condition=EXACTLY_ONE_PARTICIPANT, name="schedule_notice_exactly_one_participant"
            ),
            models.UniqueConstraint(
                fields=["pavilion", "sme"], name="schedule_notice_once_per_sme"
            ),
            models.UniqueConstraint(
                fields=["pavilion", "buyer"], name="schedule_notice_once_per_buyer"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.sent_at:%Y-%m-%d %H:%M}"
