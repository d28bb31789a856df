"""Proposals, meeting requests and answers, the meeting briefing, the schedule and outcomes."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from companies.factories import ForeignBuyerFactory
from events.factories import InterpreterFactory
from events.services import slots as event_services
from events.services.buyers import buyer_registration_register
from matchmaking.models import Proposal
from meetings.models import Meeting, MeetingOutcome
from meetings.services.decisions import meeting_accept
from meetings.services.requests import meeting_request

from .conftest import member, query_count

pytestmark = pytest.mark.django_db

REASON = {
    "sector": {
        "level": "same",
        "labels": {"en": "Medical devices", "ja": "医療機器"},
        "shared_labels": {"en": "Medical devices", "ja": "医療機器"},
    },
    "product_terms": ["endoscopes"],
}


def proposal(world, buyer=None, score=82.0):
    return Proposal.objects.create(
        pavilion=world["pavilion"],
        sme=world["sme"],
        buyer=buyer or world["buyer"],
        score=score,
        reason=REASON,
    )


def requested(world, side="buyer", message="We distribute endoscopes in NRW."):
    return meeting_request(
        pavilion=world["pavilion"],
        sme=world["sme"],
        buyer=world["buyer"],
        side=side,
        message=message,
    )


def published(world, meeting=None):
    """A meeting in the fair's first slot (10:00 in Düsseldorf), published."""
    pavilion = world["pavilion"]
    event_services.meeting_slots_generate(pavilion=pavilion)
    meeting = meeting or requested(world)
    meeting_accept(meeting=meeting, side="organiser")
    interpreter = InterpreterFactory(pavilion=pavilion, name="Aiko Mori")
    Meeting.objects.filter(pk=meeting.pk).update(
        status="scheduled",
        slot=pavilion.slots.order_by("starts_at").first(),
        interpreter=interpreter,
        published_at=timezone.now(),
    )
    return Meeting.objects.get(pk=meeting.pk)


def page(world, suffix):
    return f"/en/pavilions/{world['pavilion'].pk}/{suffix}"


def test_an_exhibitor_sees_proposed_buyers_with_the_reasons(client, world):
    proposal(world)
    client.force_login(world["sme_user"])
    html = client.get(page(world, "proposals/")).content.decode()
    assert "Rhein Medical GmbH" in html
    assert "Medical devices" in html
    assert "endoscopes" in html
    ja = client.get(f"/ja/pavilions/{world['pavilion'].pk}/proposals/").content.decode()
    assert "医療機器" in ja


def test_the_proposal_page_links_to_the_meetings_which_meetings_adds(client, world):
    client.force_login(world["sme_user"])
    html = client.get(page(world, "proposals/")).content.decode()
    assert f'· <a href="{page(world, "meetings/")}">Meetings and requests</a></p>' in html


def test_accepting_a_proposal_requests_the_meeting(client, world):
    offer = proposal(world)
    client.force_login(world["sme_user"])
    response = client.post(f"/en/proposals/{offer.pk}/decide/", {"decision": "accept"})
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.status, meeting.requested_by_side) == ("requested", "exhibitor")


def test_declining_a_proposal(client, world):
    offer = proposal(world)
    client.force_login(world["buyer_user"])
    client.post(f"/en/proposals/{offer.pk}/decide/", {"decision": "decline"})
    offer.refresh_from_db()
    assert offer.status == "declined"
    assert not Meeting.objects.exists()


def test_another_companys_user_gets_nothing(client, world):
    offer = proposal(world)
    meeting = published(world)
    for user in (world["other_sme_user"], world["other_buyer_user"]):
        client.force_login(user)
        assert client.get(page(world, "proposals/")).status_code == 404
        assert client.get(page(world, "meetings/")).status_code == 404
        assert client.get(page(world, "schedule/")).status_code == 404
        assert client.get(page(world, "schedule.ics")).status_code == 404
        assert client.get(f"/en/meetings/{meeting.pk}/").status_code == 404
        assert (
            client.post(f"/en/proposals/{offer.pk}/decide/", {"decision": "accept"}).status_code
            == 404
        )
        assert client.post(f"/en/meetings/{meeting.pk}/cancel/").status_code == 404
    meeting.refresh_from_db()
    assert meeting.status == "scheduled"


def test_an_organiser_without_a_company_gets_404_on_company_pages(client, world, make_organiser):
    meeting = published(world)
    client.force_login(make_organiser(world["pavilion"].organiser))
    assert client.get(f"/en/meetings/{meeting.pk}/").status_code == 404
    assert client.get(page(world, "schedule/")).status_code == 404


def test_anonymous_users_are_sent_to_log_in_from_meeting_pages(client, world):
    meeting = requested(world)
    for path in [
        page(world, "proposals/"),
        page(world, "schedule/"),
        f"/en/meetings/{meeting.pk}/",
    ]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")


def test_a_buyer_requests_a_meeting_with_a_message(client, world):
    client.force_login(world["buyer_user"])
    detail = client.get(page(world, f"exhibitors/{world['sme'].pk}/")).content.decode()
    assert "request-form" in detail
    response = client.post(
        page(world, f"exhibitors/{world['sme'].pk}/request/"),
        {"message": "Can you supply 200 endoscopes a year?"},
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.message == "Can you supply 200 endoscopes a year?"
    assert meeting.requested_by_side == "buyer"
    detail = client.get(page(world, f"exhibitors/{world['sme'].pk}/")).content.decode()
    assert "request-form" not in detail


def test_a_request_the_service_refuses_shows_why(client, world):
    requested(world)
    client.force_login(world["buyer_user"])
    response = client.post(page(world, f"exhibitors/{world['sme'].pk}/request/"), {"message": "x"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "already have a meeting" in html
    assert 'id="form-errors"' in html


def test_an_unregistered_buyer_cannot_request(client, world):
    client.force_login(world["other_buyer_user"])
    response = client.post(page(world, f"exhibitors/{world['sme'].pk}/request/"), {"message": "x"})
    assert response.status_code == 404
    assert not Meeting.objects.exists()


def test_the_exhibitor_accepts_a_request_and_names_who_attends(client, world):
    meeting = requested(world)
    colleague = member(world["sme"], "yuki@echigo.example", role="staff", first_name="Yuki")
    client.force_login(world["sme_user"])
    listing = client.get(page(world, "meetings/")).content.decode()
    assert "We distribute endoscopes in NRW." in listing
    assert 'data-action="accept-meeting"' in listing
    response = client.post(f"/en/meetings/{meeting.pk}/accept/", {"attendee": colleague.pk})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "accepted"
    assert meeting.attendee == colleague
    client.post(f"/en/meetings/{meeting.pk}/attendee/", {"attendee": world["sme_user"].pk})
    meeting.refresh_from_db()
    assert meeting.attendee == world["sme_user"]


def test_an_attendee_from_another_company_is_refused_on_the_form(client, world):
    meeting = requested(world)
    client.force_login(world["sme_user"])
    response = client.post(
        f"/en/meetings/{meeting.pk}/accept/", {"attendee": world["other_sme_user"].pk}
    )
    assert response.status_code == 400
    assert 'id="id_attendee_error"' in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == "requested"


def test_the_buyer_cannot_name_the_exhibitors_attendee(client, world):
    meeting = requested(world, side="exhibitor")
    client.force_login(world["buyer_user"])
    response = client.post(f"/en/meetings/{meeting.pk}/attendee/", {"attendee": ""})
    assert response.status_code == 404


def test_declining_a_request_with_a_note(client, world):
    meeting = requested(world)
    client.force_login(world["sme_user"])
    client.post(f"/en/meetings/{meeting.pk}/decline/", {"note": "Not our market"})
    meeting.refresh_from_db()
    assert meeting.status == "declined"
    assert meeting.events.last().note == "Not our market"


def test_answering_twice_shows_the_services_reason(client, world):
    meeting = requested(world)
    client.force_login(world["sme_user"])
    client.post(f"/en/meetings/{meeting.pk}/decline/")
    response = client.post(f"/en/meetings/{meeting.pk}/decline/", follow=True)
    assert "only a requested meeting can be declined" in response.content.decode()


def test_the_briefing_says_who_the_buyer_is_why_and_the_interpreter(client, world):
    offer = proposal(world)
    meeting = published(world, requested(world))
    Meeting.objects.filter(pk=meeting.pk).update(proposal=offer)
    client.force_login(world["sme_user"])
    html = client.get(f"/en/meetings/{meeting.pk}/").content.decode()
    assert "Rhein Medical GmbH" in html
    assert "Japanese kitchenware" in html  # the buyer's sourcing needs (factory default)
    assert "endoscopes" in html  # why they were matched
    assert "Booked: Aiko Mori" in html
    assert "At booth A-1" in html
    assert "Mon 15 Nov 2027, 10:00–10:30 CET" in html


def test_the_schedule_is_in_the_fairs_time_with_its_zone(client, world):
    published(world)
    client.force_login(world["buyer_user"])
    html = client.get(page(world, "schedule/")).content.decode()
    assert "10:00–10:30" in html  # 09:00 UTC, shown in Düsseldorf time
    assert "Europe/Berlin" in html
    assert "Echigo Medical Co., Ltd." in html
    client.force_login(world["sme_user"])
    html = client.get(page(world, "schedule/")).content.decode()
    assert "Rhein Medical GmbH" in html
    assert "18:00" in html  # the same meeting in Japan time, for planning from home


def test_unpublished_meetings_are_not_on_the_schedule_yet(client, world):
    meeting = published(world)
    Meeting.objects.filter(pk=meeting.pk).update(published_at=None)
    client.force_login(world["buyer_user"])
    html = client.get(page(world, "schedule/")).content.decode()
    assert 'id="no-meetings"' in html
    assert "waiting for the organiser to publish" in html


def test_the_schedule_downloads_as_icalendar(client, world):
    meeting = published(world)
    client.force_login(world["sme_user"])
    response = client.get(page(world, "schedule.ics"))
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert f"UID:meeting-{meeting.pk}@japan-pavilion" in body
    assert "DTSTART:20271115T090000Z" in body
    assert "Rhein Medical GmbH" in body


def test_schedule_and_lists_queries_do_not_grow_with_meetings(client, world):
    published(world)
    proposal(world)
    client.force_login(world["sme_user"])
    paths = [page(world, "schedule/"), page(world, "meetings/"), page(world, "proposals/")]
    one = [query_count(client, path) for path in paths]
    slots = list(world["pavilion"].slots.order_by("starts_at"))
    for i in range(1, 6):
        buyer = ForeignBuyerFactory(name=f"Buyer {i} AG")
        buyer_registration_register(
            pavilion=world["pavilion"], buyer=buyer, days=[slots[0].starts_at.date()]
        )
        proposal(world, buyer=buyer, score=50 + i)
        meeting = meeting_request(
            pavilion=world["pavilion"], sme=world["sme"], buyer=buyer, side="organiser"
        )
        meeting_accept(meeting=meeting, side="organiser")
        Meeting.objects.filter(pk=meeting.pk).update(
            status="scheduled", slot=slots[i], published_at=timezone.now()
        )
    assert [query_count(client, path) for path in paths] == one
    assert max(one) <= 14


def test_a_held_meeting_gets_an_outcome(client, world):
    meeting = published(world)
    Meeting.objects.filter(pk=meeting.pk).update(status="held")
    client.force_login(world["sme_user"])
    missing = client.post(f"/en/meetings/{meeting.pk}/outcome/", {"round": "0"})
    assert missing.status_code == 400
    assert "Choose a stage from the list." in missing.content.decode()
    response = client.post(
        f"/en/meetings/{meeting.pk}/outcome/",
        {"round": "0", "stage": "sample", "expected_value_usd": "20000", "note": "Samples"},
    )
    assert response.status_code == 302
    outcome = MeetingOutcome.objects.get()
    assert (outcome.side, outcome.stage, outcome.expected_value_usd) == (
        "exhibitor",
        "sample",
        20000,
    )
    assert "Samples sent" in client.get(f"/en/meetings/{meeting.pk}/").content.decode()


def test_a_participant_marks_a_started_meeting_held(client, world):
    meeting = published(world)
    client.force_login(world["buyer_user"])
    assert (
        "Did the meeting take place?"
        not in client.get(f"/en/meetings/{meeting.pk}/").content.decode()
    )
    Meeting.objects.filter(pk=meeting.pk).update()
    meeting.slot.__class__.objects.filter(pk=meeting.slot_id).update(
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() - timedelta(minutes=30),
    )
    client.post(f"/en/meetings/{meeting.pk}/held/")
    meeting.refresh_from_db()
    assert meeting.status == "held"


def test_an_unknown_action_is_a_404(client, world):
    meeting = requested(world)
    client.force_login(world["sme_user"])
    assert client.post(f"/en/meetings/{meeting.pk}/explode/").status_code == 404


def placed(world):
    """A confirmed meeting the scheduler put in the first slot with an interpreter, before the
    organiser published the schedule."""
    meeting = published(world)
    Meeting.objects.filter(pk=meeting.pk).update(published_at=None)
    return Meeting.objects.get(pk=meeting.pk)


@pytest.mark.parametrize("user", ["sme_user", "buyer_user"])
def test_neither_side_sees_the_time_of_a_meeting_placed_but_not_published(client, world, user):
    meeting = placed(world)
    client.force_login(world[user])
    pages = {
        "list": page(world, "meetings/"),
        "detail": f"/en/meetings/{meeting.pk}/",
        "schedule": page(world, "schedule/"),
        "print": page(world, "schedule/?print=1"),
        "calendar": page(world, "schedule.ics"),
        "japanese detail": f"/ja/meetings/{meeting.pk}/",
    }
    for name, path in pages.items():
        body = client.get(path).content.decode()
        for secret in ("10:00", "10:30", "2027年11月15日", "Mon 15 Nov 2027", "Aiko Mori"):
            assert secret not in body, (name, secret)
        assert "DTSTART" not in body, name
    # Still a confirmed meeting to them, not yet "scheduled".
    listing = client.get(page(world, "meetings/")).content.decode()
    assert f'data-meeting="{meeting.pk}"' in listing
    assert "status-accepted" in listing
    assert "status-scheduled" not in listing
    detail = client.get(f"/en/meetings/{meeting.pk}/").content.decode()
    assert 'data-status="accepted"' in detail
    assert "Did the meeting take place?" not in detail


def test_the_buyers_catalogue_shows_a_placed_meeting_as_accepted_until_published(client, world):
    meeting = placed(world)
    client.force_login(world["buyer_user"])
    catalogue = client.get(page(world, "exhibitors/")).content.decode()
    assert "Your meeting: Accepted" in catalogue
    Meeting.objects.filter(pk=meeting.pk).update(published_at=timezone.now())
    catalogue = client.get(page(world, "exhibitors/")).content.decode()
    assert "Your meeting: Scheduled" in catalogue


@pytest.mark.parametrize("user", ["sme_user", "buyer_user"])
def test_both_sides_see_the_time_once_published(client, world, user):
    meeting = placed(world)
    Meeting.objects.filter(pk=meeting.pk).update(published_at=timezone.now())
    client.force_login(world[user])
    for path in (page(world, "meetings/"), f"/en/meetings/{meeting.pk}/", page(world, "schedule/")):
        assert "Mon 15 Nov 2027, 10:00–10:30 CET" in client.get(path).content.decode(), path
    assert "DTSTART:20271115T090000Z" in client.get(page(world, "schedule.ics")).content.decode()


def test_the_organiser_sees_the_unpublished_time_in_the_admin(client, world, make_organiser):
    meeting = placed(world)
    client.force_login(make_organiser(world["pavilion"].organiser))
    html = client.get(f"/en/admin/meetings/meeting/{meeting.pk}/change/").content.decode()
    assert "10:00" in html
    assert "Aiko Mori" in html


def test_meeting_pages_show_times_in_the_fairs_zone_in_the_language_format(client, world):
    meeting = published(world)
    client.force_login(world["sme_user"])
    detail = client.get(f"/ja/meetings/{meeting.pk}/").content.decode()
    assert "2027年11月15日(月) 10:00–10:30 CET" in detail
    schedule = client.get(f"/ja/pavilions/{world['pavilion'].pk}/schedule/").content.decode()
    assert "<h2>2027年11月15日(月)</h2>" in schedule
    assert "2027年11月15日(月) 10:00–10:30 CET" in schedule
    assert "2027年11月15日(月) 18:00 JST" in schedule  # the same time in Japan
    assert "現地時間（CET、Europe/Berlin）" in schedule
    assert "曜日" not in schedule
    english = client.get(page(world, "schedule/")).content.decode()
    assert "<h2>Mon 15 Nov 2027</h2>" in english
    assert "local time: CET (Europe/Berlin)" in english
    for body in (detail, schedule, english):
        assert "UTC" not in body


def test_a_request_expiry_shows_in_fair_time_with_the_zone(client, world):
    meeting = requested(world)
    Meeting.objects.filter(pk=meeting.pk).update(
        expires_at=datetime(2027, 11, 10, 17, 0, tzinfo=UTC)
    )
    client.force_login(world["sme_user"])
    for path in (page(world, "meetings/"), f"/en/meetings/{meeting.pk}/"):
        assert (
            "The request expires on Wed 10 Nov 2027, 18:00 CET."
            in client.get(path).content.decode()
        )
    japanese = client.get(f"/ja/meetings/{meeting.pk}/").content.decode()
    assert "2027年11月10日(水) 18:00 CET" in japanese


def test_a_japanese_page_names_people_family_name_first(client, world):
    meeting = published(world)
    Meeting.objects.filter(pk=meeting.pk).update(attendee=world["sme_user"])
    client.force_login(world["buyer_user"])
    assert "Sato Kenji" in client.get(f"/ja/meetings/{meeting.pk}/").content.decode()
    assert (
        "Sato Kenji"
        in client.get(page(world, "schedule/").replace("/en/", "/ja/")).content.decode()
    )
    assert "Kenji Sato" in client.get(f"/en/meetings/{meeting.pk}/").content.decode()
    world["sme_user"].first_name, world["sme_user"].last_name = "健二", "佐藤"
    world["sme_user"].save()
    buyer_registration_register(
        pavilion=world["pavilion"], buyer=world["other_buyer"], days=[date(2027, 11, 15)]
    )
    requested_meeting = meeting_request(
        pavilion=world["pavilion"], sme=world["sme"], buyer=world["other_buyer"], side="buyer"
    )
    client.force_login(world["sme_user"])
    listing = client.get(page(world, "meetings/").replace("/en/", "/ja/")).content.decode()
    assert f'id="accept-{requested_meeting.pk}"' in listing
    assert ">佐藤 健二</option>" in listing
