"""An organiser requests, accepts, declines and cancels meetings on a participant's behalf:
recorded as such in the history and the audit log, the side acted for told so by email, the
other side told as usual."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from core.models import AuditEntry
from meetings.history import event_text
from meetings.models import Meeting, MeetingStatus
from meetings.services.decisions import meeting_accept, meeting_cancel, meeting_decline
from meetings.services.placement import meeting_move
from meetings.services.publication import schedule_publish

from .acting_builders import build_acting_world, request, to

pytestmark = pytest.mark.django_db


@pytest.fixture
def acting_world(db, django_user_model, make_organiser, settings):
    return build_acting_world(django_user_model, make_organiser, settings)


def test_a_request_for_the_exhibitor_tells_it_and_asks_the_buyer_as_usual(
    acting_world, django_capture_on_commit_callbacks
):
    world = acting_world
    with django_capture_on_commit_callbacks(execute=True):
        meeting = request(
            world, side="organiser", acting_for="exhibitor", by=world["organiser"], message="Hi"
        )
    assert (meeting.requested_by_side, meeting.status) == ("exhibitor", MeetingStatus.REQUESTED)
    [told] = to("mia@example.com")
    assert "Meeting requested on your behalf" in told.subject
    assert "has asked Rhein Medical GmbH" in told.body
    assert "on your company's behalf" in told.body
    [asked] = to("anna@example.com")
    assert "Yamada Seisakusho asks your company for a meeting" in asked.body
    assert len(mail.outbox) == 3  # mia, taro, anna


def test_a_request_for_both_sides_confirms_it_and_tells_each_side_once(
    acting_world, django_capture_on_commit_callbacks
):
    world = acting_world
    with django_capture_on_commit_callbacks(execute=True):
        meeting = request(world, side="organiser", acting_for="both")
    assert meeting.status == MeetingStatus.ACCEPTED
    [exhibitor] = to("mia@example.com")
    [buyer] = to("anna@example.com")
    for message in (exhibitor, buyer):
        assert "Meeting confirmed on your behalf" in message.subject
        assert "which both sides agreed to: it is confirmed" in message.body


def test_accepting_for_the_side_still_to_answer_tells_it_and_confirms_as_usual(
    acting_world, django_capture_on_commit_callbacks
):
    world = acting_world
    meeting = request(world, side="buyer")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_accept(meeting=meeting, side="organiser", acting_for="both")
    # The buyer asked: only the exhibitor's acceptance was the organiser's.
    [exhibitor] = to("mia@example.com")
    assert "Meeting confirmed on your behalf" in exhibitor.subject
    assert "has accepted, on your company's behalf" in exhibitor.body
    [buyer] = to("anna@example.com")
    assert "Both sides have accepted the meeting" in buyer.body


def test_accepting_for_one_side_of_an_organisers_proposal_says_the_other_still_answers(
    acting_world, django_capture_on_commit_callbacks
):
    world = acting_world
    meeting = request(world, side="organiser")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting = meeting_accept(meeting=meeting, side="organiser", acting_for="buyer")
    assert meeting.status == MeetingStatus.REQUESTED
    [buyer] = to("anna@example.com")
    assert "Meeting accepted on your behalf" in buyer.subject
    assert "It is confirmed once Yamada Seisakusho accepts too" in buyer.body
    assert to("mia@example.com") == []


def test_declining_for_the_exhibitor_is_recorded_and_told_to_both(
    acting_world, django_capture_on_commit_callbacks
):
    world = acting_world
    meeting = request(world, side="buyer")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_decline(
            meeting=meeting,
            side="organiser",
            acting_for="exhibitor",
            by=world["organiser"],
            note="Not their market.",
        )
    event = meeting.events.get(action="declined")
    assert (event.side, event.acting_for, event.actor) == (
        "organiser",
        "exhibitor",
        world["organiser"],
    )
    assert event_text(event) == (
        "Declined by the organiser on behalf of the exhibitor (Requested → Declined)"
    )
    entry = AuditEntry.objects.get(action="meeting.declined")
    assert entry.changes["acting_for"] == [None, "exhibitor"]
    [exhibitor] = to("mia@example.com")
    assert "Meeting request declined on your behalf" in exhibitor.subject
    assert "Not their market." not in exhibitor.body
    [buyer] = to("anna@example.com")
    # Told as usual: as if the exhibitor had declined.
    assert "Yamada Seisakusho has declined the meeting with your company" in buyer.body


def test_declining_as_the_organiser_records_no_one_acted_for(acting_world):
    meeting = request(acting_world, side="buyer")
    meeting_decline(meeting=meeting, side="organiser")
    event = meeting.events.get(action="declined")
    assert event.acting_for == ""
    assert event_text(event) == "Declined by the organiser (Requested → Declined)"


def test_cancelling_an_unpublished_meeting_for_the_buyer_tells_the_buyer_only(
    acting_world, django_capture_on_commit_callbacks
):
    world = acting_world
    meeting = meeting_accept(meeting=request(world, side="exhibitor"), side="buyer")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_cancel(meeting=meeting, side="organiser", acting_for="buyer", note="Flight off.")
    event = meeting.events.get(action="cancelled")
    assert event_text(event) == (
        "Cancelled by the organiser on behalf of the buyer (Accepted → Cancelled)"
    )
    [buyer] = to("anna@example.com")
    assert "Meeting cancelled on your behalf" in buyer.subject
    assert "Flight off." in buyer.body
    assert to("mia@example.com") == []  # unpublished: the other side is not emailed, as usual


def test_cancelling_a_published_meeting_for_the_exhibitor_tells_each_side_its_way(
    acting_world, django_capture_on_commit_callbacks
):
    world = acting_world
    meeting = meeting_accept(meeting=request(world, side="organiser"), side="organiser")
    meeting_move(meeting=meeting, slot=world["slots"][0])
    with django_capture_on_commit_callbacks(execute=True):
        schedule_publish(pavilion=world["pavilion"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_cancel(meeting=meeting, side="organiser", acting_for="exhibitor", note="Staff ill.")
    [exhibitor] = to("mia@example.com")
    assert "cancelled, on your company's behalf" in exhibitor.body
    assert "It was planned for" in exhibitor.body
    [buyer] = to("anna@example.com")
    assert "Yamada Seisakusho has cancelled the meeting with your company" in buyer.body
    assert "Staff ill." in buyer.body


def test_the_side_acted_for_reads_it_in_its_own_language(
    acting_world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request(acting_world, side="organiser", acting_for="exhibitor")
    [japanese] = to("taro@example.com")
    assert "代わって" in japanese.subject
    assert "主催者" in japanese.body
    assert "/ja/meetings/" in japanese.body


@pytest.mark.parametrize("side", ["exhibitor", "buyer"])
def test_only_an_organiser_acts_on_behalf_of_participants(acting_world, side):
    meeting = request(acting_world, side="buyer")
    for act in (
        lambda: meeting_decline(meeting=meeting, side=side, acting_for="buyer"),
        lambda: meeting_cancel(meeting=meeting, side=side, acting_for="exhibitor"),
    ):
        with pytest.raises(ValidationError, match="Only an organiser acts on behalf"):
            act()
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.REQUESTED
    assert not meeting.events.exclude(action="requested").exists()


def test_the_history_says_for_whom_in_japanese(acting_world):
    meeting = request(acting_world, side="buyer")
    meeting_decline(meeting=meeting, side="organiser", acting_for="exhibitor")
    with translation.override("ja"):
        text = event_text(meeting.events.get(action="declined"))
    assert "出展者" in text
    assert "主催者" in text
