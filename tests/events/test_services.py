from datetime import UTC, date, datetime, time

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from companies.choices import ExportExperience, IndustryClass
from companies.factories import (
    CertificationFactory,
    ForeignBuyerFactory,
    LanguageFactory,
    SMEFactory,
)
from events.factories import (
    ExhibitorRegistrationFactory,
    InterpreterFactory,
    PavilionFactory,
    TradeFairFactory,
)
from events.models import (
    BuyerRegistration,
    ExhibitorRegistration,
    RegistrationStatus,
    TimetableBreak,
)
from events.services.buyers import buyer_registration_register, buyer_registration_update
from events.services.interpreters import interpreter_delete, interpreter_save
from events.services.registrations import (
    exhibitor_registration_apply,
    exhibitor_registration_assign_booth,
    exhibitor_registration_decide,
)
from events.services.slots import meeting_slots_generate
from meetings.models import Meeting

pytestmark = pytest.mark.django_db

DURING_WINDOW = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)


def apply(pavilion, sme, at=DURING_WINDOW):
    return exhibitor_registration_apply(pavilion=pavilion, sme=sme, at=at)


def test_apply_records_eligibility_and_first_timer():
    registration = apply(PavilionFactory(), SMEFactory(employees=12, capital_yen=10_000_000))
    assert registration.status == RegistrationStatus.APPLIED
    assert registration.is_sme_eligible
    assert registration.first_time_exhibitor
    assert "capital of ¥10,000,000 is within the limit" in registration.eligibility.reason


def test_apply_twice_is_refused_with_the_current_status():
    pavilion, sme = PavilionFactory(), SMEFactory()
    apply(pavilion, sme)
    with pytest.raises(ValidationError, match=r"already applied.*Applied"):
        apply(pavilion, sme)
    assert ExhibitorRegistration.objects.filter(pavilion=pavilion, sme=sme).count() == 1


def test_database_refuses_a_second_registration_of_the_same_sme():
    registration = ExhibitorRegistrationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ExhibitorRegistrationFactory(pavilion=registration.pavilion, sme=registration.sme)


def test_apply_before_the_window_opens_names_the_opening_date_in_fair_time():
    pavilion = PavilionFactory(application_opens_at=datetime(2027, 2, 1, 8, 0, tzinfo=UTC))
    with pytest.raises(ValidationError, match=r"open on Mon 1 Feb 2027, 09:00 CET"):
        apply(pavilion, SMEFactory(), at=datetime(2027, 1, 31, tzinfo=UTC))


def test_apply_at_the_closing_instant_is_refused():
    pavilion = PavilionFactory()
    with pytest.raises(ValidationError, match="closed on"):
        apply(pavilion, SMEFactory(), at=pavilion.application_closes_at)


def test_apply_ineligible_company_names_the_limits_it_exceeds():
    sme = SMEFactory(industry_class=IndustryClass.WHOLESALE, capital_yen=100_000_001, employees=101)
    with pytest.raises(ValidationError) as error:
        apply(PavilionFactory(), sme)
    message = error.value.messages[0]
    assert "¥100,000,000 limit" in message
    assert "limit of 100" in message
    assert not ExhibitorRegistration.objects.exists()


def test_withdrawn_application_can_be_made_again():
    pavilion, sme = PavilionFactory(), SMEFactory()
    registration = apply(pavilion, sme)
    exhibitor_registration_decide(registration=registration, status=RegistrationStatus.WITHDRAWN)
    again = apply(pavilion, sme)
    assert again.pk == registration.pk
    assert again.status == RegistrationStatus.APPLIED


def test_first_timer_false_after_an_accepted_earlier_pavilion():
    sme = SMEFactory()
    earlier = PavilionFactory(
        fair=TradeFairFactory(starts_on=date(2026, 1, 10), ends_on=date(2026, 1, 12))
    )
    ExhibitorRegistrationFactory(pavilion=earlier, sme=sme, status=RegistrationStatus.ACCEPTED)
    assert not apply(PavilionFactory(), sme).first_time_exhibitor


def test_first_timer_false_for_a_direct_exporter():
    sme = SMEFactory(export_experience=ExportExperience.DIRECT)
    assert not apply(PavilionFactory(), sme).first_time_exhibitor


def test_first_timer_true_for_indirect_exporter_with_only_rejected_history():
    sme = SMEFactory(export_experience=ExportExperience.INDIRECT)
    earlier = PavilionFactory(
        fair=TradeFairFactory(starts_on=date(2026, 1, 10), ends_on=date(2026, 1, 12))
    )
    ExhibitorRegistrationFactory(pavilion=earlier, sme=sme, status=RegistrationStatus.REJECTED)
    assert apply(PavilionFactory(), sme).first_time_exhibitor


def test_accept_beyond_capacity_is_refused_and_keeps_the_application():
    pavilion = PavilionFactory(booth_capacity=1)
    first, second = apply(pavilion, SMEFactory()), apply(pavilion, SMEFactory())
    exhibitor_registration_decide(registration=first, status="accepted")
    with pytest.raises(ValidationError, match="full: all 1 booths are taken"):
        exhibitor_registration_decide(registration=second, status="accepted")
    second.refresh_from_db()
    assert second.status == RegistrationStatus.APPLIED


def test_waitlisted_application_can_be_accepted_when_a_booth_frees_up():
    pavilion = PavilionFactory(booth_capacity=1)
    first, second = apply(pavilion, SMEFactory()), apply(pavilion, SMEFactory())
    exhibitor_registration_decide(registration=first, status="accepted")
    exhibitor_registration_decide(registration=second, status="waitlisted")
    exhibitor_registration_decide(registration=first, status="withdrawn")
    accepted = exhibitor_registration_decide(registration=second, status="accepted")
    assert accepted.status == RegistrationStatus.ACCEPTED


def test_accept_records_who_decided_and_the_booth(django_user_model):
    organiser = django_user_model.objects.create_user("o")
    registration = apply(PavilionFactory(), SMEFactory())
    accepted = exhibitor_registration_decide(
        registration=registration, status="accepted", by=organiser, booth="A-01"
    )
    assert (accepted.decided_by, accepted.booth) == (organiser, "A-01")
    assert accepted.decided_at is not None


def test_accept_refused_when_the_company_grew_past_the_limits_since_applying():
    sme = SMEFactory()
    registration = apply(PavilionFactory(), sme)
    sme.capital_yen, sme.employees = 400_000_000, 450
    sme.save()
    with pytest.raises(ValidationError, match=r"cannot be accepted.*exceeds"):
        exhibitor_registration_decide(registration=registration, status="accepted")


def test_booth_given_twice_is_refused_naming_the_holder():
    pavilion = PavilionFactory()
    holder_sme = SMEFactory(name_en="Echigo Precision")
    holder, other = apply(pavilion, holder_sme), apply(pavilion, SMEFactory())
    exhibitor_registration_decide(registration=holder, status="accepted", booth="B-07")
    exhibitor_registration_decide(registration=other, status="accepted")
    with pytest.raises(ValidationError, match="B-07 is already given to Echigo Precision"):
        exhibitor_registration_assign_booth(registration=other, booth="B-07")


def test_database_refuses_a_booth_given_twice():
    pavilion = PavilionFactory()
    ExhibitorRegistrationFactory(pavilion=pavilion, status="accepted", booth="C-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        ExhibitorRegistrationFactory(pavilion=pavilion, status="accepted", booth="C-1")


def test_same_booth_name_at_two_pavilions_is_allowed():
    ExhibitorRegistrationFactory(status="accepted", booth="C-1")
    ExhibitorRegistrationFactory(status="accepted", booth="C-1")
    assert ExhibitorRegistration.objects.filter(booth="C-1").count() == 2


def test_booth_for_an_unaccepted_exhibitor_is_refused():
    registration = apply(PavilionFactory(), SMEFactory())
    with pytest.raises(ValidationError, match="Only an accepted exhibitor"):
        exhibitor_registration_assign_booth(registration=registration, booth="A-1")


def test_rejecting_an_accepted_exhibitor_frees_the_booth():
    registration = apply(PavilionFactory(), SMEFactory())
    exhibitor_registration_decide(registration=registration, status="accepted", booth="A-1")
    rejected = exhibitor_registration_decide(registration=registration, status="rejected")
    assert rejected.booth == ""


def test_a_withdrawn_application_cannot_be_accepted():
    registration = apply(PavilionFactory(), SMEFactory())
    exhibitor_registration_decide(registration=registration, status="withdrawn")
    with pytest.raises(ValidationError, match="withdrawn cannot become accepted"):
        exhibitor_registration_decide(registration=registration, status="accepted")


def test_buyer_registration_days_outside_the_fair_are_refused():
    pavilion = PavilionFactory()
    with pytest.raises(ValidationError, match="Fri 19 Nov 2027: not a day of"):
        buyer_registration_register(
            pavilion=pavilion,
            buyer=ForeignBuyerFactory(),
            days=[date(2027, 11, 18), date(2027, 11, 19)],
        )


def test_buyer_registration_replaces_days_on_a_second_call():
    pavilion, buyer = PavilionFactory(), ForeignBuyerFactory()
    buyer_registration_register(
        pavilion=pavilion, buyer=buyer, days=[date(2027, 11, 15), date(2027, 11, 16)]
    )
    registration = buyer_registration_register(
        pavilion=pavilion, buyer=buyer, days=[date(2027, 11, 16)]
    )
    assert [d.day for d in registration.days.all()] == [date(2027, 11, 16)]


def test_buyer_registration_needs_a_day():
    with pytest.raises(ValidationError, match="at least one day"):
        buyer_registration_register(
            pavilion=PavilionFactory(), buyer=ForeignBuyerFactory(), days=[]
        )


def test_slots_follow_the_timetable_around_breaks_in_fair_time():
    pavilion = PavilionFactory(
        meeting_day_starts=time(10, 0), meeting_day_ends=time(13, 0), slot_minutes=45
    )
    TimetableBreak.objects.create(
        pavilion=pavilion, starts_at=time(11, 30), ends_at=time(12, 0), label="Lunch"
    )
    counts = meeting_slots_generate(pavilion=pavilion)
    first_day = [
        pavilion.fair.local(s.starts_at).strftime("%H:%M")
        for s in pavilion.slots.all()
        if s.local_day == date(2027, 11, 15)
    ]
    # 10:00 and 10:45 fit before lunch; 11:30 would clash, so the next starts at 12:00.
    assert first_day == ["10:00", "10:45", "12:00"]
    assert counts == {"created": 12, "removed": 0, "kept": 0, "total": 12}
    # Stored in UTC: 10:00 in Düsseldorf in November is 09:00 UTC.
    assert pavilion.slots.first().starts_at == datetime(2027, 11, 15, 9, 0, tzinfo=UTC)


def test_slots_keep_local_times_across_a_daylight_saving_change():
    fair = TradeFairFactory(starts_on=date(2027, 3, 27), ends_on=date(2027, 3, 29))
    pavilion = PavilionFactory(
        fair=fair, meeting_day_starts=time(10, 0), meeting_day_ends=time(10, 30)
    )
    meeting_slots_generate(pavilion=pavilion)
    starts = [s.starts_at for s in pavilion.slots.all()]
    assert [fair.local(s).strftime("%H:%M") for s in starts] == ["10:00"] * 3
    assert [s.hour for s in starts] == [9, 8, 8]  # CET then CEST


def test_slot_generation_twice_changes_nothing():
    pavilion = PavilionFactory()
    meeting_slots_generate(pavilion=pavilion)
    before = list(pavilion.slots.values_list("pk", "starts_at"))
    counts = meeting_slots_generate(pavilion=pavilion)
    assert counts["created"] == counts["removed"] == 0
    assert list(pavilion.slots.values_list("pk", "starts_at")) == before


def test_slot_regeneration_keeps_slots_an_interpreter_is_booked_in():
    pavilion = PavilionFactory(meeting_day_ends=time(12, 0))
    meeting_slots_generate(pavilion=pavilion)
    last = pavilion.slots.last()
    InterpreterFactory(pavilion=pavilion).available_slots.add(last)
    pavilion.meeting_day_ends = time(11, 0)
    pavilion.save()
    counts = meeting_slots_generate(pavilion=pavilion)
    # Four fair days lose their 11:00 and 11:30 slots; only the booked one stays.
    assert (counts["removed"], counts["kept"]) == (7, 1)
    assert pavilion.slots.filter(pk=last.pk).exists()


def test_slot_regeneration_keeps_slots_a_meeting_is_booked_in():
    pavilion = PavilionFactory(meeting_day_ends=time(12, 0))
    meeting_slots_generate(pavilion=pavilion)
    last = pavilion.slots.last()
    Meeting.objects.create(
        pavilion=pavilion,
        sme=SMEFactory(),
        buyer=ForeignBuyerFactory(),
        requested_by_side="organiser",
        status="scheduled",
        slot=last,
    )
    pavilion.meeting_day_ends = time(11, 30)
    pavilion.save()
    counts = meeting_slots_generate(pavilion=pavilion)
    assert (counts["removed"], counts["kept"]) == (3, 1)
    assert pavilion.slots.filter(pk=last.pk).exists()


@pytest.fixture
def interpreting():
    """A pavilion with its slots, and the two languages an interpreter works in."""
    pavilion = PavilionFactory(meeting_day_ends=time(11, 0))
    meeting_slots_generate(pavilion=pavilion)
    return {
        "pavilion": pavilion,
        "languages": [LanguageFactory(code="ja"), LanguageFactory(code="en", name_en="English")],
        "slots": list(pavilion.slots.all()),
    }


def test_an_interpreter_is_saved_with_languages_and_slots(interpreting):
    interpreter = interpreter_save(
        pavilion=interpreting["pavilion"],
        name="  Aiko Mori ",
        languages=interpreting["languages"],
        available_slots=interpreting["slots"][:2],
    )
    assert interpreter.name == "Aiko Mori"
    assert {language.code for language in interpreter.languages.all()} == {"ja", "en"}
    assert list(interpreter.available_slots.all()) == interpreting["slots"][:2]
    interpreter_save(
        interpreter=interpreter,
        pavilion=interpreting["pavilion"],
        name="Aiko Mori",
        languages=interpreting["languages"][:1],
    )
    assert interpreter.available_slots.count() == 0
    assert interpreter.languages.count() == 1


@pytest.mark.parametrize("problem", ["name", "languages", "available_slots"])
def test_an_interpreter_is_refused_with_the_field_named(interpreting, problem):
    pavilion = interpreting["pavilion"]
    InterpreterFactory(pavilion=pavilion, name="Aiko Mori")
    elsewhere = PavilionFactory()
    meeting_slots_generate(pavilion=elsewhere)
    fields = {
        "name": "Ken Sato",
        "languages": interpreting["languages"],
        "available_slots": interpreting["slots"],
    }
    fields[problem] = {
        "name": "Aiko Mori",
        "languages": [],
        "available_slots": [elsewhere.slots.first()],
    }[problem]
    with pytest.raises(ValidationError) as error:
        interpreter_save(pavilion=pavilion, **fields)
    assert list(error.value.message_dict) == [problem]
    assert list(pavilion.interpreters.values_list("name", flat=True)) == ["Aiko Mori"]


def test_an_interpreter_with_another_pavilions_slot_is_told_its_time_not_its_id(interpreting):
    elsewhere = PavilionFactory()
    meeting_slots_generate(pavilion=elsewhere)
    foreign = elsewhere.slots.order_by("starts_at").first()
    with pytest.raises(ValidationError) as error:
        interpreter_save(
            pavilion=interpreting["pavilion"],
            name="Ken Sato",
            languages=interpreting["languages"],
            available_slots=[foreign],
        )
    (message,) = error.value.message_dict["available_slots"]
    assert message.startswith(f"{foreign}: not a slot of")
    assert f" {foreign.pk} " not in f" {message} "


def test_an_interpreter_booked_in_a_meeting_keeps_that_slot_and_stays(interpreting):
    pavilion, slot = interpreting["pavilion"], interpreting["slots"][0]
    interpreter = interpreter_save(
        pavilion=pavilion, name="Aiko", languages=interpreting["languages"], available_slots=[slot]
    )
    Meeting.objects.create(
        pavilion=pavilion,
        sme=SMEFactory(),
        buyer=ForeignBuyerFactory(),
        requested_by_side="organiser",
        status="scheduled",
        slot=slot,
        interpreter=interpreter,
        interpreter_languages="ja-en",
    )
    with pytest.raises(ValidationError) as error:
        interpreter_save(
            interpreter=interpreter,
            pavilion=pavilion,
            name="Aiko",
            languages=interpreting["languages"][:1],
            available_slots=[],
        )
    assert set(error.value.message_dict) == {"available_slots", "languages"}
    with pytest.raises(ValidationError, match="is named in 1 meeting;"):
        interpreter_delete(interpreter=interpreter)
    assert list(interpreter.available_slots.all()) == [slot]


def test_an_interpreter_without_meetings_is_removed(interpreting):
    interpreter = InterpreterFactory(pavilion=interpreting["pavilion"])
    interpreter_delete(interpreter=interpreter)
    assert not interpreting["pavilion"].interpreters.exists()


def test_buyer_registration_takes_the_companys_needs_by_default():
    ce = CertificationFactory(code="CE")
    buyer = ForeignBuyerFactory(sourcing_needs="Endoscopes")
    buyer.required_certifications.add(ce)
    registration = buyer_registration_register(
        pavilion=PavilionFactory(), buyer=buyer, days=[date(2027, 11, 15)]
    )
    assert registration.sourcing_needs == "Endoscopes"
    assert list(registration.required_certifications.all()) == [ce]


def test_buyer_registration_needs_for_a_second_fair_leave_the_first_as_it_was():
    ce, halal = CertificationFactory(code="CE"), CertificationFactory(code="HALAL")
    buyer = ForeignBuyerFactory(sourcing_needs="Endoscopes")
    first = buyer_registration_register(
        pavilion=PavilionFactory(),
        buyer=buyer,
        days=[date(2027, 11, 15)],
        sourcing_needs="Flexible endoscopes",
        required_certifications=[ce],
    )
    later = TradeFairFactory(starts_on=date(2028, 1, 24), ends_on=date(2028, 1, 27))
    buyer_registration_register(
        pavilion=PavilionFactory(fair=later),
        buyer=buyer,
        days=[date(2028, 1, 24)],
        sourcing_needs="Wound dressings",
        required_certifications=[halal],
    )
    first.refresh_from_db()
    assert first.sourcing_needs == "Flexible endoscopes"
    assert list(first.required_certifications.all()) == [ce]
    buyer.refresh_from_db()
    assert buyer.sourcing_needs == "Endoscopes"
    assert not buyer.required_certifications.exists()


def test_buyer_registration_again_without_needs_keeps_the_registrations_own():
    pavilion, buyer = PavilionFactory(), ForeignBuyerFactory(sourcing_needs="Endoscopes")
    ce = CertificationFactory(code="CE")
    buyer_registration_register(
        pavilion=pavilion,
        buyer=buyer,
        days=[date(2027, 11, 15)],
        sourcing_needs="  Staplers ",
        required_certifications=[ce],
    )
    again = buyer_registration_register(pavilion=pavilion, buyer=buyer, days=[date(2027, 11, 16)])
    assert again.sourcing_needs == "Staplers"
    assert list(again.required_certifications.all()) == [ce]


def test_buyer_registration_update_changes_only_what_is_given():
    pavilion, buyer = PavilionFactory(), ForeignBuyerFactory(sourcing_needs="Endoscopes")
    registration = buyer_registration_register(
        pavilion=pavilion, buyer=buyer, days=[date(2027, 11, 15)]
    )
    BuyerRegistration.objects.filter(pk=registration.pk).update(status="cancelled")
    changed = buyer_registration_update(registration=registration, sourcing_needs="Clips")
    assert changed.sourcing_needs == "Clips"
    assert changed.status == "cancelled"
    assert [d.day for d in changed.days.all()] == [date(2027, 11, 15)]
    with pytest.raises(ValidationError, match="Fri 19 Nov 2027: not a day of"):
        buyer_registration_update(registration=registration, days=[date(2027, 11, 19)])


def test_apply_keeps_the_ownership_the_verdict_rests_on():
    sme = SMEFactory(largest_large_shareholder_percent=30, large_shareholders_percent=40)
    registration = apply(PavilionFactory(), sme)
    assert registration.eligibility_largest_large_shareholder_percent == 30
    assert registration.eligibility_large_shareholders_percent == 40
    assert not registration.eligibility_officers_from_large_company
    # A later takeover changes the profile, not the verdict the application was made on.
    sme.largest_large_shareholder_percent = sme.large_shareholders_percent = 80
    sme.save()
    registration.refresh_from_db()
    assert registration.eligibility.eligible


def test_apply_by_a_deemed_large_company_is_refused_naming_the_rule():
    sme = SMEFactory(largest_large_shareholder_percent=60, large_shareholders_percent=60)
    with pytest.raises(ValidationError, match=r"a large company holds 60% \(half or more\)"):
        apply(PavilionFactory(), sme)
    assert not ExhibitorRegistration.objects.exists()


def test_accept_refused_when_a_large_company_took_over_since_applying():
    sme = SMEFactory()
    registration = apply(PavilionFactory(), sme)
    sme.officers_from_large_company = True
    sme.save()
    with pytest.raises(ValidationError, match=r"cannot be accepted.*officers"):
        exhibitor_registration_decide(registration=registration, status="accepted")


def test_apply_records_the_rubber_products_exception():
    sme = SMEFactory(
        industry_class=IndustryClass.RUBBER_PRODUCTS, capital_yen=500_000_000, employees=850
    )
    registration = apply(PavilionFactory(), sme)
    assert registration.eligibility_industry_class == IndustryClass.RUBBER_PRODUCTS
    assert "Cabinet Order exception for rubber products" in registration.eligibility.reason
