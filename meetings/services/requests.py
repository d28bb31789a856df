"""Requests for a meeting: made by one side or an organiser, reminded of, expired unanswered.

Caps on open requests and on meetings per participant come from the pavilion; the answers to a
request are ``decisions``'. Every change is recorded as a MeetingEvent with who made it, when and
on whose side.
"""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from companies.models import SME, ForeignBuyer
from companies.names import person_name
from core.locks import waiting_at_most
from core.services import unique_or_refused
from events.models import Pavilion, Side
from matchmaking.models import Proposal

from ..models import COMMITTED_STATUSES, OPEN_STATUSES, ActingFor, Meeting, MeetingStatus
from ..selectors.conflicts import participant_registration
from ..selectors.meetings import interpreter_languages_for
from . import notifications
from .changes import MeetingChange, meeting_locked, meeting_record
from .runs import scheduling_run_request_quietly

#: A request with no proposal behind it scores this on the scheduler's 0-100 scale.
UNSCORED_REQUEST_SCORE = 50.0


def _registrations_locked(pavilion: Pavilion, sme: SME, buyer: ForeignBuyer) -> list:
    """Both registrations, locked so that concurrent requests cannot both pass the caps."""
    locked = []
    for participant in ({"sme": sme}, {"buyer": buyer}):
        rows, missing = participant_registration(pavilion, **participant)
        busy = _(
            "Another request between %(sme)s and %(buyer)s is being made right now; try again "
            "in a moment."
        ) % {"sme": sme, "buyer": buyer}
        with waiting_at_most(busy):
            registration = rows.select_for_update().first()
        if registration is None:
            raise ValidationError(missing)
        locked.append(registration)
    return locked


def check_meeting_cap(pavilion: Pavilion, *, sme=None, buyer=None, excluding=None) -> None:
    """Refuse a meeting that would take ``sme`` or ``buyer`` past the pavilion's cap."""
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


def check_attendee(sme: SME, attendee) -> None:
    """Refuse an attendee who is not on the exhibitor's team."""
    if attendee is not None and not sme.members.filter(user=attendee).exists():
        raise ValidationError(
            {
                "attendee": _("%(user)s is not on the team of %(sme)s.")
                % {"user": attendee, "sme": sme}
            }
        )


def check_one_attendee(meeting: Meeting, *, attendee=None, proxy_attendee=None) -> None:
    """One person attends for the exhibitor: someone of its team, or organiser staff holding
    the meeting for an absent exhibitor (``proxy_attendee``), never both."""
    if attendee is not None and meeting.proxy_attendee_id:
        raise ValidationError(
            {
                "attendee": _(
                    "The organiser's staff attend this meeting for the absent exhibitor; clear "
                    "the proxy attendee before naming someone from the exhibitor's team."
                )
            }
        )
    if proxy_attendee is not None and meeting.attendee_id:
        raise ValidationError(
            {
                "proxy_attendee": _(
                    "%(user)s of the exhibitor's team attends this meeting; clear the attendee "
                    "before naming organiser staff to attend for the exhibitor."
                )
                % {"user": person_name(meeting.attendee)}
            }
        )


def acting_for_checked(side: Side, acting_for: str, *, default: str) -> str:
    """Whom an organiser acts for (``default`` when they do not say); only organisers act for
    participants."""
    if side != Side.ORGANISER:
        if acting_for:
            raise ValidationError(_("Only an organiser acts on behalf of participants."))
        return ""
    acting_for = acting_for or default
    return ActingFor(acting_for).value if acting_for else ""


def place_if_published(meeting: Meeting) -> None:
    """A meeting confirmed after publication is placed by a run around the published ones."""
    if meeting.pavilion.schedule_published_at:
        scheduling_run_request_quietly(pavilion=meeting.pavilion)


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
    the schedule is published, a scheduling run then places it); a side the organiser acted
    for is told so instead.
    """
    at = at or timezone.now()
    side = Side(side)
    acting_for = acting_for_checked(side, acting_for, default="")
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
    check_meeting_cap(pavilion, sme=sme, buyer=buyer)
    check_attendee(sme, attendee)
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
    change = MeetingChange(meeting, new=True)
    with unique_or_refused(
        lambda: _("%(sme)s and %(buyer)s already have a meeting.") % {"sme": sme, "buyer": buyer}
    ):
        meeting.save()
    change.record("requested", "meeting.requested", by=by, side=side, acting_for=acting_for)
    kind = "meeting_confirmed" if confirmed else "meeting_requested"
    notifications.notify_on_commit(kind, meeting.pk, acted_for=acting_for)
    if confirmed:
        place_if_published(meeting)
    return meeting


def meetings_expire(*, now: datetime | None = None) -> int:
    """Expire every request left unanswered past its deadline, emailing each requester.
    Returns how many expired. A request someone is answering right now is left to that answer
    (or, still unanswered, to the next call)."""
    now = now or timezone.now()
    expired = 0
    due = Meeting.objects.filter(status=MeetingStatus.REQUESTED, expires_at__lte=now)
    for meeting_id in due.values_list("pk", flat=True):
        try:
            with transaction.atomic():
                meeting = meeting_locked(meeting_id)
                if meeting.status != MeetingStatus.REQUESTED:
                    continue
                meeting.status = MeetingStatus.EXPIRED
                meeting.save(update_fields=["status", "updated_at"])
                meeting_record(meeting=meeting, action="expired", from_status="requested")
                notifications.notify_on_commit("meeting_expired", meeting.pk)
                expired += 1
        except ValidationError:
            continue
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
