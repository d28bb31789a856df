"""A pavilion for the schedule grid's tests: accepted exhibitors, registered buyers on the first
day, slots, one interpreter, and meetings scheduled or waiting."""

from datetime import date

from companies.factories import ForeignBuyerFactory, LanguageFactory, SMEFactory
from companies.models import Language
from events.factories import ExhibitorRegistrationFactory, InterpreterFactory, PavilionFactory
from events.services import buyers as buyer_services
from events.services import slots as slot_services
from meetings.models import Meeting, MeetingStatus
from meetings.services.decisions import meeting_accept
from meetings.services.requests import meeting_request

FIRST_DAY = date(2027, 11, 15)


def languages():
    japanese = Language.objects.filter(code="ja").first() or LanguageFactory(code="ja")
    english = Language.objects.filter(code="en").first() or LanguageFactory(
        code="en", name_en="English", name_ja="英語"
    )
    return japanese, english


def grid_world(
    *,
    exhibitors: int = 3,
    buyers: int = 4,
    scheduled: int = 0,
    prefix: str = "",
    every_day: bool = False,
    **pavilion_fields,
):
    """``exhibitors`` SMEs speaking Japanese and English, ``buyers`` English-speaking buyers
    attending the first day (or ``every_day``), Aiko Mori (Japanese and English) free in every
    slot, and ``scheduled`` meetings written straight into first-day (or all) slots (no two
    for one participant in a slot, one per pair), as a scheduling run would leave them."""
    japanese, english = languages()
    pavilion = PavilionFactory(
        max_meetings_per_exhibitor=48, max_meetings_per_buyer=48, **pavilion_fields
    )
    slot_services.meeting_slots_generate(pavilion=pavilion)
    fair = pavilion.fair
    fair_days = [
        date.fromordinal(n) for n in range(fair.starts_on.toordinal(), fair.ends_on.toordinal() + 1)
    ]
    smes = []
    for i in range(exhibitors):
        sme = SMEFactory(name_en=f"{prefix}Maker {i:03d}")
        sme.languages.add(japanese, english)
        ExhibitorRegistrationFactory(pavilion=pavilion, sme=sme, status="accepted")
        smes.append(sme)
    people = []
    for i in range(buyers):
        buyer = ForeignBuyerFactory(name=f"{prefix}Buyer {i:03d}")
        buyer.languages.add(english)
        buyer_services.buyer_registration_register(
            pavilion=pavilion, buyer=buyer, days=fair_days if every_day else [FIRST_DAY]
        )
        people.append(buyer)
    interpreter = InterpreterFactory(pavilion=pavilion, name="Aiko Mori")
    interpreter.languages.set([japanese, english])
    interpreter.available_slots.set(pavilion.slots.all())
    slots = list(pavilion.slots.order_by("starts_at"))
    first_day = [s for s in slots if pavilion.fair.local(s.starts_at).date() == FIRST_DAY]
    meetings = bulk_scheduled(pavilion, smes, people, slots if every_day else first_day, scheduled)
    return {
        "pavilion": pavilion,
        "smes": smes,
        "buyers": people,
        "interpreter": interpreter,
        "slots": slots,
        "first_day": first_day,
        "meetings": meetings,
    }


def accepted_meeting(pavilion, sme, buyer):
    meeting = meeting_request(pavilion=pavilion, sme=sme, buyer=buyer, side="organiser")
    return meeting_accept(meeting=meeting, side="organiser")


def bulk_scheduled(pavilion, smes, buyers, slots, count):
    """``count`` scheduled meetings spread over ``slots``, written in one insert."""
    busy, pairs, rows = set(), set(), []
    # A slot of every day in turn, so that each exhibitor's meetings spread over the fair.
    days = 4 if len(slots) % 4 == 0 else 1
    for slot in [s for offset in range(days) for s in slots[offset::days]]:
        for i, sme in enumerate(smes):
            if len(rows) == count:
                break
            for j in range(len(buyers)):
                buyer = buyers[(i + j + slot.pk) % len(buyers)]
                key = (sme.pk, buyer.pk)
                if key in pairs or (buyer.pk, slot.pk) in busy:
                    continue
                pairs.add(key)
                busy.add((buyer.pk, slot.pk))
                rows.append(
                    Meeting(
                        pavilion=pavilion,
                        sme=sme,
                        buyer=buyer,
                        slot=slot,
                        status=MeetingStatus.SCHEDULED,
                        requested_by_side="organiser",
                    )
                )
                break
    return Meeting.objects.bulk_create(rows)


def booked(pavilion, sme, buyer, slot, **fields):
    """A meeting already in ``slot``, as a scheduling run leaves it."""
    return Meeting.objects.create(
        pavilion=pavilion,
        sme=sme,
        buyer=buyer,
        slot=slot,
        status=MeetingStatus.SCHEDULED,
        requested_by_side="organiser",
        **fields,
    )
