"""Participants' unavailability: slots in which an exhibitor or a buyer cannot meet anyone.

A change of availability never unbooks a meeting. The organisers' services save the change; the
meetings it affects are reported by ``meetings.selectors.conflicts`` (``unavailability_conflicts``,
and pavilion-wide ``availability_conflicts``) for the organiser to move or cancel. A participant
marking its own busy slots (``participant_busy_slots_set``) cannot mark a slot that holds one of
its published meetings: it asks the organiser to move the meeting instead.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from companies.models import SME, ForeignBuyer
from core import audit
from core.locks import waiting_at_most
from core.services import row_delete, row_save, unique_or_refused
from events.models import MeetingSlot, Pavilion

from ..models import ParticipantUnavailability
from ..selectors.conflicts import participant_registration, participant_unavailability_check
from ..selectors.participants import participant_lookup, published_meetings_in_slots


@transaction.atomic
def participant_unavailability_save(
    *,
    pavilion: Pavilion,
    slot: MeetingSlot,
    sme: SME | None = None,
    buyer: ForeignBuyer | None = None,
    note: str = "",
    unavailability: ParticipantUnavailability | None = None,
    by=None,
) -> ParticipantUnavailability:
    """Mark an exhibitor or a buyer unavailable in a slot, or change such a mark.

    Side effects: saves the mark; the scheduler no longer places the participant in the slot.
    A meeting already booked there stays booked: ``unavailability_conflicts`` names it, and the
    organiser moves or cancels it. Refused, with the field named, as
    ``participant_unavailability_check`` says.
    """
    stored = None
    if unavailability is not None and unavailability.pk:
        with waiting_at_most(
            _("Someone else is changing this unavailability right now; try again in a moment.")
        ):
            stored = (
                ParticipantUnavailability.objects.select_for_update()
                .filter(pk=unavailability.pk)
                .first()
            )
    participant_unavailability_check(
        pavilion=pavilion, slot=slot, sme=sme, buyer=buyer, unavailability=unavailability
    )
    unavailability = unavailability or ParticipantUnavailability()
    unavailability.pavilion, unavailability.slot = pavilion, slot
    unavailability.sme, unavailability.buyer, unavailability.note = sme, buyer, note
    with unique_or_refused(
        lambda: {
            "slot": _("%(who)s is already marked unavailable at %(slot)s.")
            % {"who": sme or buyer, "slot": pavilion.fair.local_text(slot.starts_at)}
        }
    ):
        row_save(
            obj=unavailability,
            subject="unavailability",
            codes=_codes,
            pavilion="pavilion_id",
            new="added",
            stored=stored,
            by=by,
        )
    return unavailability


def _codes(unavailability: ParticipantUnavailability) -> dict:
    """What the audit log keeps of a mark (its note by length)."""
    return audit.values(unavailability, ["pavilion", "slot", "sme", "buyer"], texts=["note"])


@transaction.atomic
def participant_unavailability_delete(
    *, unavailability: ParticipantUnavailability, by=None
) -> None:
    """Remove a mark: the participant can be scheduled in the slot again."""
    row_delete(
        obj=unavailability, subject="unavailability", codes=_codes, pavilion="pavilion_id", by=by
    )


@transaction.atomic
def participant_busy_slots_set(
    *,
    pavilion: Pavilion,
    slots: Iterable[MeetingSlot],
    sme: SME | None = None,
    buyer: ForeignBuyer | None = None,
    by=None,
) -> tuple[int, int]:
    """An exhibitor's or a buyer's staff say in which of the pavilion's slots their company
    cannot meet: its marks become exactly ``slots``. Returns how many were added and removed.

    Refused as a whole (nothing saved) for a company not taking part in the pavilion, a slot of
    another pavilion, or a new mark on a slot that holds one of the company's published
    meetings (named, with its time: the organiser moves or cancels a meeting, a mark never
    does). A meeting placed but not yet published is the organiser's to see: the mark is saved
    and ``availability_conflicts`` lists the meeting for them.

    Side effects: adds and removes ``ParticipantUnavailability`` rows, each audited
    (``unavailability.added`` / ``.deleted``); the scheduler no longer places the company in
    the marked slots.
    """
    participant = participant_lookup(sme=sme, buyer=buyer)
    rows, missing = participant_registration(pavilion, **participant)
    # Two colleagues saving at once: the second waits and then works from the first's marks.
    with waiting_at_most(
        _("A colleague is saving your busy slots right now; try again in a moment.")
    ):
        if rows.select_for_update().first() is None:
            raise ValidationError(missing)
    wanted = {slot.pk: slot for slot in slots}
    foreign = [slot for slot in wanted.values() if slot.pavilion_id != pavilion.pk]
    if foreign:
        raise ValidationError(
            {"slots": _("Choose among the slots of %(pavilion)s.") % {"pavilion": pavilion}}
        )
    marks = {
        mark.slot_id: mark
        for mark in ParticipantUnavailability.objects.filter(pavilion=pavilion, **participant)
    }
    added = [slot for pk, slot in wanted.items() if pk not in marks]
    booked = published_meetings_in_slots(pavilion, [slot.pk for slot in added], **participant)
    if booked:
        fair = pavilion.fair
        raise ValidationError(
            {
                "slots": [
                    _(
                        "%(slot)s holds your meeting with %(other)s: a slot with a meeting "
                        "cannot be marked busy. Ask the organiser to move or cancel the meeting "
                        "first."
                    )
                    % {
                        "slot": fair.local_text(wanted[slot_id].starts_at),
                        "other": meeting.buyer if sme is not None else meeting.sme,
                    }
                    for slot_id, meeting in sorted(
                        booked.items(), key=lambda item: wanted[item[0]].starts_at
                    )
                ]
            }
        )
    for slot in sorted(added, key=lambda slot: slot.starts_at):
        participant_unavailability_save(pavilion=pavilion, slot=slot, by=by, **participant)
    removed = [mark for slot_id, mark in marks.items() if slot_id not in wanted]
    for mark in removed:
        participant_unavailability_delete(unavailability=mark, by=by)
    return len(added), len(removed)
