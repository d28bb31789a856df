"""The demo seed: accounts, offices, fairs and pavilions, then the companies and registrations."""

from collections import defaultdict
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from companies.choices import MarketKind, MemberRole
from companies.models import (
    SME,
    Certification,
    ForeignBuyer,
    Language,
    Market,
    Membership,
    Sector,
)
from companies.reference import reference_data_load
from core.organisers import ensure_organiser_group
from events.models import (
    BuyerRegistration,
    ExhibitorRegistration,
    Interpreter,
    MeetingSlot,
    OrganisingOffice,
    Pavilion,
    TimetableBreak,
    TradeFair,
)
from events.services.rules import pavilion_rules_update
from events.services.slots import meeting_slots_generate

from .buyers import BuyerPlan, buyer_plans
from .companies import (
    address_slug,
    buyer_registrations_create,
    buyers_create,
    exhibitor_registrations_create,
    links_add,
    smes_create,
)
from .content.fairs import FAIRS, INTERPRETERS, OFFICES, PAVILIONS, application_window
from .smes import SMEPlan, sme_plans
from .streams import random_stream

#: The demo pavilions' shared meeting tables: meetings held in the meeting area, not at a booth.
DEMO_SHARED_TABLES = 6
DEMO_PASSWORD = "pavilion-demo"  # Demo only: printed by seed_demo, never for a public deployment.

Progress = Callable[[str], None] | None


class _Passwords:
    """Hashes the demo password once, and only if a user has to be created."""

    def __init__(self) -> None:
        self._hash = None

    def __call__(self) -> str:
        # Every demo account shares one salted hash: hashing is deliberately slow, and these
        # accounts share one published password anyway.
        if self._hash is None:
            self._hash = make_password(DEMO_PASSWORD)
        return self._hash


def _user(username: str, passwords: _Passwords, counts: dict, **fields):
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model(username=username, email=f"{username}@demo.example", **fields)
        user.password = passwords()
        user.save()
        counts["users_created"] += 1
    return user


def _organisers(counts: dict, passwords: _Passwords) -> dict[str, OrganisingOffice]:
    group = ensure_organiser_group()
    offices = {}
    for name_en, name_ja, kind, username in OFFICES:
        office = OrganisingOffice.objects.filter(name_en=name_en).first()
        if office is None:
            office = OrganisingOffice.objects.create(name_en=name_en, name_ja=name_ja, kind=kind)
            counts["offices_created"] += 1
        user = _user(
            username, passwords, counts, is_staff=True, first_name=name_en, last_name="organiser"
        )
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
        if not office.members.filter(pk=user.pk).exists():
            office.members.add(user)
        offices[name_en] = office
    _user("admin", passwords, counts, is_staff=True, is_superuser=True)
    return offices


def _fairs_and_pavilions(counts: dict, offices: dict) -> dict[str, Pavilion]:
    countries = {
        m.code: m
        for m in Market.objects.filter(
            kind=MarketKind.COUNTRY, code__in={f["country"] for f in FAIRS.values()}
        )
    }
    fairs = {}
    for key, data in FAIRS.items():
        fair = TradeFair.objects.filter(name=data["name"], starts_on=data["starts_on"]).first()
        if fair is None:
            fair = TradeFair.objects.create(**{**data, "country": countries[data["country"]]})
            counts["fairs_created"] += 1
        fairs[key] = fair
    pavilions = {}
    for plan in PAVILIONS:
        fair = fairs[plan.fair]
        pavilion = Pavilion.objects.filter(fair=fair, name_en=plan.name_en).first()
        if pavilion is None:
            opens, closes = application_window(plan)
            pavilion = Pavilion.objects.create(
                fair=fair,
                name_en=plan.name_en,
                name_ja=plan.name_ja,
                organiser=offices[plan.office],
                booth_capacity=plan.capacity,
                application_opens_at=opens,
                application_closes_at=closes,
                first_timer_conditions_en=plan.conditions_en,
                first_timer_conditions_ja=plan.conditions_ja,
                first_timer_fee_discount_percent=plan.discount,
                first_timer_interpreted_meetings=plan.interpreted_meetings,
                meeting_day_starts=plan.day_starts,
                meeting_day_ends=plan.day_ends,
                slot_minutes=30,
                shared_tables=DEMO_SHARED_TABLES,
            )
            counts["pavilions_created"] += 1
        pavilion.fair = fair
        if pavilion.shared_tables == 0:  # seeded before the pavilions had tables
            pavilion_rules_update(pavilion=pavilion, changes={"shared_tables": DEMO_SHARED_TABLES})
        if not pavilion.breaks.filter(starts_at=plan.lunch[0]).exists():
            TimetableBreak.objects.create(
                pavilion=pavilion,
                starts_at=plan.lunch[0],
                ends_at=plan.lunch[1],
                label="Lunch / 昼休憩",
            )
            counts["breaks_created"] += 1
        counts["slots_created"] += meeting_slots_generate(pavilion=pavilion)["created"]
        pavilions[plan.key] = pavilion
    return pavilions


def _interpreters(counts: dict, pavilions: dict[str, Pavilion], languages: dict) -> None:
    existing = set(
        Interpreter.objects.filter(pavilion__in=pavilions.values()).values_list(
            "pavilion_id", "name"
        )
    )
    # Pavilions at the same fair hire different people: one person cannot be in two places.
    hired: dict[str, set] = defaultdict(set)
    for plan in PAVILIONS:
        pavilion = pavilions[plan.key]
        rng = random_stream(f"interpreters:{plan.key}")
        locals_ = [lang for lang in plan.interpreter_languages if lang != "en"] or ["en"]
        people = [("ja", person) for person in INTERPRETERS["ja"] if person not in hired[plan.fair]]
        japanese = rng.sample(people, k=rng.randint(2, 4))
        local = [
            (lang, person)
            for lang in locals_
            for person in INTERPRETERS[lang]
            if person not in hired[plan.fair]
        ]
        chosen = japanese + rng.sample(local, k=min(len(local), rng.randint(1, 2)))
        hired[plan.fair].update(person for _lang, person in chosen)
        slot_ids = list(pavilion.slots.order_by("starts_at").values_list("pk", flat=True))
        for native, (name_en, name_ja) in chosen:
            name = f"{name_en} ({name_ja})" if name_ja else name_en
            spoken = {"ja", native, "en"} if native != "ja" or rng.random() < 0.9 else {"ja"}
            if native == "ja" and rng.random() < 0.6:
                spoken.add(rng.choice(locals_))
            available = [pk for pk in slot_ids if rng.random() < 0.85]
            if (pavilion.pk, name) in existing:
                continue
            interpreter = Interpreter.objects.create(
                pavilion=pavilion,
                name=name,
                email=f"{address_slug(name_en)}@interpreters.demo.example",
            )
            links_add(
                Interpreter._meta.get_field("languages"),
                [(interpreter.pk, languages[code].pk) for code in sorted(spoken)],
            )
            links_add(
                Interpreter._meta.get_field("available_slots"),
                [(interpreter.pk, pk) for pk in available],
            )
            counts["interpreters_created"] += 1


def _people(
    counts: dict,
    passwords: _Passwords,
    sme_list: list[SMEPlan],
    smes: dict,
    buyer_list: list[BuyerPlan],
    buyers: dict,
) -> list[str]:
    """A few company accounts so each side of the platform can be tried out."""
    firsts = {}
    for plan in sme_list:
        if plan.eligible:
            firsts.setdefault(plan.sector, plan)
    sme_accounts = [
        ("sme-1", firsts["medical"], MemberRole.ADMIN, "代表取締役 / President"),
        ("sme-2", firsts["medical"], MemberRole.STAFF, "海外営業 / Export sales"),
        ("sme-3", firsts["craft"], MemberRole.ADMIN, "代表取締役 / President"),
        ("sme-4", firsts["fruit"], MemberRole.ADMIN, "専務取締役 / Managing director"),
        (
            "sme-5",
            firsts["biotech"],
            MemberRole.ADMIN,
            "事業開発部長 / Head of business development",
        ),
        ("sme-6", firsts["cosmetics"], MemberRole.STAFF, "マーケティング / Marketing"),
    ]
    buyer_firsts = {}
    for plan in buyer_list:
        buyer_firsts.setdefault(plan.focus, plan)
    buyer_accounts = [
        (f"buyer-{i}", buyer_firsts[focus], MemberRole.ADMIN, "Purchasing manager")
        for i, focus in enumerate(("medical", "craft", "fruit", "biotech"), start=1)
    ]
    logins = []
    for username, plan, role, title in sme_accounts + buyer_accounts:
        user = _user(username, passwords, counts)
        if not Membership.objects.filter(user=user).exists():
            company = (
                {"sme": smes[plan.name_ja]}
                if isinstance(plan, SMEPlan)
                else {"buyer": buyers[(plan.name, plan.country)]}
            )
            Membership.objects.create(user=user, role=role, job_title=title, **company)
            counts["memberships_created"] += 1
        company_name = plan.name_en if isinstance(plan, SMEPlan) else plan.name
        logins.append(f"{username} ({role}, {company_name})")
    return logins


def _reference() -> dict[str, dict]:
    return {
        "sectors": {s.code: s for s in Sector.objects.filter(fair__isnull=True)},
        "markets": {m.code: m for m in Market.objects.all()},
        "languages": {lang.code: lang for lang in Language.objects.all()},
        "certifications": {c.code: c for c in Certification.objects.all()},
    }


@transaction.atomic
def demo_seed(*, scale: int = 1, progress: Progress = None) -> dict[str, int]:
    """Fill the database with the demo dataset, or add only what is missing from it.

    Side effects: loads the reference data; creates the organiser group, offices, organiser,
    admin and company accounts (password ``pavilion-demo``), the five fairs with seven pavilions,
    their lunch breaks, meeting slots and interpreters, ``100 * scale`` SMEs and ``400 * scale``
    buyers, and applications, decisions and buyer registrations through the events services.
    Rows that already exist (by natural key) are left untouched, so a second run creates
    nothing. Returns counts: ``<kind>_created`` for this run and ``<kind>`` totals.
    """
    if scale < 1:
        raise ValueError("scale must be at least 1")
    report = progress or (lambda message: None)
    counts: dict[str, int] = defaultdict(int)
    reference = reference_data_load()
    counts["reference_rows_changed"] = sum(
        value for key, value in reference.items() if key.endswith(("_created", "_updated"))
    )
    ref = _reference()
    passwords = _Passwords()

    offices = _organisers(counts, passwords)
    pavilions = _fairs_and_pavilions(counts, offices)
    _interpreters(counts, pavilions, ref["languages"])
    report(f"fairs and pavilions ready: {len(pavilions)} pavilions")
    sme_list = sme_plans(scale=scale)
    smes = smes_create(counts, sme_list, ref)
    buyer_list = buyer_plans(scale=scale)
    buyers = buyers_create(counts, buyer_list, ref)
    report(
        f"companies ready: {counts['smes_created']} SMEs and "
        f"{counts['buyers_created']} buyers created"
    )
    exhibitor_registrations_create(counts, sme_list, smes, pavilions, offices)
    buyer_registrations_create(counts, buyer_list, buyers, pavilions)
    report(
        f"registrations ready: {counts['exhibitor_registrations_created']} applications and "
        f"{counts['buyer_registrations_created']} buyer registrations created"
    )
    counts["logins"] = len(_people(counts, passwords, sme_list, smes, buyer_list, buyers))

    counts.update(
        fairs=TradeFair.objects.count(),
        pavilions=Pavilion.objects.count(),
        slots=MeetingSlot.objects.count(),
        interpreters=Interpreter.objects.count(),
        smes=SME.objects.count(),
        buyers=ForeignBuyer.objects.count(),
        exhibitor_registrations=ExhibitorRegistration.objects.count(),
        buyer_registrations=BuyerRegistration.objects.count(),
        users=get_user_model().objects.count(),
    )
    return dict(counts)


def demo_logins() -> list[tuple[str, str]]:
    """The demo accounts as (username, what it is for), for the command to print."""
    logins = [("admin", "platform administrator (superuser)")]
    logins += [(username, f"organiser, {name_en}") for name_en, _ja, _kind, username in OFFICES]
    sme_list = sme_plans(scale=1)
    firsts = {}
    for plan in sme_list:
        if plan.eligible:
            firsts.setdefault(plan.sector, plan)
    for username, sector in (
        ("sme-1", "medical"),
        ("sme-2", "medical"),
        ("sme-3", "craft"),
        ("sme-4", "fruit"),
        ("sme-5", "biotech"),
        ("sme-6", "cosmetics"),
    ):
        logins.append((username, f"exhibitor, {firsts[sector].name_en}"))
    buyer_firsts = {}
    for plan in buyer_plans(scale=1):
        buyer_firsts.setdefault(plan.focus, plan)
    for i, focus in enumerate(("medical", "craft", "fruit", "biotech"), start=1):
        plan = buyer_firsts[focus]
        logins.append((f"buyer-{i}", f"buyer, {plan.name} ({plan.country})"))
    return logins
