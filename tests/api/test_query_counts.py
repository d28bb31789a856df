"""Every list endpoint makes as many queries for 50 items as for 1: no N+1."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from companies.factories import (
    CertificationFactory,
    ForeignBuyerFactory,
    LanguageFactory,
    MarketFactory,
    SectorFactory,
    SMEFactory,
)
from events.factories import (
    ExhibitorRegistrationFactory,
    InterpreterFactory,
    PavilionFactory,
    TradeFairFactory,
)
from events.models import BuyerAttendanceDay, BuyerRegistration, MeetingSlot
from matchmaking.models import MatchingRun, PairWish, Proposal
from meetings.models import Meeting, MeetingOutcome, ParticipantUnavailability, SchedulingRun

pytestmark = pytest.mark.django_db


class Items:
    """Adds the i-th item of each list, with the relations its serializer reads."""

    def __init__(self):
        self.pavilion = PavilionFactory()
        self.sme = SMEFactory()
        self.sector, self.market = SectorFactory(), MarketFactory(code="DE")
        self.language, self.certification = LanguageFactory(code="ja"), CertificationFactory()
        self.start = datetime(2027, 11, 15, 9, tzinfo=UTC)

    def _profile(self, company, *relations):
        for name, value in relations:
            getattr(company, name).add(value)
        return company

    def smes(self, i):
        self._profile(
            SMEFactory(),
            ("sectors", self.sector),
            ("target_markets", self.market),
            ("languages", self.language),
            ("certifications", self.certification),
        )

    def buyers(self, i):
        self._profile(
            ForeignBuyerFactory(),
            ("sectors", self.sector),
            ("languages", self.language),
            ("required_certifications", self.certification),
        )

    def sectors(self, i):
        SectorFactory(parent=None)

    def markets(self, i):
        MarketFactory()

    def languages(self, i):
        LanguageFactory(code=f"x{i}")

    def certifications(self, i):
        CertificationFactory()

    def fairs(self, i):
        TradeFairFactory()

    def pavilions(self, i):
        PavilionFactory()

    def catalogue(self, i):
        sme = self._profile(
            SMEFactory(),
            ("sectors", self.sector),
            ("target_markets", self.market),
            ("certifications", self.certification),
        )
        ExhibitorRegistrationFactory(pavilion=self.pavilion, sme=sme, status="accepted")

    def exhibitor_registrations(self, i):
        ExhibitorRegistrationFactory(pavilion=self.pavilion)

    def buyer_registrations(self, i):
        registration = BuyerRegistration.objects.create(
            pavilion=self.pavilion, buyer=ForeignBuyerFactory()
        )
        BuyerAttendanceDay.objects.create(registration=registration, day=date(2027, 11, 15))

    def proposals(self, i):
        Proposal.objects.create(
            pavilion=self.pavilion, sme=self.sme, buyer=ForeignBuyerFactory(), score=50, reason={}
        )

    def _meeting(self, i, status):
        slot = MeetingSlot.objects.create(
            pavilion=self.pavilion,
            starts_at=self.start + timedelta(minutes=30 * i),
            ends_at=self.start + timedelta(minutes=30 * i + 30),
        )
        return Meeting.objects.create(
            pavilion=self.pavilion,
            sme=self.sme,
            buyer=ForeignBuyerFactory(),
            requested_by_side="buyer",
            status=status,
            slot=slot,
            interpreter=InterpreterFactory(pavilion=self.pavilion),
            attendee=get_user_model().objects.create_user(username=f"attendee-{i}"),
        )

    def meetings(self, i):
        self._meeting(i, "scheduled")

    def schedule(self, i):
        self._meeting(i, "scheduled")

    def outcomes(self, i):
        MeetingOutcome.objects.create(
            meeting=self._meeting(i, "held"), side="buyer", stage="sample"
        )

    def matching_runs(self, i):
        MatchingRun.objects.create(pavilion=self.pavilion, status="done")

    def scheduling_runs(self, i):
        SchedulingRun.objects.create(pavilion=self.pavilion, status="done")

    def _slot(self, i):
        return MeetingSlot.objects.create(
            pavilion=self.pavilion,
            starts_at=self.start + timedelta(minutes=30 * i),
            ends_at=self.start + timedelta(minutes=30 * i + 30),
        )

    def slots(self, i):
        self._slot(i)

    def pavilion_buyers(self, i):
        buyer = self._profile(ForeignBuyerFactory(), ("sectors", self.sector))
        BuyerRegistration.objects.create(pavilion=self.pavilion, buyer=buyer)

    def wishes(self, i):
        PairWish.objects.create(
            pavilion=self.pavilion, sme=self.sme, buyer=ForeignBuyerFactory(), kind="must_meet"
        )

    def interpreters(self, i):
        interpreter = InterpreterFactory(pavilion=self.pavilion)
        interpreter.languages.add(self.language)
        interpreter.available_slots.add(self._slot(i))

    def unavailabilities(self, i):
        ParticipantUnavailability.objects.create(
            pavilion=self.pavilion, buyer=ForeignBuyerFactory(), slot=self._slot(i)
        )


LISTS = {
    "smes": "/api/v1/smes/",
    "buyers": "/api/v1/buyers/",
    "sectors": "/api/v1/sectors/",
    "markets": "/api/v1/markets/",
    "languages": "/api/v1/languages/",
    "certifications": "/api/v1/certifications/",
    "fairs": "/api/v1/fairs/",
    "pavilions": "/api/v1/pavilions/",
    "catalogue": "/api/v1/pavilions/{pavilion}/exhibitors/",
    "exhibitor_registrations": "/api/v1/exhibitor-registrations/",
    "buyer_registrations": "/api/v1/buyer-registrations/",
    "proposals": "/api/v1/proposals/",
    "meetings": "/api/v1/meetings/",
    "schedule": "/api/v1/schedule/",
    "outcomes": "/api/v1/outcomes/",
    "matching_runs": "/api/v1/matching-runs/",
    "scheduling_runs": "/api/v1/scheduling-runs/",
    "slots": "/api/v1/pavilions/{pavilion}/slots/",
    "pavilion_buyers": "/api/v1/pavilions/{pavilion}/buyers/",
    "wishes": "/api/v1/wishes/",
    "interpreters": "/api/v1/interpreters/",
    "unavailabilities": "/api/v1/unavailabilities/",
}


def _add_up_to(items: Items, name: str, n: int) -> None:
    for i in range(getattr(items, f"{name}_count", 0), n):
        getattr(items, name)(i)
    setattr(items, f"{name}_count", max(n, getattr(items, f"{name}_count", 0)))


@pytest.mark.parametrize("name", LISTS)
def test_a_list_makes_as_many_queries_for_50_items_as_for_1(name, django_assert_num_queries):
    items = Items()
    client = APIClient()
    client.force_authenticate(
        get_user_model().objects.create_superuser(username="root", password="pw", email="r@e.x")
    )
    url = LISTS[name].format(pavilion=items.pavilion.pk)
    _add_up_to(items, name, 1)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    assert len(response.json()["results"]) >= 1  # (the setup itself adds one of some kinds)
    _add_up_to(items, name, 50)
    with django_assert_num_queries(len(queries)):
        response = client.get(url)
    assert len(response.json()["results"]) == 50
