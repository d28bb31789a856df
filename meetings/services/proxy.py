"""Organiser staff attending a meeting for an exhibitor who cannot come (a proxy attendee).

A JETRO office often takes the meetings of an SME whose staff could not travel: a member of the
pavilion's organising office holds the meeting in the exhibitor's place. The meeting names them
(``Meeting.proxy_attendee``); one person attends for the exhibitor, so a meeting naming someone
of the exhibitor's team (``attendee``) names no proxy, and the database refuses both.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from companies.names import person_name
from events.models import Side

from ..models import OPEN_STATUSES, Meeting
from ..selectors.meetings import office_staff
from . import notifications
from .changes import MEETING_PARTIES, MeetingChange, meeting_locked
from .requests import check_one_attendee


def check_proxy_attendee(meeting: Meeting, user) -> None:
    """Refuse a proxy attendee who is not active staff of the pavilion's organising office."""
    if user is None:
        return
    office = meeting.pavilion.organiser
    if not office_staff(meeting.pavilion).filter(pk=user.pk).exists():
        raise ValidationError(
            {
                "proxy_attendee": _(
                    "%(user)s is not on the staff of %(office)s, which organises this "
                    "pavilion; only its staff attend meetings for an absent exhibitor."
                )
                % {"user": person_name(user), "office": office}
            }
        )


@transaction.atomic
def meeting_set_proxy_attendee(*, meeting: Meeting, proxy_attendee, by=None) -> Meeting:
    """An organiser names a member of the pavilion's organising office to hold a meeting for
    an absent exhibitor, or clears them (``proxy_attendee`` None).

    Refused for a meeting that has taken place or was called off, for someone not on the
    office's staff, and while someone of the exhibitor's team is named to attend.
    Side effects: records the change in the meeting's history and the audit log, and emails the
    exhibitor once the transaction commits; naming the same person again changes nothing.
    """
    meeting = meeting_locked(meeting.pk, related=(*MEETING_PARTIES, "pavilion__organiser"))
    if meeting.proxy_attendee_id == (proxy_attendee.pk if proxy_attendee is not None else None):
        return meeting
    if meeting.status not in OPEN_STATUSES:
        raise ValidationError(
            {
                "proxy_attendee": _(
                    "This meeting is %(status)s; organiser staff are named to attend only a "
                    "meeting yet to take place."
                )
                % {"status": meeting.get_status_display().lower()}
            }
        )
    check_proxy_attendee(meeting, proxy_attendee)
    check_one_attendee(meeting, proxy_attendee=proxy_attendee)
    was = meeting.proxy_attendee_id
    change = MeetingChange(meeting, fields=["proxy_attendee"])
    meeting.proxy_attendee = proxy_attendee
    meeting.save(update_fields=["proxy_attendee", "updated_at"])
    change.record(
        "proxy_attendee",
        "meeting.proxy_attendee_named",
        by=by,
        side=Side.ORGANISER,
        details={
            "proxy_attendee": proxy_attendee.pk if proxy_attendee is not None else None,
            "was": was,
        },
    )
    notifications.notify_on_commit("meeting_proxy_attendee", meeting.pk)
    return meeting
