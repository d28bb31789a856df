"""Every admin keeps an organiser inside their pavilions: lists, form choices, inlines, list
filters and autocomplete results, for every registered model (future ones included: a model
that offers choices of a kind of pavilion data this world does not build fails the test)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import reverse

from companies.choices import MemberRole
from companies.factories import ForeignBuyerFactory, LanguageFactory, MarketFactory, SMEFactory
from companies.models import Certification, Language, Market, Membership, Sector
from events.admin_scoping import fair_of, pavilion_lookups, pavilion_scoped
from events.factories import (
    ExhibitorRegistrationFactory,
    InterpreterFactory,
    OrganisingOfficeFactory,
    PavilionFactory,
    TradeFairFactory,
)
from events.models import MeetingSlot, Pavilion, TimetableBreak
from events.services.buyers import buyer_registration_register
from matchmaking.models import MatchingRun, MatchingSettings, PairWish, Proposal
from meetings.models import (
    FollowUpRequest,
    Meeting,
    MeetingEvent,
    ParticipantUnavailability,
    ScheduleNotice,
    SchedulingRun,
    follow_up_due_on,
)
from meetings.services.attendance import meeting_outcome_record, meeting_record_attendance
from meetings.services.decisions import meeting_accept
from meetings.services.placement import meeting_move
from meetings.services.requests import meeting_request

pytestmark = pytest.mark.django_db

#: Shared by every pavilion: offered to everyone.
REFERENCE_DATA = {Sector, Market, Language, Certification, Group, Permission, ContentType}


def build_pavilion(tag: str, office, language, market):
    """One pavilion with one row of every kind of its data, each named with ``tag``."""
    fair = TradeFairFactory(name=f"{tag} Fair", city=f"{tag}burg", country=market)
    pavilion = PavilionFactory(fair=fair, organiser=office, name_en=f"Pavilion {tag}")
    TimetableBreak.objects.create(
        pavilion=pavilion,
        starts_at=datetime(2027, 1, 1, 12).time(),
        ends_at=datetime(2027, 1, 1, 13).time(),
    )
    start = datetime(2027, 11, 15, 9, 0, tzinfo=UTC)
    slots = [
        MeetingSlot.objects.create(
            pavilion=pavilion,
            starts_at=start + timedelta(minutes=30 * i),
            ends_at=start + timedelta(minutes=30 * (i + 1)),
        )
        for i in range(2)
    ]
    interpreter = InterpreterFactory(pavilion=pavilion, name=f"{tag} Interpreter")
    interpreter.languages.add(language)
    interpreter.available_slots.add(slots[0])
    sme = SMEFactory(name_en=f"{tag} Ceramics", name_ja=f"{tag}陶器")
    buyer = ForeignBuyerFactory(name=f"{tag} Buyer", city=f"{tag}stadt", country=market)
    for side, company in (("sme", sme), ("buyer", buyer)):
        company.languages.add(language)
        user = get_user_model().objects.create_user(f"{tag}-{side}", last_name=tag)
        Membership.objects.create(user=user, role=MemberRole.ADMIN, **{side: company})
    ExhibitorRegistrationFactory(pavilion=pavilion, sme=sme, status="accepted", booth=f"{tag}-1")
    buyer_registration_register(pavilion=pavilion, buyer=buyer, days=[fair.starts_on])
    run = MatchingRun.objects.create(pavilion=pavilion, status="done")
    proposal = Proposal.objects.create(pavilion=pavilion, run=run, sme=sme, buyer=buyer, score=80)
    MatchingSettings.objects.create(pavilion=pavilion)
    PairWish.objects.create(pavilion=pavilion, sme=sme, buyer=buyer, kind="must_meet")
    meeting = meeting_request(
        pavilion=pavilion, sme=sme, buyer=buyer, side="exhibitor", proposal=proposal
    )
    meeting = meeting_accept(meeting=meeting, side="buyer")
    meeting = meeting_move(meeting=meeting, slot=slots[0])
    meeting_record_attendance(meeting=meeting, held=True, at=slots[1].starts_at)
    meeting_outcome_record(meeting=meeting, side="exhibitor", stage="sample")
    FollowUpRequest.objects.create(
        meeting=meeting, side="buyer", round=1, due_on=follow_up_due_on(pavilion, 1)
    )
    ParticipantUnavailability.objects.create(pavilion=pavilion, sme=sme, slot=slots[1])
    SchedulingRun.objects.create(pavilion=pavilion, status="done")
    ScheduleNotice.objects.create(pavilion=pavilion, sme=sme, sent_at=start)
    return pavilion


def rows_of_every_model() -> dict:
    return {
        model: set(model._base_manager.values_list("pk", flat=True)) for model in apps.get_models()
    }


@pytest.fixture
def world(make_organiser):
    language, market = LanguageFactory(code="ja"), MarketFactory(code="DE")
    office_a, office_b = OrganisingOfficeFactory(), OrganisingOfficeFactory(name_en="Bravo Office")
    organiser = make_organiser(office_a, "organiser-alpha")
    before = rows_of_every_model()
    pavilion_a = build_pavilion("Alpha", office_a, language, market)
    between = rows_of_every_model()
    build_pavilion("Bravo", office_b, language, market)
    make_organiser(office_b, "organiser-bravo")
    after = rows_of_every_model()
    return {
        "organiser": organiser,
        "pavilion": pavilion_a,
        "alpha": {model: between[model] - before[model] for model in after},
        "bravo": {model: after[model] - between[model] for model in after},
    }


def admin_request(user, path="/admin/"):
    request = RequestFactory().get(path)
    request.user = user
    return request


def choice_fields(form):
    for name, field in form.fields.items():
        if hasattr(field, "queryset"):
            yield name, field.queryset


def forms_of(model_admin, request, obj):
    """The admin's form for a new object and for ``obj``, with their inlines' forms."""
    yield "add", model_admin.get_form(request, None)()
    if obj is None:
        return
    yield "change", model_admin.get_form(request, obj, change=True)(instance=obj)
    for formset_class, inline in model_admin.get_formsets_with_inlines(request, obj):
        formset = formset_class(instance=obj, prefix=inline.model._meta.model_name)
        yield f"inline {inline.model._meta.model_name}", formset.empty_form
        yield from ((f"inline {inline.model.__name__} row", form) for form in formset.forms)


def assert_nothing_of_bravo(where: str, queryset, world):
    model = queryset.model
    if model in REFERENCE_DATA:
        return
    bravo = world["bravo"].get(model) or set()
    assert bravo, (
        f"{where} offers {model.__name__}, but this test's world builds none of it for the other "
        "pavilion: add one to build_pavilion (or to REFERENCE_DATA if it is nobody's data)"
    )
    leaked = set(queryset.filter(pk__in=bravo).values_list("pk", flat=True))
    assert not leaked, f"{where} offers {model.__name__} {leaked} of the other pavilion"


def test_every_admin_list_shows_only_the_organisers_pavilions(world):
    request = admin_request(world["organiser"])
    for model, model_admin in admin.site._registry.items():
        rows = model_admin.get_queryset(request)
        if model not in REFERENCE_DATA and world["bravo"].get(model):
            assert_nothing_of_bravo(f"the {model.__name__} list", rows, world)


def test_every_admin_form_and_inline_offers_only_the_organisers_pavilions(world):
    request = admin_request(world["organiser"])
    offered_alpha = 0
    for model, model_admin in admin.site._registry.items():
        obj = model_admin.get_queryset(request).filter(pk__in=world["alpha"][model]).first()
        for form_name, form in forms_of(model_admin, request, obj):
            for name, queryset in choice_fields(form):
                where = f"{model.__name__} {form_name} form, field {name}"
                assert_nothing_of_bravo(where, queryset, world)
                alpha = world["alpha"].get(queryset.model) or set()
                offered_alpha += queryset.filter(pk__in=alpha).exists()
    assert offered_alpha >= 10  # the forms do offer the organiser's own data


def test_the_unavailability_form_offers_the_own_pavilions_slots_and_buyers(world, client):
    client.force_login(world["organiser"])
    page = client.get(reverse("admin:meetings_participantunavailability_add"))
    slots = page.context["adminform"].form.fields["slot"].queryset
    assert set(slots) == set(world["pavilion"].slots.all())
    content = page.content.decode()
    assert "Pavilion Alpha" in content
    assert "Bravo" not in content


def test_every_list_filter_offers_only_the_organisers_pavilions(world):
    request = admin_request(world["organiser"])
    for model, model_admin in admin.site._registry.items():
        changelist = model_admin.get_changelist_instance(request)
        for spec in changelist.filter_specs:
            where = f"{model.__name__} list filter {spec.title}"
            field = getattr(spec, "field", None)
            if field is not None and field.is_relation:
                pks = [pk for pk, _label in spec.lookup_choices]
                assert_nothing_of_bravo(
                    where, field.related_model._base_manager.filter(pk__in=pks), world
                )
            shown = " ".join(str(choice.get("display", "")) for choice in spec.choices(changelist))
            assert "Bravo" not in shown, where


def test_every_autocomplete_offers_only_the_organisers_pavilions(world, client):
    client.force_login(world["organiser"])
    request = admin_request(world["organiser"])
    checked = 0
    for model, model_admin in admin.site._registry.items():
        sources = [(model, model_admin)] + [
            (inline.model, inline) for inline in model_admin.get_inline_instances(request)
        ]
        for source, source_admin in sources:
            for name in source_admin.get_autocomplete_fields(request):
                field = source._meta.get_field(name)
                response = client.get(
                    reverse("admin:autocomplete"),
                    {
                        "app_label": source._meta.app_label,
                        "model_name": source._meta.model_name,
                        "field_name": name,
                        "term": "",
                    },
                )
                if response.status_code == 403:
                    continue  # the organiser may not read that kind of row at all
                ids = [int(result["id"]) for result in response.json()["results"]]
                where = f"{source.__name__}.{name} autocomplete"
                related = field.related_model._base_manager.filter(pk__in=ids)
                assert_nothing_of_bravo(where, related, world)
                checked += 1
    assert checked >= 4


def test_registration_pickers_offer_companies_new_to_every_pavilion(world, client):
    newcomer = SMEFactory(name_en="Newcomer Lacquer")
    client.force_login(world["organiser"])
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "events",
            "model_name": "exhibitorregistration",
            "field_name": "sme",
            "term": "",
        },
    )
    names = {result["text"] for result in response.json()["results"]}
    assert newcomer.name_en in " ".join(names)
    assert "Alpha Ceramics" in " ".join(names)
    assert "Bravo" not in " ".join(names)


def test_a_raw_id_for_another_pavilions_slot_is_refused(world, client):
    client.force_login(world["organiser"])
    pavilion = world["pavilion"]
    foreign_slot = MeetingSlot.objects.exclude(pavilion=pavilion).first()
    response = client.post(
        reverse("admin:meetings_participantunavailability_add"),
        {
            "pavilion": pavilion.pk,
            "buyer": pavilion.buyer_registrations.get().buyer.pk,
            "slot": foreign_slot.pk,
        },
    )
    assert response.status_code == 200
    assert "slot" in response.context["adminform"].form.errors
    assert not ParticipantUnavailability.objects.filter(slot=foreign_slot, sme=None).exists()


def test_pavilion_lookups_follow_required_links_to_a_pavilion():
    assert pavilion_lookups(Pavilion) == ("",)
    assert pavilion_lookups(Meeting) == ("pavilion",)
    assert pavilion_lookups(MeetingEvent) == ("meeting__pavilion",)
    assert pavilion_lookups(Sector) == ()  # a fair's own sector is still shared reference data


def test_pavilion_scoped_keeps_unattached_rows_only_when_asked(world):
    newcomer = SMEFactory()
    smes = pavilion_scoped(SMEFactory._meta.model.objects.all(), world["organiser"])
    assert {sme.name_en for sme in smes} == {"Alpha Ceramics"}
    with_newcomers = pavilion_scoped(
        SMEFactory._meta.model.objects.all(), world["organiser"], unattached=True
    )
    assert set(with_newcomers.values_list("name_en", flat=True)) == {
        "Alpha Ceramics",
        newcomer.name_en,
    }


def test_fair_of_follows_the_rows_lookups(world):
    event = MeetingEvent.objects.filter(meeting__pavilion=world["pavilion"]).first()
    assert fair_of(event) == world["pavilion"].fair
    assert fair_of(world["pavilion"].exhibitor_registrations.get().sme) is None


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_admin_page_opens_for_the_organiser_and_the_administrator(
    world, client, admin_user, language
):
    """Lists, add and change pages of every registered model open (or are refused), never fail."""
    for user in (world["organiser"], admin_user):
        client.force_login(user)
        request = admin_request(user)
        for model, model_admin in admin.site._registry.items():
            info = model._meta.app_label, model._meta.model_name
            urls = [reverse("admin:{}_{}_changelist".format(*info))]
            if model_admin.has_add_permission(request):
                urls.append(reverse("admin:{}_{}_add".format(*info)))
            obj = model_admin.get_queryset(request).filter(pk__in=world["alpha"][model]).first()
            if obj is not None:
                urls.append(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
            for url in urls:
                response = client.get(f"/{language}{url[3:]}")
                assert response.status_code in (200, 302, 403), (user, url)
