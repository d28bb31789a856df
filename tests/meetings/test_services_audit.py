"""The audit entries of the meeting services: answers given for participants, moves, locks,
publication, cancellations, attendance, outcomes, unavailability; a command's run request."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from companies.models import Language
from core import audit
from core.models import AuditEntry
from events.factories import InterpreterFactory
from events.models import MeetingSlot
from events.services import slots as event_services
from meetings.models import Meeting, MeetingOutcome, ParticipantUnavailability, SchedulingRun
from meetings.services.attendance import (
    meeting_outcome_record,
    meeting_record_attendance,
    meeting_set_attendee,
)
from meetings.services.availability import participant_unavailability_save
from meetings.services.decisions import meeting_accept, meeting_cancel
from meetings.services.placement import meeting_lock, meeting_move, meeting_unschedule
from meetings.services.publication import schedule_publish
from meetings.services.requests import meeting_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(small_pavilion, make_organiser):
    """The small pavilion with slots, an interpreter for Japanese and English, an organiser."""
    pavilion = small_pavilion["pavilion"]
    event_services.meeting_slots_generate(pavilion=pavilion)
    interpreter = InterpreterFactory(pavilion=pavilion, name="Aiko Mori")
    interpreter.languages.set(Language.objects.filter(code__in=["ja", "en"]))
    interpreter.available_slots.set(pavilion.slots.all())
    return {
        **small_pavilion,
        "interpreter": interpreter,
        "slot": pavilion.slots.order_by("starts_at").first(),
        "organiser": make_organiser(pavilion.organiser, "organiser-a"),
    }


def confirmed(setup, **kwargs) -> Meeting:
    return meeting_request(
        pavilion=setup["pavilion"],
        sme=setup["smes"][0],
        buyer=setup["buyers"][1],
        side="organiser",
        acting_for="both",
        **kwargs,
    )


def only(action: str) -> AuditEntry:
    return AuditEntry.objects.get(action=action)


def test_a_request_made_for_both_sides_records_whom_the_organiser_acted_for(setup):
    with audit.origin("admin", user=setup["organiser"]):
        meeting = confirmed(setup)
    entry = only("meeting.requested")
    assert (entry.interface, entry.actor, entry.object_id) == (
        "admin",
        setup["organiser"],
        meeting.pk,
    )
    assert entry.pavilion_id == setup["pavilion"].pk
    assert entry.changes["status"] == [None, "accepted"]
    assert entry.changes["acting_for"] == [None, "both"]
    assert entry.changes["requested_by_side"] == [None, "organiser"]


def test_accepting_for_the_exhibitor_records_the_acceptance_given(setup):
    meeting = meeting_request(
        pavilion=setup["pavilion"], sme=setup["smes"][0], buyer=setup["buyers"][1], side="buyer"
    )
    meeting_accept(meeting=meeting, side="organiser", acting_for="exhibitor", by=setup["organiser"])
    entry = only("meeting.accepted")
    assert entry.actor == setup["organiser"]
    meeting.refresh_from_db()
    assert entry.changes == {
        "acting_for": [None, "exhibitor"],
        "exhibitor_accepted_at": [None, meeting.exhibitor_accepted_at.isoformat()],
        "status": ["requested", "accepted"],
    }


def test_a_move_a_lock_and_taking_it_out_again(setup):
    meeting = confirmed(setup)
    slot, interpreter, organiser = setup["slot"], setup["interpreter"], setup["organiser"]
    meeting_move(meeting=meeting, slot=slot, interpreter=interpreter, by=organiser)
    meeting_lock(meeting=meeting, locked=True, by=organiser)
    meeting_lock(meeting=meeting, locked=False, by=organiser)
    meeting_unschedule(meeting=meeting, by=organiser)
    assert only("meeting.moved").changes == {
        "interpreter": [None, interpreter.pk],
        "slot": [None, slot.pk],
        "status": ["accepted", "scheduled"],
    }
    assert only("meeting.locked").changes == {"locked": [False, True]}
    assert only("meeting.unlocked").changes == {"locked": [True, False]}
    assert only("meeting.unscheduled").changes == {
        "interpreter": [interpreter.pk, None],
        "slot": [slot.pk, None],
        "status": ["scheduled", "accepted"],
    }
    placements = AuditEntry.objects.filter(action__startswith="meeting.").exclude(
        action="meeting.requested"
    )
    assert set(placements.values_list("actor", flat=True)) == {organiser.pk}


def test_a_refused_move_records_nothing(setup):
    meeting = confirmed(setup)
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError):
        meeting_move(meeting=meeting, slot=setup["slot"], interpreter=None)
    assert AuditEntry.objects.count() == before


def test_publishing_records_the_pavilion_and_how_many_meetings(setup):
    meeting = confirmed(setup)
    meeting_move(meeting=meeting, slot=setup["slot"], interpreter=setup["interpreter"])
    schedule_publish(pavilion=setup["pavilion"], by=setup["organiser"])
    entry = only("pavilion.schedule.published")
    assert (entry.object_id, entry.pavilion_id, entry.actor) == (
        setup["pavilion"].pk,
        setup["pavilion"].pk,
        setup["organiser"],
    )
    assert entry.changes["meetings_published"] == [0, 1]
    assert entry.changes["schedule_published_at"][0] is None


def test_a_cancellation_keeps_the_reasons_length_not_its_words(setup):
    meeting = confirmed(setup)
    meeting_move(meeting=meeting, slot=setup["slot"], interpreter=setup["interpreter"])
    meeting_cancel(meeting=meeting, side="buyer", note="Flight cancelled")
    entry = only("meeting.cancelled")
    assert entry.changes == {
        "cancel_reason_length": [0, 16],
        "interpreter": [setup["interpreter"].pk, None],
        "slot": [setup["slot"].pk, None],
        "status": ["scheduled", "cancelled"],
    }
    assert "Flight" not in str(entry.changes)


def test_attendee_attendance_and_outcome(setup):
    meeting = confirmed(setup)
    staff = get_user_model().objects.create_user("kenji")
    setup["smes"][0].members.create(user=staff, role="staff")
    meeting_set_attendee(meeting=meeting, attendee=staff)
    start = datetime(2025, 11, 15, 9, tzinfo=UTC)
    past = MeetingSlot.objects.create(
        pavilion=setup["pavilion"], starts_at=start, ends_at=start + timedelta(minutes=30)
    )
    Meeting.objects.filter(pk=meeting.pk).update(status="scheduled", slot=past)
    meeting_record_attendance(meeting=meeting, held=True)
    outcome = meeting_outcome_record(
        meeting=meeting, side="exhibitor", stage="quotation", expected_value_usd=20000
    )
    meeting_outcome_record(
        meeting=meeting, side="exhibitor", stage="trial_order", expected_value_usd=20000
    )
    assert only("meeting.attendee_named").changes == {"attendee": [None, staff.pk]}
    assert only("meeting.attendance_recorded").changes == {"status": ["scheduled", "held"]}
    first, second = AuditEntry.objects.filter(action="outcome.recorded").order_by("pk")
    assert (first.content_type.model_class(), first.object_id) == (MeetingOutcome, outcome.pk)
    assert first.changes["stage"] == [None, "quotation"]
    assert first.changes["expected_value_usd"] == [None, 20000]
    assert second.changes == {"stage": ["quotation", "trial_order"]}


def test_unavailability_added_changed_and_deleted_in_the_admin(client, setup):
    pavilion, buyer = setup["pavilion"], setup["buyers"][1]
    first, second = pavilion.slots.order_by("starts_at")[:2]
    mark = participant_unavailability_save(pavilion=pavilion, slot=first, buyer=buyer)
    participant_unavailability_save(
        pavilion=pavilion, slot=second, buyer=buyer, unavailability=mark
    )
    client.force_login(setup["organiser"])
    response = client.post(
        reverse("admin:meetings_participantunavailability_delete", args=[mark.pk]),
        {"post": "yes"},
    )
    assert response.status_code == 302
    assert not ParticipantUnavailability.objects.exists()
    assert only("unavailability.added").changes["slot"] == [None, first.pk]
    assert only("unavailability.changed").changes == {"slot": [first.pk, second.pk]}
    deleted = only("unavailability.deleted")
    assert (deleted.interface, deleted.actor) == ("admin", setup["organiser"])
    assert deleted.changes["buyer"] == [buyer.pk, None]


def test_a_run_requested_from_the_command_line(setup, capsys):
    confirmed(setup)
    call_command("run_scheduler", setup["pavilion"].pk, "--here", "--time-limit", "2")
    run = SchedulingRun.objects.get()
    entry = only("scheduling.run.requested")
    assert (entry.interface, entry.actor, entry.object_id) == ("command", None, run.pk)
    assert entry.changes == {"status": [None, "queued"]}


def test_a_proposal_accepted_for_both_sides_records_the_proposal_and_the_meeting(setup):
    from matchmaking.models import Proposal
    from meetings.services.proposals import proposal_accept

    proposal = Proposal.objects.create(
        pavilion=setup["pavilion"],
        sme=setup["smes"][0],
        buyer=setup["buyers"][1],
        score=80.0,
        reason={},
    )
    with audit.origin("admin", user=setup["organiser"]):
        proposal_accept(proposal=proposal, side="organiser", acting_for="both")
    accepted = only("proposal.accepted")
    assert (accepted.actor, accepted.object_id) == (setup["organiser"], proposal.pk)
    assert accepted.changes == {"status": ["open", "accepted"]}
    requested = only("meeting.requested")
    assert requested.changes["proposal"] == [None, proposal.pk]
    assert requested.changes["acting_for"] == [None, "both"]
