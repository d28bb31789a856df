"""Emails as text in each reader's language: the text engine, languages, salutations."""

import re

import pytest
from django.core import mail as outbox
from django.template.loader import render_to_string
from django.utils import translation

from companies import mail
from companies.factories import ForeignBuyerFactory, SMEFactory
from companies.models import Membership

pytestmark = pytest.mark.django_db

AWKWARD = "Medica & Compamed <Hall 8> 'A' \"B\""


def test_text_is_rendered_as_typed_while_html_pages_stay_escaped():
    context = {"company": AWKWARD}
    subject = mail.subject_text("registration/invitation_subject.txt", context)
    assert AWKWARD in subject
    html = render_to_string("pages/companies/team.html", {"company": AWKWARD, "members": []})
    assert "Medica &amp; Compamed &lt;Hall 8&gt;" in html


def test_a_subject_is_one_line():
    assert "\n" not in mail.subject_text(
        "emails/meeting_reminder_subject.txt", {"fair": {"name": "Medica\n2027"}}
    )


def test_a_members_language_is_their_choice_else_their_sides(django_user_model):
    sme, buyer = SMEFactory(), ForeignBuyerFactory()
    user = django_user_model.objects.create_user("u1")
    assert mail.member_language(Membership(user=user, sme=sme)) == "ja"
    assert mail.member_language(Membership(user=user, buyer=buyer)) == "en"
    assert mail.member_language(Membership(user=user, sme=sme, preferred_language="en")) == "en"
    assert mail.member_language(Membership(user=user, buyer=buyer, preferred_language="ja")) == "ja"
    assert mail.member_language(Membership(user=user, sme=sme), fallback="en-us") == "en"
    assert mail.member_language(None) == "en"


def test_japanese_salutations_name_the_company_then_the_person_with_sama(django_user_model):
    sme = SMEFactory(name_ja="株式会社山田製作所", name_en="Yamada Works")
    taro = django_user_model.objects.create_user("taro", first_name="太郎", last_name="山田")
    hanako = django_user_model.objects.create_user("hanako", first_name="花子", last_name="鈴木")
    nameless = django_user_model.objects.create_user("x", email="x@example.com")
    with translation.override("ja"):
        assert (
            mail.salutation(company=sme, users=[taro], language="ja")
            == "株式会社山田製作所 山田 太郎 様"
        )
        assert mail.salutation(company=sme, users=[taro, hanako], language="ja") == (
            "株式会社山田製作所 様"
        )
        assert mail.salutation(company=sme, users=[nameless], language="ja") == (
            "株式会社山田製作所 様"
        )


def test_english_salutations_greet_the_person_or_the_team(django_user_model):
    buyer = ForeignBuyerFactory(name="Rhein Medical GmbH")
    anna = django_user_model.objects.create_user("anna", first_name="Anna", last_name="Weber")
    ben = django_user_model.objects.create_user("ben", first_name="Ben", last_name="Roth")
    assert mail.salutation(company=buyer, users=[anna], language="en") == "Dear Anna Weber,"
    assert mail.salutation(company=buyer, users=[anna, ben], language="en") == (
        "Dear colleagues at Rhein Medical GmbH,"
    )


def test_a_password_reset_is_text_in_the_users_chosen_language(client, django_user_model):
    buyer = ForeignBuyerFactory(name="O'Brien & Partner")
    user = django_user_model.objects.create_user(
        "sato", email="sato@example.com", first_name="健二", last_name="佐藤", password="pw-1"
    )
    Membership.objects.create(user=user, buyer=buyer, preferred_language="ja")
    response = client.post("/en/accounts/password-reset/", {"email": "sato@example.com"})
    assert response.status_code == 302
    [message] = outbox.outbox
    assert message.subject == "ジャパンパビリオン商談マッチングのパスワード再設定"
    assert message.body.startswith("O'Brien & Partner 佐藤 健二 様\n")
    link = re.search(r"http://testserver(\S+)", message.body).group(1)
    assert link.startswith("/ja/accounts/reset/")


def test_a_password_reset_without_a_choice_comes_in_the_pages_language(client, world_user):
    client.post("/en/accounts/password-reset/", {"email": world_user.email})
    [message] = outbox.outbox
    assert message.body.startswith("Dear Kenji Sato,\n")
    assert "&" not in message.subject


@pytest.fixture
def world_user(django_user_model):
    sme = SMEFactory(name_en="Echigo & Co.")
    user = django_user_model.objects.create_user(
        "kenji", email="kenji@example.com", first_name="Kenji", last_name="Sato", password="pw-1"
    )
    Membership.objects.create(user=user, sme=sme)
    return user
