"""Emails to the people a meeting concerns, each in their own language.

SME staff read Japanese, buyers English. Sending happens in a Celery task queued after the
transaction commits, so a rolled-back change never emails anyone.
"""

from django.conf import settings
from django.core.mail import EmailMessage, send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from ..models import Meeting

#: Who hears of what: the side that must act, or both sides.
RECIPIENTS = {
    "meeting_requested": "answering side",
    "meeting_reminder": "answering side",
    "meeting_confirmed": "both",
    "meeting_cancelled": "both",
    "meeting_moved": "both",
}


def notify_on_commit(kind: str, meeting_id: int) -> None:
    from ..tasks import send_meeting_notification

    transaction.on_commit(lambda: send_meeting_notification.delay(kind=kind, meeting_id=meeting_id))


def _emails(members) -> list[str]:
    return [
        m.user.email for m in members.select_related("user") if m.user.email and m.user.is_active
    ]


def _audiences(meeting: Meeting, kind: str) -> list[tuple[str, list[str]]]:
    """(language, addresses) pairs for the people to tell."""
    exhibitor = ("ja", _emails(meeting.sme.members.all()))
    buyer = ("en", _emails(meeting.buyer.members.all()))
    if RECIPIENTS[kind] == "both":
        return [exhibitor, buyer]
    if meeting.exhibitor_accepted_at and not meeting.buyer_accepted_at:
        return [buyer]
    if meeting.buyer_accepted_at and not meeting.exhibitor_accepted_at:
        return [exhibitor]
    return [exhibitor, buyer]


def meeting_notification_send(*, kind: str, meeting_id: int) -> int:
    """Send one kind of meeting email. Returns how many messages went out."""
    meeting = (
        Meeting.objects.select_related(
            "pavilion__fair", "sme", "buyer__country", "slot", "interpreter"
        )
        .filter(pk=meeting_id)
        .first()
    )
    if meeting is None:
        return 0
    messages = []
    for language, addresses in _audiences(meeting, kind):
        if not addresses:
            continue
        with translation.override(language):
            context = {"meeting": meeting, "fair": meeting.pavilion.fair}
            subject = render_to_string(f"emails/{kind}_subject.txt", context).strip()
            body = render_to_string(f"emails/{kind}.txt", context)
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, addresses))
    return send_mass_mail(messages, fail_silently=False) if messages else 0


def schedule_published_send(*, pavilion_id: int) -> int:
    """Email every exhibitor and buyer of a pavilion their published meetings, in fair time."""
    from events.models import Pavilion

    from ..exports import participant_calendar

    pavilion = Pavilion.objects.select_related("fair").filter(pk=pavilion_id).first()
    if pavilion is None:
        return 0
    published = (
        Meeting.objects.filter(pavilion=pavilion, published_at__isnull=False, status="scheduled")
        .select_related("sme", "buyer__country", "slot", "interpreter", "attendee")
        .order_by("slot__starts_at")
    )
    by_party: dict = {}
    for meeting in published:
        by_party.setdefault(("sme", meeting.sme), []).append(meeting)
        by_party.setdefault(("buyer", meeting.buyer), []).append(meeting)
    sent = 0
    for (kind, party), meetings in by_party.items():
        addresses = _emails(party.members.all())
        if not addresses:
            continue
        language = "ja" if kind == "sme" else "en"
        with translation.override(language):
            context = {
                "pavilion": pavilion,
                "fair": pavilion.fair,
                "party": party,
                "kind": kind,
                "meetings": meetings,
            }
            subject = render_to_string("emails/schedule_published_subject.txt", context).strip()
            body = render_to_string("emails/schedule_published.txt", context)
            calendar = participant_calendar(pavilion, meetings, viewer=kind)
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, addresses)
        message.attach("schedule.ics", calendar, "text/calendar")
        sent += message.send()
    return sent
