import pytest

from companies.access import actor_of, buyers_visible_to, smes_visible_to
from companies.factories import ForeignBuyerFactory, SMEFactory
from companies.models import Membership
from events.access import exhibitor_registrations_visible_to, side_of
from events.factories import (
    BuyerRegistrationFactory,
    ExhibitorRegistrationFactory,
    OrganisingOfficeFactory,
    PavilionFactory,
)
from meetings.access import meetings_visible_to
from meetings.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(django_user_model, make_organiser):
    office, other_office = OrganisingOfficeFactory(), OrganisingOfficeFactory()
    pavilion, other_pavilion = (
        PavilionFactory(organiser=office),
        PavilionFactory(organiser=other_office),
    )
    sme, other_sme = SMEFactory(), SMEFactory()
    buyer = ForeignBuyerFactory()
    ExhibitorRegistrationFactory(pavilion=pavilion, sme=sme, status="accepted")
    ExhibitorRegistrationFactory(pavilion=other_pavilion, sme=other_sme, status="accepted")
    BuyerRegistrationFactory(pavilion=pavilion, buyer=buyer)
    exhibitor = django_user_model.objects.create_user("exhibitor")
    Membership.objects.create(user=exhibitor, sme=sme)
    buying = django_user_model.objects.create_user("buying")
    Membership.objects.create(user=buying, buyer=buyer)
    meeting = Meeting.objects.create(
        pavilion=pavilion, sme=sme, buyer=buyer, requested_by_side="buyer"
    )
    return {
        "organiser": make_organiser(office),
        "exhibitor": exhibitor,
        "buying": buying,
        "sme": sme,
        "other_sme": other_sme,
        "buyer": buyer,
        "meeting": meeting,
        "stranger": django_user_model.objects.create_user("stranger"),
        "admin": django_user_model.objects.create_superuser("root"),
    }


def test_each_actor_sees_their_own_companies(world):
    assert list(smes_visible_to(actor_of(world["exhibitor"]))) == [world["sme"]]
    assert list(smes_visible_to(actor_of(world["organiser"]))) == [world["sme"]]
    assert list(buyers_visible_to(actor_of(world["buying"]))) == [world["buyer"]]
    assert not smes_visible_to(actor_of(world["stranger"])).exists()
    assert smes_visible_to(actor_of(world["admin"])).count() == 2


def test_meetings_are_seen_by_both_sides_and_their_organiser_only(world):
    for who in ("exhibitor", "buying", "organiser", "admin"):
        assert list(meetings_visible_to(actor_of(world[who]))) == [world["meeting"]]
    assert not meetings_visible_to(actor_of(world["stranger"])).exists()
    assert not meetings_visible_to(actor_of(None)).exists()


def test_side_of_says_on_whose_behalf_a_user_acts(world):
    meeting = world["meeting"]
    assert side_of(actor_of(world["exhibitor"]), meeting) == "exhibitor"
    assert side_of(actor_of(world["buying"]), meeting) == "buyer"
    assert side_of(actor_of(world["organiser"]), meeting) == "organiser"
    assert side_of(actor_of(world["stranger"]), meeting) is None


def test_registrations_of_other_pavilions_stay_hidden(world):
    visible = exhibitor_registrations_visible_to(actor_of(world["organiser"]))
    assert [r.sme for r in visible] == [world["sme"]]
