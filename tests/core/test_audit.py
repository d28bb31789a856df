"""The audit log's mechanism: origin, recording inside the service's transaction, append-only."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from celery import shared_task
from django.contrib.auth import get_user_model
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from core import audit
from core.models import AuditEntry, AuditLogIsAppendOnly
from events.factories import ExhibitorRegistrationFactory, PavilionFactory
from events.services import slots as event_services
from events.services.registrations import exhibitor_registration_decide

pytestmark = pytest.mark.django_db


@shared_task(name="tests.core.audit_origin_probe")
def origin_probe() -> str:
    return audit.current_origin().interface


@pytest.fixture
def pavilion():
    return PavilionFactory(booth_capacity=1)


@pytest.fixture
def organiser():
    return get_user_model().objects.create_user(username="organiser", is_staff=True)


def entry_for(pavilion) -> AuditEntry:
    return AuditEntry.objects.get(pavilion_id=pavilion.pk)


# --- origin ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "interface"),
    [
        ("/api/v1/wishes/", "api"),
        ("/en/admin/events/pavilion/", "admin"),
        ("/ja/admin/", "admin"),
        ("/admin/", "admin"),
        ("/en/company/team/", "page"),
        ("/en/administration-notes/", "page"),
        ("/", "page"),
    ],
)
def test_interface_of_path_follows_the_url(path, interface):
    assert audit.interface_of_path(path) == interface


def test_without_a_request_or_task_a_write_comes_from_the_command_line(pavilion):
    event_services.meeting_slots_generate(pavilion=pavilion)
    entry = entry_for(pavilion)
    assert (entry.interface, entry.actor, entry.actor_username) == ("command", None, "")


def test_the_origin_names_the_actor_when_the_service_does_not(pavilion, organiser):
    with audit.origin("admin", user=organiser):
        event_services.meeting_slots_generate(pavilion=pavilion)
    entry = entry_for(pavilion)
    assert (entry.interface, entry.actor, entry.actor_username) == ("admin", organiser, "organiser")


def test_the_request_user_is_read_when_the_entry_is_written(pavilion, organiser):
    """DRF authenticates a token inside the view, after every middleware has run."""
    request = RequestFactory().post("/api/v1/pavilions/1/generate-slots/")
    request.user = None
    with audit.origin(audit.interface_of_path(request.path_info), request=request):
        request.user = organiser
        event_services.meeting_slots_generate(pavilion=pavilion)
    entry = entry_for(pavilion)
    assert (entry.interface, entry.actor) == ("api", organiser)


def test_the_middleware_sets_the_origin_for_the_request_only(organiser):
    seen = []

    def view(request):
        seen.append(audit.current_origin())
        return None

    request = RequestFactory().get("/ja/admin/")
    request.user = organiser
    audit.AuditMiddleware(view)(request)
    assert (seen[0].interface, seen[0].actor) == ("admin", organiser)
    assert audit.current_origin() == audit.COMMAND_LINE


def test_a_task_runs_as_a_task_and_gives_the_origin_back():
    with audit.origin("page"):
        assert origin_probe.delay().get() == "task"
        assert audit.current_origin().interface == "page"
    assert origin_probe.delay().get() == "task"
    assert audit.current_origin() == audit.COMMAND_LINE


def test_the_given_actor_wins_over_the_origins(pavilion, organiser):
    other = get_user_model().objects.create_user(username="someone-else")
    registration = ExhibitorRegistrationFactory(pavilion=pavilion)
    with audit.origin("page", user=other):
        exhibitor_registration_decide(registration=registration, status="waitlisted", by=organiser)
    assert entry_for(pavilion).actor == organiser


# --- recording ------------------------------------------------------------------------------


def test_an_entry_keeps_object_pavilion_and_changes_as_codes(pavilion, organiser):
    registration = ExhibitorRegistrationFactory(pavilion=pavilion, status="applied")
    with audit.origin("admin", user=organiser):
        exhibitor_registration_decide(registration=registration, status="accepted", booth=" B-7 ")
    entry = entry_for(pavilion)
    assert entry.action == "registration.decided"
    assert entry.content_type.model_class() is type(registration)
    assert entry.object_id == registration.pk
    assert entry.object_repr == str(registration)
    assert entry.changes == {"booth": ["", "B-7"], "status": ["applied", "accepted"]}


def test_an_undeclared_action_is_refused():
    with pytest.raises(ValueError, match="audit_actions"):
        audit.record(action="pavilion.schedule.publishd")
    with pytest.raises(ValueError, match="Not dotted"):
        audit.record(action="Not dotted")
    assert not AuditEntry.objects.exists()


def test_every_declared_action_has_a_dotted_code_and_a_label():
    actions = audit.declared_actions()
    assert "pavilion.schedule.published" in actions
    for code, label in actions.items():
        assert audit.ACTION_CODE.match(code), code
        assert str(label) not in ("", code)


def test_the_object_is_named_in_the_platforms_language_whoever_writes(pavilion):
    pavilion.name_en, pavilion.name_ja = "Japan Pavilion", "ジャパンパビリオン"
    pavilion.save()
    from django.utils import translation

    with translation.override("ja"):
        event_services.meeting_slots_generate(pavilion=pavilion)
    assert entry_for(pavilion).object_repr == "Japan Pavilion"


def test_changes_keep_codes_ids_instants_and_text_lengths(pavilion):
    registration = ExhibitorRegistrationFactory(pavilion=pavilion, message="よろしく")
    codes = audit.values(registration, ["status", "pavilion", "applied_at"], texts=["message"])
    assert codes == {
        "status": registration.status,
        "pavilion": pavilion.pk,
        "applied_at": registration.applied_at.isoformat(),
        "message_length": 4,
    }
    assert audit.changed({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 4}) == {
        "b": [2, 3],
        "c": [None, 4],
    }
    assert audit.plain(datetime(2027, 11, 15, 9, 30, tzinfo=UTC)) == "2027-11-15T09:30:00+00:00"


def test_an_instant_in_another_zone_is_kept_as_the_same_utc_text():
    in_tokyo = datetime(2027, 11, 15, 18, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert audit.plain(in_tokyo) == "2027-11-15T09:30:00+00:00"
    assert not audit.changed(
        {"starts_at": datetime(2027, 11, 15, 9, 30, tzinfo=UTC)}, {"starts_at": in_tokyo}
    )


def test_record_changes_records_only_what_changed(pavilion, organiser):
    changes = audit.record_changes(
        action="pavilion.changed",
        obj=pavilion,
        before={"booth_capacity": 1, "slot_minutes": 30},
        after={"booth_capacity": 2, "slot_minutes": 30},
        pavilion_id=pavilion.pk,
        by=organiser,
    )
    entry = entry_for(pavilion)
    assert changes == entry.changes == {"booth_capacity": [1, 2]}
    assert (entry.action, entry.actor) == ("pavilion.changed", organiser)
    unchanged = {"booth_capacity": 2}
    assert not audit.record_changes(
        action="pavilion.changed", obj=pavilion, before=unchanged, after=unchanged
    )
    assert AuditEntry.objects.count() == 1


# --- nothing recorded when the write does not happen ----------------------------------------


def test_a_refused_write_records_nothing(pavilion, organiser):
    ExhibitorRegistrationFactory(pavilion=pavilion, status="accepted")
    waiting = ExhibitorRegistrationFactory(pavilion=pavilion, status="applied")
    with audit.origin("admin", user=organiser), pytest.raises(Exception, match="full"):
        exhibitor_registration_decide(registration=waiting, status="accepted")
    assert not AuditEntry.objects.exists()


def test_a_rolled_back_write_leaves_no_entry(pavilion):
    def generate_then_fail():
        with transaction.atomic():
            event_services.meeting_slots_generate(pavilion=pavilion)
            assert AuditEntry.objects.count() == 1
            raise RuntimeError("the caller's transaction fails after the service")

    with pytest.raises(RuntimeError, match="fails after"):
        generate_then_fail()
    assert not AuditEntry.objects.exists()
    assert not pavilion.slots.exists()


# --- nobody changes the log -----------------------------------------------------------------


@pytest.fixture
def entry(pavilion, organiser):
    with audit.origin("admin", user=organiser):
        event_services.meeting_slots_generate(pavilion=pavilion)
    return entry_for(pavilion)


def test_an_entry_cannot_be_saved_again(entry):
    entry.action = "meeting.moved"
    with pytest.raises(AuditLogIsAppendOnly):
        entry.save()
    entry.refresh_from_db()
    assert entry.action == "pavilion.slots.generated"


def test_an_entry_cannot_be_deleted(entry):
    with pytest.raises(AuditLogIsAppendOnly):
        entry.delete()
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEntry.objects.all().delete()
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(action="meeting.moved")
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEntry.objects.bulk_update([entry], ["action"])
    assert AuditEntry.objects.filter(pk=entry.pk, action="pavilion.slots.generated").exists()


def test_deleting_the_account_keeps_the_entry_and_who_it_was(entry, organiser):
    organiser.delete()
    entry.refresh_from_db()
    assert (entry.actor, entry.actor_username) == (None, "organiser")


@pytest.mark.postgres
def test_postgresql_refuses_to_change_or_delete_an_entry_even_in_raw_sql(entry):
    if connection.vendor != "postgresql":
        pytest.skip("the trigger exists on PostgreSQL only")
    for statement in (
        "UPDATE core_auditentry SET action = 'meeting.moved' WHERE id = %s",
        "UPDATE core_auditentry SET actor_id = NULL, changes = '{}' WHERE id = %s",
        "DELETE FROM core_auditentry WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [entry.pk])
    entry.refresh_from_db()
    assert entry.action == "pavilion.slots.generated"
    # Only what on_delete=SET_NULL does passes: the deleted account's link goes, the rest stays.
    entry.actor.delete()
    entry.refresh_from_db()
    assert (entry.actor, entry.actor_username) == (None, "organiser")
