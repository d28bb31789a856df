"""Follow-up emails out and back, in a real browser: a month after the fair the exhibitor opens
the link in its Japanese email, with no password, and tells what came of the meeting; the
organiser reads the round's response rate on the results page in the admin, in Japanese."""

import re

import pytest
from django.core import mail

from meetings.models import MeetingOutcome
from meetings.services import follow_ups
from tests.meetings.follow_up_builders import first_round, follow_up_world

pytestmark = [pytest.mark.django_db(transaction=True)]

PASSWORD = "Pavilion-follow-up-2027"


def test_a_follow_up_link_opens_the_form_and_its_answer_reaches_the_results(
    live_server, site_static, browser, screenshots, django_user_model, make_organiser, settings
):
    settings.SITE_URL = live_server.url
    world = follow_up_world(django_user_model)
    pavilion = world["pavilion"]
    follow_ups.follow_ups_send(now=first_round(pavilion))
    (email,) = [m for m in mail.outbox if world["taro"].email in m.to]
    link = re.search(rf"{re.escape(live_server.url)}/ja/follow-up/\S+", email.body).group(0)

    # The exhibitor, not logged in, answers through the link.
    context = browser.new_context()
    page = context.new_page()
    page.goto(link)
    assert "Buyer 0" in page.inner_text("h1")
    assert "1か月後" in page.inner_text("#follow-up-meeting")
    page.select_option("#id_stage", "sample")
    page.fill("#id_expected_value_usd", "8000")
    screenshots(page, "ja", "20-follow-up-form")
    page.click("#follow-up-submit")
    page.wait_for_selector(".messages .success")
    assert "ご回答ありがとうございます" in page.inner_text(".messages")
    outcome = MeetingOutcome.objects.get(meeting=world["held"], side="exhibitor", round=1)
    assert (outcome.stage, outcome.expected_value_usd) == ("sample", 8000)

    # The organiser reads the response rate of the round: 1 answer of 4 emailed.
    organiser = make_organiser(pavilion.organiser, username="organiser-follow-up")
    organiser.set_password(PASSWORD)
    organiser.save()
    admin = context.new_page()
    admin.goto(f"{live_server.url}/ja/admin/login/")
    admin.fill("#id_username", "organiser-follow-up")
    admin.fill("#id_password", PASSWORD)
    admin.click("input[type=submit]")
    admin.wait_for_url("**/ja/admin/")
    admin.goto(f"{live_server.url}/ja/admin/meetings/meeting/results/{pavilion.pk}/")
    row = admin.locator("#follow-up-rounds tbody tr").first
    cells = [text.strip() for text in row.locator("th, td").all_inner_texts()]
    assert cells[0] == "1か月後"
    assert cells[2:5] == ["4", "1", "25%"]
    screenshots(admin, "ja", "21-admin-results-follow-ups")
    context.close()
