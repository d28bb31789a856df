"""Participants' unavailability: slots in which an exhibitor or a buyer cannot meet anyone.

A change of availability never unbooks a meeting. The services save the change; the meetings it
affects are reported by ``meetings.selectors.conflicts`` (``unavailability_conflicts``, and
pavilion-wide ``availability_conflicts``) for the organiser to move or cancel.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from companies.models import SME, ForeignBuyer
from core import audit
from core.locks import waiting_at_most
from core.services import row_delete, row_save, unique_or_refused
from events.models import MeetingSlot, Pavilion

from ..models import ParticipantUnavailability
from ..selectors.conflicts import participant_unavailability_check


@transaction.atomic
def participant_unavailability_save(
    *,
    pavilion: Pavilion,
    slot: MeetingSlot,
    sme: SME | None = None,
    buyer: ForeignBuyer | None = None,
    note: str = "",
    unavailability: ParticipantUnavailability | None = None,
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
        )
    return unavailability


def _codes(unavailability: ParticipantUnavailability) -> dict:
    """What the audit log keeps of a mark (its note by length)."""
    return audit.values(unavailability, ["pavilion", "slot", "sme", "buyer"], texts=["note"])


@transaction.atomic
def participant_unavailability_delete(*, unavailability: ParticipantUnavailability) -> None:
    """Remove a mark: the participant can be scheduled in the slot again."""
    row_delete(obj=unavailability, subject="unavailability", codes=_codes, pavilion="pavilion_id")
