"""The organiser's decision on an application is emailed to the SME's team, in its language."""

import pytest
from django.core import mail

from companies.factories import SMEFactory
from companies.models import Membership
from events import notifications
from events.factories import ExhibitorRegistrationFactory, PavilionFactory, TradeFairFactory
from events.services.registrations import exhibitor_registration_decide

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(django_user_model, settings):
    settings.SITE_URL = "https://pavilion.example"
    pavilion = PavilionFactory(
        fair=TradeFairFactory(name="Medica & Compamed"),
        name_en="Japan Pavilion <Hall 8>",
        name_ja="ジャパンパビリオン・メディカ",
    )
    sme = SMEFactory(name_en="Yamada & Sons", name_ja="株式会社山田製作所")
    for username, language, first, last in (
        ("taro", "", "太郎", "山田"),
        ("emma", "en", "Emma", "Klein"),
    ):
        user = django_user_model.objects.create_user(
            username, email=f"{username}@example.com", first_name=first, last_name=last
        )
        Membership.objects.create(user=user, sme=sme, preferred_language=language)
    return ExhibitorRegistrationFactory(pavilion=pavilion, sme=sme)


def decide(registration, capture, status, **kwargs):
    with capture(execute=True):
        return exhibitor_registration_decide(registration=registration, status=status, **kwargs)


def by_language(language):
    return next(m for m in mail.outbox if m.extra_headers["Content-Language"] == language)


def test_an_acceptance_is_emailed_with_the_booth_in_each_members_language(
    application, django_capture_on_commit_callbacks
):
    decide(application, django_capture_on_commit_callbacks, "accepted", booth="8A-12")
    assert len(mail.outbox) == 2
    japanese, english = by_language("ja"), by_language("en")
    assert japanese.to == ["taro@example.com"]
    assert japanese.body.startswith("株式会社山田製作所 山田 太郎 様\n")
    assert "ジャパンパビリオン・メディカへの出展申込が承認されました" in japanese.subject
    assert "8A-12" in japanese.body
    assert f"https://pavilion.example/ja/pavilions/{application.pavilion_id}/" in japanese.body
    assert english.to == ["emma@example.com"]
    assert english.body.startswith("Dear Emma Klein,\n")
    assert english.subject == "Your application to Japan Pavilion <Hall 8> is accepted"
    assert "Medica & Compamed" in english.body
    assert "&amp;" not in english.body
    assert "&lt;" not in english.subject


def test_a_waitlisting_and_a_rejection_are_emailed_too(
    application, django_capture_on_commit_callbacks
):
    decide(application, django_capture_on_commit_callbacks, "waitlisted")
    assert "waiting list" in by_language("en").subject
    assert "キャンセル待ち" in by_language("ja").body
    mail.outbox.clear()
    decide(application, django_capture_on_commit_callbacks, "rejected")
    assert "could not accept" in by_language("en").body
    assert "承認されませんでした" in by_language("ja").body


def test_no_email_when_nothing_is_decided_or_the_sme_withdraws(
    application, django_capture_on_commit_callbacks
):
    decide(application, django_capture_on_commit_callbacks, "accepted")
    mail.outbox.clear()
    decide(application, django_capture_on_commit_callbacks, "accepted", booth="8A-13")
    decide(application, django_capture_on_commit_callbacks, "withdrawn")
    assert mail.outbox == []


def test_a_decision_changed_before_its_email_went_out_is_not_sent(application):
    application.status = "waitlisted"
    application.save()
    assert (
        notifications.application_decision_send(registration_id=application.pk, status="accepted")
        == 0
    )
    assert mail.outbox == []
