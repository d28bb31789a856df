"""A pavilion's meeting rules (``events.services.rules``): changes that contradict meetings
already made are refused naming them; the others are saved and audited."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from companies.factories import ForeignBuyerFactory, SMEFactory
from core.models import AuditEntry
from events.factories import PavilionFactory
from events.models import MeetingSlot, Pavilion
from events.services.rules import pavilion_rules_check, pavilion_rules_update
from events.services.slots import meeting_slots_generate
from meetings.models import Meeting

pytestmark = pytest.mark.django_db


class Fair:
    """A pavilion at a fair in Europe/Berlin with its slots, three makers and four buyers."""

    def __init__(self):
        self.pavilion = PavilionFactory(
            max_meetings_per_exhibitor=5,
            max_meetings_per_buyer=4,
            max_meetings_per_day=3,
            max_open_requests=3,
            shared_tables=2,
        )
        meeting_slots_generate(pavilion=self.pavilion)
        self.slots = list(self.pavilion.slots.order_by("starts_at"))
        self.smes = [SMEFactory(name_en=f"Maker {i}", name_ja=f"メーカー{i}") for i in range(3)]
        self.buyers = [ForeignBuyerFactory(name=f"Buyer {i}") for i in range(4)]

    def meeting(self, sme: int, buyer: int, *, slot: int | None = None, **fields) -> Meeting:
        status = fields.pop("status", "scheduled" if slot is not None else "accepted")
        return Meeting.objects.create(
            pavilion=self.pavilion,
            sme=self.smes[sme],
            buyer=self.buyers[buyer],
            requested_by_side=fields.pop("requested_by_side", "buyer"),
            status=status,
            slot=self.slots[slot] if slot is not None else None,
            **fields,
        )


@pytest.fixture
def fair():
    return Fair()


def refusal(pavilion, **changes) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        pavilion_rules_update(pavilion=pavilion, changes=changes)
    return caught.value.message_dict


def unchanged(pavilion, **values) -> None:
    pavilion = Pavilion.objects.get(pk=pavilion.pk)
    assert {name: getattr(pavilion, name) for name in values} == values
    assert not AuditEntry.objects.filter(action="pavilion.rules.changed").exists()


# --- refused ------------------------------------------------------------------------------------


def test_lowering_the_exhibitor_cap_below_a_booking_is_refused_naming_the_meetings(fair):
    fair.meeting(0, 0, slot=0)  # Mon 15 Nov 2027, 10:00 CET
    fair.meeting(0, 1, slot=1)
    fair.meeting(0, 2)  # accepted, not in a slot yet: the cap counts it too
    fair.meeting(1, 3, slot=2)  # Maker 1 has one meeting: within any cap
    errors = refusal(fair.pavilion, max_meetings_per_exhibitor=2)
    assert list(errors) == ["max_meetings_per_exhibitor"]
    message = errors["max_meetings_per_exhibitor"][0]
    assert "more than 2 meetings" in message
    assert "Maker 0 ↔ Buyer 0 at Mon 15 Nov 2027, 10:00 CET" in message
    assert "Maker 0 ↔ Buyer 1 at Mon 15 Nov 2027, 10:30 CET" in message
    assert "Maker 0 ↔ Buyer 2 (Accepted)" in message
    assert "Maker 1" not in message
    assert "Choose at least 3" in message
    unchanged(fair.pavilion, max_meetings_per_exhibitor=5)


def test_lowering_the_buyer_cap_below_a_booking_is_refused(fair):
    fair.meeting(0, 0, slot=0)
    fair.meeting(1, 0, slot=1)
    fair.meeting(2, 1, slot=2)
    message = refusal(fair.pavilion, max_meetings_per_buyer=1)["max_meetings_per_buyer"][0]
    assert "Maker 0 ↔ Buyer 0" in message
    assert "Maker 1 ↔ Buyer 0" in message
    assert "Buyer 1" not in message
    unchanged(fair.pavilion, max_meetings_per_buyer=4)


def test_cancelled_and_declined_meetings_count_toward_no_cap(fair):
    fair.meeting(0, 0, status="cancelled")
    fair.meeting(0, 1, status="declined")
    fair.meeting(0, 2, slot=0)
    change = pavilion_rules_update(
        pavilion=fair.pavilion, changes={"max_meetings_per_exhibitor": 1}
    )
    assert change.changes == {"max_meetings_per_exhibitor": [5, 1]}


def test_a_daily_limit_below_a_participants_day_is_refused_naming_that_days_meetings(fair):
    monday = fair.slots[:3]
    tuesday = next(i for i, s in enumerate(fair.slots) if s.starts_at.day == 16)
    fair.meeting(0, 0, slot=0)
    fair.meeting(0, 1, slot=1)
    fair.meeting(1, 1, slot=2)  # Buyer 1 has two on Monday as well
    fair.meeting(0, 2, slot=tuesday)  # Maker 0's only meeting on Tuesday
    assert len(monday) == 3
    message = refusal(fair.pavilion, max_meetings_per_day=1)["max_meetings_per_day"][0]
    assert "more than 1 meetings on one day" in message
    assert "Maker 0 ↔ Buyer 0" in message
    assert "Maker 1 ↔ Buyer 1" in message
    assert "Tue 16 Nov" not in message
    assert "Choose at least 2" in message
    # Two a day fits everyone.
    pavilion_rules_update(pavilion=fair.pavilion, changes={"max_meetings_per_day": 2})


def test_the_day_is_the_fairs_local_day(fair):
    # 23:30 and 00:30 UTC fall on two UTC days but both on 16 November in Berlin.
    for hour, (sme, buyer) in ((23, (0, 0)), (24, (0, 1))):
        start = datetime(2027, 11, 15, tzinfo=UTC) + timedelta(hours=hour, minutes=30)
        slot = MeetingSlot.objects.create(
            pavilion=fair.pavilion, starts_at=start, ends_at=start + timedelta(minutes=30)
        )
        Meeting.objects.create(
            pavilion=fair.pavilion,
            sme=fair.smes[sme],
            buyer=fair.buyers[buyer],
            requested_by_side="buyer",
            status="held",
            slot=slot,
        )
    message = refusal(fair.pavilion, max_meetings_per_day=1)["max_meetings_per_day"][0]
    assert "Tue 16 Nov 2027, 00:30 CET" in message
    assert "Tue 16 Nov 2027, 01:30 CET" in message


def test_fewer_shared_tables_than_a_slot_uses_is_refused(fair):
    fair.meeting(0, 0, slot=4, at_table=True)
    fair.meeting(1, 1, slot=4, at_table=True)
    fair.meeting(2, 2, slot=4)  # at its booth
    fair.meeting(2, 3, slot=5, at_table=True)
    message = refusal(fair.pavilion, shared_tables=1)["shared_tables"][0]
    assert "more than 1 meetings at shared tables" in message
    assert "Maker 0 ↔ Buyer 0 at Mon 15 Nov 2027, 12:00 CET" in message
    assert "Maker 1 ↔ Buyer 1" in message
    assert "Maker 2" not in message
    unchanged(fair.pavilion, shared_tables=2)


def test_fewer_open_requests_than_a_participant_has_sent_is_refused(fair):
    for buyer in range(3):
        fair.meeting(0, buyer, status="requested", requested_by_side="exhibitor")
    fair.meeting(1, 0, status="requested", requested_by_side="buyer")
    fair.meeting(2, 3, status="requested", requested_by_side="organiser")
    message = refusal(fair.pavilion, max_open_requests=2)["max_open_requests"][0]
    assert "more than 2 unanswered requests" in message
    assert message.count("(Requested)") == 3
    assert "Maker 1" not in message
    assert "Maker 2" not in message
    pavilion_rules_update(pavilion=fair.pavilion, changes={"max_open_requests": 3})


def test_changing_the_slot_length_with_booked_meetings_is_refused_naming_them(fair):
    fair.meeting(0, 0, slot=0)
    fair.meeting(1, 1)  # accepted, in no slot: no obstacle
    message = refusal(fair.pavilion, slot_minutes=45)["slot_minutes"][0]
    assert "slots of 30 minutes: Maker 0 ↔ Buyer 0 at Mon 15 Nov 2027, 10:00 CET." in message
    assert "Maker 1" not in message
    assert "generate the slots again" in message
    unchanged(fair.pavilion, slot_minutes=30)


def test_at_most_ten_meetings_are_named_and_the_rest_counted(fair):
    for slot in range(12):
        fair.meeting(slot % 3, slot % 4, slot=slot, status="held")
    message = refusal(fair.pavilion, slot_minutes=20)["slot_minutes"][0]
    assert message.count("↔") == 10
    assert "and 2 more" in message


def test_every_conflicting_rule_is_named_at_once_and_nothing_is_saved(fair):
    fair.meeting(0, 0, slot=0, at_table=True)
    fair.meeting(1, 1, slot=0, at_table=True)
    fair.meeting(0, 1, slot=1)
    errors = refusal(
        fair.pavilion,
        max_meetings_per_exhibitor=1,
        shared_tables=1,
        request_expiry_hours=48,
    )
    assert set(errors) == {"max_meetings_per_exhibitor", "shared_tables"}
    unchanged(fair.pavilion, max_meetings_per_exhibitor=5, shared_tables=2, request_expiry_hours=72)


def test_the_meetings_are_named_in_the_readers_language(fair):
    fair.meeting(0, 0, slot=0)
    with translation.override("ja"):
        message = refusal(fair.pavilion, slot_minutes=60)["slot_minutes"][0]
    assert "メーカー0 ↔ Buyer 0" in message
    assert "2027年11月15日" in message


def test_the_conflicts_take_a_fixed_number_of_queries(fair, django_assert_max_num_queries):
    def booked(count: int) -> None:
        Meeting.objects.all().delete()
        for slot in range(count):
            fair.meeting(slot % 3, slot % 4, slot=slot, status="held", at_table=True)

    changes = {
        "max_meetings_per_exhibitor": 1,
        "max_meetings_per_buyer": 1,
        "max_meetings_per_day": 1,
        "max_open_requests": 1,
        "shared_tables": 0,
        "slot_minutes": 60,
    }
    for count in (3, 30):
        booked(count)
        # Two per rule changed, and the slots counted.
        with django_assert_max_num_queries(13), pytest.raises(ValidationError):
            pavilion_rules_check(pavilion=fair.pavilion, changes=changes)


# --- out of limits ------------------------------------------------------------------------------


def test_values_out_of_the_fields_limits_are_refused_by_field(fair):
    errors = refusal(fair.pavilion, max_meetings_per_buyer=0, slot_minutes=500, shared_tables=-1)
    assert set(errors) == {"max_meetings_per_buyer", "slot_minutes", "shared_tables"}
    assert errors["slot_minutes"] == ["Ensure this value is less than or equal to 240."]


def test_the_reminder_must_come_before_a_request_expires(fair):
    errors = refusal(fair.pavilion, reminder_hours=72)
    assert "fewer hours than the 72 hours" in errors["reminder_hours"][0]
    errors = refusal(fair.pavilion, request_expiry_hours=24)
    assert list(errors) == ["request_expiry_hours"]


def test_only_the_meeting_rules_are_changed_here(fair):
    errors = refusal(fair.pavilion, booth_capacity=3)
    assert errors == {"booth_capacity": ["This is not one of the pavilion's meeting rules."]}


# --- allowed --------------------------------------------------------------------------------------


def test_allowed_changes_are_saved_and_audited_once(fair, django_user_model):
    fair.meeting(0, 0, slot=0)
    organiser = django_user_model.objects.create_user(username="organiser")
    change = pavilion_rules_update(
        pavilion=fair.pavilion,
        changes={
            "max_meetings_per_exhibitor": 1,
            "max_meetings_per_buyer": 6,
            "max_meetings_per_day": None,
            "request_expiry_hours": 48,
            "reminder_hours": 12,
            "shared_tables": 6,
            "max_open_requests": 3,  # as it was
        },
        by=organiser,
    )
    expected = {
        "max_meetings_per_exhibitor": [5, 1],
        "max_meetings_per_buyer": [4, 6],
        "max_meetings_per_day": [3, None],
        "request_expiry_hours": [72, 48],
        "reminder_hours": [24, 12],
        "shared_tables": [2, 6],
    }
    assert change.changes == expected
    assert change.notices == ["Requests already sent keep the expiry they were sent with."]
    saved = Pavilion.objects.get(pk=fair.pavilion.pk)
    assert (saved.max_meetings_per_exhibitor, saved.shared_tables, saved.max_meetings_per_day) == (
        1,
        6,
        None,
    )
    entry = AuditEntry.objects.get(action="pavilion.rules.changed")
    assert (entry.actor, entry.pavilion_id, entry.changes) == (
        organiser,
        fair.pavilion.pk,
        expected,
    )


def test_a_change_that_changes_nothing_records_nothing(fair):
    change = pavilion_rules_update(pavilion=fair.pavilion, changes={"shared_tables": 2})
    assert change.changes == {}
    assert not AuditEntry.objects.filter(action="pavilion.rules.changed").exists()


def test_a_new_slot_length_without_booked_meetings_asks_for_the_slots_again(fair):
    fair.meeting(0, 0)  # accepted, in no slot
    change = pavilion_rules_update(pavilion=fair.pavilion, changes={"slot_minutes": 45})
    assert change.changes == {"slot_minutes": [30, 45]}
    (notice,) = change.notices
    assert "56 slots still last 30 minutes: generate the slots again" in notice
    meeting_slots_generate(pavilion=fair.pavilion)
    lengths = {s.ends_at - s.starts_at for s in fair.pavilion.slots.all()}
    assert lengths == {timedelta(minutes=45)}


def test_raising_a_cap_over_many_bookings_is_allowed(fair):
    for slot in range(3):
        fair.meeting(0, slot, slot=slot)
    change = pavilion_rules_update(
        pavilion=fair.pavilion, changes={"max_meetings_per_exhibitor": 3, "shared_tables": 0}
    )
    assert change.changes == {"max_meetings_per_exhibitor": [5, 3], "shared_tables": [2, 0]}
