"""A company's busy slots at a pavilion (meetings.availability_views, and the service
meetings.services.availability.participant_busy_slots_set)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.models import AuditEntry
from events.factories import ExhibitorRegistrationFactory, PavilionFactory
from events.services import slots as slot_services
from meetings.models import Meeting, ParticipantUnavailability
from meetings.services.availability import participant_busy_slots_set
from meetings.services.decisions import meeting_accept
from meetings.services.requests import meeting_request

from .conftest import member

pytestmark = pytest.mark.django_db


def url(world, language="en"):
    return f"/{language}/pavilions/{world['pavilion'].pk}/busy-slots/"


@pytest.fixture
def slots(world):
    slot_services.meeting_slots_generate(pavilion=world["pavilion"])
    return list(world["pavilion"].slots.order_by("starts_at"))


def marked(**participant) -> set:
    return set(
        ParticipantUnavailability.objects.filter(**participant).values_list("slot_id", flat=True)
    )


def booked(world, slot, published=True):
    """A meeting of the world's pair in ``slot``, published or only placed."""
    meeting = meeting_request(
        pavilion=world["pavilion"], sme=world["sme"], buyer=world["buyer"], side="buyer"
    )
    meeting_accept(meeting=meeting, side="exhibitor")
    Meeting.objects.filter(pk=meeting.pk).update(
        status="scheduled", slot=slot, published_at=timezone.now() if published else None
    )
    return meeting


# --- who may see and change them -------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client, world, slots):
    response = client.get(url(world))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_companies_not_taking_part_and_organisers_get_404(client, world, slots, make_organiser):
    for user in ("other_sme_user", "other_buyer_user"):
        client.force_login(world[user])
        assert client.get(url(world)).status_code == 404, user
        assert client.post(url(world), {"slots": [slots[0].pk]}).status_code == 404, user
    client.force_login(make_organiser(world["pavilion"].organiser))
    assert client.get(url(world)).status_code == 404  # organisers mark them in the admin
    assert not ParticipantUnavailability.objects.exists()


def test_both_sides_reach_the_page_from_their_home_page(client, world, slots):
    link = f'href="/en/pavilions/{world["pavilion"].pk}/busy-slots/">Busy slots</a>'
    for user in ("sme_user", "buyer_user"):
        client.force_login(world[user])
        assert link in client.get("/en/").content.decode(), user
        assert link in client.get(f"/en/pavilions/{world['pavilion'].pk}/").content.decode()


# --- the page and saving ---------------------------------------------------------------------


def test_the_slots_are_grouped_by_day_in_the_fairs_time(client, world, slots):
    client.force_login(world["sme_user"])
    html = client.get(url(world)).content.decode()
    assert "Mon 15 Nov 2027" in html
    assert "Thu 18 Nov 2027" in html
    assert ">10:00–10:30</label>" in html  # Düsseldorf time, not UTC (09:00)
    assert "(CET)" in html
    assert html.count('name="slots"') == len(slots)
    japanese = client.get(url(world, "ja")).content.decode()
    assert "2027年11月15日(月)" in japanese
    assert "時間枠" in japanese


def test_an_exhibitor_marks_and_frees_busy_slots(client, world, slots):
    colleague = member(world["sme"], "yuki@echigo.example", role="staff")
    client.force_login(colleague)  # any member of the company, not only its administrator
    response = client.post(url(world), {"slots": [slots[0].pk, slots[3].pk]})
    assert response.status_code == 302
    assert marked(sme=world["sme"]) == {slots[0].pk, slots[3].pk}
    html = client.get(url(world)).content.decode()
    assert f'value="{slots[0].pk}" id="slot-{slots[0].pk}" checked' in html
    assert "2 marked, 0 freed" in html
    client.post(url(world), {"slots": [slots[3].pk, slots[5].pk]})
    assert marked(sme=world["sme"]) == {slots[3].pk, slots[5].pk}
    client.post(url(world), {})
    assert not ParticipantUnavailability.objects.exists()
    actions = AuditEntry.objects.filter(actor_username=colleague.username).values_list(
        "action", flat=True
    )
    assert sorted(actions) == ["unavailability.added"] * 3 + ["unavailability.deleted"] * 3


def test_a_buyer_marks_its_own_slots_and_sees_the_days_it_does_not_attend(client, world, slots):
    client.force_login(world["buyer_user"])
    html = client.get(url(world)).content.decode()
    assert html.count("You do not attend this day.") == 3  # registered for the first day only
    response = client.post(url(world), {"slots": [slots[1].pk]})
    assert response.status_code == 302
    assert marked(buyer=world["buyer"]) == {slots[1].pk}
    assert not marked(sme=world["sme"])


def test_marks_on_days_not_attended_are_kept_on_saving(client, world, slots):
    last_day = slots[-1]
    ParticipantUnavailability.objects.create(
        pavilion=world["pavilion"], buyer=world["buyer"], slot=last_day
    )
    client.force_login(world["buyer_user"])
    html = client.get(url(world)).content.decode()
    client.post(url(world), {"slots": [slots[0].pk, last_day.pk]})
    assert f'type="hidden" name="slots" value="{last_day.pk}"' in html
    assert marked(buyer=world["buyer"]) == {slots[0].pk, last_day.pk}


def test_another_companys_marks_are_neither_shown_nor_changed(client, world, slots):
    ExhibitorRegistrationFactory(
        pavilion=world["pavilion"], sme=world["other_sme"], status="accepted"
    )
    ParticipantUnavailability.objects.create(
        pavilion=world["pavilion"], sme=world["other_sme"], slot=slots[2]
    )
    client.force_login(world["sme_user"])
    assert "checked" not in client.get(url(world)).content.decode()
    client.post(url(world), {"slots": [slots[0].pk]})
    assert marked(sme=world["other_sme"]) == {slots[2].pk}


# --- refusals --------------------------------------------------------------------------------


def test_a_slot_holding_a_published_meeting_cannot_be_marked_busy(client, world, slots):
    booked(world, slots[2])
    client.force_login(world["sme_user"])
    html = client.get(url(world)).content.decode()
    assert "Your meeting with Rhein Medical GmbH" in html
    response = client.post(url(world), {"slots": [slots[0].pk, slots[2].pk]})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="form-errors"' in html
    assert (
        "Mon 15 Nov 2027, 11:00 CET holds your meeting with Rhein Medical GmbH: a slot with a "
        "meeting cannot be marked busy." in html
    )
    assert f'value="{slots[0].pk}" id="slot-{slots[0].pk}" checked' in html  # kept as sent
    assert not ParticipantUnavailability.objects.exists()  # nothing saved
    client.force_login(world["buyer_user"])
    response = client.post(url(world), {"slots": [slots[2].pk]})
    assert "holds your meeting with Echigo Medical Co., Ltd." in response.content.decode()


def test_a_slot_with_a_meeting_already_marked_busy_stays_marked(client, world, slots):
    """A mark the organiser made before the meeting was placed is not a new mark."""
    ParticipantUnavailability.objects.create(
        pavilion=world["pavilion"], sme=world["sme"], slot=slots[2]
    )
    booked(world, slots[2])
    client.force_login(world["sme_user"])
    assert client.post(url(world), {"slots": [slots[2].pk]}).status_code == 302
    assert marked(sme=world["sme"]) == {slots[2].pk}


def test_a_placement_not_yet_published_is_left_to_the_organiser(world, slots):
    """The participant does not know its time yet: the mark is saved, and the schedule page
    lists the conflict for the organiser."""
    from meetings.selectors.conflicts import availability_conflicts

    booked(world, slots[2], published=False)
    participant_busy_slots_set(pavilion=world["pavilion"], slots=[slots[2]], sme=world["sme"])
    assert marked(sme=world["sme"]) == {slots[2].pk}
    assert len(availability_conflicts(world["pavilion"])) == 1


def test_a_slot_of_another_pavilion_is_refused(client, world, slots):
    other = PavilionFactory()
    slot_services.meeting_slots_generate(pavilion=other)
    client.force_login(world["sme_user"])
    response = client.post(url(world), {"slots": [other.slots.first().pk]})
    assert response.status_code == 400
    assert "Choose among this pavilion&#x27;s slots" in response.content.decode()
    with pytest.raises(ValidationError, match="Choose among the slots of"):
        participant_busy_slots_set(
            pavilion=world["pavilion"], slots=[other.slots.first()], sme=world["sme"]
        )
    assert not ParticipantUnavailability.objects.exists()


def test_a_company_not_accepted_cannot_mark_slots(client, world, slots):
    ExhibitorRegistrationFactory(
        pavilion=world["pavilion"], sme=world["other_sme"], status="applied"
    )
    client.force_login(world["other_sme_user"])
    response = client.post(url(world), {"slots": [slots[0].pk]})
    assert response.status_code == 400
    assert "is not an accepted exhibitor of" in response.content.decode()
    assert not ParticipantUnavailability.objects.exists()


def test_a_pavilion_without_slots_says_so(client, world):
    client.force_login(world["sme_user"])
    assert "has not set this pavilion" in client.get(url(world)).content.decode()


@pytest.mark.parametrize("marks", [1, 40])
def test_the_page_queries_do_not_grow_with_slots_and_marks(
    client, world, slots, django_assert_max_num_queries, marks
):
    for slot in slots[:marks]:
        ParticipantUnavailability.objects.create(
            pavilion=world["pavilion"], sme=world["sme"], slot=slot
        )
    booked(world, slots[-1])
    client.force_login(world["sme_user"])
    with django_assert_max_num_queries(10):
        assert client.get(url(world)).status_code == 200
