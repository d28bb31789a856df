"""Organiser staff attending a meeting for an absent exhibitor: named and cleared by the
service, refused for anyone not on the staff of the pavilion's office or while the exhibitor's
team attends, shown in the history, the exports and the exhibitor's email."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from core.models import AuditEntry
from meetings import exports
from meetings.history import event_text
from meetings.models import Meeting
from meetings.services.attendance import meeting_set_attendee
from meetings.services.decisions import meeting_accept, meeting_decline
from meetings.services.placement import meeting_move
from meetings.services.proxy import meeting_set_proxy_attendee

from .acting_builders import build_acting_world, request, to
from .test_exports import rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def acting_world(db, django_user_model, make_organiser, settings):
    return build_acting_world(django_user_model, make_organiser, settings)


@pytest.fixture
def booked(acting_world):
    meeting = meeting_accept(meeting=request(acting_world, side="organiser"), side="organiser")
    return meeting_move(meeting=meeting, slot=acting_world["slots"][0])


def test_an_organiser_names_a_colleague_of_the_office_to_attend(
    acting_world, booked, django_capture_on_commit_callbacks
):
    world = acting_world
    with django_capture_on_commit_callbacks(execute=True):
        meeting = meeting_set_proxy_attendee(
            meeting=booked, proxy_attendee=world["colleague"], by=world["organiser"]
        )
    assert Meeting.objects.get(pk=meeting.pk).proxy_attendee == world["colleague"]
    event = meeting.events.get(action="proxy_attendee")
    assert (event.side, event.actor) == ("organiser", world["organiser"])
    assert event_text(event) == (
        "colleague of the organiser named by the organiser to attend for the exhibitor"
    )
    entry = AuditEntry.objects.get(action="meeting.proxy_attendee_named")
    assert entry.changes["proxy_attendee"] == [None, world["colleague"].pk]
    [message] = to("mia@example.com")
    assert "The organiser attends your meeting with Rhein Medical GmbH" in message.subject
    assert "colleague (JETRO Düsseldorf) attends it for you" in message.body
    assert "It takes place at" not in message.body  # not published: no time yet
    assert to("anna@example.com") == []  # the buyer meets whoever comes


def test_clearing_the_proxy_attendee_tells_the_exhibitor_to_name_someone(
    acting_world, booked, django_capture_on_commit_callbacks
):
    world = acting_world
    meeting_set_proxy_attendee(meeting=booked, proxy_attendee=world["colleague"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_set_proxy_attendee(meeting=booked, proxy_attendee=None, by=world["organiser"])
    assert Meeting.objects.get(pk=booked.pk).proxy_attendee is None
    event = booked.events.filter(action="proxy_attendee").last()
    assert event_text(event) == (
        "Organiser staff attending for the exhibitor cleared by the organiser"
    )
    [message] = to("mia@example.com")
    assert "no longer attends" in message.body


def test_naming_the_same_person_again_changes_nothing(acting_world, booked):
    meeting_set_proxy_attendee(meeting=booked, proxy_attendee=acting_world["colleague"])
    meeting_set_proxy_attendee(meeting=booked, proxy_attendee=acting_world["colleague"])
    assert booked.events.filter(action="proxy_attendee").count() == 1


@pytest.mark.parametrize("who", ["outsider", "anna", "taro"])
def test_only_staff_of_the_pavilions_office_attend_for_an_exhibitor(acting_world, booked, who):
    with pytest.raises(ValidationError) as refused:
        meeting_set_proxy_attendee(meeting=booked, proxy_attendee=acting_world[who])
    assert (
        "is not on the staff of JETRO Düsseldorf" in refused.value.message_dict["proxy_attendee"][0]
    )
    assert Meeting.objects.get(pk=booked.pk).proxy_attendee is None


def test_an_inactive_colleague_is_refused(acting_world, booked):
    colleague = acting_world["colleague"]
    colleague.is_active = False
    colleague.save()
    with pytest.raises(ValidationError, match="not on the staff"):
        meeting_set_proxy_attendee(meeting=booked, proxy_attendee=colleague)


def test_one_person_attends_for_the_exhibitor(acting_world, booked):
    world = acting_world
    meeting_set_attendee(meeting=booked, attendee=world["taro"])
    with pytest.raises(ValidationError, match="clear the attendee"):
        meeting_set_proxy_attendee(meeting=booked, proxy_attendee=world["colleague"])
    meeting_set_attendee(meeting=booked, attendee=None)
    meeting_set_proxy_attendee(meeting=booked, proxy_attendee=world["colleague"])
    with pytest.raises(ValidationError, match="clear the proxy attendee"):
        meeting_set_attendee(meeting=booked, attendee=world["taro"])


def test_the_database_refuses_two_attendees_for_the_exhibitor(acting_world, booked):
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=booked.pk).update(
            attendee=acting_world["taro"], proxy_attendee=acting_world["colleague"]
        )


def test_a_meeting_that_is_over_gets_no_proxy_attendee(acting_world):
    meeting = request(acting_world, side="buyer")
    meeting_decline(meeting=meeting, side="exhibitor")
    with pytest.raises(ValidationError, match="yet to take place"):
        meeting_set_proxy_attendee(meeting=meeting, proxy_attendee=acting_world["colleague"])


def test_the_schedule_csv_names_the_proxy_in_its_last_column(acting_world, booked):
    meeting_set_proxy_attendee(meeting=booked, proxy_attendee=acting_world["colleague"])
    header, row = rows(exports.schedule_csv(acting_world["pavilion"]))
    assert header[-1] == "attending for the absent exhibitor (organiser)"
    assert header[-3:-1] == ["status", "published"]  # the earlier columns keep their places
    assert row[-1] == "colleague"
    assert len(row) == len(header) == 14


def test_the_calendar_names_the_proxy(acting_world, booked):
    meeting = meeting_set_proxy_attendee(meeting=booked, proxy_attendee=acting_world["colleague"])
    meeting = Meeting.objects.select_related("slot", "proxy_attendee").get(pk=meeting.pk)
    calendar = exports.participant_calendar(acting_world["pavilion"], [meeting], viewer="sme")
    unfolded = calendar.replace("\r\n ", "")
    assert "from the organiser: colleague" in unfolded


def test_the_proxy_history_reads_in_japanese(acting_world, booked):
    meeting_set_proxy_attendee(meeting=booked, proxy_attendee=acting_world["colleague"])
    with translation.override("ja"):
        text = event_text(booked.events.get(action="proxy_attendee"))
    assert "colleague" in text
    assert "主催者" in text


def test_the_meeting_page_says_who_attends_for_the_exhibitor(client, acting_world, booked):
    world = acting_world
    world["colleague"].first_name, world["colleague"].last_name = "Aiko", "Mori"
    world["colleague"].save()
    meeting_set_proxy_attendee(meeting=booked, proxy_attendee=world["colleague"])
    client.force_login(world["mia"])
    exhibitor_page = client.get(f"/en/meetings/{booked.pk}/").content.decode()
    assert "Aiko Mori of the organiser, for you" in exhibitor_page
    client.force_login(world["anna"])
    buyer_page = client.get(f"/en/meetings/{booked.pk}/").content.decode()
    assert "Aiko Mori of the organiser, for the exhibitor" in buyer_page
