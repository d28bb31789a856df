"""A small world for the API tests: two pavilions run by two offices, and one user per role."""

from datetime import UTC, date, datetime, timedelta
from functools import cached_property

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from rest_framework.test import APIClient

from companies.choices import MemberRole
from companies.factories import ForeignBuyerFactory, LanguageFactory, SMEFactory
from companies.models import Membership
from events.factories import ExhibitorRegistrationFactory, OrganisingOfficeFactory, PavilionFactory
from events.models import Interpreter, MeetingSlot
from events.services.buyers import buyer_registration_register
from events.services.interpreters import interpreter_save
from events.services.slots import meeting_slots_generate
from matchmaking import services as matching_services
from matchmaking.models import MatchingRun, PairWish, Proposal
from meetings.models import Meeting, ParticipantUnavailability
from meetings.services.availability import participant_unavailability_save
from meetings.services.decisions import meeting_accept
from meetings.services.requests import meeting_request

PASSWORD = "pw-for-tests"


@pytest.fixture(autouse=True)
def fresh_throttles():
    """Throttle counts live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def member(username, *, sme=None, buyer=None):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    Membership.objects.create(user=user, sme=sme, buyer=buyer, role=MemberRole.ADMIN)
    return user


class World:
    """Pavilion ``pavilion`` (office A) and ``other_pavilion`` (office B); objects on demand."""

    def __init__(self, make_organiser):
        japanese, english = LanguageFactory(code="ja"), LanguageFactory(code="en", name_en="En")
        self.japanese, self.english = japanese, english
        self.office, self.other_office = OrganisingOfficeFactory(), OrganisingOfficeFactory()
        self.pavilion = PavilionFactory(organiser=self.office)
        self.other_pavilion = PavilionFactory(organiser=self.other_office)
        self.sme, self.other_sme = SMEFactory(), SMEFactory()
        for sme in (self.sme, self.other_sme):
            sme.languages.add(japanese, english)
        self.registration = ExhibitorRegistrationFactory(
            pavilion=self.pavilion, sme=self.sme, status="accepted", booth="A1"
        )
        ExhibitorRegistrationFactory(
            pavilion=self.other_pavilion, sme=self.other_sme, status="accepted"
        )
        self.buyer, self.other_buyer = ForeignBuyerFactory(), ForeignBuyerFactory()
        self.buyer.languages.add(english)
        self.buyer_registration = buyer_registration_register(
            pavilion=self.pavilion, buyer=self.buyer, days=[date(2027, 11, 15)]
        )
        buyer_registration_register(
            pavilion=self.other_pavilion, buyer=self.other_buyer, days=[date(2027, 11, 15)]
        )
        self.users = {
            "anonymous": None,
            "exhibitor": member("exhibitor", sme=self.sme),
            "other_exhibitor": member("other-exhibitor", sme=self.other_sme),
            "buyer": member("buyer", buyer=self.buyer),
            "other_buyer": member("other-buyer", buyer=self.other_buyer),
            "organiser": make_organiser(self.office, "organiser"),
            "other_organiser": make_organiser(self.other_office, "other-organiser"),
            "admin": get_user_model().objects.create_superuser(
                username="admin", password=PASSWORD, email="admin@example.com"
            ),
        }

    def client(self, role: str) -> APIClient:
        client = APIClient()
        if self.users[role] is not None:
            client.force_authenticate(self.users[role])
        return client

    @cached_property
    def proposal(self) -> Proposal:
        return Proposal.objects.create(
            pavilion=self.pavilion, sme=self.sme, buyer=self.buyer, score=80.0, reason={}
        )

    @cached_property
    def meeting(self) -> Meeting:
        """A request from the buyer, waiting for the exhibitor."""
        return meeting_request(pavilion=self.pavilion, sme=self.sme, buyer=self.buyer, side="buyer")

    @cached_property
    def accepted_meeting(self) -> Meeting:
        meeting = meeting_request(
            pavilion=self.pavilion, sme=self.sme, buyer=self.buyer, side="organiser"
        )
        return meeting_accept(meeting=meeting, side="organiser")

    @cached_property
    def slot(self) -> MeetingSlot:
        meeting_slots_generate(pavilion=self.pavilion)
        return self.pavilion.slots.order_by("starts_at").first()

    def _past_meeting(self, status: str) -> Meeting:
        start = datetime(2025, 11, 15, 9, tzinfo=UTC)
        slot = MeetingSlot.objects.create(
            pavilion=self.pavilion, starts_at=start, ends_at=start + timedelta(minutes=30)
        )
        return Meeting.objects.create(
            pavilion=self.pavilion,
            sme=self.sme,
            buyer=self.buyer,
            requested_by_side="buyer",
            status=status,
            slot=slot,
        )

    @cached_property
    def past_scheduled_meeting(self) -> Meeting:
        return self._past_meeting("scheduled")

    @cached_property
    def held_meeting(self) -> Meeting:
        return self._past_meeting("held")

    @cached_property
    def matching_run(self) -> MatchingRun:
        return matching_services.matching_run_request(pavilion=self.pavilion, queue=False)

    @cached_property
    def wish(self) -> PairWish:
        return matching_services.pair_wish_add(
            pavilion=self.pavilion, sme=self.sme, buyer=self.buyer, kind="must_meet"
        )

    @cached_property
    def interpreter(self) -> Interpreter:
        return interpreter_save(
            pavilion=self.pavilion,
            name="Aiko Mori",
            languages=[self.japanese, self.english],
            available_slots=[self.slot],
        )

    @cached_property
    def unavailability(self) -> ParticipantUnavailability:
        return participant_unavailability_save(
            pavilion=self.pavilion, buyer=self.buyer, slot=self.slot
        )


@pytest.fixture
def world(db, make_organiser) -> World:
    return World(make_organiser)


#: Who may read a pavilion's figures kept for its organisers and the platform's administrators,
#: and the status each of the world's roles gets.
ORGANISERS_ONLY_READERS = [
    ("anonymous", 401),
    ("exhibitor", 403),
    ("buyer", 403),
    ("other_organiser", 403),
    ("organiser", 200),
    ("admin", 200),
]


@pytest.fixture(params=ORGANISERS_ONLY_READERS, ids=lambda case: f"{case[0]}-{case[1]}")
def read_as_each_role(request, world):
    """Runs the test once per case of ``ORGANISERS_ONLY_READERS``: ``read_as_each_role(path,
    message)`` reads the path as the case's role and asserts the case's status, and for a 403
    the error's message."""
    role, status = request.param

    def read(path: str, message: str) -> None:
        response = world.client(role).get(path)
        assert response.status_code == status, response.content[:300]
        if status == 403:
            assert response.json()["error"]["message"] == message

    return read
