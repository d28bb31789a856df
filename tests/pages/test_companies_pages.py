"""Sign-up, log-in, password reset, the company profile and the team page."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from companies.choices import MemberRole
from companies.models import SME, ForeignBuyer, Membership

from .conftest import member

pytestmark = pytest.mark.django_db

SME_FORM = {
    "name_ja": "新潟精工株式会社",
    "name_en": "Niigata Precision Co., Ltd.",
    "prefecture": "niigata",
    "industry_class": "manufacturing",
    "capital_yen": "30000000",
    "employees": "40",
    "export_experience": "none",
    "products_en": "Stainless steel cutlery",
    "products_ja": "ステンレス製カトラリー",
}


def test_signup_creates_the_account_logs_in_and_asks_for_the_company(client, db):
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "mari@niigata.example",
            "first_name": "Mari",
            "last_name": "Kato",
            "password1": "Tsubame-cutlery-2027",
            "password2": "Tsubame-cutlery-2027",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/company/register/"
    user = get_user_model().objects.get(email="mari@niigata.example")
    assert user.username == "mari@niigata.example"
    assert client.get("/en/company/register/").status_code == 200


def test_signup_errors_say_what_to_change_and_are_linked_to_their_fields(client, world):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "kenji@echigo.example", "password1": "a-long-password-1", "password2": "x"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "An account with this email address already exists" in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'id="id_email_error"' in html
    assert 'href="#id_email"' in html


def test_login_page_logs_in_with_the_email_address(client, world):
    response = client.post(
        "/en/accounts/login/", {"username": "kenji@echigo.example", "password": "pw-for-tests"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    wrong = client.post(
        "/en/accounts/login/", {"username": "kenji@echigo.example", "password": "x"}
    )
    assert "do not match an account" in wrong.content.decode()


def test_logout_is_a_post(client, world):
    client.force_login(world["sme_user"])
    assert client.post("/en/accounts/logout/").status_code == 302
    assert client.get("/en/company/").status_code == 302


def test_password_reset_sends_a_link_that_sets_a_new_password(client, world):
    response = client.post("/en/accounts/password-reset/", {"email": "kenji@echigo.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    assert link.startswith("/en/accounts/reset/")
    form_page = client.get(link, follow=True)
    assert b"new_password1" in form_page.content
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Echigo-endoscope-9", "new_password2": "Echigo-endoscope-9"},
    )
    assert done.status_code == 302
    world["sme_user"].refresh_from_db()
    assert world["sme_user"].check_password("Echigo-endoscope-9")


def test_anonymous_users_are_sent_to_log_in(client, db):
    for url in ["/en/company/", "/en/company/team/", "/en/company/register/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")


def test_a_new_user_registers_an_sme_and_becomes_its_administrator(client, db):
    user = get_user_model().objects.create_user(username="mari", password="pw")
    client.force_login(user)
    response = client.post("/en/company/register/exhibitor/", SME_FORM)
    assert response.status_code == 302
    sme = SME.objects.get(name_en="Niigata Precision Co., Ltd.")
    assert Membership.objects.get(user=user).sme == sme
    assert Membership.objects.get(user=user).role == MemberRole.ADMIN


def test_registering_with_missing_fields_shows_each_error(client, db):
    user = get_user_model().objects.create_user(username="mari", password="pw")
    client.force_login(user)
    response = client.post("/en/company/register/exhibitor/", {**SME_FORM, "name_ja": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_name_ja_error"' in html
    assert 'aria-invalid="true"' in html
    assert not SME.objects.exists()


def test_a_new_user_registers_a_buyer(client, world):
    user = get_user_model().objects.create_user(username="jan", password="pw")
    client.force_login(user)
    response = client.post(
        "/en/company/register/buyer/",
        {
            "name": "Amsterdam Health BV",
            "country": world["germany"].pk,
            "buyer_type": "distributor",
            "order_size": "medium",
            "sourcing_needs": "Endoscopes",
            "sectors": [world["sectors"]["devices"].pk],
        },
    )
    assert response.status_code == 302
    buyer = ForeignBuyer.objects.get(name="Amsterdam Health BV")
    assert list(buyer.sectors.all()) == [world["sectors"]["devices"]]


def test_an_exhibitor_edits_only_their_own_bilingual_profile(client, world):
    client.force_login(world["sme_user"])
    page = client.get("/en/company/")
    assert "越後メディカル株式会社" in page.content.decode()
    assert "京都茶舗" not in page.content.decode()
    response = client.post(
        "/en/company/",
        {
            **SME_FORM,
            "name_ja": "越後メディカル株式会社",
            "name_en": "Echigo Medical Co., Ltd.",
            "description_ja": "内視鏡の専門メーカーです。",
            "description_en": "Endoscope specialist.",
            "website": "echigo.example",
        },
    )
    assert response.status_code == 302
    world["sme"].refresh_from_db()
    assert world["sme"].description_ja == "内視鏡の専門メーカーです。"
    assert world["sme"].website == "https://echigo.example"
    world["other_sme"].refresh_from_db()
    assert world["other_sme"].description_ja == ""


def test_the_service_error_for_a_duplicate_name_is_shown_on_the_form(client, world):
    client.force_login(world["sme_user"])
    response = client.post("/en/company/", {**SME_FORM, "name_ja": "京都茶舗"})
    assert response.status_code == 200
    assert "already" in response.content.decode()


def test_a_company_administrator_invites_a_colleague_who_sets_a_password(client, world):
    client.force_login(world["sme_user"])
    response = client.post(
        "/en/company/team/",
        {
            "email": "yuki@echigo.example",
            "first_name": "Yuki",
            "last_name": "Abe",
            "role": MemberRole.STAFF,
        },
    )
    assert response.status_code == 302
    colleague = get_user_model().objects.get(email="yuki@echigo.example")
    assert colleague.membership.sme == world["sme"]
    assert not colleague.has_usable_password()
    assert mail.outbox[0].to == ["yuki@echigo.example"]
    # An exhibitor's colleague reads Japanese by default: the company's Japanese name, 様.
    assert "越後メディカル株式会社" in mail.outbox[0].subject
    assert mail.outbox[0].body.startswith("越後メディカル株式会社 Abe Yuki 様\n")
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    assert link.startswith("/ja/accounts/reset/")
    client.logout()
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Yuki-sets-it-2027", "new_password2": "Yuki-sets-it-2027"},
    )
    assert client.login(username="yuki@echigo.example", password="Yuki-sets-it-2027")
    team = client.get("/en/company/team/").content.decode()
    assert "kenji@echigo.example" in team
    assert "aya@kyoto-tea.example" not in team


def test_inviting_an_existing_address_says_so(client, world):
    client.force_login(world["sme_user"])
    response = client.post(
        "/en/company/team/", {"email": "anna@rhein.example", "role": MemberRole.STAFF}
    )
    assert response.status_code == 200
    assert "already has an account" in response.content.decode()
    assert mail.outbox == []


def test_staff_members_cannot_invite(client, world):
    staff = member(world["sme"], "taro@echigo.example", role=MemberRole.STAFF)
    client.force_login(staff)
    page = client.get("/en/company/team/")
    assert "invite-form" not in page.content.decode()
    response = client.post("/en/company/team/", {"email": "x@echigo.example", "role": "staff"})
    assert response.status_code == 404


def test_a_member_chooses_the_language_of_their_emails_on_the_team_page(client, world):
    client.force_login(world["sme_user"])
    page = client.get("/en/company/team/").content.decode()
    assert 'id="email-language-form"' in page
    assert "Default (日本語)" in page  # an exhibitor's default, each language named in itself
    response = client.post("/en/company/team/language/", {"preferred_language": "en"})
    assert response.status_code == 302
    assert Membership.objects.get(user=world["sme_user"]).preferred_language == "en"
    client.post("/en/company/team/language/", {"preferred_language": "fr"})
    assert Membership.objects.get(user=world["sme_user"]).preferred_language == "en"
    client.post("/en/company/team/language/", {"preferred_language": ""})
    assert Membership.objects.get(user=world["sme_user"]).preferred_language == ""


def test_the_login_page_speaks_japanese_under_ja(client, db):
    html = client.get("/ja/accounts/login/").content.decode()
    assert '<html lang="ja">' in html
    assert "言語" in html  # the language switch
    assert 'action="/i18n/setlang/"' in html


def test_the_profile_form_speaks_japanese_under_ja(client, world):
    client.force_login(world["sme_user"])
    html = client.get("/ja/company/").content.decode()
    assert '<html lang="ja">' in html
    assert "都道府県" in html or "従業員" in html
