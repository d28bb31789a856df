"""Follow-ups for organisers: recording a participant's outcome in the admin, the meeting page's
outcomes and follow-up emails, and each round's response rate on the results page, the API and
the command line."""

import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from events.factories import OrganisingOfficeFactory
from meetings.models import FollowUpRequest, MeetingOutcome, MeetingStatus
from meetings.services import follow_ups
from tests.meetings.follow_up_builders import first_round, follow_up_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(django_user_model, settings):
    settings.SITE_URL = "https://pavilion.example"
    return follow_up_world(django_user_model)


@pytest.fixture
def organiser(world, make_organiser):
    return make_organiser(world["pavilion"].organiser)


@pytest.fixture
def asked(world):
    """The first round emailed to the four sides of the two held meetings."""
    follow_ups.follow_ups_send(now=first_round(world["pavilion"]))
    return world


def outcome_url(meeting) -> str:
    return reverse("admin:meetings_meeting_outcome", args=[meeting.pk])


def test_an_organiser_records_a_participants_outcome(client, asked, organiser):
    held = asked["held"]
    client.force_login(organiser)
    change = client.get(reverse("admin:meetings_meeting_change", args=[held.pk])).content.decode()
    assert outcome_url(held) in change
    assert "follow-up emails" in change.lower()

    form = client.get(outcome_url(held))
    assert form.status_code == 200
    assert 'name="side"' in form.content.decode()

    response = client.post(
        outcome_url(held),
        {"post": "yes", "side": "buyer", "round": "1", "stage": "quotation", "note": "By phone"},
    )

    assert response.status_code == 302
    outcome = MeetingOutcome.objects.get(meeting=held, side="buyer", round=1)
    assert (outcome.stage, outcome.note, outcome.recorded_by) == (
        "quotation",
        "By phone",
        organiser,
    )
    assert FollowUpRequest.objects.get(meeting=held, side="buyer").answered_at is not None
    change = client.get(reverse("admin:meetings_meeting_change", args=[held.pk])).content.decode()
    assert "Quotation sent" in change


def test_a_bad_outcome_is_refused_with_the_reason(client, asked, organiser):
    client.force_login(organiser)
    response = client.post(
        outcome_url(asked["held"]), {"post": "yes", "side": "", "round": "2", "stage": "sample"}
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Choose whose outcome this is." in text
    assert "Select a valid choice. 2 is not one of the available choices." in text
    assert not MeetingOutcome.objects.exists()


def test_only_a_held_meeting_of_ones_own_pavilion_gets_an_outcome(
    client, asked, organiser, make_organiser
):
    client.force_login(organiser)
    response = client.get(outcome_url(asked["no_show"]))
    assert response.status_code == 302
    assert asked["no_show"].status == MeetingStatus.NO_SHOW
    stranger = make_organiser(OrganisingOfficeFactory(), username="stranger")
    client.force_login(stranger)
    refused = client.post(
        outcome_url(asked["held"]),
        {"post": "yes", "side": "buyer", "round": "1", "stage": "sample"},
    )
    assert refused.status_code in (403, 404)
    assert not MeetingOutcome.objects.exists()


def test_the_results_show_each_rounds_response_rate(client, asked, organiser):
    pavilion = asked["pavilion"]
    # One of the four answers through its link.
    link = next(m for m in mail.outbox if asked["anna"].email in m.to).body
    token = link.split("/follow-up/")[1].split("/")[0]
    follow_ups.follow_up_answer(follow_ups.follow_up_from_token(token), stage="sample")

    client.force_login(organiser)
    page = client.get(reverse("admin:meetings_results", args=[pavilion.pk])).content.decode()
    table = page[page.index('id="follow-up-rounds"') :]
    table = table[: table.index("</table>")]
    assert "1 month later" in table
    assert '<td class="number">4</td><td class="number">1</td><td class="number">25%</td>' in (
        table
    )

    data = client.get(f"/api/v1/pavilions/{pavilion.pk}/results/").json()
    first = data["follow_ups"][0]
    assert (first["round"], first["emailed"], first["answered"]) == (1, 4, 1)
    assert first["response_rate"] == 0.25
    assert first["due_on"] == "2027-12-18"

    out = StringIO()
    call_command("pavilion_results", str(pavilion.pk), stdout=out)
    assert "1 month later (2027-12-18): emailed 4, answered 1 (25%), reminded 0" in out.getvalue()
    out = StringIO()
    call_command("pavilion_results", str(pavilion.pk), "--json", stdout=out)
    assert json.loads(out.getvalue())["follow_ups"][0]["answered"] == 1
