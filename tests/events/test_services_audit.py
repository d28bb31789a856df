"""The audit entries the pavilion services write: decisions, booths, buyers' days, slots,
interpreters; through the admin for an organiser."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from companies.factories import ForeignBuyerFactory, LanguageFactory, SMEFactory
from companies.models import Language
from core import audit
from core.models import AuditEntry
from events.factories import (
    ExhibitorRegistrationFactory,
    InterpreterFactory,
    OrganisingOfficeFactory,
    PavilionFactory,
)
from events.models import ExhibitorRegistration, Interpreter
from events.services.buyers import buyer_registration_register, buyer_registration_update
from events.services.interpreters import interpreter_delete, interpreter_save
from events.services.registrations import (
    exhibitor_registration_apply,
    exhibitor_registration_assign_booth,
    exhibitor_registration_decide,
)
from events.services.slots import meeting_slots_generate

pytestmark = pytest.mark.django_db


@pytest.fixture
def pavilion():
    return PavilionFactory(organiser=OrganisingOfficeFactory())


@pytest.fixture
def organiser(make_organiser, pavilion):
    return make_organiser(pavilion.organiser, "organiser-a")


def only_entry(**lookups) -> AuditEntry:
    entries = list(AuditEntry.objects.filter(**lookups))
    assert len(entries) == 1, [e.action for e in AuditEntry.objects.all()]
    return entries[0]


def test_accepting_in_the_admin_records_the_organisers_decision(client, pavilion, organiser):
    registration = ExhibitorRegistrationFactory(pavilion=pavilion, sme=SMEFactory())
    client.force_login(organiser)
    client.post(
        reverse("admin:events_exhibitorregistration_changelist"),
        {"action": "accept", "_selected_action": [registration.pk]},
    )
    entry = only_entry(action="registration.decided")
    assert (entry.interface, entry.actor, entry.pavilion_id) == ("admin", organiser, pavilion.pk)
    assert (entry.content_type.model_class(), entry.object_id) == (
        ExhibitorRegistration,
        registration.pk,
    )
    assert entry.changes == {"status": ["applied", "accepted"]}


def test_deleting_an_interpreter_in_the_admin_goes_through_the_service(client, pavilion, organiser):
    interpreter = InterpreterFactory(pavilion=pavilion, name="Aiko Mori")
    client.force_login(organiser)
    response = client.post(
        reverse("admin:events_interpreter_delete", args=[interpreter.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Interpreter.objects.filter(pk=interpreter.pk).exists()
    entry = only_entry(action="interpreter.deleted")
    assert (entry.interface, entry.actor, entry.object_id) == ("admin", organiser, interpreter.pk)
    assert entry.object_repr == "Aiko Mori"
    assert entry.changes["name"] == ["Aiko Mori", None]


def test_an_application_records_its_status_and_the_messages_length(pavilion):
    sme = SMEFactory()
    with audit.origin("page"):
        registration = exhibitor_registration_apply(
            pavilion=pavilion, sme=sme, message="よろしくお願いします"
        )
    entry = only_entry(action="registration.applied")
    assert (entry.interface, entry.object_id, entry.pavilion_id) == (
        "page",
        registration.pk,
        pavilion.pk,
    )
    assert entry.changes["status"] == [None, "applied"]
    assert entry.changes["message_length"] == [None, 10]


def test_a_booth_records_before_and_after(pavilion, organiser):
    registration = ExhibitorRegistrationFactory(pavilion=pavilion, status="accepted")
    exhibitor_registration_assign_booth(registration=registration, booth="C-3", by=organiser)
    exhibitor_registration_assign_booth(registration=registration, booth="C-3", by=organiser)
    entry = only_entry(action="registration.booth_assigned")
    assert (entry.actor, entry.changes) == (organiser, {"booth": ["", "C-3"]})


def test_a_decision_that_changes_nothing_records_nothing(pavilion, organiser):
    registration = ExhibitorRegistrationFactory(pavilion=pavilion, status="waitlisted")
    exhibitor_registration_decide(registration=registration, status="waitlisted", by=organiser)
    assert not AuditEntry.objects.exists()


def test_a_buyers_registration_and_its_change_of_days(pavilion):
    buyer = ForeignBuyerFactory()
    registration = buyer_registration_register(
        pavilion=pavilion, buyer=buyer, days=[date(2027, 11, 15)], sourcing_needs="endoscopes"
    )
    buyer_registration_update(
        registration=registration, days=[date(2027, 11, 15), date(2027, 11, 16)]
    )
    registered = only_entry(action="buyer_registration.registered")
    assert registered.changes["status"] == [None, "registered"]
    assert registered.changes["days"] == [None, ["2027-11-15"]]
    assert registered.changes["sourcing_needs_length"] == [None, 10]
    updated = only_entry(action="buyer_registration.updated")
    assert updated.changes == {"days": [["2027-11-15"], ["2027-11-15", "2027-11-16"]]}


def test_generating_slots_records_how_many_there_are(pavilion):
    meeting_slots_generate(pavilion=pavilion)
    meeting_slots_generate(pavilion=pavilion)
    first, second = AuditEntry.objects.filter(action="pavilion.slots.generated").order_by("pk")
    total = pavilion.slots.count()
    assert (first.changes, second.changes) == ({"slots": [0, total]}, {"slots": [total, total]})
    assert (first.object_id, first.pavilion_id) == (pavilion.pk, pavilion.pk)


def test_an_interpreter_added_then_changed(pavilion):
    japanese, english = LanguageFactory(code="ja"), LanguageFactory(code="en", name_en="En")
    interpreter = interpreter_save(pavilion=pavilion, name="Aiko Mori", languages=[japanese])
    interpreter_save(
        interpreter=interpreter,
        pavilion=pavilion,
        name="Aiko Mori",
        email="aiko@example.com",
        languages=[japanese, english],
    )
    added = only_entry(action="interpreter.added")
    assert added.changes["name"] == [None, "Aiko Mori"]
    assert added.changes["languages"] == [None, [japanese.pk]]
    changed = only_entry(action="interpreter.changed")
    assert changed.changes == {
        "email": ["", "aiko@example.com"],
        "languages": [[japanese.pk], sorted([japanese.pk, english.pk])],
    }


def test_a_refused_interpreter_deletion_records_nothing(small_pavilion):
    from meetings.services.placement import meeting_move
    from meetings.services.requests import meeting_request

    pavilion = small_pavilion["pavilion"]
    meeting_slots_generate(pavilion=pavilion)
    interpreter = interpreter_save(
        pavilion=pavilion,
        name="Aiko Mori",
        languages=Language.objects.filter(code__in=["ja", "en"]),
        available_slots=pavilion.slots.all(),
    )
    meeting = meeting_request(
        pavilion=pavilion,
        sme=small_pavilion["smes"][0],
        buyer=small_pavilion["buyers"][0],
        side="organiser",
        acting_for="both",
    )
    meeting_move(meeting=meeting, slot=pavilion.slots.first(), interpreter=interpreter)
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError):
        interpreter_delete(interpreter=interpreter)
    assert AuditEntry.objects.count() == before
    assert not AuditEntry.objects.filter(action="interpreter.deleted").exists()
