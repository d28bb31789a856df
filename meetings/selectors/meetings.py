"""Reads about meetings: what the apps below ask for through their hooks (registered in
``meetings.apps``: which pairs have met, which interpreters are booked, what a buyer has going
with each exhibitor), a pavilion's meetings by status, an exhibitor's team, and the language pair
a meeting's interpreter must cover."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Count, QuerySet

from companies.models import SME, ForeignBuyer
from events.hooks import InterpreterBooking
from events.models import (
    BuyerRegistration,
    BuyerRegistrationStatus,
    ExhibitorRegistration,
    Interpreter,
    Pavilion,
    RegistrationStatus,
)
from matchmaking import engine

from ..models import (
    Meeting,
    MeetingOutcome,
    MeetingStatus,
    TradeStage,
)
from .participants import open_meeting_statuses


def pairs_with_meetings(pavilion) -> list[tuple[int, int]]:
    """The (sme_id, buyer_id) pairs with a meeting at the pavilion in any state (requested,
    scheduled, held, even declined or cancelled: proposing them again would only offer a
    second request)."""
    met = Meeting.objects.filter(pavilion=pavilion).order_by("sme_id", "buyer_id")
    return list(met.values_list("sme_id", "buyer_id").distinct())


def meetings_created_since(pavilion, since) -> bool:
    return Meeting.objects.filter(pavilion=pavilion, created_at__gt=since).exists()


def earlier_meetings(pavilion) -> list[engine.EarlierMeeting]:
    """Meetings this pavilion's exhibitors and buyers held with each other at pavilions of
    earlier fairs, oldest first, one per pair and pavilion, with what came of them: the
    furthest stage either side reported in any round, and whether either side's latest report
    (by round, then when recorded) said "no further interest". Two queries, however many."""
    held = (
        Meeting.objects.filter(
            status=MeetingStatus.HELD,
            pavilion__fair__starts_on__lt=pavilion.fair.starts_on,
            sme_id__in=ExhibitorRegistration.objects.filter(
                pavilion=pavilion, status=RegistrationStatus.ACCEPTED
            ).values("sme_id"),
            buyer_id__in=BuyerRegistration.objects.filter(
                pavilion=pavilion, status=BuyerRegistrationStatus.REGISTERED
            ).values("buyer_id"),
        )
        .select_related("pavilion__fair")
        .order_by("pavilion__fair__starts_on", "pavilion_id", "sme_id", "buyer_id")
    )
    furthest, no_interest = _earlier_outcomes(held)
    earlier = {}
    for meeting in held:
        key = (meeting.sme_id, meeting.buyer_id, meeting.pavilion_id)
        if key not in earlier:
            met_at, fair = meeting.pavilion, meeting.pavilion.fair
            earlier[key] = engine.EarlierMeeting(
                exhibitor_id=meeting.sme_id,
                buyer_id=meeting.buyer_id,
                pavilion_id=met_at.pk,
                pavilion_labels={"en": met_at.name_en, "ja": met_at.name_ja or met_at.name_en},
                # A fair has one name, used in both languages ("Medica 2026").
                fair_labels={"en": str(fair), "ja": str(fair)},
                stage=furthest.get(key),
                no_interest=key in no_interest,
            )
    return list(earlier.values())


_STAGE_ORDER = list(TradeStage.values)


def _earlier_outcomes(held) -> tuple[dict[tuple, str], set[tuple]]:
    """Per (sme, buyer, pavilion) of the ``held`` meetings: the furthest stage reported, and
    whether a side's latest report (by round, then when recorded) was "no further interest"."""
    rows = MeetingOutcome.objects.filter(meeting__in=held.values("pk")).values_list(
        "meeting__sme_id",
        "meeting__buyer_id",
        "meeting__pavilion_id",
        "side",
        "round",
        "recorded_at",
        "stage",
    )
    furthest: dict[tuple, str] = {}
    latest: dict[tuple, tuple] = {}
    for sme_id, buyer_id, pavilion_id, side, round_, recorded_at, stage in rows:
        key = (sme_id, buyer_id, pavilion_id)
        if key not in furthest or _STAGE_ORDER.index(stage) > _STAGE_ORDER.index(furthest[key]):
            furthest[key] = stage
        when = (round_, recorded_at)
        if (key, side) not in latest or latest[(key, side)][0] < when:
            latest[(key, side)] = (when, stage)
    no_interest = {
        key for (key, _side), (_when, stage) in latest.items() if stage == TradeStage.NO_INTEREST
    }
    return furthest, no_interest


def slots_with_meetings(slot_ids) -> set[int]:
    """The slots among ``slot_ids`` that a meeting (in any state) is in."""
    return set(Meeting.objects.filter(slot_id__in=slot_ids).values_list("slot_id", flat=True))


def interpreter_bookings(interpreter) -> list[InterpreterBooking]:
    """Every meeting naming the interpreter, as events' interpreter checks read it."""
    meetings = Meeting.objects.filter(interpreter=interpreter).select_related(
        "sme", "buyer", "slot", "pavilion__fair"
    )
    return [
        InterpreterBooking(
            meeting=str(meeting),
            scheduled=meeting.status == MeetingStatus.SCHEDULED,
            slot_id=meeting.slot_id,
            when=(
                meeting.pavilion.fair.local_text(meeting.slot.starts_at) if meeting.slot_id else ""
            ),
            languages=meeting.interpreter_pair or (),
        )
        for meeting in meetings
    ]


def buyer_meeting_statuses(actor, pavilion) -> dict[int, str]:
    """For a buyer: sme id -> the status of their open meeting with that exhibitor, as the buyer
    may know it ("scheduled" only once the time is published)."""
    return open_meeting_statuses(actor, pavilion) if actor.is_buyer else {}


def meeting_counts(pavilion: Pavilion) -> dict[str, int]:
    """Status -> how many of the pavilion's meetings are in it."""
    rows = Meeting.objects.filter(pavilion=pavilion).values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def exhibitor_team(sme: SME) -> QuerySet:
    """The users who may attend meetings for an SME."""
    return get_user_model().objects.filter(membership__sme=sme, is_active=True)


def office_staff(pavilion: Pavilion) -> QuerySet:
    """The users who may attend meetings for an absent exhibitor: the active staff of the
    pavilion's organising office."""
    return (
        get_user_model()
        .objects.filter(organising_offices=pavilion.organiser_id, is_active=True)
        .order_by("last_name", "first_name", "username")
    )


def interpreter_languages_for(*, pavilion: Pavilion, sme: SME, buyer: ForeignBuyer) -> str:
    """The language pair an interpreter must cover, or "" when the sides share a language.

    Prefers a pair one of the pavilion's interpreters covers, so the meeting can be scheduled.
    """
    return interpreter_pair(
        sme.languages.values_list("code", flat=True),
        buyer.languages.values_list("code", flat=True),
        interpreted_pairs(pavilion),
    )


def interpreted_pairs(pavilion: Pavilion) -> set[tuple[str, str]]:
    """The language pairs (both ways) that one of the pavilion's interpreters covers."""
    covered = set()
    for interpreter in Interpreter.objects.filter(pavilion=pavilion).prefetch_related("languages"):
        codes = {language.code for language in interpreter.languages.all()}
        covered |= {(a, b) for a in codes for b in codes if a != b}
    return covered


def interpreter_pair(sme_codes, buyer_codes, covered: set[tuple[str, str]]) -> str:
    """``interpreter_languages_for`` over languages already read: "" when the sides share one,
    else the first pair (Japanese and English first) that ``covered`` holds, else the first."""
    sme_languages = sorted(sme_codes) or ["ja"]
    buyer_languages = sorted(buyer_codes) or ["en"]
    if set(sme_languages) & set(buyer_languages):
        return ""
    # Japanese first: it is the SME staff's own language in nearly every meeting.
    sme_languages.sort(key=lambda code: code != "ja")
    buyer_languages.sort(key=lambda code: code != "en")
    for ours in sme_languages:
        for theirs in buyer_languages:
            if (ours, theirs) in covered:
                return f"{ours}-{theirs}"
    return f"{sme_languages[0]}-{buyer_languages[0]}"
