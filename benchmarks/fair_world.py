"""A pavilion at fair scale for the benchmarks, written with bulk inserts in seconds:
``exhibitors`` accepted SMEs, ``buyers`` registered buyers attending every day, the pavilion's
slots, five interpreters, and ``meetings`` scheduled meetings (each exhibitor's spread over the
fair, no buyer twice in a slot), as a scheduling run would leave them.

Used by ``benchmarks.pages`` and ``benchmarks.writes``; needs a configured Django.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import date


@contextmanager
def throwaway_database():
    """Django set up on a test database made for the benchmark and dropped after it (SQLite,
    or the PostgreSQL of DATABASE_URL); yields the connection."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    settings.ALLOWED_HOSTS = ["*"]
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def load_average() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


#: Each exhibitor's meetings are this many slots apart, so that they spread over the days.
STRIDE = 4


def fair_world(*, exhibitors: int = 300, buyers: int = 5000, meetings: int = 3600) -> dict:
    from companies.factories import LanguageFactory, MarketFactory, SectorFactory
    from companies.models import SME, ForeignBuyer
    from events.factories import PavilionFactory
    from events.models import (
        BuyerAttendanceDay,
        BuyerRegistration,
        ExhibitorRegistration,
        Interpreter,
        RegistrationStatus,
    )
    from events.services import slots as slot_services
    from meetings.models import Meeting, MeetingStatus

    japanese = LanguageFactory(code="ja")
    english = LanguageFactory(code="en", name_en="English", name_ja="英語")
    germany = MarketFactory(code="DE", name_en="Germany", name_ja="ドイツ")
    devices = SectorFactory(code="90", name_en="Medical devices", name_ja="医療機器")
    pavilion = PavilionFactory(
        booth_capacity=exhibitors,
        max_meetings_per_exhibitor=48,
        max_meetings_per_buyer=48,
        fair__country=germany,
    )
    slot_services.meeting_slots_generate(pavilion=pavilion)
    slots = list(pavilion.slots.order_by("starts_at"))
    fair = pavilion.fair
    days = [
        date.fromordinal(n) for n in range(fair.starts_on.toordinal(), fair.ends_on.toordinal() + 1)
    ]

    smes = SME.objects.bulk_create(
        SME(
            name_en=f"Maker {i:04d} Co., Ltd.",
            name_ja=f"株式会社メーカー{i:04d}",
            prefecture="niigata",
            industry_class="manufacturing",
            employees=40,
            capital_yen=30_000_000,
            export_experience="none",
            products_en="Surgical endoscopes and diagnostic imaging parts " * 3,
            products_ja="内視鏡と画像診断装置の部品",
        )
        for i in range(exhibitors)
    )
    SME.languages.through.objects.bulk_create(
        SME.languages.through(sme_id=s.pk, language_id=lang.pk)
        for s in smes
        for lang in (japanese, english)
    )
    SME.sectors.through.objects.bulk_create(
        SME.sectors.through(sme_id=s.pk, sector_id=devices.pk) for s in smes
    )
    ExhibitorRegistration.objects.bulk_create(
        ExhibitorRegistration(
            pavilion=pavilion,
            sme=s,
            status=RegistrationStatus.ACCEPTED,
            booth=f"A{i:03d}",
            is_sme_eligible=True,
            eligibility_industry_class=s.industry_class,
            eligibility_capital_yen=s.capital_yen,
            eligibility_employees=s.employees,
            eligibility_largest_large_shareholder_percent=0,
            eligibility_large_shareholders_percent=0,
            eligibility_officers_from_large_company=False,
            first_time_exhibitor=True,
        )
        for i, s in enumerate(smes)
    )

    people = ForeignBuyer.objects.bulk_create(
        ForeignBuyer(
            name=f"Buyer {i:05d} GmbH",
            country=germany,
            city="Düsseldorf",
            buyer_type="distributor",
            order_size="medium",
            sourcing_needs="Japanese surgical endoscopes for hospital groups",
        )
        for i in range(buyers)
    )
    ForeignBuyer.languages.through.objects.bulk_create(
        ForeignBuyer.languages.through(foreignbuyer_id=b.pk, language_id=english.pk) for b in people
    )
    ForeignBuyer.sectors.through.objects.bulk_create(
        ForeignBuyer.sectors.through(foreignbuyer_id=b.pk, sector_id=devices.pk) for b in people
    )
    registrations = BuyerRegistration.objects.bulk_create(
        BuyerRegistration(pavilion=pavilion, buyer=b, sourcing_needs=b.sourcing_needs)
        for b in people
    )
    BuyerAttendanceDay.objects.bulk_create(
        (BuyerAttendanceDay(registration=r, day=d) for r in registrations for d in days),
        batch_size=5000,
    )

    interpreters = Interpreter.objects.bulk_create(
        Interpreter(pavilion=pavilion, name=f"Interpreter {i}") for i in range(5)
    )
    Interpreter.languages.through.objects.bulk_create(
        Interpreter.languages.through(interpreter_id=t.pk, language_id=lang.pk)
        for t in interpreters
        for lang in (japanese, english)
    )
    Interpreter.available_slots.through.objects.bulk_create(
        Interpreter.available_slots.through(interpreter_id=t.pk, meetingslot_id=s.pk)
        for t in interpreters
        for s in slots
    )

    rows = []
    for n in range(min(meetings, len(people))):
        i, k = n % exhibitors, n // exhibitors
        # Interpreters for the first meeting of the first five exhibitors, in distinct slots.
        interpreter = interpreters[i] if k == 0 and i < len(interpreters) else None
        rows.append(
            Meeting(
                pavilion=pavilion,
                sme=smes[i],
                buyer=people[n],
                slot=slots[placement_index(i, k, len(slots))],
                interpreter=interpreter,
                interpreter_languages="ja-en" if interpreter else "",
                status=MeetingStatus.SCHEDULED,
                requested_by_side="organiser",
                score=50.0 + n % 50,
            )
        )
    created = Meeting.objects.bulk_create(rows, batch_size=1000)
    return {
        "pavilion": pavilion,
        "smes": smes,
        "buyers": people,
        "slots": slots,
        "interpreters": interpreters,
        "meetings": created,
    }


def placement_index(exhibitor: int, nth: int, slots: int, shift: int = 0) -> int:
    """The slot of an exhibitor's ``nth`` meeting: distinct for each of its meetings while
    ``nth`` < slots / STRIDE; ``shift`` moves every meeting along by that many slots."""
    return (exhibitor * 7 + nth * STRIDE + shift) % slots
