"""The admin acting for participants: creating a meeting on their behalf, declining and
cancelling on whose behalf, and naming organiser staff to attend for an absent exhibitor."""

import pytest
from django.core import mail
from django.urls import reverse

from core.models import AuditEntry
from meetings.models import Meeting, MeetingStatus
from meetings.services.decisions import meeting_accept
from meetings.services.placement import meeting_move
from meetings.services.proxy import meeting_set_proxy_attendee

from .acting_builders import build_acting_world, request, to

pytestmark = pytest.mark.django_db


@pytest.fixture
def acting_world(db, django_user_model, make_organiser, settings):
    return build_acting_world(django_user_model, make_organiser, settings)


CREATE = reverse("admin:meetings_meeting_create")
CHANGELIST = reverse("admin:meetings_meeting_changelist")


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def create_url(pavilion) -> str:
    return f"{CREATE}?pavilion={pavilion.pk}"


def test_the_meetings_list_offers_to_create_a_meeting(client, acting_world):
    client.force_login(acting_world["organiser"])
    page = client.get(CHANGELIST).content.decode()
    assert "Create a meeting…" in page
    assert CREATE in page


def test_the_create_page_offers_only_the_pavilions_participants(client, acting_world):
    world = acting_world
    client.force_login(world["organiser"])
    page = client.get(CREATE)  # the organiser's only pavilion is chosen for them
    assert page.status_code == 200
    form = page.context["form"]
    assert list(form.fields["sme"].queryset) == [world["sme"]]  # not the unaccepted applicant
    assert set(form.fields["buyer"].queryset) == set(world["buyers"])
    assert list(page.context["chooser"].fields["pavilion"].queryset) == [world["pavilion"]]


def test_another_offices_pavilion_is_refused(client, acting_world):
    client.force_login(acting_world["organiser"])
    page = client.get(create_url(acting_world["other_pavilion"]))
    assert page.context["form"] is None
    assert "Choose one of your pavilions." in page.content.decode()
    response = client.post(
        create_url(acting_world["other_pavilion"]),
        {"sme": acting_world["sme"].pk, "buyer": acting_world["buyer"].pk},
    )
    assert response.status_code == 200
    assert not Meeting.objects.exists()


def test_a_participant_account_cannot_open_the_page(client, acting_world):
    client.force_login(acting_world["mia"])
    assert client.get(CREATE).status_code == 302  # to the admin's login


@pytest.mark.parametrize(
    ("acting_for", "status", "requested_by", "message"),
    [
        (
            "exhibitor",
            "requested",
            "exhibitor",
            "1 meeting request made on behalf of the exhibitor; the buyer is asked to answer.",
        ),
        (
            "buyer",
            "requested",
            "buyer",
            "1 meeting request made on behalf of the buyer; the exhibitor is asked to answer.",
        ),
        ("both", "accepted", "organiser", "1 meeting confirmed on behalf of both sides."),
    ],
)
def test_creating_a_meeting_on_whose_behalf(
    client,
    acting_world,
    django_capture_on_commit_callbacks,
    acting_for,
    status,
    requested_by,
    message,
):
    world = acting_world
    client.force_login(world["organiser"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            create_url(world["pavilion"]),
            {
                "sme": world["sme"].pk,
                "buyer": world["buyer"].pk,
                "acting_for": acting_for,
                "message": "Both asked us at the briefing.",
            },
            follow=True,
        )
    meeting = Meeting.objects.get()
    assert (meeting.status, meeting.requested_by_side) == (status, requested_by)
    assert meeting.message == "Both asked us at the briefing."
    assert messages_of(response) == [message]
    assert response.redirect_chain[-1][0] == reverse(
        "admin:meetings_meeting_change", args=[meeting.pk]
    )
    event = meeting.events.get()
    assert (event.actor, event.side, event.acting_for) == (
        world["organiser"],
        "organiser",
        acting_for,
    )
    assert AuditEntry.objects.get(action="meeting.requested").changes["acting_for"][1] == acting_for
    assert mail.outbox  # the participants are told


def test_creating_the_organisers_own_proposal_asks_both(client, acting_world):
    world = acting_world
    client.force_login(world["organiser"])
    response = client.post(
        create_url(world["pavilion"]),
        {"sme": world["sme"].pk, "buyer": world["buyer"].pk, "acting_for": ""},
        follow=True,
    )
    meeting = Meeting.objects.get()
    assert (meeting.requested_by_side, meeting.events.get().acting_for) == ("organiser", "")
    assert "both sides are asked to answer" in messages_of(response)[0]


def test_the_services_refusal_is_shown_on_the_form(client, acting_world):
    world = acting_world
    request(world, side="buyer")
    client.force_login(world["organiser"])
    page = client.post(
        create_url(world["pavilion"]),
        {"sme": world["sme"].pk, "buyer": world["buyer"].pk, "acting_for": "both"},
    )
    assert page.status_code == 200
    assert "already have a meeting (requested)" in page.content.decode()
    assert Meeting.objects.count() == 1


def test_the_meeting_cap_is_the_services(client, acting_world):
    world = acting_world
    pavilion = world["pavilion"]
    pavilion.max_meetings_per_exhibitor = 1
    pavilion.save()
    meeting_accept(meeting=request(world, side="organiser"), side="organiser")
    client.force_login(world["organiser"])
    page = client.post(
        create_url(pavilion),
        {"sme": world["sme"].pk, "buyer": world["buyers"][1].pk, "acting_for": "both"},
    )
    assert "already has the most meetings this pavilion allows (1)" in page.content.decode()
    assert not Meeting.objects.filter(buyer=world["buyers"][1]).exists()


def test_declining_requests_asks_on_whose_behalf_and_records_it(
    client, acting_world, django_capture_on_commit_callbacks
):
    world = acting_world
    meeting = request(world, side="buyer")
    client.force_login(world["organiser"])
    selected = {"action": "decline_on_behalf", "_selected_action": [meeting.pk]}
    page = client.post(CHANGELIST, selected)
    assert "On behalf of the exhibitor" in page.content.decode()
    assert Meeting.objects.get().status == MeetingStatus.REQUESTED
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            CHANGELIST,
            {**selected, "post": "yes", "acting_for": "exhibitor", "note": "Not for them."},
            follow=True,
        )
    assert messages_of(response) == ["1 request declined on behalf of the exhibitor."]
    event = Meeting.objects.get().events.get(action="declined")
    assert (event.acting_for, event.note) == ("exhibitor", "Not for them.")
    assert "declined on your behalf" in to("mia@example.com")[0].subject


def test_cancelling_from_the_list_on_behalf_of_the_buyer(client, acting_world):
    world = acting_world
    meeting = meeting_accept(meeting=request(world, side="organiser"), side="organiser")
    client.force_login(world["organiser"])
    response = client.post(
        CHANGELIST,
        {
            "action": "cancel",
            "_selected_action": [meeting.pk],
            "post": "yes",
            "acting_for": "buyer",
        },
        follow=True,
    )
    assert messages_of(response) == ["1 meeting cancelled."]
    assert Meeting.objects.get().events.get(action="cancelled").acting_for == "buyer"


def test_the_cancel_page_records_on_whose_behalf(client, acting_world):
    world = acting_world
    meeting = meeting_accept(meeting=request(world, side="organiser"), side="organiser")
    client.force_login(world["organiser"])
    url = reverse("admin:meetings_meeting_cancel", args=[meeting.pk])
    assert "On whose behalf do you cancel?" in client.get(url).content.decode()
    client.post(url, {"post": "yes", "acting_for": "both"})
    event = Meeting.objects.get().events.get(action="cancelled")
    assert (event.side, event.acting_for) == ("organiser", "both")


def change_data(meeting, **values) -> dict:
    data = {
        "slot": meeting.slot_id or "",
        "interpreter": "",
        "attendee": meeting.attendee_id or "",
        "proxy_attendee": meeting.proxy_attendee_id or "",
        "locked": "",
    }
    for prefix in ("outcomes", "follow_ups", "events"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    data.update(values)
    return data


@pytest.fixture
def booked(acting_world):
    meeting = meeting_accept(meeting=request(acting_world, side="organiser"), side="organiser")
    return meeting_move(meeting=meeting, slot=acting_world["slots"][0])


def test_the_meeting_page_names_and_clears_a_proxy_attendee(client, acting_world, booked):
    world = acting_world
    client.force_login(world["organiser"])
    url = reverse("admin:meetings_meeting_change", args=[booked.pk])
    page = client.get(url)
    choices = list(page.context["adminform"].form.fields["proxy_attendee"].queryset)
    assert set(choices) == {world["organiser"], world["colleague"]}  # not the other office's
    response = client.post(url, change_data(booked, proxy_attendee=world["colleague"].pk))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Meeting.objects.get().proxy_attendee == world["colleague"]
    client.post(url, change_data(Meeting.objects.get(), proxy_attendee=""))
    assert Meeting.objects.get().proxy_attendee is None


def test_the_meeting_page_swaps_the_attendee_for_a_proxy_in_one_save(client, acting_world, booked):
    world = acting_world
    client.force_login(world["organiser"])
    url = reverse("admin:meetings_meeting_change", args=[booked.pk])
    both = change_data(booked, attendee=world["taro"].pk, proxy_attendee=world["colleague"].pk)
    page = client.post(url, both)
    assert "One person attends for the exhibitor" in page.content.decode()
    client.post(url, change_data(booked, attendee=world["taro"].pk))
    assert Meeting.objects.get().attendee == world["taro"]
    client.post(
        url, change_data(Meeting.objects.get(), attendee="", proxy_attendee=world["colleague"].pk)
    )
    meeting = Meeting.objects.get()
    assert (meeting.attendee, meeting.proxy_attendee) == (None, world["colleague"])


def test_the_meeting_page_refuses_someone_outside_the_office(client, acting_world, booked):
    meeting_set_proxy_attendee(meeting=booked, proxy_attendee=None)
    client.force_login(acting_world["organiser"])
    url = reverse("admin:meetings_meeting_change", args=[booked.pk])
    page = client.post(url, change_data(booked, proxy_attendee=acting_world["outsider"].pk))
    assert page.status_code == 200
    assert Meeting.objects.get().proxy_attendee is None
