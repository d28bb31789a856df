"""Participants' unavailability: slots in which an exhibitor or a buyer cannot meet anyone.

A change of availability never unbooks a meeting. The services save the change; the meetings it
affects are reported by ``unavailability_conflicts`` (and, pavilion-wide, by
``scheduling.availability_conflicts``) for the organiser to move or cancel.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from companies.models import SME, ForeignBuyer
from core import audit
from events.models import (
    BuyerRegistration,
    BuyerRegistrationStatus,
    ExhibitorRegistration,
    MeetingSlot,
    Pavilion,
    RegistrationStatus,
)

from ..models import Meeting, MeetingStatus, ParticipantUnavailability


def participant_unavailability_check(
    *,
    pavilion: Pavilion,
    slot: MeetingSlot,
    sme: SME | None = None,
    buyer: ForeignBuyer | None = None,
    unavailability: ParticipantUnavailability | None = None,
) -> None:
    """Raise the errors saving this unavailability would meet, keyed by field: not exactly one
    participant, a participant who does not take part in the pavilion, a slot of another
    pavilion, or a slot already marked for the participant."""
    errors: dict[str, str] = {}
    if (sme is None) == (buyer is None):
        message = _("Name either the exhibitor or the buyer who is unavailable, not both.")
        errors = {"sme": message, "buyer": message}
    elif sme is not None:
        exhibits = ExhibitorRegistration.objects.filter(
            pavilion=pavilion, sme=sme, status=RegistrationStatus.ACCEPTED
        )
        if not exhibits.exists():
            errors["sme"] = _("%(sme)s is not an accepted exhibitor of %(pavilion)s.") % {
                "sme": sme,
                "pavilion": pavilion,
            }
    else:
        registered = BuyerRegistration.objects.filter(
            pavilion=pavilion, buyer=buyer, status=BuyerRegistrationStatus.REGISTERED
        )
        if not registered.exists():
            errors["buyer"] = _("%(buyer)s is not registered for %(pavilion)s.") % {
                "buyer": buyer,
                "pavilion": pavilion,
            }
    if slot.pavilion_id != pavilion.pk:
        # Named by its time, as people know it (the other pavilion stays unnamed: it may be
        # another organiser's).
        errors["slot"] = _(
            "The slot %(slot)s is not a slot of %(pavilion)s; choose among its own slots."
        ) % {"slot": slot, "pavilion": pavilion}
    elif not errors:
        same = ParticipantUnavailability.objects.filter(
            slot=slot, **({"sme": sme} if sme is not None else {"buyer": buyer})
        )
        if unavailability is not None and unavailability.pk:
            same = same.exclude(pk=unavailability.pk)
        if same.exists():
            errors["slot"] = _("%(who)s is already marked unavailable at %(slot)s.") % {
                "who": sme or buyer,
                "slot": pavilion.fair.local_text(slot.starts_at),
            }
    if errors:
        raise ValidationError(errors)


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
    before = {}
    if unavailability is not None and unavailability.pk:
        stored = (
            ParticipantUnavailability.objects.select_for_update()
            .filter(pk=unavailability.pk)
            .first()
        )
        before = _codes(stored) if stored is not None else {}
    participant_unavailability_check(
        pavilion=pavilion, slot=slot, sme=sme, buyer=buyer, unavailability=unavailability
    )
    unavailability = unavailability or ParticipantUnavailability()
    unavailability.pavilion, unavailability.slot = pavilion, slot
    unavailability.sme, unavailability.buyer, unavailability.note = sme, buyer, note
    try:
        with transaction.atomic():
            unavailability.save()
    except IntegrityError:
        # The same mark was saved by another request between our check and our write.
        raise ValidationError(
            {
                "slot": _("%(who)s is already marked unavailable at %(slot)s.")
                % {"who": sme or buyer, "slot": pavilion.fair.local_text(slot.starts_at)}
            }
        ) from None
    changes = audit.changed(before, _codes(unavailability))
    if changes:
        audit.record(
            action="unavailability.changed" if before else "unavailability.added",
            obj=unavailability,
            pavilion_id=pavilion.pk,
            changes=changes,
        )
    return unavailability


def _codes(unavailability: ParticipantUnavailability) -> dict:
    """What the audit log keeps of a mark (its note by length)."""
    return audit.values(unavailability, ["pavilion", "slot", "sme", "buyer"], texts=["note"])


@transaction.atomic
def participant_unavailability_delete(*, unavailability: ParticipantUnavailability) -> None:
    """Remove a mark: the participant can be scheduled in the slot again."""
    audit.record(
        action="unavailability.deleted",
        obj=unavailability,
        pavilion_id=unavailability.pavilion_id,
        changes=audit.removed(_codes(unavailability)),
    )
    unavailability.delete()


def unavailability_conflicts(
    *, unavailability: ParticipantUnavailability
) -> list[tuple[Meeting, str]]:
    """The scheduled meetings this mark conflicts with, each with the reason in words (the same
    conflicts the schedule page lists, see ``availability_conflicts``)."""
    participant = (
        {"sme_id": unavailability.sme_id}
        if unavailability.sme_id
        else {"buyer_id": unavailability.buyer_id}
    )
    booked = Meeting.objects.filter(
        pavilion_id=unavailability.pavilion_id,
        slot_id=unavailability.slot_id,
        status=MeetingStatus.SCHEDULED,
        **participant,
    ).select_related("sme", "buyer", "slot", "pavilion__fair")
    return [
        (
            meeting,
            _("%(who)s is not available at %(slot)s.")
            % {
                "who": meeting.sme if unavailability.sme_id else meeting.buyer,
                "slot": meeting.pavilion.fair.local_text(meeting.slot.starts_at),
            },
        )
        for meeting in booked.order_by("pk")
    ]
