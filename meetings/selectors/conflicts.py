"""What a placement or a participant's unavailability would conflict with, in words.

Placing a meeting by hand is refused with every rule of the contract it breaks
(``placement_violations``). A change of availability never unbooks a meeting: the booked
meetings it affects are listed (``unavailability_conflicts``, pavilion-wide
``availability_conflicts``) for the organiser to move or cancel.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
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


@dataclass
class PlacementFacts:
    """What the placement rules read about one meeting over a set of slots, loaded in a fixed
    number of queries (``placement_facts``) so one slot or a whole grid cost the same."""

    blocked: dict[str, set[int]]
    attending: set
    booked: dict[int, list[Meeting]]
    per_day: dict[tuple[str, object], int]
    interpreters: dict[int, tuple[set[str], set[int]]]
    slot_days: dict[int, object] = field(default_factory=dict)


def placement_facts(
    *, meeting: Meeting, slots: list[MeetingSlot], interpreters: list[Interpreter]
) -> PlacementFacts:
    """The facts ``placement_rules`` needs to place ``meeting`` in any of ``slots`` with any of
    ``interpreters``: at most six queries, whatever the number of slots."""
    pavilion, fair = meeting.pavilion, meeting.pavilion.fair
    slot_ids = [slot.pk for slot in slots]
    blocked: dict[str, set[int]] = {"sme": set(), "buyer": set()}
    for sme_id, slot_id in ParticipantUnavailability.objects.filter(
        Q(sme_id=meeting.sme_id) | Q(buyer_id=meeting.buyer_id),
        pavilion=pavilion,
        slot_id__in=slot_ids,
    ).values_list("sme_id", "slot_id"):
        blocked["sme" if sme_id else "buyer"].add(slot_id)
    attending = set(
        BuyerAttendanceDay.objects.filter(
            registration__pavilion=pavilion, registration__buyer_id=meeting.buyer_id
        ).values_list("day", flat=True)
    )
    involved = Q(sme_id=meeting.sme_id) | Q(buyer_id=meeting.buyer_id)
    if interpreters:
        involved |= Q(interpreter_id__in=[interpreter.pk for interpreter in interpreters])
    if meeting.at_table:
        involved |= Q(at_table=True)
    booked: dict[int, list[Meeting]] = defaultdict(list)
    for other in (
        Meeting.objects.filter(involved, slot_id__in=slot_ids, status__in=BOOKED_STATUSES)
        .exclude(pk=meeting.pk)
        .select_related("sme", "buyer")
    ):
        booked[other.slot_id].append(other)
    per_day: dict[tuple[str, object], int] = defaultdict(int)
    if pavilion.max_meetings_per_day:
        for sme_id, buyer_id, start in (
            Meeting.objects.filter(
                Q(sme_id=meeting.sme_id) | Q(buyer_id=meeting.buyer_id),
                pavilion=pavilion,
                status__in=BOOKED_STATUSES,
            )
            .exclude(pk=meeting.pk)
            .values_list("sme_id", "buyer_id", "slot__starts_at")
        ):
            day = fair.local(start).date() if start else None
            if sme_id == meeting.sme_id:
                per_day["sme", day] += 1
            if buyer_id == meeting.buyer_id:
                per_day["buyer", day] += 1
    speaks: dict[int, tuple[set[str], set[int]]] = {i.pk: (set(), set()) for i in interpreters}
    if interpreters:
        through = Interpreter.languages.through.objects.filter(interpreter_id__in=list(speaks))
        for interpreter_id, code in through.values_list("interpreter_id", "language__code"):
            speaks[interpreter_id][0].add(code)
        through = Interpreter.available_slots.through.objects.filter(
            interpreter_id__in=list(speaks), meetingslot_id__in=slot_ids
        )
        for interpreter_id, slot_id in through.values_list("interpreter_id", "meetingslot_id"):
            speaks[interpreter_id][1].add(slot_id)
    return PlacementFacts(
        blocked=blocked,
        attending=attending,
        booked=booked,
        per_day=per_day,
        interpreters=speaks,
        slot_days={slot.pk: fair.local(slot.starts_at).date() for slot in slots},
    )


def placement_violations(
    *, meeting: Meeting, slot: MeetingSlot, interpreter: Interpreter | None
) -> list[str]:
    """Every rule of the contract that placing ``meeting`` in ``slot`` would break, in words
    that name who, which slot and which rule."""
    if slot.pavilion_id != meeting.pavilion_id:
        when = meeting.pavilion.fair.local_text(slot.starts_at)
        return [_("The slot %(slot)s belongs to another pavilion.") % {"slot": when}]
    facts = placement_facts(
        meeting=meeting, slots=[slot], interpreters=[interpreter] if interpreter else []
    )
    return placement_rules(meeting=meeting, slot=slot, interpreter=interpreter, facts=facts)


def placement_rules(
    *, meeting: Meeting, slot: MeetingSlot, interpreter: Interpreter | None, facts: PlacementFacts
) -> list[str]:
    """The rules of ``placement_violations`` over facts already loaded, for a slot of the
    meeting's pavilion (no query: a grid asks this for every slot)."""
    pavilion, fair = meeting.pavilion, meeting.pavilion.fair
    when = fair.local_text(slot.starts_at)
    problems = []
    day = facts.slot_days[slot.pk]
    if slot.pk in facts.blocked["sme"]:
        problems.append(_not_available(meeting.sme, when))
    if day not in facts.attending or slot.pk in facts.blocked["buyer"]:
        problems.append(_not_available(meeting.buyer, when))
    booked = facts.booked.get(slot.pk, [])
    for party, lookup in ((meeting.sme, "sme"), (meeting.buyer, "buyer")):
        other = next(
            (m for m in booked if getattr(m, f"{lookup}_id") == party.pk and m.holds(lookup)),
            None,
        )
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
            count = facts.per_day[lookup, day]
            if count >= pavilion.max_meetings_per_day:
                problems.append(
                    _("%(who)s already has %(count)s meetings on %(day)s, the daily limit.")
                    % {"who": party, "count": count, "day": fair_time.date_text(day)}
                )
    problems += _interpreter_violations(meeting, slot, interpreter, facts, when)
    if meeting.at_table:
        tables = sum(1 for other in booked if other.at_table and other.holds("table"))
        if tables >= pavilion.shared_tables:
            problems.append(
                _("All %(tables)s shared tables are taken at %(slot)s.")
                % {"tables": pavilion.shared_tables, "slot": when}
            )
    return problems


def _interpreter_violations(meeting, slot, interpreter, facts, when) -> list[str]:
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
    languages, available = facts.interpreters[interpreter.pk]
    if not set(pair) <= languages:
        problems.append(
            _("%(who)s does not interpret %(pair)s.") % {"who": interpreter, "pair": "–".join(pair)}
        )
    if slot.pk not in available:
        problems.append(_not_available(interpreter, when))
    booked = facts.booked.get(slot.pk, [])
    other = next(
        (m for m in booked if m.interpreter_id == interpreter.pk and m.holds("interpreter")),
        None,
    )
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
    booked = Meeting.objects.filter(pavilion=pavilion, status=MeetingStatus.SCHEDULED)
    # Ids first, then only the conflicting meetings as objects: thousands of booked meetings
    # and a handful of conflicts.
    sides: dict[int, list[str]] = {}
    for pk, sme_id, buyer_id, slot_id in booked.values_list("pk", "sme_id", "buyer_id", "slot_id"):
        sme, buyer = sme_key(sme_id), buyer_key(buyer_id)
        affected = ["sme"] if slot_id in blocked[sme] else []
        if slot_id in blocked[buyer] or slot_days[slot_id] not in attending[buyer]:
            affected.append("buyer")
        if affected:
            sides[pk] = affected
    conflicts = []
    if not sides:
        return conflicts
    for meeting in booked.filter(pk__in=list(sides)).select_related(
        "sme", "buyer", "slot", "pavilion__fair"
    ):
        when = pavilion.fair.local_text(meeting.slot.starts_at)
        for side in sides[meeting.pk]:
            conflicts.append((meeting, _not_available(getattr(meeting, side), when)))
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
