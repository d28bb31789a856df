"""The fair-day page on a phone, in a real browser with JavaScript off: 390 px wide with no
sideways scroll, and a member of the organising office checks a side in with a plain form."""

import pytest
from django.utils import timezone

from meetings.models import MeetingEvent
from tests.meetings.fair_day_builders import FAIR_MORNING, build_fair_day

pytestmark = [pytest.mark.django_db(transaction=True)]

PASSWORD = "Pavilion-fair-day-2027"


def test_the_fair_day_fits_a_phone_and_checks_in_without_javascript(
    live_server, site_static, browser, screenshots, make_organiser, monkeypatch
):
    monkeypatch.setattr(timezone, "now", lambda: FAIR_MORNING)
    world = build_fair_day(make_organiser, meetings=3)
    organiser, meeting = world["organiser"], world["meetings"][0]
    organiser.set_password(PASSWORD)
    organiser.save()
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/ja/admin/login/")
    page.fill("#id_username", organiser.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/ja/admin/")
    page.goto(f"{live_server.url}/ja/pavilions/{world['pavilion'].pk}/fair-day/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshots(page, "ja", "30-fair-day-phone")
    card = page.locator(f"#meeting-{meeting.pk}")
    card.get_by_role("button", name="出展者到着").click()
    page.wait_for_selector(".messages .success")
    assert "定刻に到着（10:03）" in page.locator(f"#meeting-{meeting.pk}").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert MeetingEvent.objects.filter(meeting=meeting, action="checked_in").count() == 1
    context.close()


def test_the_printed_schedule_carries_a_check_in_code_per_meeting(
    live_server, site_static, browser, screenshots, make_organiser, monkeypatch, client
):
    from django.contrib.auth import get_user_model

    from companies.models import Membership

    monkeypatch.setattr(timezone, "now", lambda: FAIR_MORNING)
    world = build_fair_day(make_organiser, meetings=2)
    meeting = world["meetings"][0]
    user = get_user_model().objects.create_user("kenji-print", password=PASSWORD)
    Membership.objects.create(user=user, sme=meeting.sme, preferred_language="ja")
    client.force_login(user)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(f"{live_server.url}/ja/pavilions/{world['pavilion'].pk}/schedule/")
    code = page.locator(f'[data-meeting="{meeting.pk}"] svg.check-in-qr')
    assert code.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshots(page, "ja", "31-schedule-print-check-in-code")
    context.close()
