"""The home page, open pavilions, applying, buyer registration and the exhibitor catalogue."""

from datetime import UTC, date, datetime

import pytest

from companies.factories import SMEFactory
from events.factories import ExhibitorRegistrationFactory, OrganisingOfficeFactory
from events.models import BuyerRegistration, ExhibitorRegistration, RegistrationStatus

from .conftest import member, query_count

pytestmark = pytest.mark.django_db


def url(world, suffix=""):
    return f"/en/pavilions/{world['pavilion'].pk}/{suffix}"


def test_home_explains_the_platform_to_anonymous_visitors(client, world):
    html = client.get("/en/").content.decode()
    assert "Japan Pavilion Medica" in html
    assert 'href="/en/accounts/signup/"' in html


def test_home_in_japanese_shows_japanese_names(client, world):
    html = client.get("/ja/").content.decode()
    assert '<html lang="ja">' in html
    assert "ジャパンパビリオン・メディカ" in html
    assert "ジャパンパビリオン" in html  # the navigation, from the catalogue


def test_home_is_a_dashboard_by_role(client, world, make_organiser):
    client.force_login(world["sme_user"])
    html = client.get("/en/").content.decode()
    assert f"/en/pavilions/{world['pavilion'].pk}/proposals/" in html
    assert "Booth A-1" in html
    client.force_login(world["buyer_user"])
    html = client.get("/en/").content.decode()
    assert f"/en/pavilions/{world['pavilion'].pk}/exhibitors/" in html
    client.force_login(make_organiser(world["pavilion"].organiser))
    assert 'href="/en/admin/"' in client.get("/en/").content.decode()


def test_pavilion_list_queries_do_not_grow_with_pavilions(client, world):
    one = query_count(client, "/en/pavilions/")
    for _ in range(5):
        ExhibitorRegistrationFactory(pavilion__organiser=OrganisingOfficeFactory())
    assert query_count(client, "/en/pavilions/") == one <= 4
    assert client.get("/en/pavilions/").content.decode().count('class="card"') == 6


def test_an_sme_sees_the_eligibility_verdict_and_first_timer_conditions_and_applies(client, world):
    client.force_login(world["other_sme_user"])
    html = client.get(url(world)).content.decode()
    assert "Eligible under the SME Basic Act: for manufacturing and other industries" in html
    assert "Half the booth fee for first-timers." in html
    assert "counts as a first-time exhibitor" in html
    response = client.post(url(world), {"message": "We bring tea."})
    assert response.status_code == 302
    registration = ExhibitorRegistration.objects.get(sme=world["other_sme"])
    assert registration.status == RegistrationStatus.APPLIED
    assert registration.message == "We bring tea."
    assert 'data-status="applied"' in client.get(url(world)).content.decode()


def test_an_ineligible_sme_is_told_why_and_cannot_apply(client, world):
    big = SMEFactory(capital_yen=900_000_000, employees=900)
    client.force_login(member(big, "boss@big.example"))
    html = client.get(url(world)).content.decode()
    assert "Not an SME under the SME Basic Act" in html
    assert "apply-form" not in html
    response = client.post(url(world), {"message": ""})
    assert "Not an SME under the SME Basic Act" in response.content.decode()
    assert not ExhibitorRegistration.objects.filter(sme=big).exists()


def test_an_sme_withdraws_its_application(client, world):
    client.force_login(world["sme_user"])
    response = client.post(url(world, "withdraw/"))
    assert response.status_code == 302
    assert ExhibitorRegistration.objects.get(sme=world["sme"]).status == "withdrawn"


def test_withdrawing_without_an_application_is_a_404(client, world):
    client.force_login(world["other_sme_user"])
    assert client.post(url(world, "withdraw/")).status_code == 404


def test_a_buyer_registers_for_days_and_states_sourcing_needs(client, world):
    client.force_login(world["other_buyer_user"])
    page = client.get(url(world, "register/")).content.decode()
    assert 'value="2027-11-18"' in page
    response = client.post(
        url(world, "register/"),
        {"days": ["2027-11-16", "2027-11-17"], "sourcing_needs": "Dental instruments"},
    )
    assert response.status_code == 302
    registration = BuyerRegistration.objects.get(buyer=world["other_buyer"])
    assert [d.day for d in registration.days.all()] == [date(2027, 11, 16), date(2027, 11, 17)]
    # The needs are this fair's: the company's profile keeps its own text.
    assert registration.sourcing_needs == "Dental instruments"
    world["other_buyer"].refresh_from_db()
    assert world["other_buyer"].sourcing_needs == "Japanese kitchenware for specialist retailers"


def test_buyer_registration_without_days_says_to_choose_one(client, world):
    client.force_login(world["other_buyer_user"])
    response = client.post(url(world, "register/"), {"sourcing_needs": "x"})
    assert "Choose at least one day of the fair." in response.content.decode()
    assert not BuyerRegistration.objects.filter(buyer=world["other_buyer"]).exists()


def test_buyer_pages_are_not_for_exhibitors(client, world):
    client.force_login(world["sme_user"])
    assert client.get(url(world, "register/")).status_code == 404


def test_anonymous_visitors_see_only_public_fields_in_the_catalogue(client, world):
    world["sme"].contact_email = "secret@echigo.example"
    world["sme"].save()
    html = client.get(url(world, "exhibitors/")).content.decode()
    assert "Echigo Medical Co., Ltd." in html
    assert "Endoscopes" in html
    assert "CE marking" in html
    assert "secret@echigo.example" not in html
    assert "45,000,000" not in html
    assert "45000000" not in html
    assert "Kyoto Tea Works" not in html  # not an exhibitor of this pavilion
    detail = client.get(url(world, f"exhibitors/{world['sme'].pk}/")).content.decode()
    assert "越後メディカル株式会社" in detail
    assert "secret@echigo.example" not in detail
    assert "45000000" not in detail


def test_the_catalogue_filters_by_sector_market_certification_and_keyword(client, world):
    tea = ExhibitorRegistrationFactory(
        pavilion=world["pavilion"], sme=world["other_sme"], status="accepted"
    ).sme
    base = url(world, "exhibitors/")

    def names(query):
        html = client.get(base, query).content.decode()
        return {n for n in ("Echigo Medical", "Kyoto Tea Works") if n in html}

    assert names({}) == {"Echigo Medical", "Kyoto Tea Works"}
    assert names({"sector": world["sectors"]["food"].pk}) == {"Kyoto Tea Works"}
    assert names({"market": world["germany"].pk}) == {"Echigo Medical"}
    assert names({"certification": world["ce"].pk}) == {"Echigo Medical"}
    assert names({"q": "green tea"}) == {"Kyoto Tea Works"}
    assert names({"q": "内視鏡"}) == {"Echigo Medical"}
    assert "No exhibitor matches" in client.get(base, {"q": "spaceships"}).content.decode()
    assert tea.pk


def test_catalogue_queries_do_not_grow_with_exhibitors(client, world):
    client.force_login(world["buyer_user"])
    one = query_count(client, url(world, "exhibitors/"))
    for _ in range(8):
        sme = SMEFactory()
        sme.sectors.add(world["sectors"]["devices"])
        sme.certifications.add(world["ce"])
        ExhibitorRegistrationFactory(pavilion=world["pavilion"], sme=sme, status="accepted")
    assert query_count(client, url(world, "exhibitors/")) == one <= 16
    assert "9 exhibitors" in client.get(url(world, "exhibitors/")).content.decode()


def test_an_exhibitor_not_accepted_at_the_pavilion_has_no_catalogue_page(client, world):
    assert client.get(url(world, f"exhibitors/{world['other_sme'].pk}/")).status_code == 404


def test_a_missing_pavilion_is_a_404(client, world):
    assert client.get("/en/pavilions/999999/").status_code == 404
    assert client.get("/en/pavilions/999999/exhibitors/").status_code == 404


def test_pavilion_pages_give_dates_and_deadlines_in_the_fairs_zone_and_language(client, world):
    ExhibitorRegistration.objects.filter(sme=world["sme"]).update(
        applied_at=datetime(2027, 5, 10, 22, 30, tzinfo=UTC)
    )
    client.force_login(world["sme_user"])
    japanese = client.get(f"/ja/pavilions/{world['pavilion'].pk}/").content.decode()
    assert "2027年11月15日(月) – 2027年11月18日(木)" in japanese  # the fair's days
    assert "現地時間：CET" in japanese
    assert "2027年9月1日(水) 02:00 CEST" in japanese  # applications close at 00:00 UTC
    assert "2027年5月11日(火) 00:30 CEST" in japanese  # applied at 22:30 UTC the day before
    english = client.get(url(world)).content.decode()
    assert "Mon 15 Nov 2027 – Thu 18 Nov 2027" in english
    assert "Wed 1 Sep 2027, 02:00 CEST" in english
    listing = client.get("/ja/pavilions/").content.decode()
    assert "2027年11月15日(月) – 2027年11月18日(木)" in listing
    home = client.get("/ja/").content.decode()
    assert "2027年11月15日(月) – 2027年11月18日(木)" in home
    for html in (japanese, english, listing, home):
        assert "UTC" not in html
        assert "Europe/Berlin" not in html


def test_participants_reach_their_proposals_meetings_and_schedule_from_events_pages(client, world):
    """Matchmaking and meetings add their pages' links to the home and pavilion pages
    (events.hooks.pavilion_links)."""
    pk = world["pavilion"].pk
    proposals = f'href="/en/pavilions/{pk}/proposals/">'
    meetings = f'href="/en/pavilions/{pk}/meetings/">Meetings and requests</a>'
    schedule = f'href="/en/pavilions/{pk}/schedule/">Schedule</a>'
    client.force_login(world["sme_user"])
    home, page = client.get("/en/").content.decode(), client.get(url(world)).content.decode()
    assert f"<a {proposals}Proposed buyers</a>" in home
    assert f'<a class="button" {proposals}Proposed buyers</a>' in page
    for html in (home, page):
        assert meetings in html
        assert schedule in html
    client.force_login(world["buyer_user"])
    home, page = client.get("/en/").content.decode(), client.get(url(world)).content.decode()
    for html in (home, page):
        assert f"<a {proposals}Proposed exhibitors</a>" in html
    assert meetings in home
    assert schedule in home
    assert meetings not in page  # the buyer's pavilion page leads to the catalogue instead
