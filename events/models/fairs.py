"""Trade fairs, the offices that organise their Japan Pavilions, the pavilions and their daily
timetables.

Dates and daily timetables are in the fair's own time zone; instants (deadlines) are stored in UTC
and shown in that zone.
"""

import zoneinfo
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from companies.bilingual import in_active_language
from companies.models import Market

from .. import fair_time

#: When exhibitors and buyers are asked what came of their meetings: months after the fair.
DEFAULT_FOLLOW_UP_MONTHS = (1, 3, 6, 12)
#: The latest follow-up round a pavilion may set, in months after the fair.
LAST_FOLLOW_UP_MONTH = 36


def default_follow_up_months() -> list[int]:
    return list(DEFAULT_FOLLOW_UP_MONTHS)


def validate_follow_up_months(value) -> None:
    """Whole months from 1 to 36, each once, in increasing order (an empty list asks nobody)."""
    if not isinstance(value, list) or not all(
        isinstance(month, int) and not isinstance(month, bool) for month in value
    ):
        raise ValidationError(_("Give the follow-up rounds as whole numbers of months."))
    if any(month < 1 or month > LAST_FOLLOW_UP_MONTH for month in value):
        raise ValidationError(
            _("Each follow-up round must be between 1 and %(last)s months after the fair."),
            params={"last": LAST_FOLLOW_UP_MONTH},
        )
    if value != sorted(set(value)):
        raise ValidationError(_("List each follow-up round once, from the earliest to the latest."))


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not a time zone; use an IANA name such as Europe/Berlin."),
            params={"value": value},
        )


class OfficeKind(models.TextChoices):
    JETRO = "jetro", _("JETRO office")
    PREFECTURE = "prefecture", _("Prefectural government")
    CHAMBER = "chamber", _("Chamber of commerce")
    OTHER = "other", _("Other organiser")


class OrganisingOffice(models.Model):
    """An office that runs pavilions; its staff users organise those pavilions and only those."""

    name_en = models.CharField(_("name (English)"), max_length=200, unique=True)
    name_ja = models.CharField(_("name (Japanese)"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=OfficeKind.choices)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisers"),
        blank=True,
        related_name="organising_offices",
    )

    class Meta:
        verbose_name = _("organising office")
        verbose_name_plural = _("organising offices")
        ordering = ["name_en"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=OfficeKind.values), name="office_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return in_active_language(self.name_en, self.name_ja)


class TradeFair(models.Model):
    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    country = models.ForeignKey(
        Market,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="fairs",
        limit_choices_to={"kind": "country"},
    )
    venue = models.CharField(_("venue"), max_length=200)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[validate_time_zone],
        help_text=_("The fair's own IANA time zone, e.g. Europe/Berlin; all times show in it."),
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("trade fair")
        verbose_name_plural = _("trade fairs")
        ordering = ["starts_on", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "starts_on"], name="fair_name_start_unique"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="fair_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.starts_on.year}"

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def days(self) -> list[date]:
        count = (self.ends_on - self.starts_on).days + 1
        return [date.fromordinal(self.starts_on.toordinal() + i) for i in range(count)]

    def local(self, instant: datetime) -> datetime:
        """An instant in the fair's time zone."""
        return timezone.localtime(instant, self.tz)

    def local_text(self, instant: datetime | None) -> str:
        """An instant as the fair's wall-clock time with its zone, in the active language:
        2027年11月15日(月) 10:30 CET, Mon 15 Nov 2027, 10:30 CET."""
        return fair_time.datetime_text(instant, self.tz)

    def slot_text(self, start: datetime, end: datetime) -> str:
        """A slot as the fair's wall-clock times with the zone: ... 10:30–11:00 CET."""
        return fair_time.slot_text(start, end, self.tz)


class Pavilion(models.Model):
    """A Japan Pavilion at one fair: the unit organisers run, and the unit of access."""

    fair = models.ForeignKey(
        TradeFair, verbose_name=_("trade fair"), on_delete=models.PROTECT, related_name="pavilions"
    )
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_ja = models.CharField(_("name (Japanese)"), max_length=200, blank=True)
    organiser = models.ForeignKey(
        OrganisingOffice,
        verbose_name=_("organising office"),
        on_delete=models.PROTECT,
        related_name="pavilions",
    )
    booth_capacity = models.PositiveIntegerField(
        _("booth capacity"),
        validators=[MinValueValidator(1)],
        help_text=_("How many exhibitors the pavilion can accept."),
    )
    application_opens_at = models.DateTimeField(_("applications open"))
    application_closes_at = models.DateTimeField(_("applications close"))
    first_timer_conditions_en = models.TextField(
        _("first-timer conditions (English)"),
        blank=True,
        help_text=_("Favourable terms for first-time exhibitors, e.g. a reduced booth fee."),
    )
    first_timer_conditions_ja = models.TextField(_("first-timer conditions (Japanese)"), blank=True)
    first_timer_fee_discount_percent = models.PositiveSmallIntegerField(
        _("first-timer fee discount (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    first_timer_interpreted_meetings = models.PositiveSmallIntegerField(
        _("interpreted meetings for first-timers"),
        default=0,
        help_text=_(
            "A first-time exhibitor's first meetings, up to this many, get an interpreter even "
            "when the two sides share a language; the scheduler honours it. 0: no such offer."
        ),
    )
    max_meetings_per_exhibitor = models.PositiveSmallIntegerField(
        _("meetings per exhibitor"),
        default=12,
        validators=[MinValueValidator(1)],
        help_text=_("The most meetings one exhibitor is proposed or holds at this pavilion."),
    )
    max_meetings_per_buyer = models.PositiveSmallIntegerField(
        _("meetings per buyer"),
        default=8,
        validators=[MinValueValidator(1)],
        help_text=_("The most meetings one buyer is proposed or holds at this pavilion."),
    )
    max_meetings_per_day = models.PositiveSmallIntegerField(
        _("meetings per participant and day"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no daily limit."),
    )
    max_open_requests = models.PositiveSmallIntegerField(
        _("open requests per participant"),
        default=10,
        validators=[MinValueValidator(1)],
        help_text=_("How many unanswered meeting requests one participant may have sent."),
    )
    request_expiry_hours = models.PositiveSmallIntegerField(
        _("requests expire after (hours)"),
        default=72,
        validators=[MinValueValidator(1)],
        help_text=_("An unanswered request expires after this time and frees the slot."),
    )
    reminder_hours = models.PositiveSmallIntegerField(
        _("reminder before expiry (hours)"),
        default=24,
        help_text=_("The side that must answer gets a reminder this long before expiry."),
    )
    shared_tables = models.PositiveSmallIntegerField(
        _("shared meeting tables"),
        default=0,
        help_text=_("Tables in the pavilion's meeting area; other meetings are held at booths."),
    )
    follow_up_months = models.JSONField(
        _("follow-up rounds (months after the fair)"),
        default=default_follow_up_months,
        blank=True,
        validators=[validate_follow_up_months],
        help_text=_(
            "Both sides of each held meeting are asked by email what came of it this many "
            "months after the fair's last day."
        ),
    )
    schedule_published_at = models.DateTimeField(_("schedule published"), null=True, blank=True)
    # The daily meeting timetable, in the fair's local time; slots are generated from it.
    meeting_day_starts = models.TimeField(_("meetings start at"), default="10:00")
    meeting_day_ends = models.TimeField(_("meetings end at"), default="17:00")
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot length (minutes)"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )

    class Meta:
        verbose_name = _("Japan Pavilion")
        verbose_name_plural = _("Japan Pavilions")
        ordering = ["fair__starts_on", "name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["fair", "name_en"], name="pavilion_name_unique_per_fair"
            ),
            models.CheckConstraint(
                condition=Q(application_closes_at__gt=F("application_opens_at")),
                name="pavilion_application_window_valid",
            ),
            models.CheckConstraint(
                condition=Q(meeting_day_ends__gt=F("meeting_day_starts")),
                name="pavilion_meeting_day_valid",
            ),
            models.CheckConstraint(
                condition=Q(booth_capacity__gte=1), name="pavilion_booth_capacity_positive"
            ),
            models.CheckConstraint(
                condition=Q(slot_minutes__gte=5, slot_minutes__lte=240),
                name="pavilion_slot_minutes_range",
            ),
            models.CheckConstraint(
                condition=Q(first_timer_fee_discount_percent__lte=100),
                name="pavilion_discount_at_most_100",
            ),
        ]

    def __str__(self) -> str:
        return in_active_language(self.name_en, self.name_ja)

    def clean(self) -> None:
        if (
            self.application_opens_at
            and self.application_closes_at
            and self.application_closes_at <= self.application_opens_at
        ):
            raise ValidationError(
                {"application_closes_at": _("Applications must close after they open.")}
            )
        if (
            self.meeting_day_starts
            and self.meeting_day_ends
            and self.meeting_day_ends <= self.meeting_day_starts
        ):
            raise ValidationError({"meeting_day_ends": _("Meetings must end after they start.")})

    def application_window_open(self, at: datetime | None = None) -> bool:
        at = at or timezone.now()
        return self.application_opens_at <= at < self.application_closes_at

    @property
    def first_timer_conditions(self) -> str:
        return in_active_language(self.first_timer_conditions_en, self.first_timer_conditions_ja)


class TimetableBreak(models.Model):
    """A daily pause in meetings (lunch, a keynote), in the fair's local time."""

    pavilion = models.ForeignKey(
        Pavilion, verbose_name=_("Japan Pavilion"), on_delete=models.CASCADE, related_name="breaks"
    )
    starts_at = models.TimeField(_("starts at"))
    ends_at = models.TimeField(_("ends at"))
    label = models.CharField(_("label"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("timetable break")
        verbose_name_plural = _("timetable breaks")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="break_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%H:%M}-{self.ends_at:%H:%M} {self.label}".strip()
