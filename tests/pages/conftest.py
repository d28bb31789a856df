from datetime import date

import pytest
from django.contrib.auth import get_user_model

from companies.choices import MemberRole
from companies.factories import (
    CertificationFactory,
    ForeignBuyerFactory,
    LanguageFactory,
    MarketFactory,
    SectorFactory,
    SMEFactory,
)
from companies.models import Membership
from events.factories import ExhibitorRegistrationFactory, PavilionFactory
from events.services import buyers as event_services


def member(company, username, role=MemberRole.ADMIN, **names):
    user = get_user_model().objects.create_user(
        username=username, email=username, password="pw-for-tests", **names
    )
    field = "sme" if company.__class__.__name__ == "SME" else "buyer"
    Membership.objects.create(user=user, role=role, **{field: company})
    return user


@pytest.fixture
def world(db):
    """A pavilion with an accepted SME and a registered buyer, and another SME and buyer."""
    devices = SectorFactory(code="90", name_en="Medical devices", name_ja="医療機器")
    food = SectorFactory(code="IV", name_en="Foodstuffs", name_ja="食品")
    germany = MarketFactory(code="DE", name_en="Germany", name_ja="ドイツ")
    ce = CertificationFactory(code="CE", name_en="CE marking", name_ja="CEマーク")
    japanese = LanguageFactory(code="ja")
    english = LanguageFactory(code="en", name_en="English", name_ja="英語")
    pavilion = PavilionFactory(
        name_en="Japan Pavilion Medica",
        name_ja="ジャパンパビリオン・メディカ",
        first_timer_conditions_en="Half the booth fee for first-timers.",
        first_timer_conditions_ja="初出展者はブース料金が半額です。",
        first_timer_fee_discount_percent=50,
    )
    sme = SMEFactory(
        name_en="Echigo Medical Co., Ltd.",
        name_ja="越後メディカル株式会社",
        products_en="Endoscopes",
        products_ja="内視鏡",
        capital_yen=45_000_000,
    )
    sme.sectors.add(devices)
    sme.target_markets.add(germany)
    sme.certifications.add(ce)
    sme.languages.add(japanese)
    ExhibitorRegistrationFactory(pavilion=pavilion, sme=sme, status="accepted", booth="A-1")
    other_sme = SMEFactory(name_en="Kyoto Tea Works", name_ja="京都茶舗", products_en="Green tea")
    other_sme.sectors.add(food)
    buyer = ForeignBuyerFactory(name="Rhein Medical GmbH", country=germany)
    buyer.languages.add(english)
    buyer.sectors.add(devices)
    event_services.buyer_registration_register(
        pavilion=pavilion, buyer=buyer, days=[date(2027, 11, 15)]
    )
    other_buyer = ForeignBuyerFactory(name="Lyon Import SARL", country=germany)
    return {
        "pavilion": pavilion,
        "sme": sme,
        "other_sme": other_sme,
        "buyer": buyer,
        "other_buyer": other_buyer,
        "sme_user": member(sme, "kenji@echigo.example", first_name="Kenji", last_name="Sato"),
        "other_sme_user": member(other_sme, "aya@kyoto-tea.example"),
        "buyer_user": member(buyer, "anna@rhein.example", first_name="Anna"),
        "other_buyer_user": member(other_buyer, "luc@lyon.example"),
        "sectors": {"devices": devices, "food": food},
        "germany": germany,
        "ce": ce,
    }


def query_count(client, path) -> int:
    """How many queries one GET of the page makes (the page must render)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)
