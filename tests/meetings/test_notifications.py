"""Meeting and schedule emails: plain text, in each reader's language, with links and fair times."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail

from companies.factories import ForeignBuyerFactory, LanguageFactory, MarketFactory, SMEFactory
from companies.models import Membership
from events.factories import ExhibitorRegistrationFactory, PavilionFactory, TradeFairFactory
from events.services import slots as event_services
from events.services.buyers import buyer_registration_register
from meetings.models import Meeting, ScheduleNotice
from meetings.services.decisions import meeting_accept, meeting_cancel, meeting_decline
from meetings.services.notifications import meeting_notification_send
from meetings.services.placement import meeting_move, meeting_unschedule
from meetings.services.publication import schedule_publish
from meetings.services.requests import meeting_request, meetings_expire

pytestmark = pytest.mark.django_db

SME_EN = 'Yamada "Precision" & Sons <Ltd>'
SME_JA = "株式会社山田製作所"
BUYER = "O'Brien & Partner <GmbH>"


def member(django_user_model, company, username, language="", **names):
    user = django_user_model.objects.create_user(username, email=f"{username}@example.com", **names)
    field = "sme" if company.__class__.__name__ == "SME" else "buyer"
    Membership.objects.create(user=user, preferred_language=language, **{field: company})
    return user


@pytest.fixture
def fair_world(django_user_model, settings):
    """A pavilion at "Medica & Compamed" whose names hold & < > ' ", an SME with a Japanese
    member and a buyer with an English one, and slots; both sides speak English."""
    settings.SITE_URL = "https://pavilion.example"
    germany = MarketFactory(code="DE", name_en="Germany", name_ja="ドイツ")
    fair = TradeFairFactory(name="Medica & Compamed", country=germany)
    pavilion = PavilionFactory(
        fair=fair, name_en="Japan Pavilion <Hall 8>", name_ja="ジャパンパビリオン（8号館）"
    )
    english = LanguageFactory(code="en", name_en="English", name_ja="英語")
    sme = SMEFactory(name_en=SME_EN, name_ja=SME_JA)
    sme.languages.add(english)
    ExhibitorRegistrationFactory(pavilion=pavilion, sme=sme, status="accepted", booth="8A-12")
    buyers = []
    for name in (BUYER, "Rhein Medical GmbH", "Lyon Santé SARL"):
        buyer = ForeignBuyerFactory(name=name, country=germany)
        buyer.languages.add(english)
        buyer_registration_register(pavilion=pavilion, buyer=buyer, days=[date(2027, 11, 15)])
        buyers.append(buyer)
    event_services.meeting_slots_generate(pavilion=pavilion)
    return {
        "pavilion": pavilion,
        "fair": fair,
        "sme": sme,
        "buyer": buyers[0],
        "buyers": buyers,
        "taro": member(django_user_model, sme, "taro", first_name="太郎", last_name="山田"),
        "anna": member(django_user_model, buyers[0], "anna", first_name="Anna", last_name="Weber"),
        "slots": list(pavilion.slots.order_by("starts_at")),
    }


def to(address):
    return [m for m in mail.outbox if address in m.to]


def request(world, buyer=None, side="buyer", **kwargs):
    buyer = buyer or world["buyer"]
    return meeting_request(
        pavilion=world["pavilion"], sme=world["sme"], buyer=buyer, side=side, **kwargs
    )


def booked(world, buyer, slot):
    meeting = request(world, buyer, side="organiser")
    meeting = meeting_accept(meeting=meeting, side="organiser")
    return meeting_move(meeting=meeting, slot=slot)


def publish(world, capture):
    with capture(execute=True):
        schedule_publish(pavilion=world["pavilion"])


def test_meeting_emails_are_plain_text_never_html_escaped(
    fair_world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request(fair_world, message='Bring "samples" & <prices>, please.')
    [message] = to("taro@example.com")
    with_names = message.subject + message.body
    assert "Medica & Compamed" in message.subject
    assert BUYER in with_names
    assert 'Bring "samples" & <prices>, please.' in message.body
    for escaped in ("&amp;", "&lt;", "&gt;", "&#x27;", "&quot;", "&#39;"):
        assert escaped not in with_names


def test_an_exhibitors_staff_read_japanese_with_the_company_and_person_and_sama(
    fair_world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = request(fair_world)
    [message] = to("taro@example.com")
    assert message.body.startswith(f"{SME_JA} 山田 太郎 様\n")
    assert message.extra_headers["Content-Language"] == "ja"
    assert "商談" in message.subject
    # The link is absolute and opens the meeting's page in Japanese.
    assert f"https://pavilion.example/ja/meetings/{meeting.pk}/" in message.body


def test_a_buyers_staff_read_english_addressed_dear(fair_world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = request(fair_world, side="exhibitor")
    [message] = to("anna@example.com")
    assert message.body.startswith("Dear Anna Weber,\n")
    assert message.extra_headers["Content-Language"] == "en"
    assert f"{SME_EN} asks your company for a meeting" in message.body
    assert f"https://pavilion.example/en/meetings/{meeting.pk}/" in message.body


def test_a_team_gets_one_message_per_language_each_member_in_their_own(
    fair_world, django_user_model, django_capture_on_commit_callbacks
):
    sme = fair_world["sme"]
    member(django_user_model, sme, "hanako", first_name="花子", last_name="鈴木")
    member(django_user_model, sme, "lena", language="en", first_name="Lena", last_name="Vogt")
    member(django_user_model, sme, "ken", language="en", first_name="Ken", last_name="Abe")
    with django_capture_on_commit_callbacks(execute=True):
        request(fair_world)
    english, japanese = sorted(mail.outbox, key=lambda m: m.extra_headers["Content-Language"])
    assert sorted(japanese.to) == ["hanako@example.com", "taro@example.com"]
    assert japanese.body.startswith(f"{SME_JA} 様\n")  # two people: the company alone
    assert sorted(english.to) == ["ken@example.com", "lena@example.com"]
    assert english.body.startswith(f"Dear colleagues at {SME_EN},\n")
    assert "/en/meetings/" in english.body


def test_times_are_in_the_fair_zone_in_one_format_per_language(
    fair_world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = request(fair_world)
    request_ja = to("taro@example.com")[0].body
    expires = fair_world["fair"].local(meeting.expires_at)
    assert (
        f"{expires.year}年{expires.month}月{expires.day}日({'月火水木金土日'[expires.weekday()]}) "
        f"{expires:%H:%M} CET" in request_ja
    )
    with django_capture_on_commit_callbacks(execute=True):
        meeting_accept(meeting=meeting, side="exhibitor")
        meeting_move(meeting=meeting, slot=fair_world["slots"][2])
        schedule_publish(pavilion=fair_world["pavilion"])
    schedule_ja = next(m for m in to("taro@example.com") if "スケジュール" in m.subject).body
    assert "2027年11月15日(月) 11:00–11:30 CET" in schedule_ja
    schedule_en = next(m for m in to("anna@example.com") if "schedule" in m.subject).body
    assert "Mon 15 Nov 2027, 11:00–11:30 CET" in schedule_en
    for body in (request_ja, schedule_ja, schedule_en):
        assert not re.search(r"\d{4}-\d\d-\d\d", body)
        assert "UTC" not in body
        assert "Europe/Berlin" not in body


def test_a_declined_request_emails_the_requester_only(
    fair_world, django_capture_on_commit_callbacks
):
    meeting = request(fair_world)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_decline(meeting=meeting, side="exhibitor", note="Not our market.")
    [message] = mail.outbox
    assert message.to == ["anna@example.com"]
    assert f"{SME_EN} has declined the meeting with your company" in message.body
    assert "Not our market." not in message.body  # a note for the history, not for them
    assert f"/en/meetings/{meeting.pk}/" in message.body


def test_an_expired_request_emails_the_requester_who_waited(
    fair_world, django_capture_on_commit_callbacks
):
    meeting = request(fair_world, side="exhibitor")
    with django_capture_on_commit_callbacks(execute=True):
        assert meetings_expire(now=meeting.expires_at + timedelta(seconds=1)) == 1
    [message] = mail.outbox
    assert message.to == ["taro@example.com"]
    assert "期限" in message.subject
    assert BUYER in message.body


def test_an_expired_organiser_request_nobody_answered_emails_nobody(
    fair_world, django_capture_on_commit_callbacks
):
    meeting = request(fair_world, side="organiser")
    with django_capture_on_commit_callbacks(execute=True):
        meetings_expire(now=meeting.expires_at)
    assert mail.outbox == []


def test_the_other_sides_cancellation_email_gives_the_reason(
    fair_world, django_capture_on_commit_callbacks
):
    meeting = booked(fair_world, fair_world["buyer"], fair_world["slots"][0])
    publish(fair_world, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_cancel(
            meeting=meeting, side="exhibitor", note="Our engineer's flight & visa <delayed>."
        )
    [buyer_message] = to("anna@example.com")
    assert f"{SME_EN} has cancelled the meeting with your company" in buyer_message.body
    assert "Our engineer's flight & visa <delayed>." in buyer_message.body
    assert "Mon 15 Nov 2027, 10:00–10:30 CET" in buyer_message.body
    [own_message] = to("taro@example.com")
    assert "キャンセル" in own_message.subject
    assert "Our engineer's flight & visa <delayed>." in own_message.body


def test_publishing_again_emails_only_those_whose_schedule_changed_saying_what_changed(
    fair_world, django_user_model, django_capture_on_commit_callbacks
):
    rhein, lyon = fair_world["buyers"][1], fair_world["buyers"][2]
    rhein_user = member(django_user_model, rhein, "jonas", first_name="Jonas", last_name="Berg")
    lyon_user = member(django_user_model, lyon, "luc", first_name="Luc", last_name="Martin")
    slots = fair_world["slots"]
    with_anna = booked(fair_world, fair_world["buyer"], slots[0])
    booked(fair_world, rhein, slots[1])
    publish(fair_world, django_capture_on_commit_callbacks)
    assert sorted(address for m in mail.outbox for address in m.to) == [
        "anna@example.com",
        "jonas@example.com",
        "taro@example.com",
    ]
    assert ScheduleNotice.objects.count() == 3

    mail.outbox.clear()
    publish(fair_world, django_capture_on_commit_callbacks)
    assert mail.outbox == []  # nothing changed: nobody is emailed again

    # Anna's meeting moves (taken out and placed again before publication) and Luc gets one.
    meeting_unschedule(meeting=with_anna)
    meeting_move(meeting=with_anna, slot=slots[4])
    booked(fair_world, lyon, slots[6])
    publish(fair_world, django_capture_on_commit_callbacks)
    assert sorted(address for m in mail.outbox for address in m.to) == [
        "anna@example.com",
        "luc@example.com",
        "taro@example.com",
    ]
    assert rhein_user.email not in [a for m in mail.outbox for a in m.to]
    [anna] = to("anna@example.com")
    assert "has changed" in anna.subject
    assert "Moved meetings:" in anna.body
    assert "12:00–12:30 CET" in anna.body
    assert "(was Mon 15 Nov 2027, 10:00–10:30 CET)" in anna.body
    assert "New meetings:" not in anna.body
    [luc] = to(lyon_user.email)
    assert "Your company's meetings (1)" in luc.body  # his first schedule
    [taro] = to("taro@example.com")
    assert "新しい商談" in taro.body
    assert "時間が変更された商談" in taro.body
    assert "Lyon Santé SARL" in taro.body
    assert taro.attachments[0][0] == "schedule.ics"
    assert taro.attachments[0][1].count("BEGIN:VEVENT") == 3


def test_a_participant_whose_meetings_are_gone_is_told_on_the_next_publication(
    fair_world, django_capture_on_commit_callbacks
):
    meeting = booked(fair_world, fair_world["buyer"], fair_world["slots"][3])
    publish(fair_world, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    meeting_unschedule(meeting=meeting)
    publish(fair_world, django_capture_on_commit_callbacks)
    [anna] = to("anna@example.com")
    assert "No longer in your schedule:" in anna.body
    assert "Mon 15 Nov 2027, 11:30–12:00 CET" in anna.body
    assert "Your company has no meetings in the schedule now." in anna.body
    assert anna.attachments == []
    assert ScheduleNotice.objects.get(buyer=fair_world["buyer"]).meetings == {}


def test_a_published_meeting_moved_or_cancelled_is_not_announced_again_on_publication(
    fair_world, django_capture_on_commit_callbacks
):
    slots = fair_world["slots"]
    moved = booked(fair_world, fair_world["buyer"], slots[0])
    cancelled = booked(fair_world, fair_world["buyers"][1], slots[1])
    publish(fair_world, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_move(meeting=moved, slot=slots[5])
        meeting_cancel(meeting=cancelled, side="organiser", note="Hall closed.")
    moved_mail = [m for m in to("anna@example.com") if "moved" in m.subject]
    assert "12:30–13:00 CET" in moved_mail[0].body
    mail.outbox.clear()
    publish(fair_world, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_meeting_emails_skip_inactive_members_and_missing_meetings(
    fair_world, django_capture_on_commit_callbacks
):
    fair_world["taro"].is_active = False
    fair_world["taro"].save()
    with django_capture_on_commit_callbacks(execute=True):
        request(fair_world)
    assert mail.outbox == []
    assert (
        meeting_notification_send(kind="meeting_confirmed", meeting_id=Meeting.objects.count() + 99)
        == 0
    )
