"""The schedule as CSV (for Excel, Japanese Excel too) and a participant's calendar file."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from companies.factories import ForeignBuyerFactory, LanguageFactory, MarketFactory, SMEFactory
from events.factories import ExhibitorRegistrationFactory, PavilionFactory, TradeFairFactory
from events.services import slots as event_services
from events.services.buyers import buyer_registration_register
from meetings import exports
from meetings.services.decisions import meeting_accept
from meetings.services.placement import meeting_move
from meetings.services.requests import meeting_request

pytestmark = pytest.mark.django_db

SME_EN = 'Yamada "Precision" & Sons <Ltd>'
BUYER = "O'Brien & Partner; <GmbH>, Köln"


@pytest.fixture
def scheduled(db):
    """One meeting in a slot at "Medica & Compamed", between companies whose names hold
    & < > ' " and the characters iCalendar escapes."""
    france = MarketFactory(code="FR", name_en="France", name_ja="フランス")
    fair = TradeFairFactory(name="Medica & Compamed")
    pavilion = PavilionFactory(fair=fair, name_en="Japan Pavilion <Hall 8>")
    english = LanguageFactory(code="en", name_en="English", name_ja="英語")
    sme = SMEFactory(name_en=SME_EN, name_ja="株式会社山田製作所")
    sme.languages.add(english)
    ExhibitorRegistrationFactory(pavilion=pavilion, sme=sme, status="accepted", booth="8A-12")
    buyer = ForeignBuyerFactory(name=BUYER, country=france)
    buyer.languages.add(english)
    buyer_registration_register(pavilion=pavilion, buyer=buyer, days=[date(2027, 11, 15)])
    event_services.meeting_slots_generate(pavilion=pavilion)
    meeting = meeting_accept(
        meeting=meeting_request(pavilion=pavilion, sme=sme, buyer=buyer, side="organiser"),
        side="organiser",
    )
    meeting = meeting_move(meeting=meeting, slot=pavilion.slots.order_by("starts_at")[0])
    return {"pavilion": pavilion, "meeting": meeting, "sme": sme, "buyer": buyer}


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_schedule_csv_starts_with_a_byte_order_mark_for_excel(scheduled):
    data = exports.schedule_csv(scheduled["pavilion"])
    assert data.startswith(b"\xef\xbb\xbf")
    assert "株式会社山田製作所".encode() in data  # UTF-8, not Shift_JIS
    assert b"\r\n" in data


def test_the_schedule_csv_names_countries_in_the_readers_language(scheduled):
    english = rows(exports.schedule_csv(scheduled["pavilion"]))
    header, row = english
    assert row[header.index("country")] == "France"
    assert row[header.index("buyer")] == BUYER
    assert row[header.index("exhibitor")] == SME_EN
    with translation.override("ja"):
        japanese = rows(exports.schedule_csv(scheduled["pavilion"]))
    assert japanese[1][header.index("country")] == "フランス"
    assert "FR" not in japanese[1]


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_written_as_text():
    data = exports.csv_bytes([['=HYPERLINK("x")', "+81 3", "-", "@SUM(A1)", "plain", 7]])
    assert rows(data) == [['\'=HYPERLINK("x")', "'+81 3", "'-", "'@SUM(A1)", "plain", "7"]]


def test_the_admin_serves_the_csv_as_utf8(client, scheduled, make_organiser):
    pavilion = scheduled["pavilion"]
    client.force_login(make_organiser(pavilion.organiser, "organiser-csv"))
    response = client.get(reverse("admin:meetings_schedule_csv", args=[pavilion.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert "France" in response.content.decode("utf-8-sig")


def test_the_calendar_keeps_names_as_typed_and_escapes_only_what_icalendar_asks(scheduled):
    pavilion, meeting = scheduled["pavilion"], scheduled["meeting"]
    calendar = exports.participant_calendar(pavilion, [meeting], viewer="sme")
    unfolded = calendar.replace("\r\n ", "")
    assert "SUMMARY:Meeting with O'Brien & Partner\\; <GmbH>\\, Köln\r\n" in unfolded
    assert "X-WR-CALNAME:Japan Pavilion <Hall 8>\r\n" in unfolded
    for escaped in ("&amp;", "&lt;", "&gt;", "&#x27;", "&quot;"):
        assert escaped not in calendar
    buyer_view = exports.participant_calendar(pavilion, [meeting], viewer="buyer")
    assert f"SUMMARY:Meeting with {SME_EN}\r\n" in buyer_view.replace("\r\n ", "")


def test_the_calendar_is_well_formed_with_folded_crlf_lines(scheduled):
    pavilion, meeting = scheduled["pavilion"], scheduled["meeting"]
    with translation.override("ja"):
        calendar = exports.participant_calendar(pavilion, [meeting], viewer="buyer")
    lines = calendar.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-2:] == ["END:VCALENDAR", ""]
    assert "" not in lines[:-1]  # no blank line left by the template
    assert all(len(line.encode()) <= 75 for line in lines)
    assert f"UID:meeting-{meeting.pk}@japan-pavilion" in lines
    assert f"DTSTART:{meeting.slot.starts_at:%Y%m%dT%H%M%S}Z" in lines
    assert "2027年11月15日(月) 10:00 CET" in calendar.replace("\r\n ", "")
