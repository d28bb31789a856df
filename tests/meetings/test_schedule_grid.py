"""The admin schedule grid: where a picked meeting can go, the JSON of it, the place form, the
pages, and queries that stay flat as the pavilion grows."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from companies.factories import SMEFactory
from events.factories import ExhibitorRegistrationFactory, OrganisingOfficeFactory
from meetings.models import Meeting, MeetingStatus, ParticipantUnavailability, SchedulingRun
from meetings.selectors import grid
from meetings.selectors.conflicts import placement_violations
from meetings.selectors.grid import grid_page, meeting_placements
from tests.meetings.grid_builders import accepted_meeting, booked, grid_world, languages

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return grid_world(exhibitors=3, buyers=4)


@pytest.fixture
def organiser(world, make_organiser, client):
    user = make_organiser(world["pavilion"].organiser)
    client.force_login(user)
    return user


def schedule_url(pavilion, **query):
    url = reverse("admin:meetings_schedule", args=[pavilion.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def placements_url(pavilion, meeting):
    return reverse("admin:meetings_schedule_placements", args=[pavilion.pk, meeting.pk])


def japanese_only_sme(pavilion):
    """An exhibitor who speaks only Japanese: its meetings with the buyers need Aiko."""
    japanese, _english = languages()
    sme = SMEFactory(name_en="Maker JA")
    sme.languages.set([japanese])
    ExhibitorRegistrationFactory(pavilion=pavilion, sme=sme, status="accepted")
    return sme


def by_slot(meeting, slots):
    return {p.slot.pk: p for p in meeting_placements(meeting=meeting, slots=slots)}


def test_free_slots_leave_out_a_busy_or_unavailable_side(world):
    pavilion, smes, buyers = world["pavilion"], world["smes"], world["buyers"]
    a, b, c = world["first_day"][:3]
    meeting = accepted_meeting(pavilion, smes[0], buyers[0])
    booked(pavilion, smes[1], buyers[0], a)
    ParticipantUnavailability.objects.create(pavilion=pavilion, sme=smes[0], slot=b)
    second_day = next(s for s in world["slots"] if s not in world["first_day"])
    placements = by_slot(meeting, world["slots"])
    assert not placements[a.pk].free
    assert "Buyer 000 already meets Maker 001" in placements[a.pk].problems[0]
    assert placements[b.pk].problems == [
        f"Maker 000 is not available at {pavilion.fair.local_text(b.starts_at)}."
    ]
    assert not placements[second_day.pk].free  # the buyer attends the first day only
    assert placements[c.pk].free
    assert placements[c.pk].interpreter is None
    # The very sentences a move there is refused with.
    for slot in (a, b, c, second_day):
        assert placements[slot.pk].problems == placement_violations(
            meeting=meeting, slot=slot, interpreter=None
        )


def test_a_meeting_needing_an_interpreter_is_free_only_where_one_is(world):
    pavilion, buyers, aiko = world["pavilion"], world["buyers"], world["interpreter"]
    a, b, c = world["first_day"][:3]
    sme = japanese_only_sme(pavilion)
    meeting = accepted_meeting(pavilion, sme, buyers[0])
    assert meeting.interpreter_pair == ("ja", "en")
    aiko.available_slots.remove(b)
    other = accepted_meeting(pavilion, japanese_only_sme(pavilion), buyers[1])
    Meeting.objects.filter(pk=other.pk).update(
        status=MeetingStatus.SCHEDULED, slot=a, interpreter=aiko
    )
    placements = by_slot(meeting, world["first_day"])
    assert "Aiko Mori already interprets" in " ".join(placements[a.pk].problems)
    assert placements[b.pk].problems == [
        f"Aiko Mori is not available at {pavilion.fair.local_text(b.starts_at)}."
    ]
    assert placements[c.pk].free
    assert placements[c.pk].interpreter == aiko
    for slot in (a, b, c):
        assert placements[slot.pk].problems == placement_violations(
            meeting=meeting, slot=slot, interpreter=aiko
        )


def test_a_meeting_at_a_table_needs_a_free_shared_table(world):
    pavilion, smes, buyers = world["pavilion"], world["smes"], world["buyers"]
    pavilion.shared_tables = 1
    pavilion.save()
    a, b = world["first_day"][:2]
    meeting = accepted_meeting(pavilion, smes[0], buyers[0])
    Meeting.objects.filter(pk=meeting.pk).update(at_table=True)
    meeting.refresh_from_db()
    booked(pavilion, smes[1], buyers[1], a, at_table=True)
    placements = by_slot(meeting, [a, b])
    assert placements[a.pk].problems == [
        f"All 1 shared tables are taken at {pavilion.fair.local_text(a.starts_at)}."
    ]
    assert placements[b.pk].free


def test_the_placements_json_is_for_the_pavilions_organisers_only(
    world, organiser, client, make_organiser
):
    pavilion = world["pavilion"]
    meeting = accepted_meeting(pavilion, world["smes"][0], world["buyers"][0])
    day = world["first_day"][0]
    response = client.get(placements_url(pavilion, meeting), {"day": "2027-11-15"})
    assert response.status_code == 200
    data = response.json()
    assert data["meeting"] == meeting.pk
    assert [s["slot"] for s in data["slots"]] == [s.pk for s in world["first_day"]]
    assert data["slots"][0]["free"]
    assert data["slots"][0]["problems"] == []
    assert data["slots"][0]["label"] == pavilion.fair.local_text(day.starts_at)
    assert len(client.get(placements_url(pavilion, meeting)).json()["slots"]) == len(world["slots"])

    client.force_login(make_organiser(OrganisingOfficeFactory(), username="elsewhere"))
    assert client.get(placements_url(pavilion, meeting)).status_code == 404
    client.logout()
    assert client.get(placements_url(pavilion, meeting)).status_code == 302  # to the login
    other = grid_world(exhibitors=1, buyers=1, prefix="Other ")
    client.force_login(organiser)
    stranger = accepted_meeting(other["pavilion"], other["smes"][0], other["buyers"][0])
    assert client.get(placements_url(pavilion, stranger)).status_code == 404


def test_a_picked_meeting_shows_a_place_form_in_each_free_slot(world, organiser, client):
    pavilion = world["pavilion"]
    meeting = accepted_meeting(pavilion, world["smes"][0], world["buyers"][0])
    ParticipantUnavailability.objects.create(
        pavilion=pavilion, sme=world["smes"][0], slot=world["first_day"][1]
    )
    response = client.get(schedule_url(pavilion, meeting=meeting.pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="place-form"') == len(world["first_day"]) - 1
    assert "Maker 000 is not available at" in html
    assert f"Moving {meeting}" in html


def test_the_place_form_moves_the_meeting(world, organiser, client):
    pavilion = world["pavilion"]
    meeting = accepted_meeting(pavilion, world["smes"][0], world["buyers"][0])
    slot = world["first_day"][2]
    response = client.post(
        schedule_url(pavilion),
        {"action": "move", "meeting": meeting.pk, "slot": slot.pk, "back": "?page=1"},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.status, meeting.slot) == (MeetingStatus.SCHEDULED, slot)
    assert "day=2027-11-15" in response["Location"]
    (message,) = get_messages(response.wsgi_request)
    assert str(message) == f"{meeting} is now at {pavilion.fair.local_text(slot.starts_at)}."


def test_the_place_form_refuses_a_busy_slot_with_the_services_words(world, organiser, client):
    pavilion, smes, buyers = world["pavilion"], world["smes"], world["buyers"]
    slot = world["first_day"][0]
    booked(pavilion, smes[1], buyers[0], slot)
    meeting = accepted_meeting(pavilion, smes[0], buyers[0])
    expected = placement_violations(meeting=meeting, slot=slot, interpreter=None)
    response = client.post(
        schedule_url(pavilion), {"action": "move", "meeting": meeting.pk, "slot": slot.pk}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.status, meeting.slot) == (MeetingStatus.ACCEPTED, None)
    (message,) = get_messages(response.wsgi_request)
    assert str(message) == " ".join(expected)
    assert message.level_tag == "error"


def test_moving_needs_an_organiser_of_the_pavilion_and_one_of_its_slots(
    world, organiser, client, make_organiser
):
    pavilion = world["pavilion"]
    meeting = accepted_meeting(pavilion, world["smes"][0], world["buyers"][0])
    other = grid_world(exhibitors=1, buyers=1, prefix="Other ")
    response = client.post(
        schedule_url(pavilion),
        {"action": "move", "meeting": meeting.pk, "slot": other["slots"][0].pk},
    )
    assert response.status_code == 404
    client.force_login(make_organiser(other["pavilion"].organiser, username="elsewhere"))
    response = client.post(
        schedule_url(pavilion),
        {"action": "move", "meeting": meeting.pk, "slot": world["first_day"][0].pk},
    )
    assert response.status_code == 404
    meeting.refresh_from_db()
    assert meeting.slot is None


def test_the_grid_shows_a_day_and_a_page_of_exhibitors(world, organiser, client, monkeypatch):
    monkeypatch.setattr(grid, "EXHIBITORS_PER_PAGE", 2)
    pavilion = world["pavilion"]
    page = client.get(schedule_url(pavilion, page=2)).context["grid"]
    assert [registration.sme for registration, _cells in page.rows] == [world["smes"][2]]
    assert page.page.paginator.num_pages == 2
    assert page.slots == world["first_day"]
    second_day = page.days[1]
    page = client.get(schedule_url(pavilion, day=second_day.isoformat())).context["grid"]
    assert page.day == second_day
    assert all(pavilion.fair.local(s.starts_at).date() == second_day for s in page.slots)
    assert len(page.rows) == 2


def test_picking_a_meeting_opens_its_exhibitors_page(world, organiser, monkeypatch):
    monkeypatch.setattr(grid, "EXHIBITORS_PER_PAGE", 2)
    meeting = accepted_meeting(world["pavilion"], world["smes"][2], world["buyers"][0])
    page = grid_page(world["pavilion"], meeting=meeting)
    assert page.page.number == 2
    (row,) = page.rows
    assert all(cell.placement is not None for cell in row[1])


@pytest.mark.parametrize(("exhibitors", "scheduled"), [(3, 4), (60, 400)])
def test_the_grid_takes_the_same_queries_at_any_size(
    exhibitors, scheduled, make_organiser, client, django_assert_max_num_queries
):
    world = grid_world(exhibitors=exhibitors, buyers=max(4, exhibitors), scheduled=scheduled)
    pavilion = world["pavilion"]
    client.force_login(make_organiser(pavilion.organiser))
    meeting = world["meetings"][0]
    with django_assert_max_num_queries(22):
        response = client.get(schedule_url(pavilion, meeting=meeting.pk))
    assert response.status_code == 200
    with django_assert_max_num_queries(11):
        response = client.get(placements_url(pavilion, meeting))
    assert response.status_code == 200


def test_the_grid_page_still_runs_the_scheduler_and_asks_before_publishing(
    client, world, organiser
):
    pavilion = world["pavilion"]
    ran = client.post(schedule_url(pavilion), {"action": "run"})
    run = SchedulingRun.objects.get(pavilion=pavilion)
    assert ran.status_code == 302
    assert ran.url == reverse("admin:meetings_schedulingrun_change", args=[run.pk])
    publish = client.post(schedule_url(pavilion), {"action": "publish"})
    assert publish.url == reverse("admin:meetings_schedule_publish", args=[pavilion.pk])
