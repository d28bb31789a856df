import hashlib
import io
import re
import zoneinfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction

from companies.eligibility import sme_eligibility
from companies.models import SME, ForeignBuyer, Membership
from core.organisers import is_organiser
from events.demo import DEMO_TODAY, buyer_plans, demo_seed, sme_plans
from events.models import (
    BuyerAttendanceDay,
    BuyerRegistration,
    ExhibitorRegistration,
    Interpreter,
    MeetingSlot,
    OrganisingOffice,
    Pavilion,
    RegistrationStatus,
    TimetableBreak,
    TradeFair,
)
from events.organisers import pavilions_organised_by

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _snapshot() -> dict:
    """Per-model counts and a digest of the rows' natural keys and key fields."""
    user_model = get_user_model()
    rows = {
        "users": user_model.objects.values_list("username", "password", "is_staff", "is_superuser"),
        "offices": OrganisingOffice.objects.values_list("name_en", "members__username"),
        "fairs": TradeFair.objects.values_list("name", "starts_on", "ends_on", "time_zone"),
        "pavilions": Pavilion.objects.values_list(
            "fair__name",
            "name_en",
            "booth_capacity",
            "application_opens_at",
            "application_closes_at",
        ),
        "breaks": TimetableBreak.objects.values_list("pavilion__name_en", "starts_at", "ends_at"),
        "slots": MeetingSlot.objects.values_list("pavilion__name_en", "starts_at", "ends_at"),
        "interpreters": Interpreter.objects.values_list(
            "pavilion__name_en", "name", "languages__code"
        ),
        "interpreter_slots": Interpreter.available_slots.through.objects.values_list(
            "interpreter__name", "meetingslot__starts_at"
        ),
        "smes": SME.objects.values_list(
            "name_ja", "name_en", "employees", "capital_yen", "description_en", "updated_at"
        ),
        "sme_links": SME.objects.values_list(
            "name_ja",
            "sectors__code",
            "target_markets__code",
            "certifications__code",
            "languages__code",
        ),
        "buyers": ForeignBuyer.objects.values_list(
            "name", "country__code", "sourcing_needs", "updated_at"
        ),
        "buyer_links": ForeignBuyer.objects.values_list(
            "name", "sectors__code", "required_certifications__code", "languages__code"
        ),
        "memberships": Membership.objects.values_list(
            "user__username", "role", "sme__name_ja", "buyer__name"
        ),
        "exhibitors": ExhibitorRegistration.objects.values_list(
            "pavilion__name_en",
            "sme__name_ja",
            "status",
            "booth",
            "first_time_exhibitor",
            "applied_at",
            "decided_at",
            "updated_at",
        ),
        "buyer_registrations": BuyerRegistration.objects.values_list(
            "pavilion__name_en", "buyer__name", "status", "registered_at", "updated_at"
        ),
        "days": BuyerAttendanceDay.objects.values_list(
            "registration__pavilion__name_en", "registration__buyer__name", "day"
        ),
    }
    return {
        name: (len(values), hashlib.sha256(repr(sorted(values, key=repr)).encode()).hexdigest())
        for name, values in ((name, list(qs)) for name, qs in rows.items())
    }


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seed once for the module, twice in a row, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        first = demo_seed()
        after_first = _snapshot()
        second = demo_seed()
        after_second = _snapshot()
        yield {
            "first": first,
            "second": second,
            "after_first": after_first,
            "after_second": after_second,
        }
        transaction.set_rollback(True)


def test_demo_seed_meets_the_minimums(seeded, db):
    counts = seeded["first"]

    assert counts["smes"] >= 60
    assert counts["buyers"] >= 400
    assert TradeFair.objects.count() == 5
    assert not TradeFair.objects.filter(pavilions__isnull=True).exists()
    assert ForeignBuyer.objects.values("country").distinct().count() >= 30
    for pavilion in Pavilion.objects.all():
        assert pavilion.slots.exists()
        assert 3 <= pavilion.interpreters.count() <= 6
        assert 20 <= pavilion.booth_capacity <= 40
        assert pavilion.buyer_registrations.exists()


def test_demo_fairs_have_valid_time_zones_and_2027_dates(seeded, db):
    for fair in TradeFair.objects.all():
        assert fair.time_zone in zoneinfo.available_timezones()
        assert fair.starts_on.year == 2027
    zones = dict(TradeFair.objects.values_list("name", "time_zone"))
    assert zones["Medica & Compamed"] == "Europe/Berlin"
    assert zones["Asia Fruit Logistica"] == "Asia/Hong_Kong"


def test_demo_seed_second_run_changes_nothing(seeded, db):
    second = seeded["second"]

    created = {key: value for key, value in second.items() if key.endswith("_created") and value}
    assert created == {}
    assert second["exhibitor_decisions"] == 0
    assert seeded["after_second"] == seeded["after_first"]


def test_demo_plans_do_not_depend_on_the_run_or_the_scale():
    one = [plan.name_ja for plan in sme_plans(scale=1)]
    again = [plan.name_ja for plan in sme_plans(scale=1)]
    two = [plan.name_ja for plan in sme_plans(scale=2)]
    buyers_one = [(plan.name, plan.country) for plan in buyer_plans(scale=1)]
    buyers_two = [(plan.name, plan.country) for plan in buyer_plans(scale=2)]

    assert one == again
    assert set(one) <= set(two)
    assert len(two) == 2 * len(one) == len(set(two))
    assert buyers_two[: len(buyers_one)] == buyers_one


def test_demo_smes_are_bilingual(seeded, db):
    for sme in SME.objects.all():
        assert JAPANESE.search(sme.name_ja)
        assert not JAPANESE.search(sme.name_en)
        assert JAPANESE.search(sme.description_ja)
        assert sme.description_en
        assert sme.products_en
        assert sme.products_ja
        assert sme.languages.filter(code="ja").exists()
        assert sme.sectors.exists()
    showcase = SME.objects.get(name_ja="株式会社越後精密")
    assert showcase.name_en == "Echigo Precision Co., Ltd."


def test_demo_registrations_include_first_timers_and_every_decision(seeded, db):
    registrations = ExhibitorRegistration.objects.all()

    assert registrations.filter(first_time_exhibitor=True).exists()
    assert registrations.filter(first_time_exhibitor=False).exists()
    assert set(registrations.values_list("status", flat=True)) >= {
        RegistrationStatus.APPLIED,
        RegistrationStatus.ACCEPTED,
        RegistrationStatus.WAITLISTED,
        RegistrationStatus.REJECTED,
    }
    for pavilion in Pavilion.objects.all():
        accepted = pavilion.exhibitor_registrations.filter(status=RegistrationStatus.ACCEPTED)
        assert accepted.count() <= pavilion.booth_capacity
        assert not accepted.filter(booth="").exists()
    assert not registrations.filter(decided_at__gt=DEMO_TODAY).exists()


def test_demo_ineligible_smes_exist_and_never_apply(seeded, db):
    ineligible = [
        sme
        for sme in SME.objects.all()
        if not sme_eligibility(
            industry_class=sme.industry_class, capital_yen=sme.capital_yen, employees=sme.employees
        ).eligible
    ]

    assert len(ineligible) >= 3
    assert not ExhibitorRegistration.objects.filter(sme__in=ineligible).exists()


def test_demo_application_windows_are_open_on_the_demo_day(seeded, db):
    open_fairs = {
        p.fair_id for p in Pavilion.objects.all() if p.application_window_open(at=DEMO_TODAY)
    }

    assert len(open_fairs) >= 3
    assert Pavilion.objects.filter(first_timer_fee_discount_percent=50).exists()
    assert not Pavilion.objects.filter(first_timer_conditions_ja="").exists()


def test_demo_buyers_attend_only_days_of_their_fair(seeded, db):
    for day in BuyerAttendanceDay.objects.select_related("registration__pavilion__fair"):
        fair = day.registration.pavilion.fair
        assert fair.starts_on <= day.day <= fair.ends_on


def test_demo_buyers_require_the_certifications_their_market_demands(seeded, db):
    def requiring(code, country):
        return ForeignBuyer.objects.filter(
            required_certifications__code=code, country__code=country
        )

    assert requiring("CE-MDR", "DE").exists()
    assert requiring("FDA-510K", "US").exists()
    assert requiring("HALAL", "AE").exists()
    assert requiring("HK-FOOD", "HK").exists()


def test_demo_interpreters_all_speak_japanese(seeded, db):
    assert not Interpreter.objects.exclude(languages__code="ja").exists()


def test_demo_organiser_sees_only_the_pavilion_of_their_office(seeded, db):
    user_model = get_user_model()
    organiser = user_model.objects.get(username="organiser-dusseldorf")
    admin = user_model.objects.get(username="admin")

    assert is_organiser(organiser)
    assert [p.name_en for p in pavilions_organised_by(organiser)] == [
        "Japan Pavilion at Medica 2027"
    ]
    assert pavilions_organised_by(admin).count() == Pavilion.objects.count() == 7
    assert organiser.check_password("pavilion-demo")


def test_seed_demo_command_prints_the_organiser_logins(seeded, db):
    out = io.StringIO()

    call_command("seed_demo", stdout=out)

    output = out.getvalue()
    assert "organiser-dusseldorf" in output
    assert "pavilion-demo" in output
    assert "nothing to add" in output


def test_demo_registrations_carry_their_own_needs(seeded, db):
    registrations = BuyerRegistration.objects.select_related("buyer", "pavilion__fair")
    assert not registrations.filter(sourcing_needs="").exists()
    # A buyer at a second fair looks for other products there; its first fair keeps the
    # company's text.
    second_fair = [r for r in registrations if r.sourcing_needs != r.buyer.sourcing_needs]
    assert second_fair
    for registration in second_fair:
        others = registrations.filter(buyer=registration.buyer).exclude(
            pavilion__fair=registration.pavilion.fair
        )
        assert others.filter(sourcing_needs=registration.buyer.sourcing_needs).exists()
