"""A pavilion on its fair day for the check-in tests: its organiser office's staff, exhibitors
and buyers, slots, and scheduled, published meetings (one per exhibitor and buyer)."""

from datetime import UTC, date, datetime

from companies.factories import ForeignBuyerFactory, LanguageFactory, SMEFactory
from events.factories import (
    ExhibitorRegistrationFactory,
    OrganisingOfficeFactory,
    PavilionFactory,
    TradeFairFactory,
)
from events.services import slots as event_services
from events.services.buyers import buyer_registration_register
from meetings.services.decisions import meeting_accept
from meetings.services.placement import meeting_move
from meetings.services.publication import schedule_publish
from meetings.services.requests import meeting_request

#: The fair's first day, 10:03 in Düsseldorf (CET): the first slot (10:00–10:30) is under way.
FAIR_MORNING = datetime(2027, 11, 15, 9, 3, tzinfo=UTC)


def build_fair_day(
    make_organiser, *, meetings: int = 2, time_zone: str = "Europe/Berlin", label: str = ""
):
    """A pavilion of ``meetings`` exhibitors and buyers; meeting i is in slot i of the first
    day (meeting 0 in the first slot), scheduled and published; ``label`` ends the companies'
    names (for a second pavilion in one test)."""
    office = OrganisingOfficeFactory()
    fair = TradeFairFactory(time_zone=time_zone)
    pavilion = PavilionFactory(organiser=office, fair=fair, name_en="Japan Pavilion")
    english = LanguageFactory(code="en", name_en="English", name_ja="英語")
    event_services.meeting_slots_generate(pavilion=pavilion)
    first_day = [
        slot
        for slot in pavilion.slots.select_related("pavilion__fair").order_by("starts_at")
        if slot.local_day == fair.starts_on
    ]
    made = []
    for i in range(meetings):
        sme = SMEFactory(name_en=f"Yamada Seisakusho {i}{label}")
        sme.languages.add(english)
        ExhibitorRegistrationFactory(
            pavilion=pavilion, sme=sme, status="accepted", booth=f"8A-{i + 1}"
        )
        buyer = ForeignBuyerFactory(name=f"Rhein Medical {i}{label}")
        buyer.languages.add(english)
        buyer_registration_register(
            pavilion=pavilion, buyer=buyer, days=[date(2027, 11, 15), date(2027, 11, 16)]
        )
        meeting = meeting_request(pavilion=pavilion, sme=sme, buyer=buyer, side="buyer")
        meeting = meeting_accept(meeting=meeting, side="exhibitor")
        made.append(meeting_move(meeting=meeting, slot=first_day[i % len(first_day)]))
    schedule_publish(pavilion=pavilion)
    for meeting in made:
        meeting.refresh_from_db()
    return {
        "pavilion": pavilion,
        "fair": fair,
        "office": office,
        "meetings": made,
        "slots": first_day,
        "english": english,
        "organiser": make_organiser(office, f"organiser-{office.pk}"),
        "outsider": make_organiser(OrganisingOfficeFactory(), f"outsider-{office.pk}"),
    }
