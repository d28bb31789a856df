"""What a placement or a participant's unavailability would conflict with, in words.

Placing a meeting by hand is refused with every rule of the contract it breaks
(``placement_violations``). A change of availability never unbooks a meeting: the booked
meetings it affects are listed (``unavailability_conflicts``, pavilion-wide
``availability_conflicts``) for the organiser to move or cancel.
"""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from companies.models import SME, ForeignBuyer
from events import fair_time
from events.models import (
    BuyerAttendanceDay,
    BuyerRegistration,
    BuyerRegistrationStatus,
    ExhibitorRegistration,
    Interpreter,
    MeetingSlot,
    Pavilion,
    RegistrationStatus,
)

from ..models import BOOKED_STATUSES, Meeting, MeetingStatus, ParticipantUnavailability
from .scheduling import buyer_key, participant_availability, sme_key


def placement_violations(
    *, meeting: Meeting, slot: MeetingSlot, interpreter: Interpreter | None
) -> list[str]:
    """Every rule of the contract that placing ``meeting`` in ``slot`` would break, in words
    that name who, which slot and which rule."""
    pavilion, fair = meeting.pavilion, meeting.pavilion.fair
    when = fair.local_text(slot.starts_at)
    if slot.pavilion_id != pavilion.pk:
        return [_("The slot %(slot)s belongs to another pavilion.") % {"slot": when}]
    problems = []
    day = fair.local(slot.starts_at).date()
    blocked = ParticipantUnavailability.objects.filter(pavilion=pavilion, slot=slot)
    if blocked.filter(sme=meeting.sme).exists():
        problems.append(_not_available(meeting.sme, when))
    attends = BuyerAttendanceDay.objects.filter(
        registration__pavilion=pavilion, registration__buyer=meeting.buyer, day=day
    ).exists()
    if not attends or blocked.filter(buyer=meeting.buyer).exists():
        problems.append(_not_available(meeting.buyer, when))
    booked = Meeting.objects.filter(slot=slot, status__in=BOOKED_STATUSES).exclude(pk=meeting.pk)
    for party, lookup in ((meeting.sme, "sme"), (meeting.buyer, "buyer")):
        other = booked.filter(**{lookup: party}).select_related("sme", "buyer").first()
        if other is not None:
            problems.append(
                _("%(who)s already meets %(other)s at %(slot)s: one meeting per slot.")
                % {
                    "who": party,
                    "other": other.buyer if lookup == "sme" else other.sme,
                    "slot": when,
                }
            )
    if pavilion.max_meetings_per_day:
        for party, lookup in ((meeting.sme, "sme"), (meeting.buyer, "buyer")):
            starts = (
                Meeting.objects.filter(
                    pavilion=pavilion, status__in=BOOKED_STATUSES, **{lookup: party}
                )
                .exclude(pk=meeting.pk)
                .values_list("slot__starts_at", flat=True)
            )
            count = sum(1 for start in starts if fair.local(start).date() == day)
            if count >= pavilion.max_meetings_per_day:
                problems.append(
                    _("%(who)s already has %(count)s meetings on %(day)s, the daily limit.")
                    % {"who": party, "count": count, "day": fair_time.date_text(day)}
                )
    problems += _interpreter_violations(meeting, slot, interpreter, booked, when)
    if meeting.at_table:
        tables = booked.filter(at_table=True).count()
        if tables >= pavilion.shared_tables:
            problems.append(
                _("All %(tables)s shared tables are taken at %(slot)s.")
                % {"tables": pavilion.shared_tables, "slot": when}
            )
    return problems


def _interpreter_violations(meeting, slot, interpreter, booked, when) -> list[str]:
    pair = meeting.interpreter_pair
    if pair is None:
        if interpreter is not None:
            return [
                _("%(sme)s and %(buyer)s share a language and need no interpreter.")
                % {"sme": meeting.sme, "buyer": meeting.buyer}
            ]
        return []
    if interpreter is None:
        return [_("This meeting needs an interpreter for %(pair)s.") % {"pair": "–".join(pair)}]
    problems = []
    languages = set(interpreter.languages.values_list("code", flat=True))
    if not set(pair) <= languages:
        problems.append(
            _("%(who)s does not interpret %(pair)s.") % {"who": interpreter, "pair": "–".join(pair)}
        )
    if not interpreter.available_slots.filter(pk=slot.pk).exists():
        problems.append(_not_available(interpreter, when))
    other = booked.filter(interpreter=interpreter).select_related("sme", "buyer").first()
    if other is not None:
        problems.append(
            _("%(who)s already interprets %(other)s at %(slot)s.")
            % {"who": interpreter, "other": other, "slot": when}
        )
    return problems


def availability_conflicts(pavilion: Pavilion) -> list[tuple[Meeting, str]]:
    """Booked meetings whose slot a participant can no longer attend; never unbooked silently."""
    slots = list(pavilion.slots.all())
    blocked, attending, slot_days = participant_availability(pavilion, slots)
    conflicts = []
    booked = Meeting.objects.filter(pavilion=pavilion, status=MeetingStatus.SCHEDULED)
    for meeting in booked.select_related("sme", "buyer", "slot", "pavilion__fair"):
        when = pavilion.fair.local_text(meeting.slot.starts_at)
        sme, buyer = sme_key(meeting.sme_id), buyer_key(meeting.buyer_id)
        if meeting.slot_id in blocked[sme]:
            conflicts.append(
                (
                    meeting,
                    _not_available(meeting.sme, when),
                )
            )
        if meeting.slot_id in blocked[buyer] or slot_days[meeting.slot_id] not in attending[buyer]:
            conflicts.append(
                (
                    meeting,
                    _not_available(meeting.buyer, when),
                )
            )
    return conflicts


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
            _not_available(
                meeting.sme if unavailability.sme_id else meeting.buyer,
                meeting.pavilion.fair.local_text(meeting.slot.starts_at),
            ),
        )
        for meeting in booked.order_by("pk")
    ]


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
    else:
        registration, missing = participant_registration(pavilion, sme=sme, buyer=buyer)
        if not registration.exists():
            errors["sme" if sme is not None else "buyer"] = missing
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


def participant_registration(
    pavilion: Pavilion, *, sme: SME | None = None, buyer: ForeignBuyer | None = None
) -> tuple[QuerySet, str]:
    """The registration that makes ``sme`` an accepted exhibitor of the pavilion (or ``buyer`` a
    registered buyer), as rows to test or lock, and the sentence that says there is none."""
    if sme is not None:
        rows = ExhibitorRegistration.objects.filter(
            pavilion=pavilion, sme=sme, status=RegistrationStatus.ACCEPTED
        )
        return rows, _("%(sme)s is not an accepted exhibitor of %(pavilion)s.") % {
            "sme": sme,
            "pavilion": pavilion,
        }
    rows = BuyerRegistration.objects.filter(
        pavilion=pavilion, buyer=buyer, status=BuyerRegistrationStatus.REGISTERED
    )
    return rows, _("%(buyer)s is not registered for %(pavilion)s.") % {
        "buyer": buyer,
        "pavilion": pavilion,
    }


def _not_available(who, when: str) -> str:
    return _("%(who)s is not available at %(slot)s.") % {"who": who, "slot": when}
