from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from companies.factories import LanguageFactory
from companies.models import Membership
from core import tasks as core_tasks
from events.factories import InterpreterFactory
from matchmaking.models import Proposal, ProposalStatus
from meetings import tasks
from meetings.models import Meeting, MeetingStatus
from meetings.services.attendance import (
    meeting_outcome_record,
    meeting_record_attendance,
    meeting_set_attendee,
)
from meetings.services.decisions import meeting_accept, meeting_cancel, meeting_decline
from meetings.services.placement import meeting_move
from meetings.services.proposals import proposal_accept
from meetings.services.requests import meeting_request, meetings_expire, meetings_remind

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(small_pavilion, django_user_model):
    """The small pavilion with one staff user for an SME and one for a buyer."""
    sme, buyer = small_pavilion["smes"][0], small_pavilion["buyers"][1]
    sme_user = django_user_model.objects.create_user("tanaka", email="tanaka@example.jp")
    Membership.objects.create(user=sme_user, sme=sme)
    buyer_user = django_user_model.objects.create_user("weber", email="weber@example.de")
    Membership.objects.create(user=buyer_user, buyer=buyer)
    return {
        **small_pavilion,
        "sme": sme,
        "buyer": buyer,
        "sme_user": sme_user,
        "buyer_user": buyer_user,
    }


def request(people, side="buyer", **kwargs):
    return meeting_request(
        pavilion=people["pavilion"],
        sme=people["sme"],
        buyer=people["buyer"],
        side=side,
        by=people[f"{'buyer' if side == 'buyer' else 'sme'}_user"],
        **kwargs,
    )


def test_a_request_waits_for_the_other_side_and_emails_it(
    people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = request(people, message="We distribute endoscopes in NRW.")
    assert meeting.status == MeetingStatus.REQUESTED
    assert meeting.buyer_accepted_at is not None
    assert meeting.exhibitor_accepted_at is None
    assert meeting.expires_at - meeting.buyer_accepted_at == timedelta(hours=72)
    assert [m.to for m in mail.outbox] == [["tanaka@example.jp"]]  # the side that must answer
    assert "We distribute endoscopes" in mail.outbox[0].body


def test_both_sides_accepting_confirms_and_records_each_change(people):
    meeting = request(people)
    meeting = meeting_accept(
        meeting=meeting, side="exhibitor", by=people["sme_user"], attendee=people["sme_user"]
    )
    assert meeting.status == MeetingStatus.ACCEPTED
    assert meeting.attendee == people["sme_user"]
    events = list(meeting.events.values_list("action", "side", "actor__username", "to_status"))
    assert events == [
        ("requested", "buyer", "weber", "requested"),
        ("accepted", "exhibitor", "tanaka", "accepted"),
    ]


def test_an_organiser_confirms_on_both_sides_behalf(people, admin_user):
    meeting = request(people)
    meeting = meeting_accept(meeting=meeting, side="organiser", by=admin_user)
    assert meeting.status == MeetingStatus.ACCEPTED
    assert meeting.exhibitor_accepted_at is not None
    assert meeting.buyer_accepted_at is not None


def test_the_same_pair_cannot_have_two_open_meetings(people):
    request(people)
    with pytest.raises(ValidationError, match="already have a meeting"):
        request(people, side="exhibitor")


def test_a_declined_request_closes_the_pair_for_proposals(
    people, django_capture_on_commit_callbacks
):
    proposal = Proposal.objects.create(
        pavilion=people["pavilion"], sme=people["sme"], buyer=people["buyer"], score=80, reason={}
    )
    meeting = request(people)
    meeting_decline(meeting=meeting, side="exhibitor", by=people["sme_user"])
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.DECLINED


def test_accepting_a_proposal_requests_the_meeting(people):
    proposal = Proposal.objects.create(
        pavilion=people["pavilion"], sme=people["sme"], buyer=people["buyer"], score=77.5, reason={}
    )
    proposal_accept(proposal=proposal, side="exhibitor", by=people["sme_user"])
    meeting = Meeting.objects.get(proposal=proposal)
    assert (meeting.status, meeting.requested_by_side, meeting.score) == (
        "requested",
        "exhibitor",
        77.5,
    )


def test_open_requests_are_capped_per_requester(people):
    pavilion = people["pavilion"]
    pavilion.max_open_requests = 1
    pavilion.save()
    request(people)
    other_sme = people["smes"][1]
    with pytest.raises(ValidationError, match="unanswered requests"):
        meeting_request(pavilion=pavilion, sme=other_sme, buyer=people["buyer"], side="buyer")


def test_accepted_meetings_are_capped_per_participant(people):
    pavilion = people["pavilion"]  # buyers may hold 2 meetings
    for sme in people["smes"][:2]:
        meeting = meeting_request(
            pavilion=pavilion, sme=sme, buyer=people["buyer"], side="organiser"
        )
        meeting_accept(meeting=meeting, side="organiser")
    with pytest.raises(ValidationError, match="most meetings this pavilion allows \\(2\\)"):
        meeting_request(
            pavilion=pavilion, sme=people["smes"][2], buyer=people["buyer"], side="organiser"
        )


def test_only_team_members_can_attend_for_the_exhibitor(people):
    meeting = request(people)
    with pytest.raises(ValidationError, match="not on the team"):
        meeting_set_attendee(meeting=meeting, attendee=people["buyer_user"])


def test_unanswered_requests_get_a_reminder_then_expire(people, django_capture_on_commit_callbacks):
    meeting = request(people)
    deadline = meeting.expires_at
    with django_capture_on_commit_callbacks(execute=True):
        assert meetings_remind(now=deadline - timedelta(hours=30)) == 0
        assert meetings_remind(now=deadline - timedelta(hours=23)) == 1
        assert meetings_remind(now=deadline - timedelta(hours=22)) == 0
    assert "tanaka@example.jp" in mail.outbox[-1].to
    assert meetings_expire(now=deadline - timedelta(seconds=1)) == 0
    assert meetings_expire(now=deadline) == 1
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.EXPIRED
    assert meeting.events.last().action == "expired"


def test_an_expired_request_cannot_be_accepted(people):
    meeting = request(people)
    meetings_expire(now=meeting.expires_at)
    with pytest.raises(ValidationError, match="only a requested meeting can be accepted"):
        meeting_accept(meeting=meeting, side="exhibitor")


def test_the_periodic_task_expires_and_reminds(people):
    meeting = request(people)
    Meeting.objects.filter(pk=meeting.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert tasks.expire_and_remind_meetings() == {"expired": 1, "reminded": 0}


def test_interpreter_pair_prefers_one_an_interpreter_covers(people):
    german = LanguageFactory(code="de", name_en="German", name_ja="ドイツ語")
    people["buyer"].languages.set([german])
    InterpreterFactory(pavilion=people["pavilion"]).languages.set(
        [LanguageFactory(code="ja"), german]
    )
    meeting = request(people)
    assert meeting.interpreter_pair == ("ja", "de")


def test_a_shared_language_needs_no_interpreter(people):
    people["sme"].languages.add(LanguageFactory(code="en", name_en="English", name_ja="英語"))
    assert request(people).interpreter_pair is None


def test_cancelling_a_meeting_frees_it(people):
    meeting = request(people)
    cancelled = meeting_cancel(meeting=meeting, side="buyer", by=people["buyer_user"])
    assert cancelled.status == MeetingStatus.CANCELLED
    request(people)  # the pair may ask again


def scheduled(people):
    """The pair's meeting, accepted and moved into the pavilion's first slot (they are given a
    shared language, so it needs no interpreter)."""
    from events.services import slots as event_services

    pavilion = people["pavilion"]
    event_services.meeting_slots_generate(pavilion=pavilion)
    people["sme"].languages.add(LanguageFactory(code="en", name_en="English", name_ja="英語"))
    meeting = meeting_accept(meeting=request(people), side="organiser")
    slot = pavilion.slots.order_by("starts_at").first()
    return meeting_move(meeting=meeting, slot=slot), slot


def test_attendance_is_recorded_only_once_the_meeting_has_begun(people, admin_user):
    meeting, slot = scheduled(people)
    with pytest.raises(ValidationError, match="not started yet"):
        meeting_record_attendance(
            meeting=meeting, held=True, at=slot.starts_at - timedelta(minutes=1)
        )
    held = meeting_record_attendance(meeting=meeting, held=False, by=admin_user, at=slot.starts_at)
    assert held.status == MeetingStatus.NO_SHOW
    assert held.events.last().action == "no_show"
    assert held.absent_side == ""  # an organiser may leave unsaid who did not come


def test_a_no_show_says_which_side_did_not_come(people, admin_user):
    meeting, slot = scheduled(people)
    # A participant who marks a no-show says the other side did not come.
    marked = meeting_record_attendance(
        meeting=meeting, held=False, side="exhibitor", at=slot.starts_at
    )
    assert marked.absent_side == "buyer"
    assert marked.events.last().details == {"absent": "buyer"}
    marked = meeting_record_attendance(
        meeting=meeting, held=False, absent="both", by=admin_user, at=slot.starts_at
    )
    assert marked.absent_side == "both"
    with pytest.raises(ValidationError, match="nobody absent"):
        meeting_record_attendance(meeting=meeting, held=True, absent="buyer", at=slot.starts_at)
    with pytest.raises(ValidationError, match="who did not come"):
        meeting_record_attendance(meeting=meeting, held=False, absent="nobody", at=slot.starts_at)
    # Held after all: nobody was absent.
    held = meeting_record_attendance(meeting=meeting, held=True, at=slot.starts_at)
    assert (held.status, held.absent_side) == (MeetingStatus.HELD, "")
    meeting.refresh_from_db()
    assert meeting.absent_side == ""


def test_the_database_refuses_an_absent_side_on_a_meeting_that_was_not_a_no_show(people):
    meeting, _slot = scheduled(people)
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(absent_side="buyer")


def test_outcomes_are_recorded_per_side_and_round_for_held_meetings(people):
    meeting, slot = scheduled(people)
    with pytest.raises(ValidationError, match="Only a meeting that was held"):
        meeting_outcome_record(meeting=meeting, side="exhibitor", stage="sample")
    meeting = meeting_record_attendance(meeting=meeting, held=True, at=slot.starts_at)
    meeting_outcome_record(meeting=meeting, side="exhibitor", stage="sample", by=people["sme_user"])
    meeting_outcome_record(meeting=meeting, side="exhibitor", stage="quotation")
    meeting_outcome_record(
        meeting=meeting,
        side="exhibitor",
        stage="trial_order",
        round=6,
        expected_value_usd=40_000,
    )
    stages = list(meeting.outcomes.values_list("round", "stage"))
    assert stages == [(0, "quotation"), (6, "trial_order")]
    with pytest.raises(ValidationError, match="these rounds only: At the fair, 1 month later"):
        meeting_outcome_record(meeting=meeting, side="exhibitor", stage="sample", round=2)
    with pytest.raises(ValidationError):
        meeting_outcome_record(meeting=meeting, side="buyer", stage="bankrupt")


def test_stored_api_answers_are_forgotten_after_a_day(people):
    from core.models import ApiIdempotencyKey

    def stored(key, age):
        row = ApiIdempotencyKey.objects.create(
            user=people["buyer_user"],
            key=key,
            endpoint="meetings",
            request_fingerprint="f",
            response_status=201,
        )
        ApiIdempotencyKey.objects.filter(pk=row.pk).update(created_at=timezone.now() - age)

    stored("old", timedelta(days=2))
    stored("fresh", timedelta(hours=1))
    assert core_tasks.purge_idempotency_keys() == 1
    assert list(ApiIdempotencyKey.objects.values_list("key", flat=True)) == ["fresh"]
