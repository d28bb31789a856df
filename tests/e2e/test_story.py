"""The whole story in a real browser, in English and in Japanese.

An SME signs up and applies to a pavilion, the organiser accepts it in the admin, a buyer signs
up, registers and requests a meeting, the SME accepts, the organiser runs the scheduler and
publishes, and both see the meeting on their schedule pages. Screenshots of the main pages go to
artifacts/screenshots/<language>/.
"""

import time

import pytest
from django.contrib.auth import get_user_model

from companies.factories import LanguageFactory, MarketFactory, SectorFactory
from events.factories import InterpreterFactory, OrganisingOfficeFactory, PavilionFactory
from events.models import ExhibitorRegistration
from events.services import slots as event_services
from meetings.models import Meeting

pytestmark = [pytest.mark.django_db(transaction=True)]

PASSWORD = "Pavilion-story-2027"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def fair(organiser_group):
    """A Medica pavilion with slots and an interpreter, and its organiser."""
    sector = SectorFactory(code="90", name_en="Medical devices", name_ja="医療機器")
    germany = MarketFactory(code="DE", name_en="Germany", name_ja="ドイツ")
    japanese = LanguageFactory(code="ja")
    english = LanguageFactory(code="en", name_en="English", name_ja="英語")
    office = OrganisingOfficeFactory(
        name_en="JETRO Düsseldorf", name_ja="ジェトロ・デュッセルドルフ"
    )
    pavilion = PavilionFactory(
        organiser=office,
        name_en="Japan Pavilion at Medica 2027",
        name_ja="メディカ2027 ジャパンパビリオン",
        first_timer_conditions_en="First-time exhibitors pay half the booth fee.",
        first_timer_conditions_ja="初出展の企業はブース料金が半額になります。",
        first_timer_fee_discount_percent=50,
    )
    event_services.meeting_slots_generate(pavilion=pavilion)
    interpreter = InterpreterFactory(pavilion=pavilion, name="Aiko Mori")
    interpreter.languages.set([japanese, english])
    interpreter.available_slots.set(pavilion.slots.all())
    organiser = get_user_model().objects.create_user(
        username="organiser-dusseldorf", password=PASSWORD, is_staff=True
    )
    organiser.groups.add(organiser_group)
    office.members.add(organiser)
    return {
        "pavilion": pavilion,
        "sector": sector,
        "germany": germany,
        "japanese": japanese,
        "english": english,
    }


def sign_up(page, base, email, first_name):
    page.goto(f"{base}/")
    page.click("#signup-link")
    page.fill("#id_email", email)
    page.fill("#id_first_name", first_name)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("#signup-submit")
    page.wait_for_url("**/company/register/")


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_whole_story(live_server, site_static, browser, fair, screenshots, language):
    base = f"{live_server.url}/{language}"
    pavilion = fair["pavilion"]
    shot = screenshots

    # The language switch: start in the other language and switch with the header's form.
    visitor = browser.new_page(viewport=DESKTOP)
    other = "ja" if language == "en" else "en"
    visitor.goto(f"{live_server.url}/{other}/")
    visitor.select_option("#site-language", language)
    visitor.wait_for_url(f"**/{language}/")
    assert visitor.get_attribute("html", "lang") == language
    name = pavilion.name_en if language == "en" else pavilion.name_ja
    assert name in visitor.inner_text("main")
    shot(visitor, language, "01-home-anonymous")
    visitor.close()

    # An SME signs up, registers its bilingual profile and applies to the pavilion.
    sme_context = browser.new_context(viewport=DESKTOP)
    sme = sme_context.new_page()
    sign_up(sme, base, f"kenji-{language}@echigo.example", "Kenji")
    sme.click("#register-exhibitor")
    sme.fill("#id_name_ja", "越後メディカル株式会社")
    sme.fill("#id_name_en", "Echigo Medical Co., Ltd.")
    sme.select_option("#id_prefecture", "niigata")
    sme.select_option("#id_industry_class", "manufacturing")
    sme.fill("#id_capital_yen", "45000000")
    sme.fill("#id_employees", "40")
    sme.fill("#id_products_en", "Flexible endoscopes for clinics")
    sme.fill("#id_products_ja", "診療所向け軟性内視鏡")
    sme.select_option("#id_sectors", str(fair["sector"].pk))
    sme.select_option("#id_target_markets", str(fair["germany"].pk))
    sme.select_option("#id_languages", str(fair["japanese"].pk))
    shot(sme, language, "02-sme-profile-form")
    sme.click("#profile-submit")
    sme.wait_for_url(f"{base}/")
    sme.goto(f"{base}/pavilions/{pavilion.pk}/")
    # The verdict writes amounts as its language does: ¥45,000,000, 4,500万円.
    capital = {"en": "¥45,000,000", "ja": "4,500万円"}[language]
    assert capital in sme.inner_text("#eligibility")
    shot(sme, language, "03-sme-pavilion-apply")
    sme.fill("#id_message", "We bring our new endoscope.")
    sme.click("#apply-submit")
    sme.wait_for_selector('#application-status[data-status="applied"]')

    # The organiser accepts the application in the admin with the action.
    organiser_context = browser.new_context(viewport=DESKTOP)
    admin = organiser_context.new_page()
    admin.goto(f"{base}/admin/login/")
    admin.fill("#id_username", "organiser-dusseldorf")
    admin.fill("#id_password", PASSWORD)
    admin.click("input[type=submit]")
    admin.wait_for_url(f"{base}/admin/")
    admin.goto(f"{base}/admin/events/exhibitorregistration/")
    admin.check("input[name=_selected_action]")
    admin.select_option("select[name=action]", "accept")
    admin.click("button[name=index]")
    admin.wait_for_selector(".messagelist .success")
    shot(admin, language, "04-admin-application-accepted")
    assert ExhibitorRegistration.objects.get(pavilion=pavilion).status == "accepted"

    # A buyer signs up, registers for a day of the fair and requests a meeting with a message.
    buyer_context = browser.new_context(viewport=DESKTOP)
    buyer = buyer_context.new_page()
    sign_up(buyer, base, f"anna-{language}@rhein.example", "Anna")
    buyer.click("#register-buyer")
    buyer.fill("#id_name", "Rhein Medical GmbH")
    buyer.select_option("#id_country", str(fair["germany"].pk))
    buyer.fill("#id_city", "Düsseldorf")
    buyer.select_option("#id_buyer_type", "distributor")
    buyer.select_option("#id_order_size", "medium")
    buyer.select_option("#id_sectors", str(fair["sector"].pk))
    buyer.select_option("#id_languages", str(fair["english"].pk))
    buyer.click("#profile-submit")
    buyer.wait_for_url(f"{base}/")
    buyer.goto(f"{base}/pavilions/{pavilion.pk}/")
    buyer.click("#buyer-register-link")
    buyer.check('input[name=days][value="2027-11-15"]')
    buyer.fill("#id_sourcing_needs", "Endoscopes for outpatient clinics in NRW")
    shot(buyer, language, "05-buyer-register-days")
    buyer.click("#buyer-register-submit")
    buyer.wait_for_url(f"**/pavilions/{pavilion.pk}/exhibitors/")
    shot(buyer, language, "06-buyer-catalogue")
    buyer.click("#exhibitors h2 a")
    buyer.fill("#id_message", "Could we discuss distribution in North Rhine-Westphalia?")
    shot(buyer, language, "07-buyer-exhibitor-request")
    buyer.click("#request-submit")
    buyer.wait_for_url(f"**/pavilions/{pavilion.pk}/meetings/")
    assert buyer.locator("#waiting [data-meeting]").count() == 1

    # The SME accepts the request and names who attends.
    sme.goto(f"{base}/pavilions/{pavilion.pk}/meetings/")
    assert "North Rhine-Westphalia" in sme.inner_text("#to-answer")
    sme.select_option("#to-answer select[name=attendee]", index=1)
    shot(sme, language, "08-sme-request-to-answer")
    sme.click("[data-action=accept-meeting]")
    sme.wait_for_selector("#confirmed [data-meeting]")
    meeting = Meeting.objects.get(pavilion=pavilion)
    assert meeting.status == "accepted"
    assert meeting.attendee.email == f"kenji-{language}@echigo.example"

    # The organiser runs the scheduler and publishes from the admin's schedule page.
    schedule_admin = f"{base}/admin/meetings/meeting/schedule/{pavilion.pk}/"
    admin.goto(schedule_admin)
    admin.click("form:has(input[value=run]) input[type=submit]")
    admin.wait_for_load_state()
    wait_for(lambda: Meeting.objects.get(pk=meeting.pk).status == "scheduled")
    admin.goto(schedule_admin)
    # Publishing cannot be undone: a confirmation page says what it does first.
    admin.click(f'a[href$="/schedule/{pavilion.pk}/publish/"]')
    admin.wait_for_load_state()
    admin.click("form:has(input[name=post]) input[type=submit]")
    admin.wait_for_selector(".messagelist .success")
    shot(admin, language, "09-admin-schedule-published")
    meeting.refresh_from_db()
    assert meeting.published_at is not None
    assert meeting.interpreter is not None

    # Both see the meeting on their schedule pages, in the fair's time, and download it.
    schedule = f"{base}/pavilions/{pavilion.pk}/schedule/"
    sme.goto(schedule)
    assert "Rhein Medical GmbH" in sme.inner_text(f'[data-meeting="{meeting.pk}"]')
    assert "Europe/Berlin" in sme.inner_text("#time-zone")
    shot(sme, language, "10-sme-schedule")
    sme.emulate_media(media="print")
    shot(sme, language, "11-sme-schedule-print")
    sme.emulate_media(media="screen")
    buyer.goto(schedule)
    exhibitor_name = "Echigo Medical Co., Ltd." if language == "en" else "越後メディカル株式会社"
    assert exhibitor_name in buyer.inner_text(f'[data-meeting="{meeting.pk}"]')
    shot(buyer, language, "12-buyer-schedule")
    calendar = buyer_context.request.get(f"{base}/pavilions/{pavilion.pk}/schedule.ics")
    assert calendar.headers["content-type"].startswith("text/calendar")
    assert f"UID:meeting-{meeting.pk}@japan-pavilion" in calendar.text()
    sme.goto(f"{base}/meetings/{meeting.pk}/")
    shot(sme, language, "13-sme-meeting-briefing")

    # The same pages on a phone.
    phone = browser.new_context(viewport=PHONE, storage_state=sme_context.storage_state())
    phone_page = phone.new_page()
    for name, path in [
        ("14-phone-sme-home", "/"),
        ("15-phone-sme-schedule", f"/pavilions/{pavilion.pk}/schedule/"),
        ("16-phone-catalogue", f"/pavilions/{pavilion.pk}/exhibitors/"),
        ("17-phone-sme-profile", "/company/"),
    ]:
        phone_page.goto(f"{base}{path}")
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{name} scrolls sideways ({width}px)"
        shot(phone_page, language, name)
    for context in (phone, sme_context, buyer_context, organiser_context):
        context.close()
