"""Publishing a pavilion's schedule: its scheduled meetings become fixed and the participants
are emailed what is new to them. A meeting placed into a schedule already published (a fair-day
replacement) is published on its own, its two sides emailed."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from core.queue import enqueue_on_commit
from events.models import Pavilion, Side

from ..models import Meeting, MeetingEvent, MeetingStatus
from .changes import meeting_locked


@transaction.atomic
def schedule_publish(*, pavilion: Pavilion, by=None) -> int:
    """Publish the pavilion's schedule: scheduled meetings become fixed. Returns how many
    meetings were newly published.

    Side effects, once the transaction commits: each exhibitor and buyer whose published
    meetings differ from what they were last emailed (their ScheduleNotice) is emailed, the
    first time their schedule, later what changed; publishing again with no change emails
    nobody (``notifications.schedule_published_send``)."""
    now = timezone.now()
    fresh = Meeting.objects.filter(
        pavilion=pavilion, status=MeetingStatus.SCHEDULED, published_at__isnull=True
    )
    ids = list(fresh.values_list("pk", flat=True))
    fresh.update(published_at=now)
    Pavilion.objects.filter(pk=pavilion.pk).update(schedule_published_at=now)
    audit.record(
        action="pavilion.schedule.published",
        obj=pavilion,
        pavilion_id=pavilion.pk,
        changes={
            "schedule_published_at": [pavilion.schedule_published_at, now],
            "meetings_published": [0, len(ids)],
        },
        by=by,
    )
    pavilion.schedule_published_at = now
    _record_published(ids, by)
    enqueue_on_commit("meetings.tasks.send_schedule_published", pavilion_id=pavilion.pk)
    return len(ids)


@transaction.atomic
def meeting_publish(*, meeting: Meeting, by=None) -> Meeting:
    """Publish one scheduled meeting of a pavilion whose schedule is published, leaving the
    pavilion's other unpublished changes for the organiser's next publication. Publishing an
    already published meeting changes nothing.

    Side effects, once the transaction commits: the meeting's exhibitor and buyer, and only
    they, are emailed what changed in their published schedule (as ``schedule_publish`` does).
    """
    meeting = meeting_locked(meeting.pk)
    if meeting.published_at is not None:
        return meeting
    if meeting.status != MeetingStatus.SCHEDULED:
        raise ValidationError(
            _("Only a meeting with a slot can be published; this one is %(status)s.")
            % {"status": meeting.get_status_display().lower()}
        )
    meeting.published_at = timezone.now()
    meeting.save(update_fields=["published_at", "updated_at"])
    _record_published([meeting.pk], by)
    enqueue_on_commit(
        "meetings.tasks.send_schedule_published",
        pavilion_id=meeting.pavilion_id,
        sme_id=meeting.sme_id,
        buyer_id=meeting.buyer_id,
    )
    return meeting


def _record_published(ids: list[int], by) -> None:
    """The meetings' history: published by the organiser."""
    MeetingEvent.objects.bulk_create(
        MeetingEvent(
            meeting_id=pk,
            actor=by if getattr(by, "is_authenticated", False) else None,
            side=Side.ORGANISER,
            action="published",
            from_status="scheduled",
            to_status="scheduled",
        )
        for pk in ids
    )
