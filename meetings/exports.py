"""A pavilion's schedule as CSV, and a participant's meetings as an iCalendar file.

Times are written in the fair's own time zone for people (CSV columns, descriptions) and in UTC
for calendar programs (DTSTART/DTEND), which show them in the reader's zone. Texts are in the
reader's language. CSV files are UTF-8 with a byte-order mark, which Excel (Japanese Excel too)
needs to read them as UTF-8; calendar files are rendered as text, never HTML-escaped.
"""

import csv
import io
from datetime import UTC, datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from companies.mail import render_text
from companies.names import person_name
from events.models import Pavilion

from .models import Meeting, MeetingStatus

CALENDAR_STATUSES = (MeetingStatus.SCHEDULED, MeetingStatus.HELD, MeetingStatus.NO_SHOW)


def scheduled_meetings(pavilion: Pavilion) -> QuerySet:
    return (
        Meeting.objects.filter(pavilion=pavilion, status__in=CALENDAR_STATUSES)
        .select_related(
            "sme", "buyer__country", "slot", "interpreter", "attendee", "proxy_attendee"
        )
        .order_by("slot__starts_at", "sme__name_en")
    )


def booths_of(pavilion: Pavilion) -> dict[int, str]:
    return dict(pavilion.exhibitor_registrations.exclude(booth="").values_list("sme_id", "booth"))


def meeting_location(meeting: Meeting, booths: dict[int, str]) -> str:
    if meeting.at_table:
        return _("Shared meeting table")
    booth = booths.get(meeting.sme_id)
    return _("Booth %(booth)s") % {"booth": booth} if booth else _("Exhibitor's booth")


#: Cells that a spreadsheet would run as a formula; written with a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: What Excel needs to open a CSV file as UTF-8, Japanese Excel included: a byte-order mark.
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_bytes(rows) -> bytes:
    """Rows as a CSV file that spreadsheets open correctly: UTF-8 with a byte-order mark (else
    Japanese Excel reads it as Shift_JIS and shows mojibake), CRLF line ends, and no cell that
    a spreadsheet would take for a formula."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return out.getvalue().encode("utf-8-sig")


def schedule_csv(pavilion: Pavilion) -> bytes:
    """Every meeting in a slot, one row each, in the fair's local time and the reader's
    language (country names, location, status)."""
    fair, booths = pavilion.fair, booths_of(pavilion)
    rows = [
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
            # Last, so that the columns before it stay where spreadsheets expect them.
            _("attending for the absent exhibitor (organiser)"),
        ]
    ]
    for meeting in scheduled_meetings(pavilion):
        start, end = fair.local(meeting.slot.starts_at), fair.local(meeting.slot.ends_at)
        rows.append(
            [
                f"{start:%Y-%m-%d}",
                f"{start:%H:%M}",
                f"{end:%H:%M}",
                fair.time_zone,
                meeting.sme.name_en,
                meeting.sme.name_ja,
                meeting_location(meeting, booths),
                meeting.buyer.name,
                meeting.buyer.country,
                meeting.interpreter or "",
                person_name(meeting.attendee) if meeting.attendee else "",
                meeting.get_status_display(),
                _("yes") if meeting.published_at else _("no"),
                person_name(meeting.proxy_attendee) if meeting.proxy_attendee else "",
            ]
        )
    return csv_bytes(rows)


def _escape(text) -> str:
    """RFC 5545 text: backslash, semicolon and comma escaped, line breaks as \\n."""
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
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
    """An iCalendar file of one participant's meetings; ``viewer`` is "sme" or "buyer".

    Rendered as text (``companies.mail.render_text``, no HTML escaping) from
    templates/calendar/meetings.ics; each value is escaped as iCalendar text and each line
    folded as RFC 5545 asks.
    """
    fair, booths = pavilion.fair, booths_of(pavilion)
    events = []
    for meeting in meetings:
        other = meeting.buyer if viewer == "sme" else meeting.sme
        details = [
            _("%(time)s, fair time") % {"time": fair.local_text(meeting.slot.starts_at)},
            meeting_location(meeting, booths),
        ]
        if meeting.interpreter:
            details.append(_("Interpreter: %(name)s") % {"name": meeting.interpreter})
        if meeting.attendee:
            details.append(
                _("Attending for %(sme)s: %(name)s")
                % {"sme": meeting.sme, "name": person_name(meeting.attendee)}
            )
        if meeting.proxy_attendee:
            details.append(
                _("Attending for %(sme)s, from the organiser: %(name)s")
                % {"sme": meeting.sme, "name": person_name(meeting.proxy_attendee)}
            )
        place = [meeting_location(meeting, booths), str(pavilion), fair.venue]
        events.append(
            {
                "uid": f"meeting-{meeting.pk}@japan-pavilion",
                "start": _utc(meeting.slot.starts_at),
                "end": _utc(meeting.slot.ends_at),
                "summary": _escape(_("Meeting with %(other)s") % {"other": other}),
                "location": _escape(", ".join(place)),
                "description": _escape("\n".join(details)),
            }
        )
    text = render_text(
        "calendar/meetings.ics",
        {
            "name": _escape(pavilion),
            "time_zone": fair.time_zone,
            "stamp": _utc(timezone.now()),
            "events": events,
        },
    )
    lines = [line.rstrip("\r") for line in text.split("\n")]
    return "\r\n".join(_fold(line) for line in lines if line.strip()) + "\r\n"


def participant_meetings(pavilion: Pavilion, *, sme=None, buyer=None) -> QuerySet:
    meetings = scheduled_meetings(pavilion)
    return meetings.filter(sme=sme) if sme is not None else meetings.filter(buyer=buyer)
