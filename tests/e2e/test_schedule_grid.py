"""The schedule grid in a real browser: the organiser picks a meeting, sees where it can go,
drags it to a free slot and sees it moved, then drops it on a busy slot and reads why not; the
picked grid without the script, in Japanese, refusing a slot taken since the page was shown."""

import pytest

from meetings.models import Meeting, MeetingStatus
from tests.meetings.grid_builders import accepted_meeting, grid_world

pytestmark = [pytest.mark.django_db(transaction=True)]

PASSWORD = "Pavilion-grid-2027"


def scheduled(pavilion, sme, buyer, slot):
    meeting = accepted_meeting(pavilion, sme, buyer)
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.SCHEDULED, slot=slot)
    return meeting


def cell(page, sme, slot):
    return page.locator(f'#schedule-grid td[data-sme="{sme.pk}"][data-slot="{slot.pk}"]')


def test_an_organiser_moves_a_meeting_by_dragging_it_in_the_grid(
    live_server, browser, screenshots, make_organiser
):
    world = grid_world(exhibitors=3, buyers=4)
    pavilion, (maker, other_maker, third), (buyer, *_rest) = (
        world["pavilion"],
        world["smes"],
        world["buyers"],
    )
    first, _second, busy, free = world["first_day"][:4]
    moving = scheduled(pavilion, maker, buyer, first)
    scheduled(pavilion, other_maker, buyer, busy)  # the buyer is taken at ``busy``
    organiser = make_organiser(pavilion.organiser, username="organiser-grid")
    organiser.set_password(PASSWORD)
    organiser.save()

    context = browser.new_context(viewport={"width": 1600, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/admin/login/")
    page.fill("#id_username", "organiser-grid")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/en/admin/")
    page.goto(f"{live_server.url}/en/admin/meetings/meeting/schedule/{pavilion.pk}/")

    # Picking the meeting marks its exhibitor's row: free where both sides are.
    page.click(f'a.move-link[data-meeting="{moving.pk}"]')
    page.wait_for_selector(f'td.free[data-sme="{maker.pk}"][data-slot="{free.pk}"]')
    assert "busy" in cell(page, maker, busy).get_attribute("class")
    assert "Buyer 000 already meets Maker 001" in cell(page, maker, busy).get_attribute("title")
    assert "current" in cell(page, maker, first).get_attribute("class")
    screenshots(page, "en", "30-admin-grid-picked")

    # Dragged to a free slot: moved.
    source = f'#schedule-grid [draggable="true"][data-meeting="{moving.pk}"]'
    page.drag_and_drop(source, f'td[data-sme="{maker.pk}"][data-slot="{free.pk}"]')
    page.wait_for_selector(".messagelist .success")
    assert f"{moving} is now at" in page.inner_text(".messagelist")
    assert cell(page, maker, free).locator(f'[draggable][data-meeting="{moving.pk}"]').count() == 1
    moving.refresh_from_db()
    assert moving.slot_id == free.pk

    # Dropped on a slot where the buyer is busy: refused with the reason, nothing moved.
    page.drag_and_drop(source, f'td[data-sme="{maker.pk}"][data-slot="{busy.pk}"]')
    page.wait_for_selector(".messagelist .error")
    assert "Buyer 000 already meets Maker 001" in page.inner_text(".messagelist .error")
    moving.refresh_from_db()
    assert moving.slot_id == free.pk
    screenshots(page, "en", "31-admin-grid-refused")

    # Without the script, in Japanese: the picked grid offers a form in each free slot.
    plain = browser.new_context(java_script_enabled=False, viewport={"width": 1600, "height": 900})
    plain.add_cookies(context.cookies())
    japanese = plain.new_page()
    japanese.goto(
        f"{live_server.url}/ja/admin/meetings/meeting/schedule/{pavilion.pk}/?meeting={moving.pk}"
    )
    assert "商談を移動しています" in japanese.inner_text("#grid-picked")
    assert cell(japanese, maker, busy).locator("form").count() == 0
    # A slot taken after the page was shown: the click is refused with the same message.
    stale = world["first_day"][4]
    assert cell(japanese, maker, stale).locator("form").count() == 1
    scheduled(pavilion, third, buyer, stale)
    cell(japanese, maker, stale).locator("button").click()
    japanese.wait_for_selector(".messagelist .error")
    assert "Buyer 000は" in japanese.inner_text(".messagelist .error")
    assert "1つの時間枠に入れられる商談は1件だけです" in japanese.inner_text(".messagelist .error")
    moving.refresh_from_db()
    assert moving.slot_id == free.pk
    japanese.goto(
        f"{live_server.url}/ja/admin/meetings/meeting/schedule/{pavilion.pk}/?meeting={moving.pk}"
    )
    cell(japanese, maker, first).locator("button").click()
    japanese.wait_for_selector(".messagelist .success")
    moving.refresh_from_db()
    assert moving.slot_id == first.pk
    screenshots(japanese, "ja", "30-admin-grid-moved")
    plain.close()
    context.close()
