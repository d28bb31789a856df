"""factory_boy factories for the events app (tests and benchmarks)."""

from datetime import UTC, date, datetime, time

import factory

from companies.factories import ForeignBuyerFactory, MarketFactory, SMEFactory

from .models import (
    BuyerRegistration,
    ExhibitorRegistration,
    Interpreter,
    OrganisingOffice,
    Pavilion,
    RegistrationStatus,
    TradeFair,
)


class OrganisingOfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisingOffice

    name_en = factory.Sequence(lambda n: f"JETRO Office {n}")
    name_ja = factory.Sequence(lambda n: f"ジェトロ事務所{n}")
    kind = "jetro"


class TradeFairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TradeFair

    name = factory.Sequence(lambda n: f"Medica {n}")
    city = "Düsseldorf"
    country = factory.SubFactory(MarketFactory, code="DE", name_en="Germany", name_ja="ドイツ")
    venue = "Messe Düsseldorf"
    time_zone = "Europe/Berlin"
    starts_on = date(2027, 11, 15)
    ends_on = date(2027, 11, 18)


class PavilionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pavilion

    fair = factory.SubFactory(TradeFairFactory)
    name_en = factory.Sequence(lambda n: f"Japan Pavilion {n}")
    name_ja = factory.Sequence(lambda n: f"ジャパンパビリオン{n}")
    organiser = factory.SubFactory(OrganisingOfficeFactory)
    booth_capacity = 20
    application_opens_at = datetime(2026, 6, 1, tzinfo=UTC)
    application_closes_at = datetime(2027, 9, 1, tzinfo=UTC)
    meeting_day_starts = time(10, 0)
    meeting_day_ends = time(17, 0)
    slot_minutes = 30


class ExhibitorRegistrationFactory(factory.django.DjangoModelFactory):
    """A registration written directly; use the services when the rules are under test."""

    class Meta:
        model = ExhibitorRegistration

    pavilion = factory.SubFactory(PavilionFactory)
    sme = factory.SubFactory(SMEFactory)
    status = RegistrationStatus.APPLIED
    is_sme_eligible = True
    eligibility_industry_class = factory.LazyAttribute(lambda r: r.sme.industry_class)
    eligibility_capital_yen = factory.LazyAttribute(lambda r: r.sme.capital_yen)
    eligibility_employees = factory.LazyAttribute(lambda r: r.sme.employees)
    eligibility_largest_large_shareholder_percent = factory.LazyAttribute(
        lambda r: r.sme.largest_large_shareholder_percent
    )
    eligibility_large_shareholders_percent = factory.LazyAttribute(
        lambda r: r.sme.large_shareholders_percent
    )
    eligibility_officers_from_large_company = factory.LazyAttribute(
        lambda r: r.sme.officers_from_large_company
    )
    first_time_exhibitor = True


class BuyerRegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BuyerRegistration
        skip_postgeneration_save = True

    pavilion = factory.SubFactory(PavilionFactory)
    buyer = factory.SubFactory(ForeignBuyerFactory)
    # As the register service does: the company's needs are the registration's default.
    sourcing_needs = factory.LazyAttribute(lambda r: r.buyer.sourcing_needs)

    @factory.post_generation
    def required_certifications(self, create, extracted, **kwargs):
        if create:
            self.required_certifications.set(
                self.buyer.required_certifications.all() if extracted is None else extracted
            )


class InterpreterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interpreter

    pavilion = factory.SubFactory(PavilionFactory)
    name = factory.Sequence(lambda n: f"Interpreter {n}")
