"""The admin's pavilion form and its meeting rules: a change that meetings contradict is shown on
its fields, naming the meetings, and nothing is saved; an allowed one is saved and audited."""

import pytest
from django.utils.html import escape

from companies.factories import ForeignBuyerFactory, SMEFactory
from core.models import AuditEntry
from events.factories import OrganisingOfficeFactory, PavilionFactory
from events.models import Pavilion
from events.services.slots import meeting_slots_generate
from meetings.models import Meeting
from tests.events.test_admin_writes import admin_url, form_data, stored

pytestmark = pytest.mark.django_db


@pytest.fixture
def pavilion():
    pavilion = PavilionFactory(
        name_en="Pavilion Alpha", organiser=OrganisingOfficeFactory(), shared_tables=2
    )
    meeting_slots_generate(pavilion=pavilion)
    slot = pavilion.slots.order_by("starts_at").first()
    for i in range(2):
        Meeting.objects.create(
            pavilion=pavilion,
            sme=SMEFactory(name_en=f"Maker {i}"),
            buyer=ForeignBuyerFactory(name=f"Buyer {i}"),
            requested_by_side="buyer",
            status="scheduled",
            slot=slot,
            at_table=True,
        )
    return pavilion


@pytest.fixture
def organiser_client(client, make_organiser, pavilion):
    client.force_login(make_organiser(pavilion.organiser, "organiser-a"))
    return client


def test_a_refused_rule_shows_on_its_field_naming_the_meetings_and_saves_nothing(
    organiser_client, pavilion
):
    before = stored(pavilion)
    url = admin_url(Pavilion, "change", pavilion.pk)
    data = form_data(
        organiser_client,
        url,
        shared_tables="1",
        slot_minutes="45",
        booth_capacity="30",
        max_meetings_per_buyer="6",
    )
    response = organiser_client.post(url, data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert set(form.errors) == {"shared_tables", "slot_minutes"}
    (tables,) = form.errors["shared_tables"]
    assert "Maker 0 ↔ Buyer 0 at Mon 15 Nov 2027, 10:00 CET" in tables
    assert "Maker 1 ↔ Buyer 1 at Mon 15 Nov 2027, 10:00 CET" in tables
    assert "Choose at least 2" in tables
    assert escape(tables) in response.content.decode()
    assert stored(pavilion) == before
    assert not AuditEntry.objects.filter(action__startswith="pavilion.").exclude(
        action="pavilion.slots.generated"
    )


def test_an_allowed_rule_change_is_saved_with_its_own_audit_entry(organiser_client, pavilion):
    url = admin_url(Pavilion, "change", pavilion.pk)
    data = form_data(organiser_client, url, shared_tables="6", booth_capacity="25")
    assert organiser_client.post(url, data).status_code == 302
    saved = Pavilion.objects.get(pk=pavilion.pk)
    assert (saved.shared_tables, saved.booth_capacity) == (6, 25)
    rules = AuditEntry.objects.get(action="pavilion.rules.changed")
    assert rules.changes == {"shared_tables": [2, 6]}
    assert rules.interface == "admin"
    settings = AuditEntry.objects.get(action="pavilion.changed")
    assert settings.changes == {"booth_capacity": [20, 25]}


def test_a_new_slot_length_warns_that_the_slots_must_be_generated_again(organiser_client, pavilion):
    Meeting.objects.all().delete()
    url = admin_url(Pavilion, "change", pavilion.pk)
    response = organiser_client.post(
        url, form_data(organiser_client, url, slot_minutes="45"), follow=True
    )
    texts = [str(message) for message in response.context["messages"]]
    assert any("generate the slots again" in text for text in texts), texts
    assert Pavilion.objects.get(pk=pavilion.pk).slot_minutes == 45


def test_a_new_pavilions_rules_are_checked_too(admin_client, pavilion):
    data = form_data(
        admin_client,
        admin_url(Pavilion, "change", pavilion.pk),
        name_en="Pavilion Bravo",
        reminder_hours="100",
    )
    for inline in ("breaks-INITIAL_FORMS",):
        data[inline] = "0"
    response = admin_client.post(admin_url(Pavilion, "add"), data)
    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["reminder_hours"]
    assert not Pavilion.objects.filter(name_en="Pavilion Bravo").exists()
