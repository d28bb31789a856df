"""factory_boy factories for the companies app (tests and benchmarks)."""

import factory

from .choices import BuyerType, ExportExperience, IndustryClass, MarketKind, OrderSize, Prefecture
from .models import SME, Certification, ForeignBuyer, Language, Market, Sector


class MarketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Market
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"C{n:03d}")
    kind = MarketKind.COUNTRY
    name_en = factory.LazyAttribute(lambda m: f"Country {m.code}")
    name_ja = factory.LazyAttribute(lambda m: f"国{m.code}")


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ["code"]

    code = "ja"
    name_en = "Japanese"
    name_ja = "日本語"


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector

    code = factory.Sequence(lambda n: f"S{n:04d}")
    level = "section"
    name_en = factory.Sequence(lambda n: f"Sector {n}")
    name_ja = factory.Sequence(lambda n: f"分野{n}")


class CertificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certification
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"CERT-{n}")
    name_en = factory.LazyAttribute(lambda c: c.code)
    name_ja = factory.LazyAttribute(lambda c: c.code)


class SMEFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SME

    name_ja = factory.Sequence(lambda n: f"株式会社テスト{n}")
    name_en = factory.Sequence(lambda n: f"Test Works {n} Co., Ltd.")
    prefecture = Prefecture.NIIGATA
    industry_class = IndustryClass.MANUFACTURING
    employees = 40
    capital_yen = 30_000_000
    export_experience = ExportExperience.NONE
    products_en = "Stainless steel cutlery and kitchen tools"
    products_ja = "ステンレス製カトラリーと調理器具"


class ForeignBuyerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForeignBuyer

    name = factory.Sequence(lambda n: f"Buyer {n} GmbH")
    country = factory.SubFactory(MarketFactory, code="DE", name_en="Germany", name_ja="ドイツ")
    city = "Düsseldorf"
    buyer_type = BuyerType.DISTRIBUTOR
    order_size = OrderSize.MEDIUM
    sourcing_needs = "Japanese kitchenware for specialist retailers"
