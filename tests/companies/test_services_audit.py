"""The audit entries of the company services: profiles registered and changed, invitations."""

import pytest
from django.core.exceptions import ValidationError

from companies import services
from companies.factories import ForeignBuyerFactory, MarketFactory, SMEFactory
from companies.models import ForeignBuyer, Membership
from core import audit
from core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_a_registered_sme_records_its_profile_as_codes(django_user_model):
    user = django_user_model.objects.create_user("tanaka")
    with audit.origin("page", user=user):
        sme = services.sme_register(
            user=user,
            name_ja="株式会社越後精密",
            name_en="Echigo Precision Co., Ltd.",
            prefecture="niigata",
            industry_class="manufacturing",
            employees=42,
            capital_yen=30_000_000,
            description_ja="精密部品を作っています。",
        )
    entry = AuditEntry.objects.get(action="sme.registered")
    assert (entry.actor, entry.object_id, entry.pavilion_id) == (user, sme.pk, None)
    assert entry.changes["prefecture"] == [None, "niigata"]
    assert entry.changes["capital_yen"] == [None, 30_000_000]
    # A description is someone's words: the log keeps its length only.
    assert entry.changes["description_ja_length"] == [None, 12]
    assert "description_ja" not in entry.changes


def test_a_changed_profile_records_only_what_changed(db):
    sme = SMEFactory(employees=40)
    germany = MarketFactory(code="DE")
    services.sme_update(sme=sme, employees=55, target_markets=[germany])
    services.sme_update(sme=sme, employees=55)
    entry = AuditEntry.objects.get(action="sme.updated")
    assert entry.changes == {"employees": [40, 55], "target_markets": [[], [germany.pk]]}


def test_a_refused_profile_change_records_nothing(db):
    sme = SMEFactory()
    with pytest.raises(ValidationError):
        services.sme_update(sme=sme, prefecture="atlantis")
    assert not AuditEntry.objects.exists()


def test_an_invitation_names_who_invited(django_user_model):
    sme = SMEFactory()
    boss = django_user_model.objects.create_user("boss")
    Membership.objects.create(user=boss, sme=sme, role="admin")
    colleague = services.membership_invite(company=sme, email="yuki@example.com", by=boss)
    entry = AuditEntry.objects.get(action="member.invited")
    assert (entry.actor, entry.interface) == (boss, "command")
    assert entry.changes["user"] == [None, colleague.pk]


def test_a_deleted_company_records_its_profile_before_it_goes(django_user_model):
    admin = django_user_model.objects.create_user("admin", is_superuser=True)
    buyer = ForeignBuyerFactory(city="Hamburg")
    pk = buyer.pk
    services.company_delete(company=buyer, by=admin)
    assert not ForeignBuyer.objects.exists()
    entry = AuditEntry.objects.get(action="buyer.deleted")
    assert (entry.actor, entry.object_id) == (admin, pk)
    assert entry.changes["city"] == ["Hamburg", None]
