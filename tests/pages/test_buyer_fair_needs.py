"""A buyer's sourcing needs and required certifications belong to its registration for a fair:
the company's text is the default, and a later fair's needs never rewrite an earlier fair's
briefings, proposals or matchmaking input."""

from datetime import date

import pytest
from django.utils import timezone

from companies.factories import CertificationFactory
from events.factories import PavilionFactory, TradeFairFactory
from events.models import BuyerRegistration
from events.services import slots as event_services
from matchmaking.models import Proposal
from matchmaking.selectors import matchmaking_input
from meetings.models import Meeting
from meetings.services.decisions import meeting_accept
from meetings.services.requests import meeting_request

pytestmark = pytest.mark.django_db


def register(client, pavilion, days, needs, certifications=()):
    return client.post(
        f"/en/pavilions/{pavilion.pk}/register/",
        {
            "days": days,
            "sourcing_needs": needs,
            "required_certifications": [c.pk for c in certifications],
        },
    )


@pytest.fixture
def second_fair(world):
    """Arab Health, a later fair with its own Japan Pavilion."""
    fair = TradeFairFactory(
        name="Arab Health",
        starts_on=date(2028, 1, 24),
        ends_on=date(2028, 1, 27),
        time_zone="Asia/Dubai",
    )
    return PavilionFactory(fair=fair, name_en="Japan Pavilion Arab Health")


def published_meeting(world):
    pavilion = world["pavilion"]
    event_services.meeting_slots_generate(pavilion=pavilion)
    meeting = meeting_request(
        pavilion=pavilion, sme=world["sme"], buyer=world["other_buyer"], side="organiser"
    )
    meeting_accept(meeting=meeting, side="organiser")
    Meeting.objects.filter(pk=meeting.pk).update(
        status="scheduled",
        slot=pavilion.slots.order_by("starts_at").first(),
        published_at=timezone.now(),
    )
    return meeting


def buyer_input(pavilion, buyer):
    return next(b for b in matchmaking_input(pavilion).buyers if b.id == buyer.pk)


def test_needs_for_a_second_fair_leave_the_first_fairs_briefing_and_matchmaking_as_they_were(
    client, world, second_fair
):
    buyer, ce = world["other_buyer"], world["ce"]
    halal = CertificationFactory(code="HALAL", name_en="Halal certification", name_ja="ハラール")
    client.force_login(world["other_buyer_user"])
    assert register(client, world["pavilion"], ["2027-11-15"], "Flexible endoscopes", [ce])
    assert register(client, second_fair, ["2028-01-24"], "Halal-certified wound dressings", [halal])

    first = BuyerRegistration.objects.get(pavilion=world["pavilion"], buyer=buyer)
    assert first.sourcing_needs == "Flexible endoscopes"
    assert list(first.required_certifications.all()) == [ce]
    assert buyer_input(world["pavilion"], buyer).sourcing_needs == "Flexible endoscopes"
    assert buyer_input(world["pavilion"], buyer).required_certifications == (ce.pk,)
    assert buyer_input(second_fair, buyer).sourcing_needs == "Halal-certified wound dressings"
    assert buyer_input(second_fair, buyer).required_certifications == (halal.pk,)

    meeting = published_meeting(world)
    client.force_login(world["sme_user"])
    briefing = client.get(f"/en/meetings/{meeting.pk}/").content.decode()
    assert "Flexible endoscopes" in briefing
    assert "CE marking" in briefing
    assert "wound dressings" not in briefing
    assert "Halal certification" not in briefing
    schedule = client.get(f"/en/pavilions/{world['pavilion'].pk}/schedule/").content.decode()
    assert "Flexible endoscopes" in schedule
    assert "wound dressings" not in schedule
    # The company's own text is only the default; no fair's needs rewrote it.
    buyer.refresh_from_db()
    assert buyer.sourcing_needs == "Japanese kitchenware for specialist retailers"


def test_the_registration_page_offers_the_companys_needs_then_keeps_the_fairs(client, world):
    buyer, ce = world["other_buyer"], world["ce"]
    buyer.required_certifications.add(ce)
    client.force_login(world["other_buyer_user"])
    url = f"/en/pavilions/{world['pavilion'].pk}/register/"
    page = client.get(url).content.decode()
    assert "Japanese kitchenware for specialist retailers</textarea>" in page
    assert f'<option value="{ce.pk}" selected>' in page
    register(client, world["pavilion"], ["2027-11-16"], "Surgical staplers")
    page = client.get(url).content.decode()
    assert "Surgical staplers</textarea>" in page
    assert f'<option value="{ce.pk}" selected>' not in page
    assert "Save the registration" in page
    # Changing them later changes this registration only.
    register(client, world["pavilion"], ["2027-11-16"], "Surgical staplers and clips", [ce])
    registration = BuyerRegistration.objects.get(pavilion=world["pavilion"], buyer=buyer)
    assert registration.sourcing_needs == "Surgical staplers and clips"
    assert list(registration.required_certifications.all()) == [ce]


def test_proposals_show_the_needs_the_buyer_gave_for_this_fair(client, world, second_fair):
    client.force_login(world["buyer_user"])
    register(client, world["pavilion"], ["2027-11-15"], "Rigid endoscopes for day clinics")
    register(client, second_fair, ["2028-01-24"], "Dialysis consumables")
    Proposal.objects.create(
        pavilion=world["pavilion"], sme=world["sme"], buyer=world["buyer"], score=80, reason={}
    )
    client.force_login(world["sme_user"])
    html = client.get(f"/en/pavilions/{world['pavilion'].pk}/proposals/").content.decode()
    assert "Rigid endoscopes for day clinics" in html
    assert "Dialysis consumables" not in html
