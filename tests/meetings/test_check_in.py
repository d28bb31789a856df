"""Checking in each side of a meeting at the fair: on time or late, the refusals, the history's
wording and the audit entry (``meetings.services.check_in``)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from core.models import AuditEntry
from meetings.history import event_text
from meetings.models import MeetingEvent, MeetingStatus
from meetings.selectors.fair_day import CHECKED_IN, arrival_of
from meetings.services.attendance import meeting_record_attendance
from meetings.services.check_in import (
    GRACE_MINUTES,
    check_in_signature,
    check_in_signed,
    meeting_check_in,
    minutes_late,
)
from meetings.services.decisions import meeting_cancel
from tests.meetings.fair_day_builders import build_fair_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_organiser):
    return build_fair_day(make_organiser)


def starts(meeting):
    return meeting.slot.starts_at


def test_an_arrival_within_the_grace_is_on_time(world):
    meeting = world["meetings"][0]
    at = starts(meeting) + timedelta(minutes=GRACE_MINUTES)
    event = meeting_check_in(meeting=meeting, side="exhibitor", by=world["organiser"], at=at)
    assert event.action == CHECKED_IN
    assert event.side == "organiser"
    assert event.actor == world["organiser"]
    assert event.details == {
        "side": "exhibitor",
        "arrived_at": at.isoformat(),
        "late": False,
        "minutes_late": 0,
    }
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED


def test_an_early_arrival_is_on_time(world):
    meeting = world["meetings"][1]
    event = meeting_check_in(meeting=meeting, side="buyer", at=starts(meeting) - timedelta(hours=1))
    assert event.details["late"] is False


def test_an_arrival_after_the_grace_is_late_by_whole_minutes(world):
    meeting = world["meetings"][0]
    at = starts(meeting) + timedelta(minutes=7, seconds=10)
    event = meeting_check_in(meeting=meeting, side="buyer", by=world["organiser"], at=at)
    assert event.details["late"] is True
    assert event.details["minutes_late"] == 8
    assert minutes_late(starts(meeting), starts(meeting) + timedelta(minutes=GRACE_MINUTES)) == 0


def test_each_side_is_checked_in_once(world):
    meeting = world["meetings"][0]
    meeting_check_in(meeting=meeting, side="exhibitor", at=starts(meeting))
    meeting_check_in(meeting=meeting, side="buyer", at=starts(meeting))
    with pytest.raises(ValidationError, match="The exhibitor was already checked in at"):
        meeting_check_in(meeting=meeting, side="exhibitor", at=starts(meeting))
    assert meeting.events.filter(action=CHECKED_IN).count() == 2


def test_a_side_other_than_exhibitor_or_buyer_is_refused(world):
    meeting = world["meetings"][0]
    with pytest.raises(ValidationError) as refused:
        meeting_check_in(meeting=meeting, side="organiser", at=starts(meeting))
    assert "side" in refused.value.message_dict


def test_a_meeting_of_another_day_is_refused(world):
    meeting = world["meetings"][0]
    with pytest.raises(ValidationError, match="This meeting is on Mon 15 Nov 2027, not today"):
        meeting_check_in(meeting=meeting, side="buyer", at=starts(meeting) + timedelta(days=1))


def test_a_closed_meeting_is_refused(world):
    meeting = world["meetings"][0]
    meeting_record_attendance(meeting=meeting, held=True, at=starts(meeting))
    with pytest.raises(ValidationError, match="already closed: it is marked held"):
        meeting_check_in(meeting=meeting, side="buyer", at=starts(meeting))
    assert not MeetingEvent.objects.filter(action=CHECKED_IN).exists()


def test_a_cancelled_meeting_is_refused(world):
    meeting = world["meetings"][0]
    meeting_cancel(meeting=meeting, side="organiser", note="The buyer fell ill.")
    with pytest.raises(ValidationError, match="Only a scheduled meeting can be checked in"):
        meeting_check_in(meeting=meeting, side="buyer", at=starts(meeting))


def test_an_unpublished_meeting_is_refused(world):
    meeting = world["meetings"][0]
    meeting.__class__.objects.filter(pk=meeting.pk).update(published_at=None)
    with pytest.raises(ValidationError, match="not published yet"):
        meeting_check_in(meeting=meeting, side="buyer", at=starts(meeting))


def test_the_history_words_an_arrival_in_each_language(world):
    meeting = world["meetings"][0]
    meeting_check_in(meeting=meeting, side="exhibitor", at=starts(meeting))
    meeting_check_in(meeting=meeting, side="buyer", at=starts(meeting) + timedelta(minutes=12))
    events = list(meeting.events.filter(action=CHECKED_IN).order_by("pk"))
    with translation.override("en"):
        assert [event_text(event) for event in events] == [
            "The exhibitor's arrival recorded by the organiser: on time",
            "The buyer's arrival recorded by the organiser: 12 minutes late",
        ]
    with translation.override("ja"):
        assert [event_text(event) for event in events] == [
            "主催者が出展者の到着を記録しました：定刻",
            "主催者がバイヤーの到着を記録しました：12分遅れ",
        ]


def test_an_arrival_is_read_back_from_the_history(world):
    meeting = world["meetings"][0]
    at = starts(meeting) + timedelta(minutes=9)
    meeting_check_in(meeting=meeting, side="buyer", at=at)
    events = list(meeting.events.all())
    assert arrival_of(events, "buyer") == {"at": at, "late": True, "minutes_late": 9}
    assert arrival_of(events, "exhibitor") is None


def test_a_check_in_is_audited_and_a_refusal_is_not(world):
    meeting, organiser = world["meetings"][0], world["organiser"]
    meeting_check_in(
        meeting=meeting, side="buyer", by=organiser, at=starts(meeting) + timedelta(minutes=6)
    )
    entry = AuditEntry.objects.get(action="meeting.checked_in")
    assert entry.object_id == meeting.pk
    assert entry.pavilion_id == meeting.pavilion_id
    assert entry.actor == organiser
    assert entry.changes == {"checked_in": [None, "buyer"], "minutes_late": [None, 6]}
    with pytest.raises(ValidationError):
        meeting_check_in(meeting=meeting, side="buyer", by=organiser, at=starts(meeting))
    assert AuditEntry.objects.filter(action="meeting.checked_in").count() == 1


def test_a_signature_is_bound_to_its_meeting_and_side(world):
    first, second = world["meetings"]
    signature = check_in_signature(first.pk, "buyer")
    assert check_in_signed(first.pk, "buyer", signature)
    assert not check_in_signed(first.pk, "exhibitor", signature)
    assert not check_in_signed(second.pk, "buyer", signature)
    assert not check_in_signed(first.pk, "buyer", signature[:-1] + "x")
