"""The buyer registration endpoints read and write what the buyer sources at each fair; the
company profile is only the default, and a pavilion's buyer list shows that fair's needs."""

from datetime import date

import pytest

from companies.factories import CertificationFactory
from events.factories import PavilionFactory, TradeFairFactory
from events.services.buyers import buyer_registration_update

pytestmark = pytest.mark.django_db

V1 = "/api/v1"


def test_registering_with_needs_stores_them_for_this_fair_only(world):
    ce = CertificationFactory(code="CE")
    later = PavilionFactory(
        organiser=world.office,
        fair=TradeFairFactory(starts_on=date(2028, 1, 24), ends_on=date(2028, 1, 27)),
    )
    client = world.client("buyer")
    response = client.post(
        f"{V1}/buyer-registrations/",
        {
            "pavilion": later.pk,
            "days": ["2028-01-24"],
            "sourcing_needs": "Wound dressings",
            "required_certifications": [ce.pk],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["sourcing_needs"] == "Wound dressings"
    assert response.json()["required_certifications"] == [ce.pk]
    first = client.get(f"{V1}/buyer-registrations/{world.buyer_registration.pk}/").json()
    assert first["sourcing_needs"] == "Japanese kitchenware for specialist retailers"
    assert first["required_certifications"] == []
    world.buyer.refresh_from_db()
    assert world.buyer.sourcing_needs == "Japanese kitchenware for specialist retailers"


def test_registering_without_needs_takes_the_companys(world):
    ce = CertificationFactory(code="CE")
    world.buyer.required_certifications.add(ce)
    response = world.client("buyer").post(
        f"{V1}/buyer-registrations/",
        {"pavilion": PavilionFactory().pk, "days": ["2027-11-16"]},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["sourcing_needs"] == world.buyer.sourcing_needs
    assert response.json()["required_certifications"] == [ce.pk]


def test_patching_a_registration_changes_only_the_parts_given(world):
    ce = CertificationFactory(code="CE")
    url = f"{V1}/buyer-registrations/{world.buyer_registration.pk}/"
    response = world.client("buyer").patch(url, {"required_certifications": [ce.pk]}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["required_certifications"] == [ce.pk]
    assert body["sourcing_needs"] == "Japanese kitchenware for specialist retailers"
    assert body["days"] == ["2027-11-15"]
    response = world.client("buyer").patch(url, {"days": ["2027-11-20"]}, format="json")
    assert response.status_code == 400
    assert "not a day of" in response.content.decode()


def test_a_pavilions_buyer_list_shows_what_each_sources_at_its_fair(world):
    buyer_registration_update(
        registration=world.buyer_registration, sourcing_needs="Endoscopes for day clinics"
    )
    response = world.client("exhibitor").get(f"{V1}/pavilions/{world.pavilion.pk}/buyers/")
    assert response.status_code == 200, response.content
    [buyer] = response.json()["results"]
    assert buyer["sourcing_needs"] == "Endoscopes for day clinics"
    search = world.client("exhibitor").get(
        f"{V1}/pavilions/{world.pavilion.pk}/buyers/", {"search": "day clinics"}
    )
    assert [b["id"] for b in search.json()["results"]] == [world.buyer.pk]
    none = world.client("exhibitor").get(
        f"{V1}/pavilions/{world.pavilion.pk}/buyers/", {"search": "kitchenware"}
    )
    assert none.json()["results"] == []
