from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from companies.factories import (
    ForeignBuyerFactory,
    LanguageFactory,
    MarketFactory,
    SectorFactory,
    SMEFactory,
)
from core.organisers import ensure_organiser_group
from events.factories import ExhibitorRegistrationFactory, PavilionFactory
from events.services import buyers as event_services


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English; a request in Japanese must not leak into the next test."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def organiser_group(db):
    return ensure_organiser_group()


@pytest.fixture
def make_organiser(organiser_group):
    """A staff user in the organiser group and a member of the given office."""

    def make(office, username="organiser"):
        user = get_user_model().objects.create_user(
            username=username, password="pw-for-tests", is_staff=True
        )
        user.groups.add(organiser_group)
        office.members.add(user)
        return user

    return make


@pytest.fixture
def small_pavilion(db):
    """A pavilion with six accepted SMEs and twelve registered buyers of two sectors."""
    medical = SectorFactory(code="XVIII", name_en="Instruments", name_ja="精密機器")
    devices = SectorFactory(
        code="90", level="chapter", parent=medical, name_en="Medical devices", name_ja="医療機器"
    )
    food = SectorFactory(code="IV", name_en="Foodstuffs", name_ja="食品")
    germany = MarketFactory(code="DE", name_en="Germany", name_ja="ドイツ")
    eu = MarketFactory(code="EU", kind="region", name_en="European Union", name_ja="欧州連合")
    eu.countries.add(germany)
    japanese, english = (
        LanguageFactory(code="ja"),
        LanguageFactory(code="en", name_en="English", name_ja="英語"),
    )
    pavilion = PavilionFactory(max_meetings_per_exhibitor=4, max_meetings_per_buyer=2)
    smes = []
    for i in range(6):
        sme = SMEFactory(
            name_en=f"Maker {i}",
            products_en="endoscopes and surgical instruments" if i < 3 else "green tea and miso",
        )
        sme.sectors.add(devices if i < 3 else food)
        sme.target_markets.add(eu)
        sme.languages.add(japanese)
        ExhibitorRegistrationFactory(pavilion=pavilion, sme=sme, status="accepted")
        smes.append(sme)
    buyers = []
    for i in range(12):
        buyer = ForeignBuyerFactory(
            name=f"Buyer {i}",
            country=germany,
            sourcing_needs="surgical endoscopes" if i % 2 else "organic green tea",
        )
        buyer.sectors.add(devices if i % 2 else food)
        buyer.languages.add(english)
        event_services.buyer_registration_register(
            pavilion=pavilion, buyer=buyer, days=[date(2027, 11, 15)]
        )
        buyers.append(buyer)
    return {"pavilion": pavilion, "smes": smes, "buyers": buyers}
