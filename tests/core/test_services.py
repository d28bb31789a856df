"""Plain rows saved and deleted with their audit entries (``core.services``)."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from companies.factories import CertificationFactory, MarketFactory
from companies.models import Certification
from core import audit
from core.models import AuditEntry
from core.services import row_delete, row_save, unique_or_refused
from events.factories import PavilionFactory
from events.models import MeetingSlot

pytestmark = pytest.mark.django_db


def test_a_new_row_records_every_field_and_its_sets(django_user_model):
    admin = django_user_model.objects.create_user("admin")
    germany = MarketFactory(code="DE")
    certification = Certification(code="CE", name_en="CE marking", name_ja="CEマーク")
    with audit.origin("admin", user=admin):
        row_save(obj=certification, subject="certification", many={"markets": [germany]})
    assert list(Certification.objects.get(code="CE").markets.all()) == [germany]
    entry = AuditEntry.objects.get(action="certification.created")
    assert (entry.interface, entry.actor, entry.object_id) == ("admin", admin, certification.pk)
    assert entry.changes == {
        "code": [None, "CE"],
        "description_en_length": [None, 0],
        "description_ja_length": [None, 0],
        "markets": [None, [germany.pk]],
        "name_en": [None, "CE marking"],
        "name_ja": [None, "CEマーク"],
    }


def test_a_changed_row_records_only_what_changed_and_an_unchanged_one_nothing():
    certification = CertificationFactory(code="CE", name_en="CE")
    certification.name_en = "CE marking"
    row_save(obj=certification, subject="certification", many={"markets": []})
    row_save(obj=certification, subject="certification", many={"markets": []})
    entry = AuditEntry.objects.get()
    assert entry.action == "certification.changed"
    assert entry.changes == {"name_en": ["CE", "CE marking"]}


def test_skipped_fields_are_never_recorded(django_user_model):
    user = django_user_model(username="mori")
    user.set_password("a-long-pass-phrase-9")
    row_save(obj=user, subject="account", skipped=("password", "last_login"))
    entry = AuditEntry.objects.get(action="account.created")
    assert "password" not in entry.changes
    assert entry.changes["username"] == [None, "mori"]


def test_a_deleted_row_is_recorded_before_it_goes():
    germany = MarketFactory(code="DE")
    certification = CertificationFactory(code="CE")
    certification.markets.add(germany)
    pk = certification.pk
    row_delete(obj=certification, subject="certification")
    assert not Certification.objects.exists()
    entry = AuditEntry.objects.get(action="certification.deleted")
    assert (entry.object_id, entry.changes["markets"]) == (pk, [[germany.pk], None])


def _slot_codes(slot):
    return audit.values(slot, ["pavilion", "starts_at", "ends_at"])


def test_a_time_typed_in_another_zone_for_the_same_instant_records_nothing():
    starts = datetime(2027, 11, 15, 9, 30, tzinfo=UTC)
    slot = MeetingSlot.objects.create(
        pavilion=PavilionFactory(), starts_at=starts, ends_at=starts + timedelta(minutes=30)
    )
    slot.starts_at = starts.astimezone(ZoneInfo("Asia/Tokyo"))
    row_save(obj=slot, subject="slot", codes=_slot_codes, pavilion="pavilion_id")
    assert not AuditEntry.objects.exists()


def test_own_codes_verb_and_pavilion_are_recorded():
    pavilion = PavilionFactory()
    starts = datetime(2027, 11, 15, 9, 30, tzinfo=UTC)
    slot = MeetingSlot(pavilion=pavilion, starts_at=starts, ends_at=starts + timedelta(hours=1))
    row_save(obj=slot, subject="slot", codes=_slot_codes, pavilion="pavilion_id", new="added")
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.pavilion_id) == ("slot.added", pavilion.pk)
    assert entry.changes["starts_at"] == [None, "2027-11-15T09:30:00+00:00"]


def test_a_broken_unique_constraint_is_refused_in_words_and_rolled_back():
    CertificationFactory(code="CE")
    with (
        pytest.raises(ValidationError) as refused,
        unique_or_refused(lambda: {"code": "CE is taken."}),
    ):
        Certification.objects.create(code="CE", name_en="again", name_ja="again")
    assert refused.value.message_dict == {"code": ["CE is taken."]}
    assert Certification.objects.count() == 1
