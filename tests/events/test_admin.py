from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from companies.factories import ForeignBuyerFactory, LanguageFactory, SMEFactory
from events.factories import (
    BuyerRegistrationFactory,
    ExhibitorRegistrationFactory,
    InterpreterFactory,
    OrganisingOfficeFactory,
    PavilionFactory,
)
from events.models import ExhibitorRegistration, Interpreter, RegistrationStatus
from events.services.registrations import exhibitor_registration_decide
from events.services.slots import meeting_slots_generate

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_pavilions(make_organiser):
    """Pavilion A run by organiser A, pavilion B run by another office, each with its people."""
    office_a, office_b = OrganisingOfficeFactory(), OrganisingOfficeFactory()
    pavilion_a = PavilionFactory(organiser=office_a, name_en="Pavilion Alpha")
    pavilion_b = PavilionFactory(organiser=office_b, name_en="Pavilion Bravo")
    return {
        "organiser_a": make_organiser(office_a, "organiser-a"),
        "pavilion_a": pavilion_a,
        "pavilion_b": pavilion_b,
        "registration_a": ExhibitorRegistrationFactory(
            pavilion=pavilion_a, sme=SMEFactory(name_en="Alpha Ceramics")
        ),
        "registration_b": ExhibitorRegistrationFactory(
            pavilion=pavilion_b, sme=SMEFactory(name_en="Bravo Lacquer")
        ),
        "buyer_a": BuyerRegistrationFactory(
            pavilion=pavilion_a, buyer=ForeignBuyerFactory(name="Alpha Buyer")
        ),
        "buyer_b": BuyerRegistrationFactory(
            pavilion=pavilion_b, buyer=ForeignBuyerFactory(name="Bravo Buyer")
        ),
        "interpreter_b": InterpreterFactory(pavilion=pavilion_b, name="Bravo Interpreter"),
    }


def admin_url(model, action="changelist", *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.mark.parametrize(
    ("url_name", "own", "other"),
    [
        ("admin:events_exhibitorregistration_changelist", "Alpha Ceramics", "Bravo Lacquer"),
        ("admin:events_pavilion_changelist", "Pavilion Alpha", "Pavilion Bravo"),
        ("admin:events_buyerregistration_changelist", "Alpha Buyer", "Bravo Buyer"),
        ("admin:companies_sme_changelist", "Alpha Ceramics", "Bravo Lacquer"),
        ("admin:companies_foreignbuyer_changelist", "Alpha Buyer", "Bravo Buyer"),
    ],
)
def test_organiser_lists_only_their_own_pavilion(client, two_pavilions, url_name, own, other):
    client.force_login(two_pavilions["organiser_a"])
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    content = response.content.decode()
    assert own in content
    assert other not in content


@pytest.mark.parametrize("key", ["registration_b", "pavilion_b", "buyer_b", "interpreter_b"])
def test_organiser_cannot_open_another_pavilions_objects(client, two_pavilions, key):
    obj = two_pavilions[key]
    client.force_login(two_pavilions["organiser_a"])
    response = client.get(admin_url(type(obj), "change", obj.pk), follow=True)
    assert str(obj) not in response.content.decode().replace("doesn’t exist", "")
    assert response.redirect_chain[0][1] == 302
    assert response.request["PATH_INFO"] == reverse("admin:index")


def test_organiser_cannot_accept_another_pavilions_application(client, two_pavilions):
    client.force_login(two_pavilions["organiser_a"])
    target = two_pavilions["registration_b"]
    client.post(
        admin_url(ExhibitorRegistration), {"action": "accept", "_selected_action": [target.pk]}
    )
    target.refresh_from_db()
    assert target.status == RegistrationStatus.APPLIED


def test_organiser_cannot_change_another_pavilions_booth(client, two_pavilions):
    client.force_login(two_pavilions["organiser_a"])
    target = two_pavilions["registration_b"]
    response = client.post(admin_url(ExhibitorRegistration, "change", target.pk), {"booth": "Z-9"})
    target.refresh_from_db()
    assert response.status_code == 302
    assert target.booth == ""


def test_organiser_accepts_and_sees_capacity_errors(client, two_pavilions):
    pavilion = two_pavilions["pavilion_a"]
    pavilion.booth_capacity = 1
    pavilion.save()
    extra = ExhibitorRegistrationFactory(pavilion=pavilion, sme=SMEFactory(name_en="Late Co"))
    client.force_login(two_pavilions["organiser_a"])
    response = client.post(
        admin_url(ExhibitorRegistration),
        {"action": "accept", "_selected_action": [two_pavilions["registration_a"].pk, extra.pk]},
        follow=True,
    )
    content = response.content.decode()
    assert "1 application is now accepted." in content
    assert "Late Co: Pavilion Alpha is full" in content
    statuses = set(
        ExhibitorRegistration.objects.filter(pavilion=pavilion).values_list("status", flat=True)
    )
    assert statuses == {"accepted", "applied"}


def test_organiser_waitlists_and_rejects(client, two_pavilions):
    client.force_login(two_pavilions["organiser_a"])
    registration = two_pavilions["registration_a"]
    # Rejecting is confirmed first (see test_rejecting_applications_asks_for_confirmation).
    for action, status in [("waitlist", "waitlisted"), ("reject", "rejected")]:
        client.post(
            admin_url(ExhibitorRegistration),
            {"action": action, "_selected_action": [registration.pk], "post": "yes"},
        )
        registration.refresh_from_db()
        assert registration.status == status
        assert registration.decided_by == two_pavilions["organiser_a"]


def test_rejecting_applications_asks_for_confirmation(client, two_pavilions):
    client.force_login(two_pavilions["organiser_a"])
    registration = two_pavilions["registration_a"]
    selected = {"action": "reject", "_selected_action": [registration.pk]}
    page = client.post(admin_url(ExhibitorRegistration), selected)
    assert page.status_code == 200
    content = page.content.decode()
    assert "Reject 1 application?" in content
    assert "Alpha Ceramics, applying to Pavilion Alpha" in content
    assert 'name="post" value="yes"' in content
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.APPLIED
    response = client.post(
        admin_url(ExhibitorRegistration), {**selected, "post": "yes"}, follow=True
    )
    assert "1 application is now rejected." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REJECTED


def test_organiser_only_picks_their_own_pavilions_when_applying_for_an_sme(client, two_pavilions):
    client.force_login(two_pavilions["organiser_a"])
    response = client.get(admin_url(ExhibitorRegistration, "add"))
    content = response.content.decode()
    assert "Pavilion Alpha" in content
    assert "Pavilion Bravo" not in content


def test_admin_application_for_an_ineligible_sme_shows_the_reason(client, two_pavilions):
    client.force_login(two_pavilions["organiser_a"])
    big = SMEFactory(capital_yen=900_000_000, employees=900, name_en="Big Corp")
    response = client.post(
        admin_url(ExhibitorRegistration, "add"),
        {"pavilion": two_pavilions["pavilion_a"].pk, "sme": big.pk, "message": ""},
    )
    assert response.status_code == 200
    assert "exceeds the ¥300,000,000 limit" in response.content.decode()
    assert not ExhibitorRegistration.objects.filter(sme=big).exists()


def test_admin_application_twice_is_an_error_not_a_crash(client, two_pavilions):
    client.force_login(two_pavilions["organiser_a"])
    existing = two_pavilions["registration_a"]
    response = client.post(
        admin_url(ExhibitorRegistration, "add"),
        {"pavilion": existing.pavilion.pk, "sme": existing.sme.pk, "message": ""},
    )
    assert response.status_code == 200
    assert "has already applied" in response.content.decode()


def test_admin_application_by_organiser_goes_through_the_service(client, two_pavilions):
    client.force_login(two_pavilions["organiser_a"])
    sme = SMEFactory()
    response = client.post(
        admin_url(ExhibitorRegistration, "add"),
        {"pavilion": two_pavilions["pavilion_a"].pk, "sme": sme.pk, "message": "by phone"},
    )
    assert response.status_code == 302
    registration = ExhibitorRegistration.objects.get(sme=sme)
    assert registration.is_sme_eligible
    assert registration.eligibility_capital_yen == sme.capital_yen


def test_admin_booth_given_twice_is_a_form_error(client, two_pavilions):
    pavilion = two_pavilions["pavilion_a"]
    holder = exhibitor_registration_decide(
        registration=two_pavilions["registration_a"], status="accepted", booth="A-01"
    )
    other = ExhibitorRegistrationFactory(pavilion=pavilion, status="accepted")
    client.force_login(two_pavilions["organiser_a"])
    response = client.post(admin_url(ExhibitorRegistration, "change", other.pk), {"booth": "A-01"})
    assert response.status_code == 200
    assert f"Booth A-01 is already given to {holder.sme}" in response.content.decode()


def test_staff_user_outside_the_organiser_group_sees_nothing(client, two_pavilions):
    office = two_pavilions["pavilion_a"].organiser
    outsider = get_user_model().objects.create_user("outsider", is_staff=True)
    office.members.add(outsider)
    client.force_login(outsider)
    response = client.get(reverse("admin:events_exhibitorregistration_changelist"))
    assert response.status_code == 403


def test_superuser_sees_every_pavilion(admin_client, two_pavilions):
    content = admin_client.get(reverse("admin:events_pavilion_changelist")).content.decode()
    assert "Pavilion Alpha" in content
    assert "Pavilion Bravo" in content


def test_generate_slots_action_reports_counts(client, two_pavilions):
    client.force_login(two_pavilions["organiser_a"])
    pavilion = two_pavilions["pavilion_a"]
    response = client.post(
        admin_url(type(pavilion)),
        {"action": "generate_slots", "_selected_action": [pavilion.pk]},
        follow=True,
    )
    assert "56 slots created" in response.content.decode()  # 14 a day on 4 days
    assert pavilion.slots.count() == 56


def test_the_pavilion_list_offers_what_matchmaking_and_meetings_add(client, two_pavilions):
    """The apps above events register their actions and links (events.hooks)."""
    client.force_login(two_pavilions["organiser_a"])
    pavilion = two_pavilions["pavilion_a"]
    content = client.get(admin_url(type(pavilion))).content.decode()
    assert '<option value="generate_slots">' in content
    assert '<option value="run_matchmaking">Run matchmaking</option>' in content
    assert content.index('value="generate_slots"') < content.index('value="run_matchmaking"')
    mine = f"?pavilion__id__exact={pavilion.pk}"
    for href, label in (
        (reverse("admin:matchmaking_weights", args=[pavilion.pk]), "weights"),
        (reverse("admin:matchmaking_matchingrun_changelist") + mine, "runs"),
        (reverse("admin:matchmaking_proposal_changelist") + mine, "proposals"),
        (reverse("admin:meetings_schedule", args=[pavilion.pk]), "schedule"),
    ):
        assert f'<a href="{href}">{label}</a>' in content


def test_pavilion_change_form_shows_times_in_the_fair_time_zone(client, two_pavilions):
    client.force_login(two_pavilions["organiser_a"])
    pavilion = two_pavilions["pavilion_a"]  # applications close 2027-09-01 00:00 UTC
    response = client.get(admin_url(type(pavilion), "change", pavilion.pk))
    assert 'value="02:00:00"' in response.content.decode()  # CEST


def test_admin_speaks_japanese(client, two_pavilions):
    client.force_login(two_pavilions["organiser_a"])
    response = client.get("/ja/admin/events/exhibitorregistration/")
    content = response.content.decode()
    assert "出展申込" in content
    assert "選択した申込を承認する" in content


def test_buyer_registration_days_inline_refuses_a_day_outside_the_fair(client, two_pavilions):
    client.force_login(two_pavilions["organiser_a"])
    registration = two_pavilions["buyer_a"]
    response = client.post(
        admin_url(type(registration), "change", registration.pk),
        {
            "pavilion": registration.pavilion.pk,
            "buyer": registration.buyer.pk,
            "status": "registered",
            "registered_at_0": "2026-11-01",
            "registered_at_1": "10:00:00",
            "days-TOTAL_FORMS": "1",
            "days-INITIAL_FORMS": "0",
            "days-MIN_NUM_FORMS": "0",
            "days-MAX_NUM_FORMS": "1000",
            "days-0-day": date(2030, 1, 1).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "is not a day of" in response.content.decode()


def test_sme_admin_edits_buyer_types_as_checkboxes(admin_client):

    sme = SMEFactory()
    url = reverse("admin:companies_sme_change", args=[sme.pk])
    page = admin_client.get(url).content.decode()
    assert 'type="checkbox" name="buyer_types_served" value="importer"' in page
    form = admin_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not hasattr(v, "all")}
    data.update(
        {
            "buyer_types_served": ["importer", "agent"],
            "order_sizes_served": ["small"],
            "members-TOTAL_FORMS": "0",
            "members-INITIAL_FORMS": "0",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    sme.refresh_from_db()
    assert (sme.buyer_types_served, sme.order_sizes_served) == (["importer", "agent"], ["small"])


def test_registration_list_shows_times_in_the_fair_time_zone(client, two_pavilions):
    from datetime import UTC, datetime

    registration = two_pavilions["registration_a"]
    registration.applied_at = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)
    registration.save()
    client.force_login(two_pavilions["organiser_a"])
    content = client.get(admin_url(ExhibitorRegistration)).content.decode()
    assert "Sun 10 Jan 2027, 10:00 CET" in content


def test_interpreter_admin_saves_through_the_service(client, two_pavilions):
    japanese = LanguageFactory(code="ja")
    client.force_login(two_pavilions["organiser_a"])
    pavilion = two_pavilions["pavilion_a"]
    form = {"pavilion": pavilion.pk, "name": " Aiko Mori ", "email": "", "languages": [japanese.pk]}
    response = client.post(admin_url(Interpreter, "add"), form)
    assert response.status_code == 302
    interpreter = Interpreter.objects.get(pavilion=pavilion)
    assert interpreter.name == "Aiko Mori"
    assert list(interpreter.languages.all()) == [japanese]
    meeting_slots_generate(pavilion=pavilion)
    slot = pavilion.slots.first()
    response = client.post(
        admin_url(Interpreter, "change", interpreter.pk),
        {**form, "name": "Aiko Mori", "available_slots": [slot.pk]},
    )
    assert response.status_code == 302
    assert list(interpreter.available_slots.all()) == [slot]


def test_interpreter_admin_shows_a_taken_name_on_its_field(client, two_pavilions):
    pavilion = two_pavilions["pavilion_a"]
    InterpreterFactory(pavilion=pavilion, name="Aiko Mori")
    client.force_login(two_pavilions["organiser_a"])
    response = client.post(
        admin_url(Interpreter, "add"),
        {"pavilion": pavilion.pk, "name": "Ken", "languages": []},
    )
    assert response.status_code == 200
    assert "languages" in response.context["adminform"].form.errors
    response = client.post(
        admin_url(Interpreter, "add"),
        {"pavilion": pavilion.pk, "name": "Aiko Mori", "languages": [LanguageFactory().pk]},
    )
    assert response.status_code == 200
    assert "already has an interpreter named" in str(response.context["adminform"].form.errors)
    assert pavilion.interpreters.count() == 1


def test_pavilion_list_shows_the_application_window_in_the_fair_time_zone(client, two_pavilions):
    client.force_login(two_pavilions["organiser_a"])
    content = client.get(admin_url(type(two_pavilions["pavilion_a"]))).content.decode()
    # Applications open 2026-06-01 00:00 UTC: 02:00 in Düsseldorf, in summer time.
    assert "Mon 1 Jun 2026, 02:00 CEST" in content
    assert "Jun 2026, 00:00" not in content


def test_slot_times_are_typed_in_the_fair_time_zone_which_each_field_names(client, two_pavilions):
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from events.models import MeetingSlot

    pavilion = two_pavilions["pavilion_a"]
    slot = MeetingSlot.objects.create(
        pavilion=pavilion,
        starts_at=datetime(2027, 11, 15, 9, 0, tzinfo=UTC),
        ends_at=datetime(2027, 11, 15, 9, 30, tzinfo=UTC),
    )
    client.force_login(two_pavilions["organiser_a"])
    url = admin_url(MeetingSlot, "change", slot.pk)
    content = client.get(url).content.decode()
    assert 'value="10:00:00"' in content  # 09:00 UTC is 10:00 CET
    assert "In the fair's local time (Europe/Berlin)." in content
    assert "Times on this page are the fair's local time (Europe/Berlin)." in content
    # The page's zone is the fair's, so Django's "Now" gives the fair's time; its note that
    # would call that zone "server time" is switched off.
    berlin_now = datetime.now(ZoneInfo("Europe/Berlin")).utcoffset().total_seconds()
    assert f'data-admin-utc-offset="{int(berlin_now)}"' in content
    assert "DateTimeShortcuts.addTimezoneWarning = function () {}" in content
    response = client.post(
        url,
        {
            "pavilion": pavilion.pk,
            "starts_at_0": "2027-11-15",
            "starts_at_1": "11:00:00",
            "ends_at_0": "2027-11-15",
            "ends_at_1": "11:30:00",
        },
    )
    assert response.status_code == 302
    slot.refresh_from_db()
    assert slot.starts_at == datetime(2027, 11, 15, 10, 0, tzinfo=UTC)


def test_a_new_slot_is_typed_in_the_zone_of_the_pavilion_chosen(client, two_pavilions):
    from datetime import UTC, datetime

    from events.models import MeetingSlot

    pavilion = two_pavilions["pavilion_a"]
    pavilion.fair.time_zone = "Asia/Dubai"
    pavilion.fair.save()
    PavilionFactory(organiser=pavilion.organiser)  # a second pavilion, in Düsseldorf
    client.force_login(two_pavilions["organiser_a"])
    form = client.get(admin_url(MeetingSlot, "add")).content.decode()
    assert "In the local time of the fair of the pavilion you choose." in form
    response = client.post(
        admin_url(MeetingSlot, "add"),
        {
            "pavilion": pavilion.pk,
            "starts_at_0": "2027-11-15",
            "starts_at_1": "10:00:00",
            "ends_at_0": "2027-11-15",
            "ends_at_1": "10:30:00",
        },
    )
    assert response.status_code == 302
    assert MeetingSlot.objects.get().starts_at == datetime(2027, 11, 15, 6, 0, tzinfo=UTC)
