"""Every organiser's save and deletion in the admin goes through an events service: the data is
stored as the admin always stored it, and the audit log says what changed."""

from datetime import UTC, date, datetime, time
from html.parser import HTMLParser

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from companies.factories import ForeignBuyerFactory
from core.models import AuditEntry
from events.factories import (
    BuyerRegistrationFactory,
    ExhibitorRegistrationFactory,
    OrganisingOfficeFactory,
    PavilionFactory,
)
from events.models import (
    BuyerRegistration,
    ExhibitorRegistration,
    MeetingSlot,
    OrganisingOffice,
    Pavilion,
    TimetableBreak,
    TradeFair,
)

pytestmark = pytest.mark.django_db


class _FormFields(HTMLParser):
    """The fields of an admin change form as a browser would send them back unchanged."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select = self._textarea = None

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and "__prefix__" not in name:
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self._add(name, attrs.get("value", "on"))
            elif kind not in {"submit", "button", "file"}:
                self._add(name, attrs.get("value") or "")
        elif tag == "select" and name and "__prefix__" not in name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self._add(self._select, attrs.get("value", ""))
        elif tag == "textarea" and name and "__prefix__" not in name:
            self._textarea = name
            self._add(name, "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            # The admin starts a textarea's content with a newline, which browsers drop.
            self.data[self._textarea][-1] += data.removeprefix("\n")


def form_data(client, url, **changes) -> dict:
    """The change form at ``url``, filled in as it shows, with ``changes`` typed in."""
    response = client.get(url)
    assert response.status_code == 200
    fields = _FormFields()
    fields.feed(response.content.decode())
    data = {name: values if len(values) != 1 else values[0] for name, values in fields.data.items()}
    data.pop("csrfmiddlewaretoken", None)
    data.update(changes)
    return data


def admin_url(model, action="changelist", *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def stored(obj) -> dict:
    return model_to_dict(type(obj).objects.get(pk=obj.pk))


def entries(action):
    return list(AuditEntry.objects.filter(action=action).order_by("pk"))


@pytest.fixture
def pavilion():
    return PavilionFactory(name_en="Pavilion Alpha", organiser=OrganisingOfficeFactory())


@pytest.fixture
def organiser(make_organiser, pavilion):
    return make_organiser(pavilion.organiser, "organiser-a")


def test_a_pavilion_saved_unchanged_keeps_its_data_and_records_nothing(client, pavilion, organiser):
    before = stored(pavilion)
    client.force_login(organiser)
    url = admin_url(Pavilion, "change", pavilion.pk)
    assert client.post(url, form_data(client, url)).status_code == 302
    assert stored(pavilion) == before
    assert not AuditEntry.objects.exists()


def test_a_pavilion_changed_in_the_admin_records_the_settings_that_changed(
    client, pavilion, organiser
):
    before = stored(pavilion)
    client.force_login(organiser)
    url = admin_url(Pavilion, "change", pavilion.pk)
    data = form_data(
        client, url, booth_capacity="25", first_timer_conditions_en="Half the booth fee."
    )
    assert client.post(url, data).status_code == 302
    assert stored(pavilion) == {
        **before,
        "booth_capacity": 25,
        "first_timer_conditions_en": "Half the booth fee.",
    }
    [entry] = entries("pavilion.changed")
    assert entry.interface == "admin"
    assert entry.actor == organiser
    assert entry.pavilion_id == pavilion.pk
    assert entry.changes == {
        "booth_capacity": [20, 25],
        "first_timer_conditions_en_length": [0, 19],
    }


def test_timetable_breaks_in_the_admin_are_recorded_one_by_one(client, pavilion, organiser):
    client.force_login(organiser)
    url = admin_url(Pavilion, "change", pavilion.pk)
    data = form_data(
        client,
        url,
        **{
            "breaks-TOTAL_FORMS": "1",
            "breaks-0-starts_at": "12:30",
            "breaks-0-ends_at": "13:30",
            "breaks-0-label": "Lunch",
            "breaks-0-pavilion": str(pavilion.pk),
        },
    )
    assert client.post(url, data).status_code == 302
    timetable_break = TimetableBreak.objects.get(pavilion=pavilion)
    assert (timetable_break.starts_at, timetable_break.ends_at) == (time(12, 30), time(13, 30))
    assert timetable_break.label == "Lunch"
    [added] = entries("pavilion.timetable_break.added")
    assert added.pavilion_id == pavilion.pk
    assert added.changes == {
        "pavilion": [None, pavilion.pk],
        "starts_at": [None, "12:30:00"],
        "ends_at": [None, "13:30:00"],
        "label": [None, "Lunch"],
    }

    data = form_data(client, url, **{"breaks-0-ends_at": "14:00"})
    assert client.post(url, data).status_code == 302
    [changed] = entries("pavilion.timetable_break.changed")
    assert changed.changes == {"ends_at": ["13:30:00", "14:00:00"]}

    data = form_data(client, url, **{"breaks-0-DELETE": "on"})
    assert client.post(url, data).status_code == 302
    assert not TimetableBreak.objects.exists()
    [deleted] = entries("pavilion.timetable_break.deleted")
    assert deleted.object_id == timetable_break.pk
    assert deleted.changes["label"] == ["Lunch", None]
    assert not entries("pavilion.changed")


def test_a_buyer_registration_changed_in_the_admin_records_its_status_and_days(
    client, pavilion, organiser
):
    registration = BuyerRegistrationFactory(pavilion=pavilion)
    registration.days.create(day=date(2027, 11, 15))
    before = stored(registration)
    client.force_login(organiser)
    url = admin_url(BuyerRegistration, "change", registration.pk)
    data = form_data(
        client,
        url,
        status="cancelled",
        **{"days-1-day": "2027-11-16"},
    )
    assert client.post(url, data).status_code == 302
    assert stored(registration) == {**before, "status": "cancelled"}
    assert sorted(registration.days.values_list("day", flat=True)) == [
        date(2027, 11, 15),
        date(2027, 11, 16),
    ]
    [entry] = entries("buyer_registration.changed")
    assert entry.actor == organiser
    assert entry.pavilion_id == pavilion.pk
    assert entry.changes == {
        "status": ["registered", "cancelled"],
        "days": [["2027-11-15"], ["2027-11-15", "2027-11-16"]],
    }


def test_a_buyer_registered_in_the_admin_is_recorded_as_added(client, pavilion, organiser):
    buyer = ForeignBuyerFactory()
    client.force_login(organiser)
    response = client.post(
        admin_url(BuyerRegistration, "add"),
        {
            "pavilion": pavilion.pk,
            "buyer": buyer.pk,
            "status": "registered",
            "sourcing_needs": "Tea",
            "days-TOTAL_FORMS": "1",
            "days-INITIAL_FORMS": "0",
            "days-MIN_NUM_FORMS": "0",
            "days-MAX_NUM_FORMS": "1000",
            "days-0-day": "2027-11-17",
        },
    )
    assert response.status_code == 302
    registration = BuyerRegistration.objects.get(buyer=buyer)
    assert registration.sourcing_needs == "Tea"
    assert [d.day for d in registration.days.all()] == [date(2027, 11, 17)]
    [entry] = entries("buyer_registration.added")
    assert entry.object_id == registration.pk
    assert entry.changes["days"] == [None, ["2027-11-17"]]
    assert entry.changes["sourcing_needs_length"] == [None, 3]


def test_a_slot_changed_and_deleted_in_the_admin_is_recorded(client, pavilion, organiser):
    slot = MeetingSlot.objects.create(
        pavilion=pavilion,
        starts_at=datetime(2027, 11, 15, 9, 0, tzinfo=UTC),
        ends_at=datetime(2027, 11, 15, 9, 30, tzinfo=UTC),
    )
    client.force_login(organiser)
    url = admin_url(MeetingSlot, "change", slot.pk)
    assert client.post(url, form_data(client, url, ends_at_1="10:45:00")).status_code == 302
    slot.refresh_from_db()
    assert slot.starts_at == datetime(2027, 11, 15, 9, 0, tzinfo=UTC)
    assert slot.ends_at == datetime(2027, 11, 15, 9, 45, tzinfo=UTC)
    [changed] = entries("slot.changed")
    assert changed.changes == {
        "ends_at": ["2027-11-15T09:30:00+00:00", "2027-11-15T09:45:00+00:00"]
    }
    response = client.post(admin_url(MeetingSlot, "delete", slot.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not MeetingSlot.objects.exists()
    [deleted] = entries("slot.deleted")
    assert deleted.pavilion_id == pavilion.pk
    assert deleted.changes["pavilion"] == [pavilion.pk, None]


def test_slots_deleted_from_the_list_get_an_entry_each(client, pavilion, organiser):
    slots = [
        MeetingSlot.objects.create(
            pavilion=pavilion,
            starts_at=datetime(2027, 11, 15, hour, 0, tzinfo=UTC),
            ends_at=datetime(2027, 11, 15, hour, 30, tzinfo=UTC),
        )
        for hour in (9, 10)
    ]
    client.force_login(organiser)
    response = client.post(
        admin_url(MeetingSlot),
        {"action": "delete_selected", "_selected_action": [s.pk for s in slots], "post": "yes"},
    )
    assert response.status_code == 302
    assert not MeetingSlot.objects.exists()
    assert sorted(e.object_id for e in entries("slot.deleted")) == sorted(s.pk for s in slots)


def test_fairs_and_offices_saved_in_the_admin_are_recorded(admin_client, pavilion, organiser):
    fair = pavilion.fair
    before = stored(fair)
    url = admin_url(TradeFair, "change", fair.pk)
    assert admin_client.post(url, form_data(admin_client, url, venue="Hall 3")).status_code == 302
    assert stored(fair) == {**before, "venue": "Hall 3"}
    [entry] = entries("trade_fair.changed")
    assert entry.pavilion_id is None
    assert entry.changes == {"venue": ["Messe Düsseldorf", "Hall 3"]}

    response = admin_client.post(
        admin_url(OrganisingOffice, "add"),
        {"name_en": "Osaka Chamber", "name_ja": "", "kind": "chamber", "members": [organiser.pk]},
    )
    assert response.status_code == 302
    office = OrganisingOffice.objects.get(name_en="Osaka Chamber")
    assert list(office.members.all()) == [organiser]
    [added] = entries("organising_office.added")
    assert added.changes == {
        "name_en": [None, "Osaka Chamber"],
        "name_ja": [None, ""],
        "kind": [None, "chamber"],
        "members": [None, [organiser.pk]],
    }


def test_an_application_deleted_in_the_admin_is_recorded(admin_client, pavilion):
    registration = ExhibitorRegistrationFactory(pavilion=pavilion)
    response = admin_client.post(
        admin_url(ExhibitorRegistration, "delete", registration.pk), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not ExhibitorRegistration.objects.exists()
    [entry] = entries("registration.deleted")
    assert entry.object_id == registration.pk
    assert entry.changes["status"] == ["applied", None]
