"""Follow-up rounds: each side of each held meeting is asked by email at the pavilion's follow-up
dates, in its own language, with a signed expiring link that opens the outcome form without a
password; one reminder; the answers come back as outcomes and as the round's response rate."""

import re
import time
from datetime import date, timedelta
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core import mail, signing
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from events.factories import (
    PavilionFactory,
    TradeFairFactory,
)
from meetings import tasks
from meetings.models import FollowUpRequest, MeetingOutcome, follow_up_due_on
from meetings.selectors.follow_ups import follow_up_rounds
from meetings.services import follow_ups
from meetings.services.attendance import meeting_outcome_record
from tests.meetings.follow_up_builders import first_round, follow_up_world

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https://pavilion\.example(/\w\w/follow-up/[^/\s]+/)")


@pytest.fixture
def world(django_user_model, settings):
    settings.SITE_URL = "https://pavilion.example"
    return follow_up_world(django_user_model)


def to(user):
    return [m for m in mail.outbox if user.email in m.to]


def link_of(message) -> str:
    return LINK.search(message.body).group(1)


def test_a_round_is_due_its_months_after_the_fairs_last_day():
    fair = TradeFairFactory.build(ends_on=date(2027, 1, 31))
    pavilion = PavilionFactory.build(fair=fair)
    assert follow_up_due_on(pavilion, 1) == date(2027, 2, 28)
    assert follow_up_due_on(pavilion, 13) == date(2028, 2, 29)
    assert follow_up_due_on(pavilion, 12) == date(2028, 1, 31)


def test_the_round_asked_is_the_latest_due_and_not_asked_late(world, settings):
    settings.FOLLOW_UP_ASK_WITHIN_DAYS = 30
    pavilion = world["pavilion"]
    assert follow_ups.round_being_asked(pavilion, date(2027, 12, 17)) is None
    assert follow_ups.round_being_asked(pavilion, date(2027, 12, 18)) == 1
    assert follow_ups.round_being_asked(pavilion, date(2028, 1, 16)) == 1
    assert follow_ups.round_being_asked(pavilion, date(2028, 1, 17)) is None
    assert follow_ups.round_being_asked(pavilion, date(2028, 2, 18)) == 3
    assert follow_ups.round_being_asked(pavilion, date(2029, 1, 1)) is None


def test_each_side_of_each_held_meeting_is_asked_once_in_its_language(world):
    pavilion = world["pavilion"]
    assert follow_ups.follow_ups_send(now=first_round(pavilion) - timedelta(days=1)).asked == 0
    assert mail.outbox == []

    sent = follow_ups.follow_ups_send(now=first_round(pavilion))

    assert (sent.asked, sent.reminded, sent.unreachable) == (4, 0, 0)
    asked = FollowUpRequest.objects.order_by("meeting_id", "side")
    assert [(f.meeting_id, f.side, f.round) for f in asked] == [
        (world["held"].pk, "buyer", 1),
        (world["held"].pk, "exhibitor", 1),
        (world["held2"].pk, "buyer", 1),
        (world["held2"].pk, "exhibitor", 1),
    ]
    assert all(f.sent_at == first_round(pavilion) and f.messages == 1 for f in asked)
    assert all(f.due_on == date(2027, 12, 18) for f in asked)
    (japanese,) = to(world["taro"])
    assert japanese.extra_headers["Content-Language"] == "ja"
    assert "Medica 2027" in japanese.subject
    assert "Buyer 0" in japanese.body
    assert "1か月後" in japanese.body
    assert link_of(japanese).startswith("/ja/follow-up/")
    (english,) = to(world["anna"])
    assert english.extra_headers["Content-Language"] == "en"
    assert english.subject == "How did business go after your meeting at Medica 2027?"
    assert "Maker 0" in english.body
    assert "1 month later" in english.body
    assert link_of(english).startswith("/en/follow-up/")
    # Nobody of the no-show or the cancelled meeting is asked; nobody is asked twice.
    assert follow_ups.follow_ups_send(now=first_round(pavilion) + timedelta(hours=1)).asked == 0
    assert len(mail.outbox) == 4


def test_a_side_that_told_the_round_or_lost_interest_is_not_asked(world):
    pavilion = world["pavilion"]
    meeting_outcome_record(meeting=world["held"], side="exhibitor", stage="sample", round=1)
    meeting_outcome_record(meeting=world["held2"], side="buyer", stage="no_interest")

    sent = follow_ups.follow_ups_send(now=first_round(pavilion))

    assert sent.asked == 2
    assert to(world["taro"]) == []
    assert to(world["ben"]) == []
    assert len(to(world["anna"])) == 1
    assert len(to(world["hana"])) == 1


def test_a_side_with_nobody_to_write_to_counts_as_unreachable(world, django_user_model):
    world["ben"].email = ""
    world["ben"].save()

    sent = follow_ups.follow_ups_send(
        pavilion=world["pavilion"], now=first_round(world["pavilion"])
    )

    assert (sent.asked, sent.unreachable) == (3, 1)
    unreachable = FollowUpRequest.objects.get(meeting=world["held2"], side="buyer")
    assert unreachable.sent_at is not None
    assert unreachable.messages == 0


def test_one_reminder_with_a_fresh_link_then_none(world, settings):
    settings.FOLLOW_UP_REMIND_AFTER_DAYS = 14
    pavilion = world["pavilion"]
    start = first_round(pavilion)
    follow_ups.follow_ups_send(now=start)
    meeting_outcome_record(meeting=world["held"], side="buyer", stage="quotation", round=1)
    mail.outbox.clear()

    assert follow_ups.follow_ups_send(now=start + timedelta(days=13)).reminded == 0
    sent = follow_ups.follow_ups_send(now=start + timedelta(days=14))

    assert sent.reminded == 3
    assert to(world["anna"]) == []  # answered: not reminded
    (reminder,) = to(world["taro"])
    assert "リマインダー" in reminder.subject
    assert link_of(reminder).startswith("/ja/follow-up/")
    answered = FollowUpRequest.objects.get(meeting=world["held"], side="buyer")
    assert answered.answered_at is not None
    assert answered.reminded_at is None
    mail.outbox.clear()
    assert follow_ups.follow_ups_send(now=start + timedelta(days=28)).reminded == 0
    assert mail.outbox == []


def test_the_link_opens_the_form_without_a_password_and_the_answer_comes_back(client, world):
    pavilion = world["pavilion"]
    follow_ups.follow_ups_send(now=first_round(pavilion))
    link = link_of(to(world["anna"])[0])

    page = client.get(link)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Your meeting with Maker 0" in text
    assert "1 month later" in text
    assert 'name="round"' not in text  # the link is for its round only

    response = client.post(link, {"stage": "trial_order", "expected_value_usd": "12000"})
    assert response.status_code == 302
    assert response.url == link
    outcome = MeetingOutcome.objects.get(meeting=world["held"], side="buyer", round=1)
    assert (outcome.stage, outcome.expected_value_usd, outcome.recorded_by) == (
        "trial_order",
        12000,
        None,
    )
    asked = FollowUpRequest.objects.get(meeting=world["held"], side="buyer")
    assert asked.answered_at is not None
    again = client.get(link).content.decode()
    assert "You told us: Trial order." in again
    # Answering again replaces the answer.
    client.post(link, {"stage": "agreement"})
    assert MeetingOutcome.objects.get(meeting=world["held"], side="buyer", round=1).stage == (
        "agreement"
    )
    assert MeetingOutcome.objects.filter(meeting=world["held"]).count() == 1


def test_a_bad_answer_is_refused_and_saves_nothing(client, world):
    follow_ups.follow_ups_send(now=first_round(world["pavilion"]))
    link = link_of(to(world["anna"])[0])

    response = client.post(link, {"stage": "", "expected_value_usd": "-5"})

    assert response.status_code == 400
    text = response.content.decode()
    assert "Choose a stage from the list." in text
    assert "Ensure this value is greater than or equal to 0." in text
    assert not MeetingOutcome.objects.exists()


def test_a_changed_or_foreign_link_opens_nothing(client, world):
    follow_ups.follow_ups_send(now=first_round(world["pavilion"]))
    link = link_of(to(world["anna"])[0])
    other = FollowUpRequest.objects.get(meeting=world["held2"], side="buyer")
    token = link.split("/")[3]
    # The same signature over another request's values does not verify.
    value, signature = token.rsplit(":", 2)[0], token.split(":", 1)[1]
    forged = signing.TimestampSigner(salt="another").sign_object(
        {"f": other.pk, "m": other.meeting_id, "s": "buyer", "r": 1}
    )

    for bad in (token[:-2] + "xx", forged, value, signature):
        response = client.get(reverse("meetings:follow_up", kwargs={"token": bad}))
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()
        assert (
            client.post(
                reverse("meetings:follow_up", kwargs={"token": bad}), {"stage": "sample"}
            ).status_code
            == 404
        )
    assert not MeetingOutcome.objects.exists()


def test_a_link_is_bound_to_its_request(client, world):
    follow_ups.follow_ups_send(now=first_round(world["pavilion"]))
    asked = FollowUpRequest.objects.get(meeting=world["held"], side="buyer")
    # A correctly signed link whose request no longer says the same (its round, here) fails.
    token = follow_ups.follow_up_token(asked)
    FollowUpRequest.objects.filter(pk=asked.pk).update(round=3)

    response = client.get(reverse("meetings:follow_up", kwargs={"token": token}))

    assert response.status_code == 404


def test_an_expired_link_says_so(client, world, monkeypatch, settings):
    settings.FOLLOW_UP_LINK_DAYS = 60
    follow_ups.follow_ups_send(now=first_round(world["pavilion"]))
    link = link_of(to(world["anna"])[0])
    later = time.time() + 61 * 24 * 60 * 60
    monkeypatch.setattr(signing.time, "time", lambda: later)

    response = client.post(link, {"stage": "sample"})

    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert not MeetingOutcome.objects.exists()


def test_the_response_rate_of_each_round(world):
    pavilion = world["pavilion"]
    follow_ups.follow_ups_send(now=first_round(pavilion))
    meeting_outcome_record(meeting=world["held"], side="buyer", stage="sample", round=1)

    rounds = {r.round: r for r in follow_up_rounds(pavilion)}

    assert list(rounds) == [1, 3, 6, 12]
    first = rounds[1]
    assert (first.emailed, first.answered, first.reminded, first.to_send) == (4, 1, 0, 0)
    assert first.response_rate == 0.25
    assert first.due_on == date(2027, 12, 18)
    assert (rounds[3].emailed, rounds[3].response_rate) == (0, None)


def test_the_command_sends_for_one_pavilion(world):
    pavilion = world["pavilion"]
    fair = pavilion.fair
    # The fair ended 35 days ago: its first round (a month later) came a few days ago.
    fair.ends_on = timezone.localdate(timezone.now(), fair.tz) - timedelta(days=35)
    fair.starts_on = fair.ends_on - timedelta(days=3)
    fair.save()
    out = StringIO()

    call_command("send_follow_ups", str(pavilion.pk), stdout=out)

    text = out.getvalue()
    assert "Asking about the round 1 month later" in text
    assert "4 of 4 emailed" in text
    assert "Follow-up requests emailed: 4; reminders: 0; nobody to write to: 0." in text
    assert len(mail.outbox) == 4
    with pytest.raises(CommandError, match="No pavilion has the id 999999"):
        call_command("send_follow_ups", "999999")


def test_celery_beat_sends_them(world, monkeypatch):
    assert django_settings.CELERY_BEAT_SCHEDULE["send-follow-up-requests"]["task"] == (
        "meetings.tasks.send_follow_ups"
    )
    monkeypatch.setattr(timezone, "now", lambda: first_round(world["pavilion"]))

    assert tasks.send_follow_ups.delay().get() == {"asked": 4, "reminded": 0, "unreachable": 0}
    assert len(mail.outbox) == 4
