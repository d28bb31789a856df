"""The life of a meeting: requested, accepted by both sides, scheduled, held or not.

Every change is recorded as a MeetingEvent with who made it, when and on whose side. Caps on
open requests and on meetings per participant come from the pavilion.
"""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from companies.models import SME, ForeignBuyer
from core import audit
from events.models import (
    BuyerRegistration,
    BuyerRegistrationStatus,
    ExhibitorRegistration,
    Interpreter,
    Pavilion,
    RegistrationStatus,
    Side,
)
from matchmaking.models import Proposal, ProposalStatus

from ..history import slot_details
from ..models import OPEN_STATUSES, ActingFor, Meeting, MeetingEvent, MeetingStatus
from . import notifications

#: A request with no proposal behind it scores this on the scheduler's 0-100 scale.
UNSCORED_REQUEST_SCORE = 50.0
#: Meetings that count against a participant's meeting cap.
COMMITTED_STATUSES = ("accepted", "scheduled", "held", "no_show")


def meeting_record(
    *,
    meeting: Meeting,
    action: str,
    by=None,
    side: str = "",
    from_status: str = "",
    note: str = "",
    details: dict | None = None,
    acting_for: str = "",
) -> MeetingEvent:
    """Record one change of a meeting. ``details`` holds its codes and figures (never text
    in someone's language); ``note`` only what a person typed; ``acting_for`` whom an
    organiser acted for."""
    return MeetingEvent.objects.create(
        meeting=meeting,
        actor=by if getattr(by, "is_authenticated", False) else None,
        side=side,
        acting_for=acting_for,
        action=action,
        from_status=from_status,
        to_status=meeting.status,
        details=details or {},
        note=note[:300],
    )


#: What the audit log keeps of a meeting's answers; of its place in the schedule, see
#: ``scheduling.PLACEMENT_CODES``.
ANSWER_CODES = (
    "status",
    "requested_by_side",
    "proposal",
    "exhibitor_accepted_at",
    "buyer_accepted_at",
    "attendee",
)


def meeting_audit(
    meeting: Meeting,
    action: str,
    before: dict,
    *,
    by,
    fields=ANSWER_CODES,
    texts=(),
    acting_for: str = "",
) -> None:
    """One audit entry for a change of ``meeting`` from the codes ``before`` of ``fields``
    (and the lengths of ``texts``); call it after the change, in its transaction."""
    changes = audit.changed(before, audit.values(meeting, fields, texts=texts))
    if acting_for:
        changes["acting_for"] = [None, acting_for]
    audit.record(
        action=action, obj=meeting, pavilion_id=meeting.pavilion_id, changes=changes, by=by
    )


def interpreter_languages_for(*, pavilion: Pavilion, sme: SME, buyer: ForeignBuyer) -> str:
    """The language pair an interpreter must cover, or "" when the sides share a language.

    Prefers a pair one of the pavilion's interpreters covers, so the meeting can be scheduled.
    """
    sme_languages = sorted(sme.languages.values_list("code", flat=True)) or ["ja"]
    buyer_languages = sorted(buyer.languages.values_list("code", flat=True)) or ["en"]
    if set(sme_languages) & set(buyer_languages):
        return ""
    # Japanese first: it is the SME staff's own language in nearly every meeting.
    sme_languages.sort(key=lambda code: code != "ja")
    buyer_languages.sort(key=lambda code: code != "en")
    covered = set()
    for interpreter in Interpreter.objects.filter(pavilion=pavilion).prefetch_related("languages"):
        codes = {language.code for language in interpreter.languages.all()}
        covered |= {(a, b) for a in codes for b in codes if a != b}
    for ours in sme_languages:
        for theirs in buyer_languages:
            if (ours, theirs) in covered:
                return f"{ours}-{theirs}"
    return f"{sme_languages[0]}-{buyer_languages[0]}"


def _registrations_locked(pavilion: Pavilion, sme: SME, buyer: ForeignBuyer):
    """Both registrations, locked so that concurrent requests cannot both pass the caps."""
    exhibitor = (
        ExhibitorRegistration.objects.select_for_update()
        .filter(pavilion=pavilion, sme=sme, status=RegistrationStatus.ACCEPTED)
        .first()
    )
    if exhibitor is None:
        raise ValidationError(
            _("%(sme)s is not an accepted exhibitor of %(pavilion)s.")
            % {"sme": sme, "pavilion": pavilion}
        )
    attendee = (
        BuyerRegistration.objects.select_for_update()
        .filter(pavilion=pavilion, buyer=buyer, status=BuyerRegistrationStatus.REGISTERED)
        .first()
    )
    if attendee is None:
        raise ValidationError(
            _("%(buyer)s is not registered for %(pavilion)s.")
            % {"buyer": buyer, "pavilion": pavilion}
        )
    return exhibitor, attendee


def _check_meeting_cap(pavilion: Pavilion, *, sme=None, buyer=None, excluding=None) -> None:
    meetings = Meeting.objects.filter(pavilion=pavilion, status__in=COMMITTED_STATUSES)
    if excluding is not None:
        meetings = meetings.exclude(pk=excluding.pk)
    for who, lookup, cap in (
        (sme, "sme", pavilion.max_meetings_per_exhibitor),
        (buyer, "buyer", pavilion.max_meetings_per_buyer),
    ):
        if who is not None and meetings.filter(**{lookup: who}).count() >= cap:
            raise ValidationError(
                _("%(who)s already has the most meetings this pavilion allows (%(cap)s).")
                % {"who": who, "cap": cap}
            )


def _check_open_request_cap(pavilion: Pavilion, *, side: str, sme: SME, buyer: ForeignBuyer):
    if side == Side.ORGANISER:
        return
    requester = {"exhibitor": Q(sme=sme), "buyer": Q(buyer=buyer)}[side]
    open_requests = Meeting.objects.filter(
        requester, pavilion=pavilion, status=MeetingStatus.REQUESTED, requested_by_side=side
    ).count()
    if open_requests >= pavilion.max_open_requests:
        raise ValidationError(
            _(
                "%(who)s already has %(count)s unanswered requests, the most this pavilion "
                "allows; wait for answers or withdraw one."
            )
            % {"who": sme if side == Side.EXHIBITOR else buyer, "count": open_requests}
        )


def _check_attendee(sme: SME, attendee) -> None:
    if attendee is not None and not sme.members.filter(user=attendee).exists():
        raise ValidationError(
            {
                "attendee": _("%(user)s is not on the team of %(sme)s.")
                % {"user": attendee, "sme": sme}
            }
        )


@transaction.atomic
def meeting_request(
    *,
    pavilion: Pavilion,
    sme: SME,
    buyer: ForeignBuyer,
    side: str,
    by=None,
    message: str = "",
    proposal: Proposal | None = None,
    attendee=None,
    at: datetime | None = None,
    acting_for: str = "",
) -> Meeting:
    """One side (or an organiser) asks for a meeting; the requester's acceptance is implied.

    An organiser asks both sides to answer, or requests on behalf of ``acting_for``: the
    exhibitor or the buyer (the request is theirs, accepted by them, and the other side
    answers), or both (the meeting is confirmed at once). The change records whom the organiser
    acted for.

    Side effects: creates the meeting with an expiry, records the change, and emails the side
    that must answer once the transaction commits (both sides, of a confirmed meeting; after
    the schedule is published, a scheduling run then places it).
    """
    at = at or timezone.now()
    side = Side(side)
    acting_for = _acting_for(side, acting_for, default="")
    for_exhibitor = side == Side.EXHIBITOR or acting_for in (ActingFor.EXHIBITOR, ActingFor.BOTH)
    for_buyer = side == Side.BUYER or acting_for in (ActingFor.BUYER, ActingFor.BOTH)
    confirmed = for_exhibitor and for_buyer
    _registrations_locked(pavilion, sme, buyer)
    existing = Meeting.objects.filter(
        pavilion=pavilion, sme=sme, buyer=buyer, status__in=OPEN_STATUSES
    ).first()
    if existing is not None:
        raise ValidationError(
            _("%(sme)s and %(buyer)s already have a meeting (%(status)s).")
            % {"sme": sme, "buyer": buyer, "status": existing.get_status_display().lower()}
        )
    _check_open_request_cap(pavilion, side=side, sme=sme, buyer=buyer)
    _check_meeting_cap(pavilion, sme=sme, buyer=buyer)
    _check_attendee(sme, attendee)
    if proposal is None:
        proposal = Proposal.objects.filter(pavilion=pavilion, sme=sme, buyer=buyer).first()
    meeting = Meeting(
        pavilion=pavilion,
        sme=sme,
        buyer=buyer,
        proposal=proposal,
        # A request made for one side is that side's; the organiser's own asks both.
        requested_by_side=(
            Side(acting_for) if acting_for in (ActingFor.EXHIBITOR, ActingFor.BUYER) else side
        ),
        message=message,
        attendee=attendee,
        score=proposal.score if proposal else UNSCORED_REQUEST_SCORE,
        interpreter_languages=interpreter_languages_for(pavilion=pavilion, sme=sme, buyer=buyer),
        status=MeetingStatus.ACCEPTED if confirmed else MeetingStatus.REQUESTED,
        expires_at=None if confirmed else at + timedelta(hours=pavilion.request_expiry_hours),
        exhibitor_accepted_at=at if for_exhibitor else None,
        buyer_accepted_at=at if for_buyer else None,
    )
    try:
        with transaction.atomic():
            meeting.save()
    except IntegrityError:
        raise ValidationError(
            _("%(sme)s and %(buyer)s already have a meeting.") % {"sme": sme, "buyer": buyer}
        ) from None
    meeting_record(meeting=meeting, action="requested", by=by, side=side, acting_for=acting_for)
    meeting_audit(meeting, "meeting.requested", {}, by=by, acting_for=acting_for)
    if confirmed:
        notifications.notify_on_commit("meeting_confirmed", meeting.pk)
        _place_if_published(meeting)
    else:
        notifications.notify_on_commit("meeting_requested", meeting.pk)
    return meeting


def _acting_for(side: Side, acting_for: str, *, default: str) -> str:
    """Whom an organiser acts for (``default`` when they do not say); only organisers act for
    participants."""
    if side != Side.ORGANISER:
        if acting_for:
            raise ValidationError(_("Only an organiser acts on behalf of participants."))
        return ""
    acting_for = acting_for or default
    return ActingFor(acting_for).value if acting_for else ""


def _place_if_published(meeting: Meeting) -> None:
    """A meeting confirmed after publication is placed by a run around the published ones."""
    if meeting.pavilion.schedule_published_at:
        from .scheduling import scheduling_run_request_quietly

        scheduling_run_request_quietly(pavilion=meeting.pavilion)


def _locked(meeting: Meeting) -> Meeting:
    """The meeting's row, locked; only its own row, so work on the same people can proceed."""
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("pavilion", "sme", "buyer")
        .get(pk=meeting.pk)
    )


@transaction.atomic
def meeting_accept(
    *,
    meeting: Meeting,
    side: str,
    by=None,
    attendee=None,
    at: datetime | None = None,
    acting_for: str = "",
) -> Meeting:
    """A side accepts a requested meeting; an organiser accepts on behalf of ``acting_for``:
    the exhibitor, the buyer, or both (the default), recorded as such.

    Side effects: when both sides have accepted, the meeting is accepted and counts against both
    caps; after the pavilion's schedule is published, a scheduling run then places it without
    moving published meetings.
    """
    at = at or timezone.now()
    side = Side(side)
    acting_for = _acting_for(side, acting_for, default=ActingFor.BOTH)
    meeting = _locked(meeting)
    if meeting.status != MeetingStatus.REQUESTED:
        raise ValidationError(
            _("This meeting is %(status)s; only a requested meeting can be accepted.")
            % {"status": meeting.get_status_display().lower()}
        )
    codes = audit.values(meeting, ANSWER_CODES)
    _check_attendee(meeting.sme, attendee)
    if side == Side.EXHIBITOR or acting_for in (ActingFor.EXHIBITOR, ActingFor.BOTH):
        meeting.exhibitor_accepted_at = meeting.exhibitor_accepted_at or at
    if side == Side.BUYER or acting_for in (ActingFor.BUYER, ActingFor.BOTH):
        meeting.buyer_accepted_at = meeting.buyer_accepted_at or at
    if attendee is not None:
        meeting.attendee = attendee
    confirmed = bool(meeting.exhibitor_accepted_at and meeting.buyer_accepted_at)
    if confirmed:
        _check_meeting_cap(
            meeting.pavilion, sme=meeting.sme, buyer=meeting.buyer, excluding=meeting
        )
        meeting.status = MeetingStatus.ACCEPTED
        meeting.expires_at = None
    meeting.save()
    meeting_record(
        meeting=meeting,
        action="accepted",
        by=by,
        side=side,
        from_status=MeetingStatus.REQUESTED,
        acting_for=acting_for,
    )
    meeting_audit(meeting, "meeting.accepted", codes, by=by, acting_for=acting_for)
    if confirmed:
        notifications.notify_on_commit("meeting_confirmed", meeting.pk)
        _place_if_published(meeting)
    return meeting


@transaction.atomic
def meeting_decline(*, meeting: Meeting, side: str, by=None, note: str = "") -> Meeting:
    """A side declines a request. Side effects: a pair declined from a proposal never comes back;
    the requester is emailed once the transaction commits."""
    meeting = _locked(meeting)
    if meeting.status != MeetingStatus.REQUESTED:
        raise ValidationError(
            _("This meeting is %(status)s; only a requested meeting can be declined.")
            % {"status": meeting.get_status_display().lower()}
        )
    codes = audit.values(meeting, ANSWER_CODES)
    meeting.status = MeetingStatus.DECLINED
    meeting.expires_at = None
    meeting.save()
    Proposal.objects.filter(pavilion=meeting.pavilion, sme=meeting.sme, buyer=meeting.buyer).update(
        status=ProposalStatus.DECLINED, decided_by=by, decided_at=timezone.now()
    )
    meeting_record(
        meeting=meeting, action="declined", by=by, side=side, from_status="requested", note=note
    )
    meeting_audit(meeting, "meeting.declined", codes, by=by)
    notifications.notify_on_commit("meeting_declined", meeting.pk)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, side: str, by=None, note: str = "") -> Meeting:
    """Either side or an organiser calls off a meeting that has not taken place; ``note`` is the
    reason, which a published meeting must have (the other side's email gives it).

    Side effects: frees its slot and interpreter, keeps the reason on the meeting, and tells
    both sides if it was published.
    """
    meeting = _locked(meeting)
    if meeting.status not in OPEN_STATUSES:
        raise ValidationError(
            _("This meeting is %(status)s and cannot be cancelled.")
            % {"status": meeting.get_status_display().lower()}
        )
    before, was_published = meeting.status, bool(meeting.published_at)
    note = note.strip()
    if was_published and not note:
        raise ValidationError(
            {
                "note": _(
                    "The meeting is in the published schedule: say why it is cancelled; "
                    "the other side's email gives the reason."
                )
            }
        )
    details = slot_details(meeting.slot)
    codes = audit.values(meeting, CANCEL_CODES, texts=["cancel_reason"])
    meeting.status = MeetingStatus.CANCELLED
    meeting.slot = meeting.interpreter = meeting.expires_at = None
    meeting.cancel_reason = note
    meeting.save()
    meeting_record(
        meeting=meeting,
        action="cancelled",
        by=by,
        side=side,
        from_status=before,
        note=note,
        details=details,
    )
    meeting_audit(
        meeting, "meeting.cancelled", codes, by=by, fields=CANCEL_CODES, texts=["cancel_reason"]
    )
    if was_published:
        notifications.notify_on_commit("meeting_cancelled", meeting.pk)
    return meeting


#: What the audit log keeps of a cancellation (and the reason's length).
CANCEL_CODES = ("status", "slot", "interpreter", "published_at")


@transaction.atomic
def meeting_set_attendee(*, meeting: Meeting, attendee, by=None) -> Meeting:
    """Name the member of the exhibitor's team who holds the meeting."""
    meeting = _locked(meeting)
    _check_attendee(meeting.sme, attendee)
    codes = audit.values(meeting, ["attendee"])
    meeting.attendee = attendee
    meeting.save(update_fields=["attendee", "updated_at"])
    meeting_record(
        meeting=meeting,
        action="attendee",
        by=by,
        side=Side.EXHIBITOR,
        from_status=meeting.status,
        details={"attendee": attendee.pk if attendee is not None else None},
    )
    meeting_audit(meeting, "meeting.attendee_named", codes, by=by, fields=["attendee"])
    return meeting


@transaction.atomic
def meeting_record_attendance(
    *, meeting: Meeting, held: bool, by=None, side: str = Side.ORGANISER, at=None
) -> Meeting:
    """After its slot has begun, record whether a scheduled meeting took place."""
    at = at or timezone.now()
    meeting = _locked(meeting)
    if meeting.status not in (MeetingStatus.SCHEDULED, MeetingStatus.HELD, MeetingStatus.NO_SHOW):
        raise ValidationError(_("Only a scheduled meeting can be marked held or a no-show."))
    if meeting.slot.starts_at > at:
        raise ValidationError(_("The meeting has not started yet."))
    before = meeting.status
    meeting.status = MeetingStatus.HELD if held else MeetingStatus.NO_SHOW
    meeting.save(update_fields=["status", "updated_at"])
    meeting_record(meeting=meeting, action=meeting.status, by=by, side=side, from_status=before)
    meeting_audit(
        meeting, "meeting.attendance_recorded", {"status": before}, by=by, fields=["status"]
    )
    return meeting


def meetings_expire(*, now: datetime | None = None) -> int:
    """Expire every request left unanswered past its deadline, emailing each requester.
    Returns how many expired."""
    now = now or timezone.now()
    expired = 0
    due = Meeting.objects.filter(status=MeetingStatus.REQUESTED, expires_at__lte=now)
    for meeting_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
            if meeting.status != MeetingStatus.REQUESTED:
                continue
            meeting.status = MeetingStatus.EXPIRED
            meeting.save(update_fields=["status", "updated_at"])
            meeting_record(meeting=meeting, action="expired", from_status="requested")
            notifications.notify_on_commit("meeting_expired", meeting.pk)
            expired += 1
    return expired


def meetings_remind(*, now: datetime | None = None) -> int:
    """Remind the side that must answer a request before it expires. Returns reminders sent."""
    now = now or timezone.now()
    sent = 0
    due = Meeting.objects.filter(
        status=MeetingStatus.REQUESTED, reminded_at__isnull=True, expires_at__gt=now
    ).select_related("pavilion")
    for meeting in due:
        if meeting.expires_at - timedelta(hours=meeting.pavilion.reminder_hours) > now:
            continue
        updated = Meeting.objects.filter(pk=meeting.pk, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if updated:
            notifications.notify_on_commit("meeting_reminder", meeting.pk)
            sent += 1
    return sent


def exhibitor_team(sme: SME):
    """The users who may attend meetings for an SME."""
    return get_user_model().objects.filter(membership__sme=sme, is_active=True)


@transaction.atomic
def meeting_outcome_record(
    *,
    meeting: Meeting,
    side: str,
    stage: str,
    round: str = "at_fair",
    note: str = "",
    expected_value_usd: int | None = None,
    by=None,
):
    """A side (or an organiser for them) says what came of a meeting; a second call for the
    same side and round replaces the first. Only a meeting that took place has an outcome."""
    from ..models import MeetingOutcome, OutcomeRound, TradeStage

    meeting = _locked(meeting)
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(
            _("Only a meeting that was held has an outcome; this one is %(status)s.")
            % {"status": meeting.get_status_display().lower()}
        )
    if stage not in TradeStage.values:
        raise ValidationError({"stage": _("Choose a stage from the list.")})
    if round not in OutcomeRound.values:
        raise ValidationError({"round": _("Choose a round from the list.")})
    kept = ("meeting", "side", "round", "stage", "expected_value_usd")
    earlier = MeetingOutcome.objects.filter(meeting=meeting, side=Side(side), round=round).first()
    codes = audit.values(earlier, kept, texts=["note"]) if earlier is not None else {}
    outcome, _created = MeetingOutcome.objects.update_or_create(
        meeting=meeting,
        side=Side(side),
        round=round,
        defaults={
            "stage": stage,
            "note": note,
            "expected_value_usd": expected_value_usd,
            "recorded_by": by if getattr(by, "is_authenticated", False) else None,
        },
    )
    meeting_record(
        meeting=meeting,
        action="outcome",
        by=by,
        side=side,
        from_status=meeting.status,
        details={"round": round, "stage": stage},
    )
    changes = audit.changed(codes, audit.values(outcome, kept, texts=["note"]))
    if changes:
        audit.record(
            action="outcome.recorded",
            obj=outcome,
            pavilion_id=meeting.pavilion_id,
            changes=changes,
            by=by,
        )
    return outcome
