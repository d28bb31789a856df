"""The audit log's admin: read only for everyone, each organiser their own pavilions' entries."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from core import audit
from core.models import AuditEntry
from events.factories import OrganisingOfficeFactory, PavilionFactory

pytestmark = pytest.mark.django_db

LIST = reverse("admin:core_auditentry_changelist")


@pytest.fixture
def two_pavilions(make_organiser):
    office_a, office_b = OrganisingOfficeFactory(), OrganisingOfficeFactory()
    return {
        "organiser_a": make_organiser(office_a, "organiser-a"),
        "pavilion_a": PavilionFactory(organiser=office_a, name_en="Pavilion Alpha"),
        "pavilion_b": PavilionFactory(organiser=office_b, name_en="Pavilion Bravo"),
    }


def entry_of(pavilion, *, at=None) -> AuditEntry:
    """An entry about the pavilion, named after it (what a pavilion's services would write)."""
    if at is None:
        return audit.record(
            action="pavilion.slots.generated", obj=pavilion, pavilion_id=pavilion.pk
        )
    # Written at a time of the test's choosing: the entry is new, so the log accepts it.
    return AuditEntry.objects.create(
        at=at,
        interface="command",
        action="pavilion.slots.generated",
        object_repr=str(pavilion),
        pavilion_id=pavilion.pk,
    )


def test_an_organiser_sees_only_their_pavilions_entries(client, two_pavilions):
    entry_of(two_pavilions["pavilion_a"])
    entry_of(two_pavilions["pavilion_b"])
    audit.record(action="sme.updated", changes={"name_en": ["Old Co", "Secret Co"]})
    client.force_login(two_pavilions["organiser_a"])
    response = client.get(LIST)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Pavilion Alpha" in content
    assert "Pavilion Bravo" not in content
    assert "Secret Co" not in content


def test_an_organiser_cannot_open_another_pavilions_entry(client, two_pavilions):
    other = entry_of(two_pavilions["pavilion_b"])
    client.force_login(two_pavilions["organiser_a"])
    response = client.get(reverse("admin:core_auditentry_change", args=[other.pk]), follow=True)
    assert "Pavilion Bravo" not in response.content.decode()
    assert response.redirect_chain[0][1] == 302


def test_a_platform_administrator_sees_every_entry(admin_client, two_pavilions):
    entry_of(two_pavilions["pavilion_a"])
    entry_of(two_pavilions["pavilion_b"])
    audit.record(action="member.invited")
    content = admin_client.get(LIST).content.decode()
    assert "Pavilion Alpha" in content
    assert "Pavilion Bravo" in content
    assert "Colleague invited" in content


def test_nobody_adds_changes_or_deletes_an_entry_in_the_admin(admin_client, two_pavilions):
    entry = entry_of(two_pavilions["pavilion_a"])
    change = reverse("admin:core_auditentry_change", args=[entry.pk])
    assert admin_client.get(reverse("admin:core_auditentry_add")).status_code == 403
    assert admin_client.post(change, {"action": "meeting.moved"}).status_code == 403
    delete = reverse("admin:core_auditentry_delete", args=[entry.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    listing = admin_client.post(LIST, {"action": "delete_selected", "_selected_action": [entry.pk]})
    assert listing.status_code in (200, 302)
    view = admin_client.get(change)
    assert view.status_code == 200
    assert 'name="_save"' not in view.content.decode()
    entry.refresh_from_db()
    assert entry.action == "pavilion.slots.generated"
    assert AuditEntry.objects.count() == 1


def test_the_organisers_group_may_read_the_log(client, two_pavilions):
    organiser = two_pavilions["organiser_a"]
    assert organiser.has_perm("core.view_auditentry")
    assert not organiser.has_perm("core.change_auditentry")
    assert not organiser.has_perm("core.delete_auditentry")


def test_times_are_in_the_fairs_zone_or_in_utc_with_the_zone_named(admin_client, two_pavilions):
    winter = datetime(2027, 11, 15, 9, 30, tzinfo=UTC)
    entry_of(two_pavilions["pavilion_a"], at=winter)
    AuditEntry.objects.create(
        at=datetime(2027, 11, 14, 8, 0, tzinfo=UTC), interface="page", action="member.invited"
    )
    content = admin_client.get(LIST).content.decode()
    assert "Mon 15 Nov 2027, 10:30 CET" in content  # the Medica pavilion's fair, in Düsseldorf
    assert "Sun 14 Nov 2027, 08:00 UTC" in content
    japanese = admin_client.get("/ja/admin/core/auditentry/").content.decode()
    assert "2027年11月15日(月) 10:30 CET" in japanese
    with translation.override("ja"):
        label = audit.action_label("pavilion.slots.generated")
    assert label != "Meeting slots generated"
    assert label in japanese


def test_the_list_shows_the_changes_as_codes(admin_client, two_pavilions):
    audit.record(
        action="registration.decided",
        obj=two_pavilions["pavilion_a"],
        pavilion_id=two_pavilions["pavilion_a"].pk,
        changes={"status": ["applied", "accepted"], "booth": ["", "B-7"]},
    )
    content = admin_client.get(LIST).content.decode()
    assert "<code>status</code>: applied → accepted" in content
    assert "<code>booth</code>: &quot;&quot; → B-7" in content


def test_the_list_filters_by_action_and_interface(admin_client, two_pavilions):
    entry_of(two_pavilions["pavilion_a"])
    with audit.origin("api"):
        audit.record(action="member.invited")
    by_action = admin_client.get(LIST, {"action": "member.invited"}).context["cl"]
    assert [e.action for e in by_action.result_list] == ["member.invited"]
    by_interface = admin_client.get(LIST, {"interface__exact": "command"}).context["cl"]
    assert [e.action for e in by_interface.result_list] == ["pavilion.slots.generated"]
    old = entry_of(two_pavilions["pavilion_b"], at=datetime(2020, 1, 6, tzinfo=UTC))
    now = timezone.now()
    since, until = now - timedelta(days=1), now + timedelta(days=1)
    recent = admin_client.get(LIST, {"at__gte": str(since), "at__lt": str(until)}).context["cl"]
    assert old not in recent.result_list
    assert len(recent.result_list) == 2


def test_the_list_makes_as_many_queries_for_30_entries_as_for_1(client, two_pavilions):
    pavilion = two_pavilions["pavilion_a"]
    writer = get_user_model().objects.create_user(username="writer", first_name="Kenji")
    client.force_login(two_pavilions["organiser_a"])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST).status_code == 200
        return len(captured)

    with audit.origin("admin", user=writer):
        entry_of(pavilion)
        one = queries()
        for _more in range(29):
            entry_of(pavilion)
    assert AuditEntry.objects.count() == 30
    assert queries() == one
