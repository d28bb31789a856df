"""A pavilion's schedule as CSV, and a participant's meetings as an iCalendar file.

Times are written in the fair's own time zone for people (CSV columns, descriptions) and in UTC
for calendar programs (DTSTART/DTEND), which show them in the reader's zone.
"""

import csv
import io
from datetime import UTC, datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from companies.names import person_name
from events.models import Pavilion

from .models import Meeting, MeetingStatus

CALENDAR_STATUSES = (MeetingStatus.SCHEDULED, MeetingStatus.HELD, MeetingStatus.NO_SHOW)


def scheduled_meetings(pavilion: Pavilion) -> QuerySet:
    return (
        Meeting.objects.filter(pavilion=pavilion, status__in=CALENDAR_STATUSES)
        .select_related("sme", "buyer__country", "slot", "interpreter", "attendee")
        .order_by("slot__starts_at", "sme__name_en")
    )


def _booths(pavilion: Pavilion) -> dict[int, str]:
    return dict(pavilion.exhibitor_registrations.exclude(booth="").values_list("sme_id", "booth"))


def _location(meeting: Meeting, booths: dict[int, str]) -> str:
    if meeting.at_table:
        return _("Shared meeting table")
    booth = booths.get(meeting.sme_id)
    return _("Booth %(booth)s") % {"booth": booth} if booth else _("Exhibitor's booth")


def schedule_csv(pavilion: Pavilion) -> str:
    """Every meeting in a slot, one row each, in the fair's local time."""
    fair, booths = pavilion.fair, _booths(pavilion)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            _("date"),
            _("start"),
            _("end"),
            _("time zone"),
            _("exhibitor"),
            _("exhibitor (Japanese)"),
            _("location"),
            _("buyer"),
            _("country"),
            _("interpreter"),
            _("attending for the exhibitor"),
            _("status"),
            _("published"),
        ]
    )
    for meeting in scheduled_meetings(pavilion):
        start, end = fair.local(meeting.slot.starts_at), fair.local(meeting.slot.ends_at)
        writer.writerow(
            [
                f"{start:%Y-%m-%d}",
                f"{start:%H:%M}",
                f"{end:%H:%M}",
                fair.time_zone,
                meeting.sme.name_en,
                meeting.sme.name_ja,
                _location(meeting, booths),
                meeting.buyer.name,
                meeting.buyer.country.code,
                meeting.interpreter or "",
                person_name(meeting.attendee) if meeting.attendee else "",
                meeting.get_status_display(),
                _("yes") if meeting.published_at else _("no"),
            ]
        )
    return out.getvalue()


def _escape(text: str) -> str:
    return (
        str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """RFC 5545: lines longer than 75 octets continue on the next line after a space."""
    encoded, parts = line.encode(), []
    while len(encoded) > 75:
        cut = 75 if not parts else 74
        while (encoded[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(encoded[:cut].decode())
        encoded = encoded[cut:]
    parts.append(encoded.decode())
    return "\r\n ".join(parts)


def _utc(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def participant_calendar(pavilion: Pavilion, meetings, *, viewer: str) -> str:
    """An iCalendar file of one participant's meetings; ``viewer`` is "sme" or "buyer"."""
    fair, booths = pavilion.fair, _booths(pavilion)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Japan Pavilion matchmaking//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(str(pavilion))}",
        f"X-WR-TIMEZONE:{fair.time_zone}",
    ]
    stamp = _utc(timezone.now())
    for meeting in meetings:
        other = meeting.buyer if viewer == "sme" else meeting.sme
        details = [
            _("%(time)s, fair time") % {"time": fair.local_text(meeting.slot.starts_at)},
            _location(meeting, booths),
        ]
        if meeting.interpreter:
            details.append(_("Interpreter: %(name)s") % {"name": meeting.interpreter})
        if meeting.attendee:
            details.append(
                _("Attending for %(sme)s: %(name)s")
                % {"sme": meeting.sme, "name": person_name(meeting.attendee)}
            )
        place = [_location(meeting, booths), str(pavilion), fair.venue]
        lines += [
            "BEGIN:VEVENT",
            f"UID:meeting-{meeting.pk}@japan-pavilion",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_utc(meeting.slot.starts_at)}",
            f"DTEND:{_utc(meeting.slot.ends_at)}",
            f"SUMMARY:{_escape(_('Meeting with %(other)s') % {'other': other})}",
            f"LOCATION:{_escape(', '.join(place))}",
            f"DESCRIPTION:{_escape(chr(10).join(details))}",
            "STATUS:CONFIRMED",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def participant_meetings(pavilion: Pavilion, *, sme=None, buyer=None) -> QuerySet:
    meetings = scheduled_meetings(pavilion)
    return meetings.filter(sme=sme) if sme is not None else meetings.filter(buyer=buyer)
