"""The meetings a change of a pavilion's rules would contradict (``events.hooks
.pavilion_rule_conflicts``, asked by ``events.services.rules``).

Each rule is checked in SQL in two queries whatever the number of meetings: a window function
counts each meeting's group (its exhibitor's or buyer's meetings, a participant's meetings on
one fair day, the shared tables taken in its slot, a requester's open requests), one query
reads the first meetings of the groups past the new value as plain values, the other counts
them all and finds the largest group (the lowest value they allow).
"""

from django.db.models import Case, Count, F, Max, QuerySet, Value, When, Window
from django.db.models.functions import Greatest, TruncDate
from django.utils.translation import gettext as _

from companies.bilingual import in_active_language
from events.hooks import RuleConflict
from events.models import Pavilion, Side

from ..models import BOOKED_STATUSES, COMMITTED_STATUSES, Meeting, MeetingStatus

#: How many meetings a conflict names; the rest are counted.
NAMED = 10


def _meetings(pavilion: Pavilion, **lookups) -> QuerySet:
    return Meeting.objects.filter(pavilion=pavilion, **lookups).order_by()


def _over(meetings: QuerySet, group, value: int | None) -> QuerySet:
    """The meetings whose group (a window expression) counts more than ``value``; all of them
    when ``value`` is None (a rule that no meeting may be under)."""
    meetings = meetings.annotate(group_size=group)
    return meetings if value is None else meetings.filter(group_size__gt=value)


def _counted(*partition) -> Window:
    return Window(Count("pk"), partition_by=list(partition))


def _day(pavilion: Pavilion) -> TruncDate:
    """A meeting's day at the fair: its slot's date in the fair's zone."""
    return TruncDate("slot__starts_at", tzinfo=pavilion.fair.tz)


def _per_exhibitor(pavilion, value):
    return _over(_meetings(pavilion, status__in=COMMITTED_STATUSES), _counted(F("sme_id")), value)


def _per_buyer(pavilion, value):
    return _over(_meetings(pavilion, status__in=COMMITTED_STATUSES), _counted(F("buyer_id")), value)


def _per_day(pavilion, value):
    day = _day(pavilion)
    busiest = Greatest(_counted(F("sme_id"), day), _counted(F("buyer_id"), day))
    return _over(_meetings(pavilion, status__in=BOOKED_STATUSES), busiest, value)


def _open_requests(pavilion, value):
    # Only an exhibitor's or a buyer's own requests count (``_check_open_request_cap``).
    requester = Case(
        When(requested_by_side=Side.EXHIBITOR, then=F("sme_id")), default=F("buyer_id")
    )
    requests = _meetings(
        pavilion,
        status=MeetingStatus.REQUESTED,
        requested_by_side__in=(Side.EXHIBITOR, Side.BUYER),
    )
    return _over(requests, _counted(F("requested_by_side"), requester), value)


def _shared_tables(pavilion, value):
    at_tables = _meetings(pavilion, status__in=BOOKED_STATUSES, at_table=True)
    return _over(at_tables, _counted(F("slot_id")), value)


def _in_slots(pavilion, value):
    # Any new length leaves the booked meetings in slots of the old one: each counts.
    return _over(_meetings(pavilion, slot__isnull=False), Value(1), None)


#: rule -> the meetings a new value of it contradicts
CHECKS = {
    "max_meetings_per_exhibitor": _per_exhibitor,
    "max_meetings_per_buyer": _per_buyer,
    "max_meetings_per_day": _per_day,
    "max_open_requests": _open_requests,
    "shared_tables": _shared_tables,
    "slot_minutes": _in_slots,
}


def _lowered(pavilion: Pavilion, field: str, value) -> bool:
    """Whether ``value`` could contradict meetings the rule's current value allows."""
    if field == "slot_minutes":
        return value != pavilion.slot_minutes
    current = getattr(pavilion, field)
    # A daily limit of None is no limit: setting one may contradict, removing one never does.
    return value is not None and (current is None or value < current)


def _meeting_text(row: dict, pavilion: Pavilion) -> str:
    pair = "{} ↔ {}".format(
        in_active_language(row["sme__name_en"], row["sme__name_ja"]), row["buyer__name"]
    )
    if row["slot__starts_at"] is None:
        return _("%(meeting)s (%(status)s)") % {
            "meeting": pair,
            "status": MeetingStatus(row["status"]).label,
        }
    return _("%(meeting)s at %(when)s") % {
        "meeting": pair,
        "when": pavilion.fair.local_text(row["slot__starts_at"]),
    }


def _conflict(pavilion: Pavilion, field: str, meetings: QuerySet) -> RuleConflict | None:
    rows = list(
        meetings.order_by(F("slot__starts_at").asc(nulls_last=True), "sme__name_en", "pk").values(
            "sme__name_en", "sme__name_ja", "buyer__name", "slot__starts_at", "status"
        )[:NAMED]
    )
    if not rows:
        return None
    figures = meetings.aggregate(total=Count("pk"), least=Max("group_size"))
    return RuleConflict(
        field=field,
        meetings=tuple(_meeting_text(row, pavilion) for row in rows),
        total=figures["total"],
        least=None if field == "slot_minutes" else figures["least"],
    )


def pavilion_rule_conflicts(pavilion: Pavilion, changes: dict) -> list[RuleConflict]:
    """For each rule of ``changes`` (field -> new value) that the pavilion's meetings
    contradict, those meetings: two queries a rule changed, none for a rule raised."""
    conflicts = []
    for field, check in CHECKS.items():
        if field in changes and _lowered(pavilion, field, changes[field]):
            conflict = _conflict(pavilion, field, check(pavilion, changes[field]))
            if conflict is not None:
                conflicts.append(conflict)
    return conflicts
