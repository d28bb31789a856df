"""Replacements for a freed slot of a fair day: the meetings that could take it, best first.

A meeting is cancelled or a side does not show. Nothing placed moves: every meeting in a slot
stays in it (``repair`` of the scheduler), and the candidates are the pavilion's accepted
meetings not yet placed and the open matchmaking proposals of pairs with no meeting yet, whose
two sides are an accepted exhibitor and a registered buyer with room under the pavilion's caps.
A party with a meeting already held or missed in the slot is busy there, as the database says;
a pair that has met (or missed its meeting) is not proposed again.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext as _

from companies.models import SME, ForeignBuyer
from events.models import (
    BuyerRegistration,
    BuyerRegistrationStatus,
    ExhibitorRegistration,
    Interpreter,
    MeetingSlot,
    Pavilion,
    RegistrationStatus,
)
from matchmaking.models import Proposal, ProposalStatus
from matchmaking.reasons import proposal_sentence

from .. import scheduler
from ..models import COMMITTED_STATUSES, AbsentSide, Meeting, MeetingEvent, MeetingStatus
from .meetings import interpreted_pairs, interpreter_pair
from .scheduling import buyer_key, participant_availability, scheduling_instance, sme_key

#: The meetings a party has in their slot that the instance does not hold (it holds accepted
#: and scheduled ones), yet the database counts as booked.
PAST_STATUSES = (MeetingStatus.HELD, MeetingStatus.NO_SHOW)


@dataclass
class Replacement:
    """One candidate for the slot: an accepted meeting (``meeting``) or a proposal."""

    key: str  # "m<pk>" or "p<pk>", what ``replacement_place`` is given
    sme: SME
    buyer: ForeignBuyer
    score: float
    new_gaps: int
    interpreter: Interpreter | None
    meeting: Meeting | None = None
    proposal: Proposal | None = None
    reason: str = ""

    @property
    def is_proposal(self) -> bool:
        return self.proposal is not None


def replacement_slot(meeting: Meeting) -> MeetingSlot:
    """The slot a cancelled or missed meeting leaves: a no-show keeps it, a cancellation
    recorded it. Refused for any other meeting, or one cancelled before it had a slot."""
    if meeting.status == MeetingStatus.NO_SHOW and meeting.slot_id:
        return meeting.slot
    if meeting.status == MeetingStatus.CANCELLED:
        event = (
            MeetingEvent.objects.filter(meeting=meeting, action="cancelled")
            .order_by("-at", "-pk")
            .first()
        )
        slot_id = (event.details or {}).get("slot") if event else None
        slot = MeetingSlot.objects.filter(pk=slot_id, pavilion_id=meeting.pavilion_id).first()
        if slot is not None:
            return slot
        raise ValidationError(_("This meeting was cancelled before it had a slot."))
    raise ValidationError(
        _("Only a cancelled or missed meeting leaves a slot to fill; this one is %(status)s.")
        % {"status": meeting.get_status_display().lower()}
    )


def replacement_candidates(
    meeting: Meeting | None = None, limit: int = 10, *, slot: MeetingSlot | None = None
) -> list[Replacement]:
    """The best ``limit`` replacements for the slot ``meeting`` left (or for ``slot``), ranked
    by score, then by the fewest new idle gaps. The side that did not show gets none."""
    if slot is None:
        slot = replacement_slot(meeting)
    pavilion = slot.pavilion
    instance = scheduling_instance(pavilion)
    proposals = _proposals(pavilion)
    _add_proposals(instance, pavilion, proposals)
    met = set(
        Meeting.objects.filter(pavilion=pavilion, status__in=PAST_STATUSES).values_list(
            "sme_id", "buyer_id"
        )
    )
    placed = _placed(pavilion, instance)
    staying = {m["id"] for m in instance["meetings"] if m["fixed_slot"]}
    staying |= {assignment["meeting"] for assignment in placed}
    # A pair that met (or missed their meeting) is not offered another one.
    instance["meetings"] = [
        m for m in instance["meetings"] if m["id"] in staying or _pair(m["parties"]) not in met
    ]
    absent = _absent(meeting) | _busy_in(pavilion, slot, instance)
    known = {party["id"] for party in instance["parties"]}
    found = scheduler.repair(
        instance,
        slot=f"s{slot.pk}",
        limit=limit,
        schedule={"assignments": placed},
        absent=sorted(absent & known),
    )["candidates"]
    return _rows(found, proposals)


def _pair(parties: list[str]) -> tuple[int, int]:
    return int(parties[0].removeprefix("sme-")), int(parties[1].removeprefix("buyer-"))


def _absent(meeting: Meeting | None) -> set[str]:
    if meeting is None or meeting.status != MeetingStatus.NO_SHOW:
        return set()
    side = meeting.absent_side
    away = set()
    if side in (AbsentSide.EXHIBITOR, AbsentSide.BOTH):
        away.add(sme_key(meeting.sme_id))
    if side in (AbsentSide.BUYER, AbsentSide.BOTH):
        away.add(buyer_key(meeting.buyer_id))
    return away


def _busy_in(pavilion: Pavilion, slot: MeetingSlot, instance: dict) -> set[str]:
    """The parties a held or missed meeting keeps booked in ``slot`` (``Meeting.holds``: a
    missed meeting frees who came and its interpreter); a held meeting's interpreter is taken
    out of the slot too."""
    busy, interpreters = set(), set()
    for past in Meeting.objects.filter(pavilion=pavilion, slot=slot, status__in=PAST_STATUSES).only(
        "sme_id", "buyer_id", "interpreter_id", "status", "absent_side"
    ):
        if past.holds("sme"):
            busy.add(sme_key(past.sme_id))
        if past.holds("buyer"):
            busy.add(buyer_key(past.buyer_id))
        if past.interpreter_id and past.holds("interpreter"):
            interpreters.add(f"i{past.interpreter_id}")
    for person in instance["interpreters"]:
        if person["id"] in interpreters:
            person["available"] = [s for s in person["available"] if s != f"s{slot.pk}"]
    return busy


def _placed(pavilion: Pavilion, instance: dict) -> list[dict]:
    """Every scheduled meeting not fixed already, as an assignment that stays where it is."""
    fixed = {m["id"] for m in instance["meetings"] if m["fixed_slot"]}
    return [
        {
            "meeting": f"m{pk}",
            "slot": f"s{slot_id}",
            "interpreter": f"i{interpreter_id}" if interpreter_id else None,
        }
        for pk, slot_id, interpreter_id in Meeting.objects.filter(
            pavilion=pavilion, status=MeetingStatus.SCHEDULED
        ).values_list("pk", "slot_id", "interpreter_id")
        if f"m{pk}" not in fixed
    ]


def _proposals(pavilion: Pavilion) -> dict[int, Proposal]:
    """Open proposals of pairs with no meeting at the pavilion, both sides taking part and
    below the pavilion's caps."""
    exhibitors = set(
        ExhibitorRegistration.objects.filter(
            pavilion=pavilion, status=RegistrationStatus.ACCEPTED
        ).values_list("sme_id", flat=True)
    )
    buyers = set(
        BuyerRegistration.objects.filter(
            pavilion=pavilion, status=BuyerRegistrationStatus.REGISTERED
        ).values_list("buyer_id", flat=True)
    )
    pairs = set(Meeting.objects.filter(pavilion=pavilion).values_list("sme_id", "buyer_id"))
    committed = Meeting.objects.filter(pavilion=pavilion, status__in=COMMITTED_STATUSES)
    full_smes = {
        row["sme"]
        for row in committed.values("sme").annotate(n=Count("pk"))
        if row["n"] >= pavilion.max_meetings_per_exhibitor
    }
    full_buyers = {
        row["buyer"]
        for row in committed.values("buyer").annotate(n=Count("pk"))
        if row["n"] >= pavilion.max_meetings_per_buyer
    }
    return {
        proposal.pk: proposal
        for proposal in Proposal.objects.filter(
            pavilion=pavilion, status=ProposalStatus.OPEN
        ).select_related("sme", "buyer")
        if proposal.sme_id in exhibitors - full_smes
        and proposal.buyer_id in buyers - full_buyers
        and (proposal.sme_id, proposal.buyer_id) not in pairs
    }


def _add_proposals(instance: dict, pavilion: Pavilion, proposals: dict[int, Proposal]) -> None:
    """The proposals as candidate meetings ``p<pk>``, with parties the instance lacks."""
    if not proposals:
        return
    known = {party["id"] for party in instance["parties"]}
    slots = list(pavilion.slots.order_by("starts_at"))
    blocked, attending, slot_days = participant_availability(pavilion, slots)
    held = defaultdict(int)
    for sme_id, buyer_id in Meeting.objects.filter(
        pavilion=pavilion, status__in=PAST_STATUSES
    ).values_list("sme_id", "buyer_id"):
        held[sme_key(sme_id)] += 1
        held[buyer_key(buyer_id)] += 1
    pairs = _interpreter_pairs(pavilion, proposals.values())
    for proposal in proposals.values():
        for key, limit in (
            (sme_key(proposal.sme_id), pavilion.max_meetings_per_exhibitor),
            (buyer_key(proposal.buyer_id), pavilion.max_meetings_per_buyer),
        ):
            if key in known:
                continue
            known.add(key)
            days = attending.get(key) if key.startswith("buyer-") else None
            party = {
                "id": key,
                "available": [
                    f"s{s.pk}"
                    for s in slots
                    if s.pk not in blocked[key] and (days is None or slot_days[s.pk] in days)
                ],
                "max_meetings": max(limit - held[key], 0),
            }
            if pavilion.max_meetings_per_day:
                party["max_per_day"] = pavilion.max_meetings_per_day
            instance["parties"].append(party)
        pair = pairs[proposal.pk]
        instance["meetings"].append(
            {
                "id": f"p{proposal.pk}",
                "parties": [sme_key(proposal.sme_id), buyer_key(proposal.buyer_id)],
                "score": float(proposal.score),
                "interpreter": pair.split("-") if pair else None,
                "at_table": False,
                "fixed_slot": None,
            }
        )


def _interpreter_pairs(pavilion: Pavilion, proposals) -> dict[int, str]:
    """Each proposal's interpreter pair as ``interpreter_languages_for`` would give it, read in
    a fixed number of queries."""
    proposals = list(proposals)
    spoken: dict[str, set[str]] = defaultdict(set)
    for model, key, ids in (
        (SME, sme_key, {p.sme_id for p in proposals}),
        (ForeignBuyer, buyer_key, {p.buyer_id for p in proposals}),
    ):
        column = f"{model._meta.model_name}_id"
        for pk, code in model.languages.through.objects.filter(
            **{f"{column}__in": ids}
        ).values_list(column, "language__code"):
            spoken[key(pk)].add(code)
    covered = interpreted_pairs(pavilion)
    return {
        proposal.pk: interpreter_pair(
            spoken[sme_key(proposal.sme_id)], spoken[buyer_key(proposal.buyer_id)], covered
        )
        for proposal in proposals
    }


def _rows(found: list[dict], proposals: dict[int, Proposal]) -> list[Replacement]:
    meeting_ids = [int(c["meeting"][1:]) for c in found if c["meeting"].startswith("m")]
    meetings = Meeting.objects.select_related("sme", "buyer").in_bulk(meeting_ids)
    interpreters = Interpreter.objects.in_bulk(
        [int(c["interpreter"][1:]) for c in found if c["interpreter"]]
    )
    rows = []
    for candidate in found:
        kind, pk = candidate["meeting"][0], int(candidate["meeting"][1:])
        interpreter = (
            interpreters[int(candidate["interpreter"][1:])] if candidate["interpreter"] else None
        )
        common = {
            "key": candidate["meeting"],
            "score": candidate["score"],
            "new_gaps": candidate["new_gaps"],
            "interpreter": interpreter,
        }
        if kind == "m":
            meeting = meetings[pk]
            rows.append(
                Replacement(sme=meeting.sme, buyer=meeting.buyer, meeting=meeting, **common)
            )
        else:
            proposal = proposals[pk]
            rows.append(
                Replacement(
                    sme=proposal.sme,
                    buyer=proposal.buyer,
                    proposal=proposal,
                    reason=proposal_sentence(proposal),
                    **common,
                )
            )
    return rows
