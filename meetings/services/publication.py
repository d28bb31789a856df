"""Publishing a pavilion's schedule: its scheduled meetings become fixed and the participants
are emailed what is new to them."""

from django.db import transaction
from django.utils import timezone

from core import audit
from core.queue import enqueue_on_commit
from events.models import Pavilion, Side

from ..models import Meeting, MeetingEvent, MeetingStatus


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
    enqueue_on_commit("meetings.tasks.send_schedule_published", pavilion_id=pavilion.pk)
    return len(ids)
