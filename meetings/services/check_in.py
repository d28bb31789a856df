"""Check-in at the fair: organiser staff record that one side of a meeting has arrived.

An arrival is not a field of the meeting: it is a ``MeetingEvent`` of action ``checked_in``
(recorded by the organiser, ``side`` "organiser"), whose ``details`` keep which side arrived,
when, and whether it was late: ``{"side": "buyer", "arrived_at": "...", "late": true,
"minutes_late": 7}``. A side is late when it arrives more than ``GRACE_MINUTES`` after the slot
began. The printed schedule carries, per meeting and side, a link signed for that meeting and
side only (``check_in_signature``), which staff scan to open the check-in page.
"""

import math
from datetime import datetime, timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from events import fair_time
from events.models import Side

from ..models import Meeting, MeetingEvent, MeetingStatus
from ..selectors.fair_day import CHECKED_IN, arrival_of
from .changes import meeting_locked, meeting_record

#: Minutes after a slot begins within which an arrival still counts as on time.
GRACE_MINUTES = 5
#: The sides that arrive at a meeting.
ARRIVING_SIDES = (Side.EXHIBITOR, Side.BUYER)
#: What check-in links are signed for, so no other signed value of the site opens them.
SALT = "meetings.check_in"


def minutes_late(slot_starts_at: datetime, arrived_at: datetime) -> int:
    """Whole minutes after the slot's start (rounded up), when past the grace; else 0."""
    late_by = arrived_at - slot_starts_at
    if late_by <= timedelta(minutes=GRACE_MINUTES):
        return 0
    return math.ceil(late_by.total_seconds() / 60)


def _side_name(side: str) -> str:
    return _("The exhibitor") if side == Side.EXHIBITOR else _("The buyer")


@transaction.atomic
def meeting_check_in(*, meeting: Meeting, side: str, by=None, at: datetime | None = None):
    """Record that ``side`` (exhibitor or buyer) has arrived at a scheduled, published meeting
    of the fair's day it is (in the fair's time zone). Side effects: a ``checked_in`` event in
    the meeting's history and an audit entry ``meeting.checked_in``. Refused for the other
    days, for a meeting already marked held or a no-show, and for a side already checked in."""
    at = at or timezone.now()
    if side not in ARRIVING_SIDES:
        raise ValidationError({"side": _("Choose the exhibitor or the buyer.")})
    meeting = meeting_locked(meeting.pk, related=("pavilion__fair", "slot"))
    if meeting.status in (MeetingStatus.HELD, MeetingStatus.NO_SHOW):
        raise ValidationError(
            _("This meeting is already closed: it is marked %(status)s.")
            % {"status": meeting.get_status_display().lower()}
        )
    if meeting.status != MeetingStatus.SCHEDULED or meeting.slot is None:
        raise ValidationError(
            _("Only a scheduled meeting can be checked in; this one is %(status)s.")
            % {"status": meeting.get_status_display().lower()}
        )
    if meeting.published_at is None:
        raise ValidationError(
            _("This meeting's time is not published yet, so nobody can be checked in for it.")
        )
    fair = meeting.pavilion.fair
    day, today = fair.local(meeting.slot.starts_at).date(), fair.local(at).date()
    if day != today:
        raise ValidationError(
            _("This meeting is on %(day)s, not today (%(today)s).")
            % {"day": fair_time.date_text(day), "today": fair_time.date_text(today)}
        )
    earlier = arrival_of(
        MeetingEvent.objects.filter(meeting=meeting, action=CHECKED_IN).order_by("at", "pk"),
        side,
    )
    if earlier is not None:
        raise ValidationError(
            _("%(side)s was already checked in at %(time)s.")
            % {"side": _side_name(side), "time": fair.local_text(earlier["at"])}
        )
    late = minutes_late(meeting.slot.starts_at, at)
    event = meeting_record(
        meeting=meeting,
        action=CHECKED_IN,
        by=by,
        side=Side.ORGANISER,
        from_status=meeting.status,
        details={
            "side": str(side),
            "arrived_at": at.isoformat(),
            "late": bool(late),
            "minutes_late": late,
        },
    )
    audit.record(
        action="meeting.checked_in",
        obj=meeting,
        pavilion_id=meeting.pavilion_id,
        changes={"checked_in": [None, str(side)], "minutes_late": [None, late]},
        by=by,
    )
    return event


# --- the signed links of the printed schedule ------------------------------------------------


def _signed_value(meeting_id: int, side: str) -> str:
    return f"{meeting_id}:{side}"


def check_in_signature(meeting_id: int, side: str) -> str:
    """The signature of a check-in link: good for this meeting and side only. It does not
    expire: after the meeting's day the check-in itself is refused."""
    return signing.Signer(salt=SALT).signature(_signed_value(meeting_id, side))


def check_in_signed(meeting_id: int, side: str, signature: str) -> bool:
    """Whether ``signature`` was made for this meeting and side."""
    if side not in ARRIVING_SIDES:
        return False
    try:
        signing.Signer(salt=SALT).unsign(f"{_signed_value(meeting_id, side)}:{signature}")
    except signing.BadSignature:
        return False
    return True


def check_in_path(meeting_id: int, side: str) -> str:
    """The staff page that checks ``side`` in for the meeting (in the active language)."""
    return reverse(
        "meetings:check_in",
        kwargs={
            "meeting_pk": meeting_id,
            "side": side,
            "signature": check_in_signature(meeting_id, side),
        },
    )
