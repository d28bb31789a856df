"""The admin shows a buyer registration's own needs and an SME's ownership with its verdict."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from companies.factories import CertificationFactory, ForeignBuyerFactory, SMEFactory
from events.factories import BuyerRegistrationFactory
from events.services.buyers import buyer_registration_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser(
        username="admin", password="pw", email="admin@example.com"
    )
    client.force_login(admin)
    return client


def test_a_buyer_registration_shows_and_edits_its_own_needs(admin_client):
    ce = CertificationFactory(code="CE", name_en="CE marking")
    registration = BuyerRegistrationFactory(buyer=ForeignBuyerFactory(sourcing_needs="Tea"))
    buyer_registration_update(
        registration=registration, sourcing_needs="Endoscopes", required_certifications=[ce]
    )
    url = reverse("admin:events_buyerregistration_change", args=[registration.pk])
    html = admin_client.get(url).content.decode()
    assert "Endoscopes</textarea>" in html
    assert f'<option value="{ce.pk}" selected>' in html
    response = admin_client.post(
        url,
        {
            "pavilion": registration.pavilion_id,
            "buyer": registration.buyer_id,
            "status": "registered",
            "sourcing_needs": "Flexible endoscopes",
            "required_certifications": [],
            "days-TOTAL_FORMS": "0",
            "days-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    registration.refresh_from_db()
    assert registration.sourcing_needs == "Flexible endoscopes"
    assert not registration.required_certifications.exists()
    registration.buyer.refresh_from_db()
    assert registration.buyer.sourcing_needs == "Tea"


def test_an_sme_shows_its_ownership_and_the_verdict(admin_client):
    sme = SMEFactory(largest_large_shareholder_percent=20, large_shareholders_percent=70)
    url = reverse("admin:companies_sme_change", args=[sme.pk])
    html = admin_client.get(url).content.decode()
    assert 'name="largest_large_shareholder_percent"' in html
    assert 'name="officers_from_large_company"' in html
    assert "Not an SME: large companies together hold 70% (two thirds or more)" in html
    japanese = admin_client.get("/ja" + url[3:]).content.decode()
    assert "3分の2以上" in japanese
