"""The pavilion's buyers for its exhibitors (meetings.buyer_views): who may browse them, the
search and filters, pages, flat queries, and the meeting request with each refusal."""

import pytest

from companies.factories import ForeignBuyerFactory, LanguageFactory, SectorFactory
from events.factories import ExhibitorRegistrationFactory, OrganisingOfficeFactory
from events.models import BuyerRegistration
from events.services.buyers import buyer_registration_register
from meetings.models import Meeting
from meetings.services.requests import meeting_request

from .conftest import member

pytestmark = pytest.mark.django_db


def page(world, suffix=""):
    return f"/en/pavilions/{world['pavilion'].pk}/buyers/{suffix}"


def registered_buyer(world, name, **fields):
    buyer = ForeignBuyerFactory(name=name, country=world["germany"], **fields)
    buyer_registration_register(
        pavilion=world["pavilion"],
        buyer=buyer,
        days=[world["pavilion"].fair.starts_on],
        sourcing_needs=fields.get("sourcing_needs", ""),
    )
    return buyer


def names(client, world, query=None) -> set:
    html = client.get(page(world), query or {}).content.decode()
    candidates = ("Rhein Medical GmbH", "Paris Tea House", "Lyon Import SARL")
    return {name for name in candidates if name in html}


@pytest.fixture
def tea_buyer(world):
    french = LanguageFactory(code="fr", name_en="French", name_ja="フランス語")
    buyer = registered_buyer(
        world,
        "Paris Tea House",
        city="Paris",
        buyer_type="retailer",
        order_size="small",
        sourcing_needs="Organic matcha for our shops",
    )
    buyer.sectors.add(world["sectors"]["food"])
    buyer.languages.add(french)
    return buyer


# --- who may browse --------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    response = client.get(page(world))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_buyers_and_companies_not_accepted_at_the_pavilion_get_404(client, world):
    buyer = world["buyer"]
    for user in ("buyer_user", "other_sme_user", "other_buyer_user"):
        client.force_login(world[user])
        assert client.get(page(world)).status_code == 404, user
        assert client.get(page(world, f"{buyer.pk}/")).status_code == 404, user
    ExhibitorRegistrationFactory(
        pavilion=world["pavilion"], sme=world["other_sme"], status="applied"
    )
    client.force_login(world["other_sme_user"])
    assert client.get(page(world)).status_code == 404  # applied, not accepted


def test_an_accepted_exhibitor_sees_the_public_profile_only(client, world):
    buyer = world["buyer"]
    buyer.contact_email = "purchasing@rhein.example"
    buyer.sourcing_needs = "the company's own text"
    buyer.save()
    BuyerRegistration.objects.filter(buyer=buyer).update(sourcing_needs="Flexible endoscopes")
    client.force_login(world["sme_user"])
    listing = client.get(page(world)).content.decode()
    detail = client.get(page(world, f"{buyer.pk}/")).content.decode()
    for html in (listing, detail):
        assert "Rhein Medical GmbH" in html
        assert "Flexible endoscopes" in html  # what it sources at this fair
        assert "the company&#x27;s own text" not in html
        assert "purchasing@rhein.example" not in html
        assert "anna@rhein.example" not in html  # its members
        assert "Lyon Import SARL" not in html  # not registered for the pavilion
    assert "Medical devices" in detail
    assert 'id="request-form"' in detail
    client.force_login(world["sme_user"])
    assert client.get(page(world, f"{world['other_buyer'].pk}/")).status_code == 404


def test_the_pavilions_organiser_browses_without_requesting(client, world, make_organiser):
    client.force_login(make_organiser(world["pavilion"].organiser))
    assert "Rhein Medical GmbH" in client.get(page(world)).content.decode()
    detail = client.get(page(world, f"{world['buyer'].pk}/")).content.decode()
    assert "Rhein Medical GmbH" in detail
    assert "request-form" not in detail
    response = client.post(page(world, f"{world['buyer'].pk}/request/"), {"message": "x"})
    assert response.status_code == 404
    client.force_login(make_organiser(OrganisingOfficeFactory(), username="elsewhere"))
    assert client.get(page(world)).status_code == 404


def test_exhibitors_reach_the_buyers_from_the_home_and_pavilion_pages(client, world):
    link = f'href="/en/pavilions/{world["pavilion"].pk}/buyers/">Buyers</a>'
    client.force_login(world["sme_user"])
    assert link in client.get("/en/").content.decode()
    assert link in client.get(f"/en/pavilions/{world['pavilion'].pk}/").content.decode()
    client.force_login(world["buyer_user"])
    assert link not in client.get("/en/").content.decode()


# --- search, filters, pages ------------------------------------------------------------------


def test_the_buyers_filter_by_keyword_sector_country_type_order_size_and_language(
    client, world, tea_buyer
):
    client.force_login(world["sme_user"])
    both = {"Rhein Medical GmbH", "Paris Tea House"}
    assert names(client, world) == both
    assert names(client, world, {"q": "matcha"}) == {"Paris Tea House"}  # fair needs
    assert names(client, world, {"q": "paris"}) == {"Paris Tea House"}  # city
    assert names(client, world, {"q": "rhein"}) == {"Rhein Medical GmbH"}  # name
    assert names(client, world, {"sector": world["sectors"]["food"].pk}) == {"Paris Tea House"}
    assert names(client, world, {"country": world["germany"].pk}) == both
    assert names(client, world, {"buyer_type": "retailer"}) == {"Paris Tea House"}
    assert names(client, world, {"order_size": "small"}) == {"Paris Tea House"}
    french = tea_buyer.languages.get()
    assert names(client, world, {"language": french.pk}) == {"Paris Tea House"}
    html = client.get(page(world), {"q": "spaceships"}).content.decode()
    assert "No buyer matches" in html


def test_a_sector_filter_takes_in_the_sectors_below_it(client, world, tea_buyer):
    tea = SectorFactory(code="0902", level="heading", parent=world["sectors"]["food"])
    tea_buyer.sectors.set([tea])
    client.force_login(world["sme_user"])
    assert names(client, world, {"sector": world["sectors"]["food"].pk}) == {"Paris Tea House"}


def test_the_buyers_come_24_to_a_page_with_links_keeping_the_filters(client, world):
    for i in range(29):
        registered_buyer(world, f"Many Buyer {i:02d}", city="Hamburg")
    client.force_login(world["sme_user"])
    first = client.get(page(world), {"q": "hamburg"}).content.decode()
    assert "29 buyers" in first
    assert first.count('data-buyer="') == 24
    assert "?q=hamburg&amp;page=2" in first
    second = client.get(page(world), {"q": "hamburg", "page": 2}).content.decode()
    assert second.count('data-buyer="') == 5
    assert "Many Buyer 28" in second
    assert "Many Buyer 00" not in second
    beyond = client.get(page(world), {"q": "hamburg", "page": 99}).content.decode()
    assert "Many Buyer 28" in beyond  # past the end: the last page
    assert client.get(page(world), {"page": "x"}).status_code == 200


@pytest.mark.parametrize("extra", [2, 40])
def test_the_buyers_pages_queries_do_not_grow_with_buyers(
    client, world, django_assert_max_num_queries, extra
):
    for i in range(extra):
        buyer = registered_buyer(world, f"Counted Buyer {i:02d}")
        buyer.sectors.add(world["sectors"]["devices"], world["sectors"]["food"])
        if i < 2:  # meetings going with some of them
            meeting_request(pavilion=world["pavilion"], sme=world["sme"], buyer=buyer, side="buyer")
    client.force_login(world["sme_user"])
    query = {"sector": world["sectors"]["devices"].pk, "country": world["germany"].pk}
    with django_assert_max_num_queries(16):
        listing = client.get(page(world), query)
    assert listing.content.decode().count('data-buyer="') == min(extra + 1, 24)
    with django_assert_max_num_queries(11):
        assert client.get(page(world, f"{world['buyer'].pk}/")).status_code == 200


# --- the meeting request ---------------------------------------------------------------------


def test_an_exhibitor_requests_a_meeting_with_a_message_and_an_attendee(client, world):
    colleague = member(world["sme"], "yuki@echigo.example", role="staff", first_name="Yuki")
    client.force_login(world["sme_user"])
    response = client.post(
        page(world, f"{world['buyer'].pk}/request/"),
        {"message": "We would like to show our new endoscope.", "attendee": colleague.pk},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/en/pavilions/{world['pavilion'].pk}/meetings/"
    meeting = Meeting.objects.get()
    assert (meeting.sme, meeting.buyer) == (world["sme"], world["buyer"])
    assert meeting.requested_by_side == "exhibitor"
    assert meeting.message == "We would like to show our new endoscope."
    assert meeting.attendee == colleague
    assert meeting.exhibitor_accepted_at is not None
    assert meeting.buyer_accepted_at is None
    listing = client.get(page(world)).content.decode()
    assert "Your meeting: Requested" in listing
    detail = client.get(page(world, f"{world['buyer'].pk}/")).content.decode()
    assert "request-form" not in detail
    assert "You already have a meeting or a request with this buyer (Requested)." in detail


def test_a_duplicate_request_shows_the_services_refusal_on_the_form(client, world):
    meeting_request(
        pavilion=world["pavilion"], sme=world["sme"], buyer=world["buyer"], side="buyer"
    )
    client.force_login(world["sme_user"])
    response = client.post(page(world, f"{world['buyer'].pk}/request/"), {"message": "x"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="form-errors"' in html
    assert "already have a meeting" in html
    assert Meeting.objects.count() == 1


def test_the_open_request_cap_is_shown_on_the_form(client, world, tea_buyer):
    world["pavilion"].max_open_requests = 1
    world["pavilion"].save()
    meeting_request(pavilion=world["pavilion"], sme=world["sme"], buyer=tea_buyer, side="exhibitor")
    client.force_login(world["sme_user"])
    response = client.post(page(world, f"{world['buyer'].pk}/request/"), {"message": "x"})
    assert response.status_code == 400
    assert "unanswered requests, the most this pavilion allows" in response.content.decode()
    assert Meeting.objects.count() == 1


def test_the_meeting_cap_is_shown_on_the_form(client, world, tea_buyer):
    world["pavilion"].max_meetings_per_exhibitor = 1
    world["pavilion"].save()
    meeting_request(
        pavilion=world["pavilion"],
        sme=world["sme"],
        buyer=tea_buyer,
        side="organiser",
        acting_for="both",
    )
    client.force_login(world["sme_user"])
    response = client.post(page(world, f"{world['buyer'].pk}/request/"), {"message": "x"})
    assert response.status_code == 400
    assert "already has the most meetings this pavilion allows (1)" in response.content.decode()


def test_a_buyer_who_cancelled_meanwhile_is_named_on_the_form(client, world):
    BuyerRegistration.objects.filter(buyer=world["buyer"]).update(status="cancelled")
    client.force_login(world["sme_user"])
    response = client.post(page(world, f"{world['buyer'].pk}/request/"), {"message": "x"})
    assert response.status_code == 400
    assert "Rhein Medical GmbH is not registered for" in response.content.decode()
    assert not Meeting.objects.exists()


def test_an_attendee_from_another_company_is_refused(client, world):
    client.force_login(world["sme_user"])
    response = client.post(
        page(world, f"{world['buyer'].pk}/request/"),
        {"message": "x", "attendee": world["other_sme_user"].pk},
    )
    assert response.status_code == 400
    assert not Meeting.objects.exists()


def test_only_the_pavilions_exhibitors_may_request(client, world):
    path = page(world, f"{world['buyer'].pk}/request/")
    assert client.post(path, {"message": "x"}).status_code == 302  # to log in
    for user in ("buyer_user", "other_sme_user"):
        client.force_login(world[user])
        assert client.post(path, {"message": "x"}).status_code == 404, user
    client.force_login(world["sme_user"])
    assert client.get(path).status_code == 405
    other = page(world, f"{world['other_buyer'].pk}/request/")
    assert client.post(other, {"message": "x"}).status_code == 404  # never registered
    assert not Meeting.objects.exists()


def test_the_buyers_pages_in_japanese(client, world):
    client.force_login(world["sme_user"])
    listing = client.get(f"/ja/pavilions/{world['pavilion'].pk}/buyers/").content.decode()
    assert "のバイヤー" in listing
    assert "キーワード" in listing
    detail = client.get(
        f"/ja/pavilions/{world['pavilion'].pk}/buyers/{world['buyer'].pk}/"
    ).content.decode()
    assert "商談を申し込む" in detail
