import pytest
from django.core.exceptions import ValidationError

from companies import services
from companies.factories import ForeignBuyerFactory, MarketFactory, SMEFactory
from companies.models import Membership

pytestmark = pytest.mark.django_db

SME_FIELDS = {
    "name_ja": "株式会社越後精密",
    "name_en": "Echigo Precision Co., Ltd.",
    "prefecture": "niigata",
    "industry_class": "manufacturing",
    "employees": 42,
    "capital_yen": 30_000_000,
}


def test_registering_an_sme_makes_the_user_its_administrator(django_user_model):
    user = django_user_model.objects.create_user("tanaka")
    sme = services.sme_register(user=user, **SME_FIELDS)
    assert (user.membership.sme, user.membership.role) == (sme, "admin")


def test_a_bad_profile_is_refused_field_by_field(django_user_model):
    user = django_user_model.objects.create_user("tanaka")
    with pytest.raises(ValidationError) as error:
        services.sme_register(
            user=user, **{**SME_FIELDS, "prefecture": "atlantis", "buyer_types_served": ["pirate"]}
        )
    assert set(error.value.message_dict) == {"prefecture", "buyer_types_served"}
    assert not Membership.objects.exists()


def test_a_user_belongs_to_one_company_only(django_user_model):
    user = django_user_model.objects.create_user("tanaka")
    services.sme_register(user=user, **SME_FIELDS)
    with pytest.raises(ValidationError, match="already belongs to a company"):
        services.buyer_register(
            user=user,
            name="Werner Medical AG",
            country=MarketFactory(code="DE"),
            buyer_type="importer",
            order_size="medium",
        )


def test_updating_a_profile_sets_relations(db):
    sme = SMEFactory()
    germany = MarketFactory(code="DE")
    services.sme_update(sme=sme, employees=55, target_markets=[germany])
    sme.refresh_from_db()
    assert sme.employees == 55
    assert list(sme.target_markets.all()) == [germany]


def test_only_a_company_administrator_invites_colleagues(django_user_model):
    buyer = ForeignBuyerFactory()
    admin = django_user_model.objects.create_user("boss")
    Membership.objects.create(user=admin, buyer=buyer, role="admin")
    staff = django_user_model.objects.create_user("staff")
    Membership.objects.create(user=staff, buyer=buyer, role="staff")
    colleague = services.membership_invite(
        company=buyer, email="Anna@Example.de", by=admin, first_name="Anna", last_name="Weber"
    )
    assert colleague.membership.buyer == buyer
    assert (colleague.first_name, colleague.last_name) == ("Anna", "Weber")
    assert not colleague.has_usable_password()
    with pytest.raises(ValidationError, match="Only a company administrator"):
        services.membership_invite(company=buyer, email="x@example.de", by=staff)
    with pytest.raises(ValidationError, match="already has an account"):
        services.membership_invite(company=buyer, email="anna@Example.de", by=admin)
