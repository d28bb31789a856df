"""Follow-up rounds: months after a fair, each side of each held meeting is asked by email what
came of it, with a signed link that opens the outcome form for that meeting without a password.

A round's date is the fair's last day plus its months (``follow_up_due_on``), in the fair's own
calendar. From that date, for ``FOLLOW_UP_ASK_WITHIN_DAYS``, each side of each held meeting that
has not yet told that round's outcome is asked once (``FollowUpRequest``); a side that reported
no further interest in an earlier round is not asked again. A side that has not answered after
``FOLLOW_UP_REMIND_AFTER_DAYS`` is reminded once, with a fresh link; then never again. Any
outcome recorded for that meeting, side and round (through the link, the meeting's page, the API
or an organiser in the admin) answers the request.

Sending is safe to run from several places at once (Celery beat, the command line): each request
is a row created once (its unique constraint) and emailed by whoever locks it first.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from companies import mail
from events.fair_time import date_text
from events.models import Pavilion, Side

from ..models import (
    FollowUpRequest,
    Meeting,
    MeetingOutcome,
    MeetingStatus,
    TradeStage,
    follow_up_due_on,
    round_label,
)
from .attendance import meeting_outcome_record
from .notifications import company_with_country

SIDES = (Side.EXHIBITOR.value, Side.BUYER.value)
#: Signatures of follow-up links are good for nothing else.
SALT = "meetings.follow-up"
#: What a progress callback receives: how many requests were handled, of how many.
Progress = Callable[[int, int], None]


def round_being_asked(pavilion: Pavilion, today: date) -> int | None:
    """The follow-up round a pavilion asks about on ``today`` (the fair's calendar): the latest
    whose date has come, if it came less than ``FOLLOW_UP_ASK_WITHIN_DAYS`` ago."""
    window = timedelta(days=settings.FOLLOW_UP_ASK_WITHIN_DAYS)
    due = [m for m in pavilion.follow_up_months if follow_up_due_on(pavilion, m) <= today]
    if due and today - follow_up_due_on(pavilion, due[-1]) < window:
        return due[-1]
    return None


def _fair_today(pavilion: Pavilion, now) -> date:
    return pavilion.fair.local(now).date()


def follow_ups_create(pavilion: Pavilion, *, now=None) -> int:
    """Create the follow-up requests of the round a pavilion asks about now, one per side of
    each held meeting that has not told that round's outcome and has not said it has no further
    interest. Returns how many were created (none twice, whoever runs this at the same time)."""
    now = now or timezone.now()
    months = round_being_asked(pavilion, _fair_today(pavilion, now))
    if months is None:
        return 0
    held = list(
        Meeting.objects.filter(pavilion=pavilion, status=MeetingStatus.HELD).values_list(
            "pk", flat=True
        )
    )
    told = set(
        MeetingOutcome.objects.filter(meeting__in=held)
        .filter(Q(round=months) | Q(stage=TradeStage.NO_INTEREST, round__lt=months))
        .values_list("meeting_id", "side")
    )
    asked = set(
        FollowUpRequest.objects.filter(meeting__in=held, round=months).values_list(
            "meeting_id", "side"
        )
    )
    due_on = follow_up_due_on(pavilion, months)
    rows = [
        FollowUpRequest(meeting_id=pk, side=side, round=months, due_on=due_on)
        for pk in held
        for side in SIDES
        if (pk, side) not in told and (pk, side) not in asked
    ]
    FollowUpRequest.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    return len(rows)


@dataclass
class FollowUpsSent:
    """What one sending did: requests emailed, reminders emailed, and requests nobody could be
    emailed for (no one of the side's team has an email address)."""

    asked: int = 0
    reminded: int = 0
    unreachable: int = 0

    def __iadd__(self, other: "FollowUpsSent") -> "FollowUpsSent":
        self.asked += other.asked
        self.reminded += other.reminded
        self.unreachable += other.unreachable
        return self


def follow_ups_send(
    *, pavilion: Pavilion | None = None, now=None, progress: Progress | None = None
) -> FollowUpsSent:
    """Create the requests now due (of one pavilion, or of every pavilion whose fair ended within
    the last follow-up months), email those not yet sent, and remind once those unanswered since
    ``FOLLOW_UP_REMIND_AFTER_DAYS``. ``progress(done, total)`` is called as it goes."""
    now = now or timezone.now()
    if pavilion is not None:
        pavilions = [pavilion]
    else:
        since = timezone.localdate(now) - timedelta(days=31 * 37)
        pavilions = list(
            Pavilion.objects.select_related("fair").filter(
                fair__ends_on__lt=timezone.localdate(now), fair__ends_on__gte=since
            )
        )
    for each in pavilions:
        follow_ups_create(each, now=now)
    pending = FollowUpRequest.objects.filter(meeting__pavilion__in=pavilions)
    to_send = list(pending.filter(sent_at__isnull=True).values_list("pk", flat=True))
    to_remind = list(
        pending.filter(
            sent_at__lte=now - timedelta(days=settings.FOLLOW_UP_REMIND_AFTER_DAYS),
            messages__gt=0,
            reminded_at__isnull=True,
            answered_at__isnull=True,
        ).values_list("pk", flat=True)
    )
    total, result = len(to_send) + len(to_remind), FollowUpsSent()
    for done, (pk, reminder) in enumerate(
        [(pk, False) for pk in to_send] + [(pk, True) for pk in to_remind], start=1
    ):
        result += _send_one(pk, reminder=reminder, now=now)
        if progress is not None:
            progress(done, total)
    return result


def _send_one(pk: int, *, reminder: bool, now) -> FollowUpsSent:
    """Email one request (or its reminder) if nobody else has meanwhile."""
    with transaction.atomic():
        follow_up = (
            FollowUpRequest.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("meeting__pavilion__fair", "meeting__sme", "meeting__buyer__country")
            .filter(pk=pk, answered_at__isnull=True)
            .filter(reminded_at__isnull=True, sent_at__isnull=not reminder)
            .first()
        )
        if follow_up is None:
            return FollowUpsSent()
        meeting = follow_up.meeting
        if MeetingOutcome.objects.filter(
            meeting=meeting, side=follow_up.side, round=follow_up.round
        ).exists():
            follow_up.answered_at = now
            follow_up.save(update_fields=["answered_at"])
            return FollowUpsSent()
        company = meeting.sme if follow_up.side == Side.EXHIBITOR else meeting.buyer
        messages = mail.team_messages(
            company=company,
            template="emails/follow_up_request",
            context=lambda: _email_context(follow_up, reminder=reminder),
        )
        sent = mail.send_messages(messages) if messages else 0
        if reminder:
            follow_up.reminded_at = now
            follow_up.save(update_fields=["reminded_at"])
            return FollowUpsSent(reminded=1)
        follow_up.sent_at, follow_up.messages = now, sent
        follow_up.save(update_fields=["sent_at", "messages"])
        return FollowUpsSent(asked=1) if sent else FollowUpsSent(unreachable=1)


def follow_up_token(follow_up: FollowUpRequest) -> str:
    """The signed part of a follow-up link: the request, its meeting, side and round."""
    return signing.TimestampSigner(salt=SALT).sign_object(
        {"f": follow_up.pk, "m": follow_up.meeting_id, "s": follow_up.side, "r": follow_up.round}
    )


def follow_up_link(follow_up: FollowUpRequest) -> str:
    """The link of a follow-up email, in the active language's pages."""
    return mail.absolute_url(
        reverse("meetings:follow_up", kwargs={"token": follow_up_token(follow_up)})
    )


def link_expires(sent_at: datetime) -> datetime:
    """Until when a link sent at ``sent_at`` opens the form."""
    return sent_at + timedelta(days=settings.FOLLOW_UP_LINK_DAYS)


def _email_context(follow_up: FollowUpRequest, *, reminder: bool) -> dict:
    """What one side is asked, made with the reader's language active."""
    meeting = follow_up.meeting
    pavilion, fair = meeting.pavilion, meeting.pavilion.fair
    exhibitor = follow_up.side == Side.EXHIBITOR
    other = company_with_country(meeting.buyer) if exhibitor else str(meeting.sme)
    return {
        "meeting": meeting,
        "pavilion": pavilion,
        "fair": fair,
        "other": other,
        "round": round_label(follow_up.round),
        "reminder": reminder,
        "link": follow_up_link(follow_up),
        "expires": date_text(fair.local(link_expires(timezone.now()))),
    }


class FollowUpLinkError(Exception):
    """A follow-up link that does not open the form: ``expired`` or not valid at all."""

    def __init__(self, *, expired: bool) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def follow_up_from_token(token: str) -> FollowUpRequest:
    """The request a follow-up link stands for, checked against what it was signed with."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        values = signer.unsign_object(token, max_age=timedelta(days=settings.FOLLOW_UP_LINK_DAYS))
    except signing.SignatureExpired:
        raise FollowUpLinkError(expired=True) from None
    except (signing.BadSignature, ValueError):
        raise FollowUpLinkError(expired=False) from None
    if not isinstance(values, dict):
        raise FollowUpLinkError(expired=False)
    follow_up = (
        FollowUpRequest.objects.select_related(
            "meeting__pavilion__fair", "meeting__sme", "meeting__buyer__country"
        )
        .filter(
            pk=values.get("f"),
            meeting_id=values.get("m"),
            side=values.get("s"),
            round=values.get("r"),
        )
        .first()
    )
    if follow_up is None:
        raise FollowUpLinkError(expired=False)
    return follow_up


def follow_up_answer(
    follow_up: FollowUpRequest,
    *,
    stage: str,
    expected_value_usd: int | None = None,
    note: str = "",
) -> MeetingOutcome:
    """A side answers its follow-up through the emailed link: its outcome for that round."""
    if follow_up.meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("This meeting no longer counts as held; nothing was saved."))
    return meeting_outcome_record(
        meeting=follow_up.meeting,
        side=follow_up.side,
        round=follow_up.round,
        stage=stage,
        expected_value_usd=expected_value_usd,
        note=note,
    )
