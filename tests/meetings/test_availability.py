"""Participants' unavailable slots: checked, saved, and the booked meetings they affect named."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from events.factories import PavilionFactory
from events.services import slots as event_services
from meetings.models import Meeting, MeetingStatus, ParticipantUnavailability
from meetings.selectors.conflicts import participant_unavailability_check, unavailability_conflicts
from meetings.services.availability import (
    participant_unavailability_delete,
    participant_unavailability_save,
)
from meetings.services.decisions import meeting_accept
from meetings.services.placement import meeting_move
from meetings.services.requests import meeting_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(small_pavilion):
    """One meeting of the small pavilion, scheduled in its first slot."""
    pavilion = small_pavilion["pavilion"]
    event_services.meeting_slots_generate(pavilion=pavilion)
    sme, buyer = small_pavilion["smes"][3], small_pavilion["buyers"][0]
    # They share no language: give the meeting no interpreter need, to place it by hand.
    sme.languages.add(*buyer.languages.all())
    meeting = meeting_request(pavilion=pavilion, sme=sme, buyer=buyer, side="organiser")
    meeting = meeting_accept(meeting=meeting, side="organiser")
    slot = pavilion.slots.order_by("starts_at").first()
    meeting = meeting_move(meeting=meeting, slot=slot)
    return {**small_pavilion, "meeting": meeting, "slot": slot}


def test_marking_a_booked_slot_names_the_meeting_and_leaves_it_booked(booked):
    meeting, slot = booked["meeting"], booked["slot"]
    mark = participant_unavailability_save(
        pavilion=booked["pavilion"], buyer=meeting.buyer, slot=slot, note="Arrives late"
    )
    [(conflicting, why)] = unavailability_conflicts(unavailability=mark)
    assert conflicting.pk == meeting.pk
    assert why.startswith(f"{meeting.buyer} is not available at")
    meeting.refresh_from_db()
    assert (meeting.status, meeting.slot_id) == (MeetingStatus.SCHEDULED, slot.pk)


def test_a_mark_for_the_other_side_of_the_slot_affects_nothing(booked):
    other_buyer = booked["buyers"][2]
    mark = participant_unavailability_save(
        pavilion=booked["pavilion"], buyer=other_buyer, slot=booked["slot"]
    )
    assert unavailability_conflicts(unavailability=mark) == []


@pytest.mark.parametrize(
    ("who", "field"),
    [("both", "sme"), ("neither", "buyer"), ("outsider", "sme"), ("foreign_slot", "slot")],
)
def test_a_mark_is_refused_with_the_field_named(booked, who, field):
    pavilion, slot = booked["pavilion"], booked["slot"]
    sme, buyer = booked["smes"][0], booked["buyers"][0]
    kwargs = {
        "both": {"sme": sme, "buyer": buyer, "slot": slot},
        "neither": {"slot": slot},
        "outsider": {"sme": booked["smes"][0], "slot": slot, "pavilion": PavilionFactory()},
        "foreign_slot": {"sme": sme, "slot": "elsewhere"},
    }[who]
    if kwargs["slot"] == "elsewhere":
        elsewhere = PavilionFactory()
        event_services.meeting_slots_generate(pavilion=elsewhere)
        kwargs["slot"] = elsewhere.slots.first()
    kwargs.setdefault("pavilion", pavilion)
    with pytest.raises(ValidationError) as error:
        participant_unavailability_save(**kwargs)
    assert field in error.value.message_dict
    assert not ParticipantUnavailability.objects.exists()


def test_the_same_mark_twice_is_refused_on_the_slot(booked):
    pavilion, slot, sme = booked["pavilion"], booked["slot"], booked["smes"][0]
    participant_unavailability_save(pavilion=pavilion, sme=sme, slot=slot)
    with pytest.raises(ValidationError) as error:
        participant_unavailability_save(pavilion=pavilion, sme=sme, slot=slot)
    assert "already marked unavailable" in error.value.message_dict["slot"][0]
    assert ParticipantUnavailability.objects.count() == 1


def test_changing_a_mark_keeps_it_one_row(booked):
    pavilion, sme = booked["pavilion"], booked["smes"][0]
    slots = list(pavilion.slots.order_by("starts_at")[:2])
    mark = participant_unavailability_save(pavilion=pavilion, sme=sme, slot=slots[0])
    participant_unavailability_save(
        unavailability=mark, pavilion=pavilion, sme=sme, slot=slots[1], note="Moved"
    )
    assert list(ParticipantUnavailability.objects.values_list("slot_id", "note")) == [
        (slots[1].pk, "Moved")
    ]
    participant_unavailability_delete(unavailability=mark)
    assert not ParticipantUnavailability.objects.exists()


def test_the_admin_saves_through_the_service_and_warns_of_the_booked_meeting(
    client, booked, make_organiser
):
    meeting, slot = booked["meeting"], booked["slot"]
    client.force_login(make_organiser(booked["pavilion"].organiser, "organiser-marks"))
    url = reverse("admin:meetings_participantunavailability_add")
    response = client.post(
        url,
        {"pavilion": booked["pavilion"].pk, "sme": meeting.sme.pk, "slot": slot.pk, "note": ""},
        follow=True,
    )
    assert response.status_code == 200
    warnings = [str(m) for m in response.context["messages"]]
    assert any("stays there until you move or cancel it" in w for w in warnings), warnings
    assert Meeting.objects.get(pk=meeting.pk).slot_id == slot.pk


def test_the_admin_shows_the_services_refusal_on_its_field(client, booked, make_organiser):
    client.force_login(make_organiser(booked["pavilion"].organiser, "organiser-marks"))
    url = reverse("admin:meetings_participantunavailability_add")
    response = client.post(url, {"pavilion": booked["pavilion"].pk, "slot": booked["slot"].pk})
    assert response.status_code == 200
    assert "Name either the exhibitor" in str(response.context["adminform"].form.errors["sme"])
    assert not ParticipantUnavailability.objects.exists()


def test_a_foreign_slot_is_named_by_its_time_not_its_id(booked):
    elsewhere = PavilionFactory(name_en="Pavilion Elsewhere")
    event_services.meeting_slots_generate(pavilion=elsewhere)
    foreign = elsewhere.slots.order_by("starts_at").first()
    with pytest.raises(ValidationError) as error:
        participant_unavailability_check(
            pavilion=booked["pavilion"], sme=booked["smes"][0], slot=foreign
        )
    [message] = error.value.message_dict["slot"]
    assert str(foreign) in message  # Mon 15 Nov 2027, 10:00–10:30 CET
    assert f"Slot {foreign.pk} " not in message
    assert "Pavilion Elsewhere" not in message
