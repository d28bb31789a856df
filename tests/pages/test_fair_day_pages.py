"""The fair-day pages of organiser staff: who may open them, the day's meetings by slot in the
fair's time zone, the check-in and attendance buttons, and the signed check-in links of the
printed schedules' QR codes."""

from datetime import timedelta

import pytest
import segno
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from companies.models import Membership
from meetings.models import MeetingEvent, MeetingStatus
from meetings.selectors.fair_day import CHECKED_IN
from meetings.services.check_in import check_in_path, check_in_signature, meeting_check_in
from meetings.services.placement import meeting_move
from tests.meetings.fair_day_builders import FAIR_MORNING, build_fair_day

from .conftest import query_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_organiser, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: FAIR_MORNING)
    return build_fair_day(make_organiser)


def day_path(world, day=""):
    path = f"/en/pavilions/{world['pavilion'].pk}/fair-day/"
    return f"{path}?day={day}" if day else path


def act_path(meeting, action):
    return f"/en/fair-day/meetings/{meeting.pk}/{action}/"


def company_user(meeting):
    user = get_user_model().objects.create_user("kenji", password="pw-for-tests")
    Membership.objects.create(user=user, sme=meeting.sme)
    return user


def arrivals(meeting):
    return list(
        MeetingEvent.objects.filter(meeting=meeting, action=CHECKED_IN).values_list(
            "details__side", flat=True
        )
    )


# --- who may open the pages ------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_log_in(client, world):
    response = client.get(day_path(world))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    meeting = world["meetings"][0]
    response = client.get("/en" + check_in_path(meeting.pk, "buyer")[3:])
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_only_the_pavilions_organisers_and_platform_admins_see_the_page(client, world):
    client.force_login(world["outsider"])
    assert client.get(day_path(world)).status_code == 404
    client.force_login(company_user(world["meetings"][0]))
    assert client.get(day_path(world)).status_code == 404
    client.force_login(world["organiser"])
    assert client.get(day_path(world)).status_code == 200
    admin = get_user_model().objects.create_superuser("root", password="pw-for-tests")
    client.force_login(admin)
    assert client.get(day_path(world)).status_code == 200


def test_a_day_outside_the_fair_is_not_found(client, world):
    client.force_login(world["organiser"])
    assert client.get(day_path(world, "2027-12-01")).status_code == 404
    assert client.get(day_path(world, "tomorrow")).status_code == 404


def test_others_cannot_press_the_buttons_or_open_a_check_in_link(client, world):
    meeting = world["meetings"][0]
    client.force_login(world["outsider"])
    assert client.post(act_path(meeting, "buyer-arrived")).status_code == 404
    assert client.get(check_in_path(meeting.pk, "buyer")).status_code == 404
    assert client.post(check_in_path(meeting.pk, "buyer")).status_code == 404
    assert arrivals(meeting) == []


# --- the day's meetings ----------------------------------------------------------------------


def test_the_day_lists_meetings_by_slot_with_place_people_and_the_current_slot(client, world):
    first, second = world["meetings"]
    client.force_login(world["organiser"])
    page = client.get(day_path(world)).content.decode()
    assert "Mon 15 Nov 2027" in page
    assert page.index(f'id="slot-{first.slot_id}"') < page.index(f'id="slot-{second.slot_id}"')
    assert 'class="fair-slot current"' in page
    assert f'href="#slot-{first.slot_id}"' in page
    assert "Booth 8A-1" in page
    assert "Booth 8A-2" in page
    assert "Yamada Seisakusho 0" in page
    assert "Rhein Medical 0" in page
    assert "Not checked in yet" in page


def test_days_are_the_fairs_own_days_not_utcs(client, make_organiser, monkeypatch):
    # Los Angeles is eight hours behind UTC: 16:30 there on the 15th is 00:30 UTC on the 16th.
    monkeypatch.setattr(timezone, "now", lambda: FAIR_MORNING)
    world = build_fair_day(make_organiser, time_zone="America/Los_Angeles")
    late = meeting_move(meeting=world["meetings"][1], slot=world["slots"][-1])
    assert late.slot.starts_at.date().isoformat() == "2027-11-16"
    client.force_login(world["organiser"])
    first_day = client.get(day_path(world, "2027-11-15")).content.decode()
    assert f'id="meeting-{late.pk}"' in first_day
    assert f'id="meeting-{world["meetings"][0].pk}"' in first_day
    second_day = client.get(day_path(world, "2027-11-16")).content.decode()
    assert f'id="meeting-{late.pk}"' not in second_day
    assert "No meetings on this day." in second_day


def test_the_page_is_in_japanese(client, world):
    client.force_login(world["organiser"])
    page = client.get(f"/ja/pavilions/{world['pavilion'].pk}/fair-day/").content.decode()
    assert "出展者到着" in page
    assert "まだ受付されていません" in page


def test_the_page_asks_the_same_number_of_queries_for_more_meetings(
    client, make_organiser, monkeypatch
):
    monkeypatch.setattr(timezone, "now", lambda: FAIR_MORNING + timedelta(hours=2))
    small = build_fair_day(make_organiser, meetings=1)
    meeting_check_in(meeting=small["meetings"][0], side="buyer")
    client.force_login(small["organiser"])
    one = query_count(client, day_path(small))
    big = build_fair_day(make_organiser, meetings=3, label="b")
    for meeting in big["meetings"]:
        meeting_check_in(meeting=meeting, side="buyer")
    big["pavilion"].organiser.members.add(small["organiser"])
    three = query_count(client, day_path(big))
    assert one == three


# --- the buttons -----------------------------------------------------------------------------


def test_an_arrival_button_checks_the_side_in_and_returns_to_the_slot(client, world):
    meeting = world["meetings"][0]
    client.force_login(world["organiser"])
    response = client.post(act_path(meeting, "exhibitor-arrived"))
    assert response.status_code == 302
    assert response["Location"] == day_path(world, "2027-11-15") + f"#slot-{meeting.slot_id}"
    assert arrivals(meeting) == ["exhibitor"]
    page = client.get(response["Location"]).content.decode()
    assert "Arrived on time (10:03)" in page
    assert (
        "Exhibitor arrived</button>"
        not in page.split(f'id="meeting-{meeting.pk}"')[1].split("</li>")[0]
    )


def test_a_late_arrival_shows_its_minutes(client, world, monkeypatch):
    meeting = world["meetings"][0]
    monkeypatch.setattr(timezone, "now", lambda: meeting.slot.starts_at + timedelta(minutes=17))
    client.force_login(world["organiser"])
    client.post(act_path(meeting, "buyer-arrived"))
    page = client.get(day_path(world)).content.decode()
    assert "Arrived 17 minutes late (10:17)" in page


def test_held_and_no_show_buttons_record_the_attendance(client, world):
    meeting = world["meetings"][0]
    client.force_login(world["organiser"])
    client.post(act_path(meeting, "held"))
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    client.post(act_path(meeting, "both-absent"))
    meeting.refresh_from_db()
    assert (meeting.status, meeting.absent_side) == (MeetingStatus.NO_SHOW, "both")
    client.post(act_path(meeting, "buyer-absent"))
    meeting.refresh_from_db()
    assert meeting.absent_side == "buyer"
    # A missed meeting offers its replacements from the page.
    page = client.get(day_path(world)).content.decode()
    assert reverse("admin:meetings_meeting_replacements", args=[meeting.pk]) in page


def test_a_refused_button_says_why_on_the_page(client, world):
    meeting = world["meetings"][1]  # its slot has not begun
    client.force_login(world["organiser"])
    response = client.post(act_path(meeting, "held"), follow=True)
    assert "The meeting has not started yet." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED


def test_a_button_changes_nothing_on_a_get_or_an_unknown_action(client, world):
    meeting = world["meetings"][0]
    client.force_login(world["organiser"])
    assert client.get(act_path(meeting, "exhibitor-arrived")).status_code == 405
    assert client.post(act_path(meeting, "teleported")).status_code == 404
    assert arrivals(meeting) == []


# --- the printed schedule's QR codes and the check-in links ----------------------------------


def test_the_printed_schedule_shows_a_qr_code_of_the_sides_signed_link(client, world):
    meeting = world["meetings"][0]
    client.force_login(company_user(meeting))
    page = client.get(f"/en/pavilions/{world['pavilion'].pk}/schedule/").content.decode()
    with translation.override("en"):
        url = "http://testserver" + check_in_path(meeting.pk, "exhibitor")
    code = segno.make(url, error="m", mask=0).svg_inline(
        scale=3, title="Check-in code for the organiser's staff", svgclass="check-in-qr"
    )
    assert code in page
    assert page.count('class="check-in-qr"') == 1


def test_a_check_in_link_shows_the_meeting_and_a_get_changes_nothing(client, world):
    meeting = world["meetings"][0]
    client.force_login(world["organiser"])
    response = client.get(check_in_path(meeting.pk, "buyer"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Rhein Medical 0" in page
    assert "Confirm: the buyer has arrived" in page
    assert arrivals(meeting) == []


def test_confirming_a_check_in_link_checks_that_side_in(client, world):
    meeting = world["meetings"][0]
    client.force_login(world["organiser"])
    response = client.post(check_in_path(meeting.pk, "buyer"))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#slot-{meeting.slot_id}")
    assert arrivals(meeting) == ["buyer"]
    again = client.get(check_in_path(meeting.pk, "buyer")).content.decode()
    assert "Arrived on time (10:03)" in again
    assert "Confirm: the buyer has arrived" not in again
    refused = client.post(check_in_path(meeting.pk, "buyer"), follow=True).content.decode()
    assert "The buyer was already checked in at" in refused
    assert arrivals(meeting) == ["buyer"]


def test_a_tampered_link_or_one_made_for_another_meeting_or_side_is_refused(client, world):
    first, second = world["meetings"]
    client.force_login(world["organiser"])
    signature = check_in_signature(first.pk, "buyer")
    tampered = ("A" if signature[0] != "A" else "B") + signature[1:]
    for path in (
        f"/en/check-in/{first.pk}/buyer/{tampered}/",
        f"/en/check-in/{second.pk}/buyer/{signature}/",
        f"/en/check-in/{first.pk}/exhibitor/{signature}/",
        f"/en/check-in/{first.pk}/organiser/{signature}/",
    ):
        assert client.get(path).status_code == 404, path
        assert client.post(path).status_code == 404, path
    assert MeetingEvent.objects.filter(action=CHECKED_IN).count() == 0


def test_a_scanned_or_pasted_code_opens_its_check_in_page(client, world):
    meeting = world["meetings"][0]
    client.force_login(world["organiser"])
    scan = f"/en/pavilions/{world['pavilion'].pk}/fair-day/scan/"
    link = "https://pavilion.example/ja" + check_in_path(meeting.pk, "exhibitor")[3:]
    response = client.get(scan, {"code": link})
    assert response.status_code == 302
    assert response["Location"] == check_in_path(meeting.pk, "exhibitor")
    assert arrivals(meeting) == []
    refused = client.get(scan, {"code": "hello"}, follow=True).content.decode()
    assert "That is not a check-in code" in refused


def test_the_admins_pavilion_list_links_to_the_fair_day(client, world):
    client.force_login(world["organiser"])
    page = client.get("/en/admin/events/pavilion/").content.decode()
    assert f'href="{day_path(world)}"' in page
