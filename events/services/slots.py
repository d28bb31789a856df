"""Writes on a pavilion's meeting slots: generated from its timetable, or set one by one by an
organiser in the admin."""

from django.db import transaction
from django.utils.translation import gettext as _

from core import audit

from .. import hooks
from ..models import MeetingSlot, Pavilion
from ..selectors import planned_slot_times
from .changes import delete_recorded, pavilion_locked, save_recorded


@transaction.atomic
def meeting_slots_generate(*, pavilion: Pavilion) -> dict[str, int]:
    """Create the pavilion's meeting slots from its timetable.

    Side effects: adds the slots that are missing; removes slots the timetable no longer has unless
    something uses them (an interpreter's availability or a meeting): those are kept.
    Returns the counts of slots created, removed and kept.
    Running it twice changes nothing.
    """
    pavilion = pavilion_locked(
        pavilion,
        busy=_(
            "Another organiser is changing this pavilion's meeting slots right now; try again in "
            "a moment."
        ),
    )
    planned = planned_slot_times(pavilion)
    existing = {slot.starts_at: slot for slot in pavilion.slots.all()}
    wanted = {start for start, _end in planned}
    created = [
        MeetingSlot(pavilion=pavilion, starts_at=s, ends_at=e)
        for s, e in planned
        if s not in existing
    ]
    MeetingSlot.objects.bulk_create(created)
    # A new slot length keeps some starts: such a slot takes its new end, unless a meeting is in it.
    ends = dict(planned)
    resized = [
        s for s in existing.values() if s.starts_at in ends and s.ends_at != ends[s.starts_at]
    ]
    booked = set().union(*hooks.slots_in_use([slot.pk for slot in resized]))
    resized = [slot for slot in resized if slot.pk not in booked]
    for slot in resized:
        slot.ends_at = ends[slot.starts_at]
    MeetingSlot.objects.bulk_update(resized, ["ends_at"])
    stale = [slot for start, slot in existing.items() if start not in wanted]
    in_use = set().union(*hooks.slots_in_use([slot.pk for slot in stale]))
    removable = [s.pk for s in stale if not (s.pk in in_use or s.interpreters.exists())]
    MeetingSlot.objects.filter(pk__in=removable).delete()
    audit.record(
        action="pavilion.slots.generated",
        obj=pavilion,
        pavilion_id=pavilion.pk,
        changes={"slots": [len(existing), len(existing) + len(created) - len(removable)]},
    )
    return {
        "created": len(created),
        "removed": len(removable),
        "kept": len(stale) - len(removable),
        "total": len(planned),
    }


def _slot_codes(slot: MeetingSlot) -> dict:
    return audit.values(slot, ["pavilion", "starts_at", "ends_at"])


@transaction.atomic
def meeting_slot_save(*, slot: MeetingSlot, by=None) -> MeetingSlot:
    """Save one slot as an organiser set it in the admin (new or changed); records
    ``slot.added`` or ``slot.changed`` with the times that changed."""
    return save_recorded(slot, subject="slot", codes=_slot_codes, by=by)


@transaction.atomic
def meeting_slot_delete(*, slot: MeetingSlot, by=None) -> None:
    """Remove one slot (and the interpreters' availability in it); the audit log keeps what the
    slot was."""
    delete_recorded(slot, subject="slot", codes=_slot_codes, by=by)
