"""Times as people at a fair read them: in the fair's own zone, in one format per language.

The formats themselves are the per-language ``DATE_FORMAT``/``DATETIME_FORMAT`` of
``config/formats/`` (Japanese: 2027年11月15日(月) 10:30; English: Mon 15 Nov 2027, 10:30), so
templates using ``|date:"DATETIME_FORMAT"`` inside ``{% timezone fair.time_zone %}`` agree with
the text made here. Every time shown to a person carries its zone's label, named one way
everywhere: the zone's abbreviation (CET, CEST, GST) or, where the zone has none, its UTC offset.
"""

import zoneinfo
from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.formats import date_format


def zone_label(local: datetime) -> str:
    """CET, CEST, HKT; UTC+4 for a zone whose abbreviation is only an offset ("+04")."""
    name = local.tzname() or ""
    if name and name[0].isalpha():
        return name
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def _local(instant: datetime, tz: zoneinfo.ZoneInfo | str) -> datetime:
    return timezone.localtime(instant, zoneinfo.ZoneInfo(tz) if isinstance(tz, str) else tz)


def datetime_text(instant: datetime | None, tz: zoneinfo.ZoneInfo | str) -> str:
    """An instant in ``tz``, in the active language, with the zone: 2027年11月15日(月) 10:30 CET."""
    if instant is None:
        return ""
    local = _local(instant, tz)
    return f"{date_format(local, 'DATETIME_FORMAT')} {zone_label(local)}"


def slot_text(start: datetime, end: datetime, tz: zoneinfo.ZoneInfo | str) -> str:
    """A slot in ``tz``: 2027年11月15日(月) 10:30–11:00 CET (the end's date when it differs)."""
    local_start, local_end = _local(start, tz), _local(end, tz)
    end_format = "TIME_FORMAT" if local_end.date() == local_start.date() else "DATETIME_FORMAT"
    return (
        f"{date_format(local_start, 'DATETIME_FORMAT')}–{date_format(local_end, end_format)} "
        f"{zone_label(local_start)}"
    )


def date_text(day: date | datetime | None) -> str:
    """A day in the active language: 2027年11月15日(月), Mon 15 Nov 2027."""
    return date_format(day, "DATE_FORMAT") if day else ""
