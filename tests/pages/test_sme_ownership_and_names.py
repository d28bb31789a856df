"""Ownership by large companies on the SME profile and the verdict it gives on the pages; and
people's names family name first on the Japanese pages."""

import pytest
from django.contrib.auth import get_user_model

from companies.models import SME

from .test_companies_pages import SME_FORM

pytestmark = pytest.mark.django_db


def test_the_profile_records_ownership_and_shows_the_verdict(client, world):
    client.force_login(world["sme_user"])
    page = client.get("/en/company/").content.decode()
    assert 'name="largest_large_shareholder_percent"' in page
    assert 'name="officers_from_large_company"' in page
    assert "Eligible under the SME Basic Act" in page
    response = client.post(
        "/en/company/",
        {
            **SME_FORM,
            "name_ja": "越後メディカル株式会社",
            "largest_large_shareholder_percent": "60",
            "large_shareholders_percent": "60",
        },
    )
    assert response.status_code == 302
    sme = SME.objects.get(pk=world["sme"].pk)
    assert (sme.largest_large_shareholder_percent, sme.large_shareholders_percent) == (60, 60)
    page = client.get("/en/company/").content.decode()
    assert "Not an SME: a large company holds 60% (half or more)" in page


def test_ownership_left_empty_means_no_large_shareholder(client, db):
    user = get_user_model().objects.create_user(username="mari", password="pw")
    client.force_login(user)
    assert client.post("/en/company/register/exhibitor/", SME_FORM).status_code == 302
    sme = SME.objects.get(name_en=SME_FORM["name_en"])
    assert (sme.largest_large_shareholder_percent, sme.large_shareholders_percent) == (0, 0)


def test_a_largest_shareholding_above_the_total_is_refused_on_its_field(client, world):
    client.force_login(world["sme_user"])
    response = client.post(
        "/en/company/",
        {
            **SME_FORM,
            "largest_large_shareholder_percent": "40",
            "large_shareholders_percent": "30",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_large_shareholders_percent_error"' in html
    assert "cannot be less than the 40%" in html


def test_the_pavilion_page_refuses_a_deemed_large_company_in_japanese(client, world):
    SME.objects.filter(pk=world["other_sme"].pk).update(officers_from_large_company=True)
    client.force_login(world["other_sme_user"])
    html = client.get(f"/ja/pavilions/{world['pavilion'].pk}/").content.decode()
    assert "中小企業に該当しません。役員の2分の1以上が大企業の役員または従業員を兼ねている" in html
    assert "apply-form" not in html


def test_the_japanese_sign_up_form_asks_the_family_name_first(client, db):
    html = client.get("/ja/accounts/signup/").content.decode()
    assert html.index('name="last_name"') < html.index('name="first_name"')
    assert ">姓<" in html or ">姓 " in html
    english = client.get("/en/accounts/signup/").content.decode()
    assert english.index('name="first_name"') < english.index('name="last_name"')


def test_the_japanese_invitation_form_asks_the_family_name_first_and_keeps_both(client, world):
    client.force_login(world["sme_user"])
    html = client.get("/ja/company/team/").content.decode()
    assert html.index('name="last_name"') < html.index('name="first_name"')
    client.post(
        "/ja/company/team/",
        {
            "email": "yuki@echigo.example",
            "last_name": "阿部",
            "first_name": "由紀",
            "role": "staff",
        },
    )
    colleague = get_user_model().objects.get(email="yuki@echigo.example")
    assert (colleague.last_name, colleague.first_name) == ("阿部", "由紀")
    team = client.get("/ja/company/team/").content.decode()
    assert "阿部 由紀" in team
    assert "Sato Kenji" in team  # Kenji Sato, family name first on a Japanese page
