"""A meeting's history: events keep codes and figures; each reader gets them in their language."""

import importlib
from datetime import UTC, datetime

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import translation

from companies.choices import MemberRole
from companies.models import Membership
from events.services import slots as event_services
from meetings.history import event_text, slot_details
from meetings.models import MeetingEvent
from meetings.services.attendance import (
    meeting_outcome_record,
    meeting_record_attendance,
    meeting_set_attendee,
)
from meetings.services.decisions import meeting_accept
from meetings.services.placement import meeting_move
from meetings.services.requests import meeting_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(small_pavilion):
    """A meeting requested by the exhibitor, accepted by the buyer, moved into the first slot."""
    pavilion = small_pavilion["pavilion"]
    event_services.meeting_slots_generate(pavilion=pavilion)
    sme, buyer = small_pavilion["smes"][3], small_pavilion["buyers"][0]
    sme.languages.add(*buyer.languages.all())
    meeting = meeting_request(pavilion=pavilion, sme=sme, buyer=buyer, side="exhibitor")
    meeting = meeting_accept(meeting=meeting, side="buyer")
    return meeting_move(meeting=meeting, slot=pavilion.slots.order_by("starts_at")[0])


def texts(meeting, language):
    with translation.override(language):
        return [event_text(event) for event in meeting.events.order_by("at", "pk")]


def test_history_is_worded_from_codes_in_each_language(meeting):
    slot = meeting.slot
    assert texts(meeting, "en") == [
        "Requested by the exhibitor",
        "Accepted by the buyer (Requested → Accepted)",
        f"Moved to {slot} by the organiser (Accepted → Scheduled)",
    ]
    with translation.override("ja"):
        slot_ja = str(slot)
    assert texts(meeting, "ja") == [
        "出展者が商談を申し込みました",
        "バイヤーが承諾しました（申込中 → 承諾済み）",
        f"主催者が{slot_ja}の時間枠に移動しました（承諾済み → 日時確定）",
    ]


def test_a_move_stores_the_slots_as_codes_not_text(meeting):
    moved = meeting.events.get(action="moved")
    assert moved.note == ""
    assert moved.details == {**slot_details(meeting.slot), "interpreter": None}


def test_an_organiser_accepting_records_whom_they_acted_for(small_pavilion):
    pavilion = small_pavilion["pavilion"]
    request = meeting_request(
        pavilion=pavilion,
        sme=small_pavilion["smes"][0],
        buyer=small_pavilion["buyers"][1],
        side="exhibitor",
    )
    accepted = meeting_accept(meeting=request, side="organiser", acting_for="buyer")
    event = accepted.events.get(action="accepted")
    assert (event.side, event.acting_for, event.note) == ("organiser", "buyer", "")
    with translation.override("en"):
        assert event_text(event) == (
            "Accepted by the organiser on behalf of the buyer (Requested → Accepted)"
        )
    with translation.override("ja"):
        assert event_text(event).startswith("主催者がバイヤーに代わって承諾しました")


def test_an_organiser_requesting_for_one_side_makes_it_that_sides_request(small_pavilion):
    meeting = meeting_request(
        pavilion=small_pavilion["pavilion"],
        sme=small_pavilion["smes"][0],
        buyer=small_pavilion["buyers"][1],
        side="organiser",
        acting_for="exhibitor",
    )
    assert meeting.requested_by_side == "exhibitor"
    assert meeting.exhibitor_accepted_at is not None
    assert meeting.buyer_accepted_at is None
    assert meeting.status == "requested"
    [event] = meeting.events.all()
    assert (event.side, event.acting_for) == ("organiser", "exhibitor")


def test_an_organiser_requesting_for_both_sides_confirms_the_meeting(small_pavilion):
    meeting = meeting_request(
        pavilion=small_pavilion["pavilion"],
        sme=small_pavilion["smes"][0],
        buyer=small_pavilion["buyers"][1],
        side="organiser",
        acting_for="both",
    )
    assert meeting.status == "accepted"
    assert meeting.expires_at is None
    with translation.override("en"):
        assert event_text(meeting.events.get()) == (
            "Requested by the organiser on behalf of both sides (now accepted)"
        )


def test_only_an_organiser_acts_for_participants(small_pavilion):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Only an organiser acts on behalf"):
        meeting_request(
            pavilion=small_pavilion["pavilion"],
            sme=small_pavilion["smes"][0],
            buyer=small_pavilion["buyers"][1],
            side="buyer",
            acting_for="exhibitor",
        )


def test_an_outcome_and_an_attendee_are_stored_as_codes(meeting):
    user = get_user_model().objects.create_user("haruto", first_name="Haruto", last_name="Sato")
    Membership.objects.create(user=user, sme=meeting.sme, role=MemberRole.STAFF)
    meeting_set_attendee(meeting=meeting, attendee=user)
    meeting_record_attendance(meeting=meeting, held=True, at=meeting.slot.ends_at)
    meeting_outcome_record(meeting=meeting, side="buyer", stage="trial_order", round=3)
    attendee = meeting.events.get(action="attendee")
    outcome = meeting.events.get(action="outcome")
    assert (attendee.note, attendee.details) == ("", {"attendee": user.pk})
    assert (outcome.note, outcome.details) == ("", {"round": 3, "stage": "trial_order"})
    with translation.override("en"):
        assert event_text(attendee) == "Haruto Sato named to attend by the exhibitor"
        assert event_text(outcome) == "Outcome recorded by the buyer: Trial order (3 months later)"
    with translation.override("ja"):
        assert "Sato Haruto" in event_text(attendee)  # family name first
        assert "follow_up" not in event_text(outcome)
        assert "trial_order" not in event_text(outcome)


def test_a_change_the_history_does_not_know_still_reads(meeting):
    event = MeetingEvent.objects.create(
        meeting=meeting, action="renamed", from_status="scheduled", to_status="scheduled"
    )
    with translation.override("en"):
        assert event_text(event) == "renamed by the platform"


def test_an_event_title_is_in_the_fairs_time_zone(meeting):
    event = meeting.events.first()
    MeetingEvent.objects.filter(pk=event.pk).update(at=datetime(2027, 11, 15, 9, 5, tzinfo=UTC))
    event.refresh_from_db()
    with translation.override("en"):
        assert str(event) == "Mon 15 Nov 2027, 10:05 CET: Requested by the exhibitor"


def test_earlier_events_move_their_codes_out_of_the_note(meeting):
    migration = importlib.import_module(
        "matchmaking.migrations.0003_progress_as_codes_events_as_codes"
    )
    meeting_record_attendance(meeting=meeting, held=True, at=meeting.slot.ends_at)
    old_outcome = MeetingEvent.objects.create(
        meeting=meeting,
        action="outcome",
        side="exhibitor",
        to_status="held",
        note="at_fair: sample",
    )
    old_accept = MeetingEvent.objects.create(
        meeting=meeting,
        action="accepted",
        side="organiser",
        to_status="accepted",
        note="双方に代わって",
    )

    # The migration's models, as they are now: the data step only filters and updates rows.
    class ModelsNow:
        def get_model(self, app_label, model_name):
            moved = app_label == "matchmaking" and model_name in ("Meeting", "MeetingEvent")
            return apps.get_model("meetings" if moved else app_label, model_name)

    migration.events_as_codes(ModelsNow(), None)
    old_outcome.refresh_from_db()
    old_accept.refresh_from_db()
    assert (old_outcome.note, old_outcome.details) == ("", {"round": "at_fair", "stage": "sample"})
    assert (old_accept.note, old_accept.acting_for) == ("", "both")
