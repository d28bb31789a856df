"""The API records an SME's ownership by large companies and gives the verdict it leads to, on
the profile and on each application, worded as everywhere else."""

import pytest

from events.models import ExhibitorRegistration

pytestmark = pytest.mark.django_db

V1 = "/api/v1"


def test_an_sme_records_its_ownership_and_gets_the_deemed_large_verdict(world):
    client = world.client("exhibitor")
    url = f"{V1}/smes/{world.sme.pk}/"
    response = client.patch(
        url,
        {"largest_large_shareholder_percent": 60, "large_shareholders_percent": 60},
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["largest_large_shareholder_percent"] == 60
    assert body["eligibility"]["eligible"] is False
    assert body["eligibility"]["reason"].startswith(
        "Not an SME: a large company holds 60% (half or more)"
    )
    japanese = client.get(url, HTTP_ACCEPT_LANGUAGE="ja").json()
    assert japanese["eligibility"]["reason"].startswith("中小企業に該当しません")


def test_a_largest_shareholding_above_the_total_is_a_field_error(world):
    response = world.client("exhibitor").patch(
        f"{V1}/smes/{world.sme.pk}/",
        {"largest_large_shareholder_percent": 50, "large_shareholders_percent": 40},
        format="json",
    )
    assert response.status_code == 400
    assert "large_shareholders_percent" in response.content.decode()


def test_an_application_gives_the_verdict_it_was_made_on(world):
    ExhibitorRegistration.objects.filter(pk=world.registration.pk).update(
        eligibility_officers_from_large_company=True
    )
    response = world.client("organiser").get(
        f"{V1}/exhibitor-registrations/{world.registration.pk}/"
    )
    assert response.status_code == 200
    verdict = response.json()["eligibility"]
    assert verdict["eligible"] is False
    assert "half or more of its officers" in verdict["reason"]
