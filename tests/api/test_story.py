"""The whole story through the API alone, each person with their own token.

An SME registers and applies, the organiser accepts it, a buyer registers and requests a meeting,
matchmaking runs, the SME accepts, the scheduler places the meeting, and both sides download the
same meeting in their iCalendar files.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from companies.factories import LanguageFactory, MarketFactory, SectorFactory
from events.factories import OrganisingOfficeFactory, PavilionFactory
from events.services.slots import meeting_slots_generate

pytestmark = pytest.mark.django_db
V1 = "/api/v1"


def signed_in(username: str) -> APIClient:
    """A client holding the token the user gets for their username and password."""
    get_user_model().objects.create_user(username=username, password="a-long-password-1")
    client = APIClient()
    response = client.post(
        f"{V1}/auth/token/", {"username": username, "password": "a-long-password-1"}
    )
    assert response.status_code == 200, response.content
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    return client


def ok(response, status=200) -> dict:
    assert response.status_code == status, response.content
    return response.json() if response.content else {}


def test_the_whole_story(make_organiser, django_capture_on_commit_callbacks):
    japanese, english = LanguageFactory(code="ja"), LanguageFactory(code="en", name_en="English")
    germany = MarketFactory(code="DE", name_en="Germany")
    devices = SectorFactory(code="XVIII", name_en="Instruments")
    office = OrganisingOfficeFactory()
    pavilion = PavilionFactory(organiser=office)
    # Slots come from the pavilion's timetable, which the organiser keeps in the admin.
    meeting_slots_generate(pavilion=pavilion)
    organiser = APIClient()
    make_organiser(office, "organiser").set_password("org-password-1")
    organiser.force_authenticate(get_user_model().objects.get(username="organiser"))

    sme_staff = signed_in("sme-staff")
    sme = ok(
        sme_staff.post(
            f"{V1}/smes/",
            {
                "name_ja": "株式会社燕精工",
                "name_en": "Tsubame Seiko Co., Ltd.",
                "prefecture": "niigata",
                "industry_class": "manufacturing",
                "employees": 45,
                "capital_yen": 30_000_000,
                "products_en": "surgical instruments and endoscopes",
                "sectors": [devices.pk],
                "target_markets": [germany.pk],
                "languages": [japanese.pk, english.pk],
            },
        ),
        201,
    )
    assert sme["eligibility"]["eligible"] is True
    application = ok(
        sme_staff.post(f"{V1}/exhibitor-registrations/", {"pavilion": pavilion.pk}), 201
    )
    assert application["status"] == "applied"

    decided = ok(
        organiser.post(
            f"{V1}/exhibitor-registrations/{application['id']}/decide/",
            {"status": "accepted", "booth": "B2"},
        )
    )
    assert (decided["status"], decided["booth"]) == ("accepted", "B2")
    catalogue = ok(APIClient().get(f"{V1}/pavilions/{pavilion.pk}/exhibitors/"))
    assert [row["name_en"] for row in catalogue["results"]] == ["Tsubame Seiko Co., Ltd."]
    assert "capital_yen" not in catalogue["results"][0]

    buyer_staff = signed_in("buyer-staff")
    buyer = ok(
        buyer_staff.post(
            f"{V1}/buyers/",
            {
                "name": "Rheinmed GmbH",
                "country": germany.pk,
                "buyer_type": "distributor",
                "order_size": "medium",
                "sourcing_needs": "surgical endoscopes",
                "sectors": [devices.pk],
                "languages": [english.pk],
            },
        ),
        201,
    )
    ok(
        buyer_staff.post(
            f"{V1}/buyer-registrations/", {"pavilion": pavilion.pk, "days": ["2027-11-15"]}
        ),
        201,
    )
    request = {"pavilion": pavilion.pk, "sme": sme["id"], "message": "Endoscopes for clinics?"}
    meeting = ok(buyer_staff.post(f"{V1}/meetings/", request, HTTP_IDEMPOTENCY_KEY="story-1"), 201)
    assert meeting["status"] == "requested"
    retried = buyer_staff.post(f"{V1}/meetings/", request, HTTP_IDEMPOTENCY_KEY="story-1")
    assert (retried.status_code, retried.json()) == (201, meeting)

    with django_capture_on_commit_callbacks(execute=True):
        run = ok(organiser.post(f"{V1}/matching-runs/", {"pavilion": pavilion.pk}), 201)
    run = ok(organiser.get(f"{V1}/matching-runs/{run['id']}/"))
    assert run["status"] == "done", run["error"]
    # The pair already has a meeting (the buyer's request): it is not proposed on top of it.
    proposals = ok(sme_staff.get(f"{V1}/proposals/"))["results"]
    assert buyer["id"] not in [p["buyer"]["id"] for p in proposals]
    assert run["counts"]["exhibitors"] == run["counts"]["buyers"] == 1

    accepted = ok(sme_staff.post(f"{V1}/meetings/{meeting['id']}/accept/"))
    assert accepted["status"] == "accepted"

    with django_capture_on_commit_callbacks(execute=True):
        run = ok(
            organiser.post(f"{V1}/scheduling-runs/", {"pavilion": pavilion.pk, "time_limit": 5}),
            201,
        )
    run = ok(organiser.get(f"{V1}/scheduling-runs/{run['id']}/"))
    assert run["status"] == "done", run["error"]
    assert run["counts"]["placed"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        published = ok(organiser.post(f"{V1}/pavilions/{pavilion.pk}/publish-schedule/"))
    assert published["published"] == 1

    schedule = ok(buyer_staff.get(f"{V1}/schedule/?pavilion={pavilion.pk}"))["results"]
    assert len(schedule) == 1
    slot = schedule[0]["slot"]
    assert slot["time_zone"] == "Europe/Berlin"
    assert slot["local_starts_at"].startswith("2027-11-15T")
    assert schedule[0]["location"] == "Booth B2"

    calendars = []
    for client in (sme_staff, buyer_staff):
        response = client.get(f"{V1}/schedule.ics?pavilion={pavilion.pk}")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/calendar")
        calendars.append(response.content.decode())
    events = [re.findall(r"UID:(\S+)\r\nDTSTAMP:\S+\r\nDTSTART:(\S+)", text) for text in calendars]
    assert events[0] == events[1] == [(f"meeting-{meeting['id']}@japan-pavilion", events[0][0][1])]
