"""Emails to the people a meeting concerns, each in their own language.

Each member of a side's team reads email in their own language (``companies.mail``): one
message per language, opening with that language's salutation, linking to the page the email
is about, with every time in the fair's zone. Sending happens in a Celery task queued after the
transaction commits, so a rolled-back change never emails anyone.

An organiser's act on a participant's behalf (``acted_for``: the exhibitor, the buyer or both)
is told to the side acted for in its own email (``meeting_acted_for``: the organiser did this for
you, and what follows), while the other side hears of it as usual, as if that side had acted.

Published schedules are emailed with ``ScheduleNotice``: what each participant was last sent,
so that publishing again emails only those whose meetings changed, saying what changed.
"""

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from companies import mail
from companies.names import person_name
from core.locks import waiting_at_most
from core.queue import enqueue_on_commit
from events.models import MeetingSlot, Side

from ..models import BOOKED_STATUSES, Meeting, MeetingStatus, ScheduleNotice
from ..selectors.notices import changes_ids, notice_entry, schedule_changes

EXHIBITOR, BUYER = Side.EXHIBITOR.value, Side.BUYER.value

#: Who hears of what. "answering": the side that must answer (both, when an organiser asked
#: both); "both"; "waiting": the side that asked and waits for the other, i.e. the requester.
#: A declined request goes to the requester: the side that declined knows. An expired request
#: goes to the requester too: they waited for an answer and may now ask someone else, while
#: the side that let it expire was asked and reminded before the deadline.
RECIPIENTS = {
    "meeting_requested": "answering",
    "meeting_reminder": "answering",
    "meeting_confirmed": "both",
    "meeting_cancelled": "both",
    "meeting_moved": "both",
    "meeting_declined": "waiting",
    "meeting_expired": "waiting",
    "meeting_proxy_attendee": "exhibitor",
}
#: The history action behind a kind of email, for who did it and why.
ACTIONS = {
    "meeting_cancelled": "cancelled",
    "meeting_declined": "declined",
    "meeting_proxy_attendee": "proxy_attendee",
}
#: The sides an organiser acted for, by ``ActingFor`` code.
ACTED_SIDES = {"exhibitor": [EXHIBITOR], "buyer": [BUYER], "both": [EXHIBITOR, BUYER]}


def notify_on_commit(kind: str, meeting_id: int, *, acted_for: str = "") -> None:
    """Email the meeting's people about it (``meeting_notification_send``) once the transaction
    commits: ``kind`` to those it concerns (none for an empty ``kind``), and, when an organiser
    acted for participants, ``meeting_acted_for`` to the sides acted for instead."""
    if not kind and not acted_for:
        return
    arguments = {"kind": kind, "meeting_id": meeting_id}
    if acted_for:
        arguments["acted_for"] = acted_for
    enqueue_on_commit("meetings.tasks.send_meeting_notification", **arguments)


def _sides_to_tell(meeting: Meeting, kind: str, acted_side: str) -> list[str]:
    both = [EXHIBITOR, BUYER]
    accepted = {
        side
        for side, at in (
            (EXHIBITOR, meeting.exhibitor_accepted_at),
            (BUYER, meeting.buyer_accepted_at),
        )
        if at
    }
    rule = RECIPIENTS[kind]
    if rule == "both":
        return both
    if rule == EXHIBITOR:
        return [EXHIBITOR]
    if rule == "answering":
        return [side for side in both if side not in accepted] or both
    waiting = [side for side in both if side in accepted]
    if not waiting and kind == "meeting_declined":
        # An organiser's proposal declined by one side: the other side was asked too.
        return [side for side in both if side != acted_side]
    # Nobody waits on an organiser's request that neither side answered.
    return waiting


def company_with_country(buyer) -> str:
    """A buyer as exhibitors read it in emails: its name and country."""
    return _("%(company)s (%(country)s)") % {"company": buyer, "country": buyer.country}


def meeting_url(meeting: Meeting) -> str:
    """The meeting's own page, in the active language, as a link for an email."""
    return mail.absolute_url(reverse("meetings:meeting_detail", args=[meeting.pk]))


def _meeting_context(meeting: Meeting, side: str, event) -> dict:
    """What a meeting's email says to one side, made with the reader's language active."""
    fair = meeting.pavilion.fair
    other = meeting.buyer if side == EXHIBITOR else meeting.sme
    acted_side = event.side if event is not None else ""
    acting_for = event.acting_for if event is not None else ""
    if acted_side == Side.ORGANISER and acting_for in (EXHIBITOR, BUYER):
        # Acting for one side, the organiser did what that side would have done.
        acted_side = acting_for
    context = {
        "meeting": meeting,
        "pavilion": meeting.pavilion,
        "fair": fair,
        "side": side,
        "other": other,
        "other_with_country": company_with_country(other) if side == EXHIBITOR else str(other),
        "requested_by": (
            "organiser" if meeting.requested_by_side == Side.ORGANISER else "other_side"
        ),
        "expires": fair.local_text(meeting.expires_at) if meeting.expires_at else "",
        "when": str(meeting.slot) if meeting.slot_id else "",
        "interpreter": str(meeting.interpreter) if meeting.interpreter_id else "",
        "acted_by": (
            "organiser"
            if acted_side == Side.ORGANISER
            else "us"
            if acted_side == side
            else "other_side"
        ),
        "reason": meeting.cancel_reason,
        "link": meeting_url(meeting),
        "action": event.action if event is not None else "",
        "confirmed": meeting.status == MeetingStatus.ACCEPTED,
        "proxy": person_name(meeting.proxy_attendee) if meeting.proxy_attendee_id else "",
        "office": str(meeting.pavilion.organiser),
    }
    if event is not None and event.action == "cancelled" and event.details.get("slot"):
        slot = MeetingSlot.objects.filter(pk=event.details["slot"]).first()
        context["when"] = fair.slot_text(slot.starts_at, slot.ends_at) if slot else ""
    return context


def meeting_notification_send(*, kind: str, meeting_id: int, acted_for: str = "") -> int:
    """Send one kind of meeting email to the sides it concerns (no ``kind``: none) and, when an
    organiser acted for participants, ``meeting_acted_for`` to the sides ``acted_for`` names
    in place of the usual one. Returns how many messages went out. Side effects: a participant
    told of a published meeting's move or cancellation has it so in their ScheduleNotice, so
    that publishing again does not tell them twice."""
    meeting = (
        Meeting.objects.select_related(
            "pavilion__fair",
            "pavilion__organiser",
            "sme",
            "buyer__country",
            "slot__pavilion__fair",
            "interpreter",
            "proxy_attendee",
        )
        .filter(pk=meeting_id)
        .first()
    )
    if meeting is None:
        return 0
    acted = ACTED_SIDES.get(acted_for, [])
    event = None
    if acted:
        event = meeting.events.exclude(acting_for="").order_by("at", "pk").last()
    elif kind in ACTIONS:
        event = meeting.events.filter(action=ACTIONS[kind]).order_by("at", "pk").last()
    told = _sides_to_tell(meeting, kind, event.side if event is not None else "") if kind else []
    sent = 0
    for side in [*acted, *(side for side in told if side not in acted)]:
        company = meeting.sme if side == EXHIBITOR else meeting.buyer
        messages = mail.team_messages(
            company=company,
            template=f"emails/{'meeting_acted_for' if side in acted else kind}",
            context=lambda side=side: _meeting_context(meeting, side, event),
        )
        sent += mail.send_messages(messages)
        if messages and (
            kind in ("meeting_moved", "meeting_cancelled")
            or (side in acted and meeting.status == MeetingStatus.CANCELLED)
        ):
            _notice_update(meeting, company)
    return sent


def _participant(company) -> dict:
    return {"sme": company} if company.__class__.__name__ == "SME" else {"buyer": company}


def _notice_busy() -> str:
    return _(
        "Another email about this participant's schedule is being sent right now; try again "
        "in a moment."
    )


def _notice_update(meeting: Meeting, company) -> None:
    """Record in the participant's notice that they were told of this meeting's change."""
    with transaction.atomic():
        with waiting_at_most(_notice_busy()):
            notice = (
                ScheduleNotice.objects.select_for_update()
                .filter(pavilion_id=meeting.pavilion_id, **_participant(company))
                .first()
            )
        if notice is None or str(meeting.pk) not in notice.meetings:
            return
        if meeting.status in BOOKED_STATUSES and meeting.published_at:
            notice.meetings[str(meeting.pk)] = notice_entry(meeting)
        else:
            del notice.meetings[str(meeting.pk)]
        notice.save(update_fields=["meetings"])


def _schedule_context(pavilion, kind, company, meetings, before, changes) -> dict:
    """A participant's schedule email, made with the reader's language active."""
    from ..exports import booths_of, meeting_location

    fair, booths = pavilion.fair, booths_of(pavilion)
    by_id = {meeting.pk: meeting for meeting in meetings}
    old_slots = {
        slot.pk: slot
        for slot in MeetingSlot.objects.filter(
            pk__in=[(before or {}).get(str(pk), {}).get("slot") or 0 for pk in changes_ids(changes)]
        )
    }
    gone = Meeting.objects.select_related("sme", "buyer__country").in_bulk(changes["removed"])

    def other(meeting):
        if kind == "sme":
            return company_with_country(meeting.buyer)
        return str(meeting.sme)

    def was(pk):
        slot = old_slots.get((before or {}).get(str(pk), {}).get("slot"))
        return fair.slot_text(slot.starts_at, slot.ends_at) if slot else ""

    def row(meeting):
        return {
            "when": fair.slot_text(meeting.slot.starts_at, meeting.slot.ends_at),
            "other": other(meeting),
            "location": meeting_location(meeting, booths),
            "interpreter": str(meeting.interpreter or ""),
            "was": was(meeting.pk),
        }

    return {
        "pavilion": pavilion,
        "fair": fair,
        "kind": kind,
        "company": company,
        "first": before is None,
        "meetings": [row(meeting) for meeting in meetings],
        "added": [row(by_id[pk]) for pk in changes["added"]],
        "moved": [row(by_id[pk]) for pk in changes["moved"]],
        "changed": [row(by_id[pk]) for pk in changes["changed"]],
        "removed": [
            {"when": was(pk), "other": other(gone[pk]) if pk in gone else ""}
            for pk in changes["removed"]
        ],
        "link": mail.absolute_url(reverse("meetings:schedule", args=[pavilion.pk])),
    }


def schedule_published_send(
    *, pavilion_id: int, sme_id: int | None = None, buyer_id: int | None = None
) -> int:
    """Email each exhibitor and buyer of a pavilion whose published meetings differ from what
    they were last emailed: the first time their whole schedule, later what changed (new
    meetings, moved ones, ones no longer in their schedule) and the schedule as it is now,
    with a calendar file. With ``sme_id`` and ``buyer_id`` (a meeting published on its own),
    only those two. Returns how many messages went out.

    Side effects: each participant emailed has their ScheduleNotice set to what they were sent.
    """
    from events.models import Pavilion

    pavilion = Pavilion.objects.select_related("fair").filter(pk=pavilion_id).first()
    if pavilion is None:
        return 0
    published = Meeting.objects.filter(
        pavilion=pavilion, published_at__isnull=False, status__in=BOOKED_STATUSES
    )
    notices = ScheduleNotice.objects.filter(pavilion=pavilion)
    # A meeting published on its own: only its two sides (the query keeps their meetings).
    wanted = {("sme", sme_id), ("buyer", buyer_id)} if sme_id or buyer_id else None
    if wanted:
        theirs = Q(sme_id=sme_id) | Q(buyer_id=buyer_id)
        published, notices = published.filter(theirs), notices.filter(theirs)
    by_party: dict[tuple[str, int], list[Meeting]] = {}
    companies: dict[tuple[str, int], object] = {}
    for meeting in published.select_related(
        "sme", "buyer__country", "slot", "interpreter", "attendee", "proxy_attendee"
    ).order_by("slot__starts_at", "pk"):
        for kind, company in (("sme", meeting.sme), ("buyer", meeting.buyer)):
            by_party.setdefault((kind, company.pk), []).append(meeting)
            companies[(kind, company.pk)] = company
    # Participants emailed before whose meetings have all gone are told so too.
    for notice in notices.select_related("sme", "buyer"):
        kind, company = ("sme", notice.sme) if notice.sme_id else ("buyer", notice.buyer)
        companies.setdefault((kind, company.pk), company)
    if wanted:
        companies = {key: company for key, company in companies.items() if key in wanted}
    sent = 0
    for (kind, _pk), company in sorted(companies.items()):
        sent += _schedule_send(pavilion, kind, company, by_party.get((kind, company.pk), []))
    return sent


def _schedule_send(pavilion, kind: str, company, meetings: list[Meeting]) -> int:
    from ..exports import participant_calendar

    with transaction.atomic():
        with waiting_at_most(_notice_busy()):
            notice = (
                ScheduleNotice.objects.select_for_update()
                .filter(pavilion=pavilion, **_participant(company))
                .first()
            )
        before = notice.meetings if notice is not None else None
        changes = schedule_changes(before, meetings)
        if not changes_ids(changes):
            return 0  # nothing new for them: no email
        messages = mail.team_messages(
            company=company,
            template="emails/schedule_published",
            context=lambda: _schedule_context(pavilion, kind, company, meetings, before, changes),
            attachments=lambda: (
                [
                    (
                        "schedule.ics",
                        participant_calendar(pavilion, meetings, viewer=kind),
                        "text/calendar",
                    )
                ]
                if meetings
                else []
            ),
        )
        if not messages:
            return 0
        sent = mail.send_messages(messages)
        ScheduleNotice.objects.update_or_create(
            pavilion=pavilion,
            **_participant(company),
            defaults={
                "meetings": {str(meeting.pk): notice_entry(meeting) for meeting in meetings},
                "sent_at": timezone.now(),
            },
        )
    return sent
