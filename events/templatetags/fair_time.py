"""Template filters for times in a fair's zone: ``{{ meeting.slot|fair_slot }}``,
``{{ instant|fair_datetime:fair }}``, ``{{ day|fair_date }}`` (see ``events.fair_time``)."""

from django import template

from events import fair_time

register = template.Library()


@register.filter
def fair_datetime(instant, fair) -> str:
    """An instant in the fair's zone, with the zone's label; ``fair`` is a TradeFair or a zone."""
    if instant is None or fair is None:
        return ""
    return fair_time.datetime_text(instant, getattr(fair, "time_zone", fair))


@register.filter
def fair_slot(slot) -> str:
    """A meeting slot, start to end, in its pavilion's fair zone."""
    if slot is None:
        return ""
    return fair_time.slot_text(slot.starts_at, slot.ends_at, slot.pavilion.fair.time_zone)


@register.filter
def fair_date(day) -> str:
    return fair_time.date_text(day)
