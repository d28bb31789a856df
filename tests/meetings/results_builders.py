"""A pavilion with known meetings and outcomes, for the results' tests (selectors, API, command).

Exhibitors s1, s2 (first-timers), s3, s4 accepted, s5 only applied; buyers b1 (Germany,
distributor), b2 (France, importer), b3 (USA, retailer), b4 (Germany) registered, b5 cancelled.
Regions: EU (Germany, France), G7 (Germany, USA). Sectors: s1 in a heading under XVIII, s2 in
IV, s3 in XVIII's chapter 90 and in IV, s4 in none.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import count

from django.utils import timezone

from companies.factories import ForeignBuyerFactory, MarketFactory, SectorFactory, SMEFactory
from events.factories import (
    BuyerRegistrationFactory,
    ExhibitorRegistrationFactory,
    OrganisingOfficeFactory,
    PavilionFactory,
)
from events.models import MeetingSlot
from matchmaking.models import Proposal
from meetings.models import Meeting, MeetingEvent, MeetingOutcome

START = datetime(2027, 11, 15, 9, tzinfo=UTC)
_slots = count()


def slot_for(pavilion) -> MeetingSlot:
    start = START + timedelta(minutes=30 * next(_slots))
    return MeetingSlot.objects.create(
        pavilion=pavilion, starts_at=start, ends_at=start + timedelta(minutes=30)
    )


def meeting(pavilion, sme, buyer, status, *, accepted=(True, True), languages="", **fields):
    now = timezone.now()
    booked = status in ("scheduled", "held", "no_show")
    return Meeting.objects.create(
        pavilion=pavilion,
        sme=sme,
        buyer=buyer,
        requested_by_side="buyer",
        status=status,
        slot=slot_for(pavilion) if booked else None,
        exhibitor_accepted_at=now if accepted[0] else None,
        buyer_accepted_at=now if accepted[1] else None,
        interpreter_languages=languages,
        **fields,
    )


def outcome(meeting_, side, stage, round_=0, value=None):
    return MeetingOutcome.objects.create(
        meeting=meeting_, side=side, stage=stage, round=round_, expected_value_usd=value
    )


@dataclass
class ResultsWorld:
    pavilion: object
    office: object
    smes: list
    buyers: list
    meetings: dict


def results_world(office=None, fair=None) -> ResultsWorld:
    office = office or OrganisingOfficeFactory()
    germany = MarketFactory(code="DE", name_en="Germany", name_ja="ドイツ")
    france = MarketFactory(code="FR", name_en="France", name_ja="フランス")
    usa = MarketFactory(code="US", name_en="United States", name_ja="アメリカ合衆国")
    eu = MarketFactory(code="EU", kind="region", name_en="European Union", name_ja="欧州連合")
    eu.countries.add(germany, france)
    g7 = MarketFactory(code="G7", kind="region", name_en="G7", name_ja="G7")
    g7.countries.add(germany, usa)
    instruments = SectorFactory(code="XVIII", name_en="Instruments", name_ja="精密機器")
    devices = SectorFactory(code="90", level="chapter", parent=instruments)
    endoscopes = SectorFactory(code="9018", level="heading", parent=devices)
    food = SectorFactory(code="IV", name_en="Foodstuffs", name_ja="食品")
    pavilion = PavilionFactory(organiser=office, **({"fair": fair} if fair else {}))
    smes = [SMEFactory() for _ in range(5)]
    smes[0].sectors.add(endoscopes)
    smes[1].sectors.add(food)
    smes[2].sectors.add(devices, food)
    for i, sme in enumerate(smes):
        ExhibitorRegistrationFactory(
            pavilion=pavilion,
            sme=sme,
            status="applied" if i == 4 else "accepted",
            first_time_exhibitor=i < 2,
        )
    kinds = [
        (germany, "distributor"),
        (france, "importer"),
        (usa, "retailer"),
        (germany, "importer"),
        (france, "agent"),
    ]
    buyers = [ForeignBuyerFactory(country=c, buyer_type=t) for c, t in kinds]
    for i, buyer in enumerate(buyers):
        BuyerRegistrationFactory(
            pavilion=pavilion, buyer=buyer, status="cancelled" if i == 4 else "registered"
        )
    s1, s2, s3, s4, s5 = smes
    b1, b2, b3, b4, _b5 = buyers
    for sme, buyer in ((s1, b1), (s2, b2), (s4, b4)):
        Proposal.objects.create(pavilion=pavilion, sme=sme, buyer=buyer, score=70.0, reason={})
    m = {
        1: meeting(pavilion, s1, b1, "held", languages="ja-en"),
        2: meeting(pavilion, s1, b3, "held"),
        3: meeting(pavilion, s2, b1, "held", languages="ja-de"),
        4: meeting(pavilion, s3, b1, "held"),
        5: meeting(pavilion, s3, b2, "no_show", absent_side="buyer"),
        6: meeting(pavilion, s2, b3, "scheduled"),
        7: meeting(pavilion, s4, b2, "cancelled"),
        8: meeting(pavilion, s4, b3, "cancelled"),
        9: meeting(pavilion, s3, b4, "cancelled", accepted=(False, True)),
        10: meeting(pavilion, s2, b2, "declined", accepted=(False, True)),
        11: meeting(pavilion, s2, b4, "expired", accepted=(False, True)),
        12: meeting(pavilion, s4, b1, "requested", accepted=(False, True)),
        13: meeting(pavilion, s1, b4, "accepted"),
        14: meeting(pavilion, s5, b1, "held"),
    }
    MeetingEvent.objects.create(
        meeting=m[7], action="scheduled", from_status="accepted", to_status="scheduled"
    )
    MeetingEvent.objects.create(
        meeting=m[7], action="cancelled", from_status="scheduled", to_status="cancelled"
    )
    # Taken out of its slot and waiting for another: accepted, not scheduled.
    MeetingEvent.objects.create(
        meeting=m[13], action="moved", from_status="accepted", to_status="scheduled"
    )
    MeetingEvent.objects.create(
        meeting=m[13], action="unscheduled", from_status="scheduled", to_status="accepted"
    )
    outcome(m[1], "exhibitor", "sample", value=1000)
    outcome(m[1], "buyer", "quotation", value=5000)
    outcome(m[1], "exhibitor", "trial_order", 3, 20000)
    outcome(m[2], "buyer", "no_interest")
    outcome(m[3], "exhibitor", "negotiation")
    outcome(m[4], "organiser", "agreement", value=100000)
    outcome(m[4], "buyer", "repeat_order", 3, 50000)
    outcome(m[4], "exhibitor", "agreement", 3, 70000)
    outcome(m[14], "exhibitor", "trial_order", value=9999)
    return ResultsWorld(pavilion, office, smes, buyers, m)


def scaled_pavilion(scale: int, office=None):
    """A pavilion whose every count grows with ``scale``: exhibitors in sectors, buyers in
    countries of regions, and held meetings with outcomes in both rounds."""
    pavilion = PavilionFactory(organiser=office or OrganisingOfficeFactory())
    region = MarketFactory(code="EU", kind="region", name_en="European Union")
    root = SectorFactory()
    for i in range(3 * scale):
        country = MarketFactory()
        region.countries.add(country)
        sme = SMEFactory()
        sme.sectors.add(SectorFactory(level="chapter", parent=root), SectorFactory())
        ExhibitorRegistrationFactory(
            pavilion=pavilion, sme=sme, status="accepted", first_time_exhibitor=i % 2 == 0
        )
        for j in range(2):
            buyer = ForeignBuyerFactory(country=country, buyer_type=["agent", "oem"][j])
            BuyerRegistrationFactory(pavilion=pavilion, buyer=buyer)
            Proposal.objects.create(pavilion=pavilion, sme=sme, buyer=buyer, score=50, reason={})
            held = meeting(pavilion, sme, buyer, "held", languages="ja-en" if j else "")
            outcome(held, "exhibitor", "sample", value=100)
            outcome(held, "buyer", "trial_order", 3, value=1000)
        MeetingEvent.objects.create(
            meeting=meeting(pavilion, sme, ForeignBuyerFactory(), "cancelled"),
            action="cancelled",
            to_status="cancelled",
        )
    return pavilion
