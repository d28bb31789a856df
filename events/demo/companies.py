"""Writing the companies and their registrations: create what is missing, leave what exists.

Applications, decisions and buyer registrations go through the events services, like any other.
"""

from collections import defaultdict
from datetime import timedelta

from companies.models import SME, ForeignBuyer
from events.models import (
    BuyerRegistration,
    ExhibitorRegistration,
    Pavilion,
    RegistrationStatus,
)
from events.services.buyers import buyer_registration_register
from events.services.registrations import (
    exhibitor_registration_apply,
    exhibitor_registration_decide,
)

from .buyers import BuyerPlan
from .content.fairs import DEMO_TODAY, FAIRS, PAVILIONS, PavilionPlan, application_moment
from .smes import SMEPlan, sme_texts
from .streams import random_stream


def address_slug(text: str) -> str:
    from django.utils.text import slugify

    return slugify(text).replace("-", "")[:40] or "company"


def links_add(field, pairs: list[tuple[int, int]]) -> int:
    """Insert many-to-many rows (owner id, target id) for owners that were just created."""
    through = field.remote_field.through
    owner, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    through.objects.bulk_create(
        [through(**{f"{owner}_id": a, f"{target}_id": b}) for a, b in pairs]
    )
    return len(pairs)


def smes_create(counts: dict, plans: list[SMEPlan], ref: dict) -> dict[str, SME]:
    existing = set(
        SME.objects.filter(name_ja__in=[p.name_ja for p in plans]).values_list("name_ja", flat=True)
    )
    new = [p for p in plans if p.name_ja not in existing]
    market_names = {code: (m.name_ja or m.name_en, m.name_en) for code, m in ref["markets"].items()}
    SME.objects.bulk_create(
        [
            SME(
                name_ja=p.name_ja,
                name_en=p.name_en,
                prefecture=p.prefecture,
                industry_class=p.industry_class,
                employees=p.employees,
                capital_yen=p.capital_yen,
                export_experience=p.export_experience,
                buyer_types_served=[str(t) for t in p.buyer_types_served],
                order_sizes_served=[str(s) for s in p.order_sizes_served],
                website=f"https://www.{address_slug(p.name_en)}.example",
                contact_email=f"export@{address_slug(p.name_en)}.example",
                **sme_texts(p, market_names),
            )
            for p in new
        ]
    )
    smes = {s.name_ja: s for s in SME.objects.filter(name_ja__in=[p.name_ja for p in plans])}
    links = defaultdict(list)
    for p in new:
        pk = smes[p.name_ja].pk
        links["sectors"] += [(pk, ref["sectors"][code].pk) for code in p.sectors]
        links["target_markets"] += [(pk, ref["markets"][code].pk) for code in p.markets]
        links["languages"] += [(pk, ref["languages"][code].pk) for code in p.languages]
        links["certifications"] += [
            (pk, ref["certifications"][code].pk) for code in p.certifications
        ]
    for name, pairs in links.items():
        links_add(SME._meta.get_field(name), pairs)
    counts["smes_created"] += len(new)
    return smes


def buyers_create(
    counts: dict, plans: list[BuyerPlan], ref: dict
) -> dict[tuple[str, str], ForeignBuyer]:
    markets = ref["markets"]
    by_key = {(b.name, b.country.code): b for b in ForeignBuyer.objects.select_related("country")}
    new = [p for p in plans if (p.name, p.country) not in by_key]
    ForeignBuyer.objects.bulk_create(
        [
            ForeignBuyer(
                name=p.name,
                country=markets[p.country],
                city=p.city,
                buyer_type=p.buyer_type,
                order_size=p.order_size,
                sourcing_needs=p.sourcing_needs,
                website=f"https://www.{address_slug(p.name)}.example",
                contact_email=f"purchasing@{address_slug(p.name)}.example",
            )
            for p in new
        ]
    )
    by_key = {(b.name, b.country.code): b for b in ForeignBuyer.objects.select_related("country")}
    links = defaultdict(list)
    for p in new:
        pk = by_key[(p.name, p.country)].pk
        links["sectors"] += [(pk, ref["sectors"][code].pk) for code in p.sectors]
        links["languages"] += [(pk, ref["languages"][code].pk) for code in p.languages]
        links["required_certifications"] += [
            (pk, ref["certifications"][code].pk) for code in p.certifications
        ]
    for name, pairs in links.items():
        links_add(ForeignBuyer._meta.get_field(name), pairs)
    counts["buyers_created"] += len(new)
    return by_key


def exhibitor_registrations_create(
    counts: dict,
    plans: list[SMEPlan],
    smes: dict[str, SME],
    pavilions: dict[str, Pavilion],
    offices: dict,
) -> None:
    """Applications through the services, in fair order so first-timer status means something."""
    done = set(ExhibitorRegistration.objects.values_list("pavilion_id", "sme_id"))
    organisers = {o.name_en: o.members.order_by("pk").first() for o in offices.values()}
    ordered = sorted(PAVILIONS, key=lambda p: (FAIRS[p.fair]["starts_on"], p.key))
    for plan in ordered:
        pavilion = pavilions[plan.key]
        applications = []
        for sme_plan in plans:
            share = sme_plan.pavilions.get(plan.key)
            sme = smes[sme_plan.name_ja]
            if share is None or (pavilion.pk, sme.pk) in done:
                continue
            applications.append(
                exhibitor_registration_apply(
                    pavilion=pavilion,
                    sme=sme,
                    message=sme_plan.message,
                    at=application_moment(plan, share),
                )
            )
        counts["exhibitor_registrations_created"] += len(applications)
        _decide(counts, plan, pavilion, applications, organisers[plan.office])


def _decide(
    counts: dict,
    plan: PavilionPlan,
    pavilion: Pavilion,
    applications: list[ExhibitorRegistration],
    organiser,
) -> None:
    rng = random_stream(f"decisions:{plan.key}")
    applications.sort(key=lambda r: (r.applied_at, r.pk))
    booths = set(pavilion.exhibitor_registrations.exclude(booth="").values_list("booth", flat=True))
    accepted = pavilion.exhibitor_registrations.filter(status=RegistrationStatus.ACCEPTED).count()
    decided = 0
    for registration in applications[: round(len(applications) * plan.decided_share)]:
        draw = rng.random()
        booth = None
        if draw < 0.08:
            status = RegistrationStatus.REJECTED
        elif draw < 0.2 or accepted >= plan.capacity:
            status = RegistrationStatus.WAITLISTED
        else:
            status = RegistrationStatus.ACCEPTED
            booth = next(
                f"{plan.booth_prefix}-{n:02d}"
                for n in range(1, 1000)
                if f"{plan.booth_prefix}-{n:02d}" not in booths
            )
            booths.add(booth)
            accepted += 1
        # Decided a few weeks after the application rather than at the wall clock, so the
        # dataset reads the same whatever day it is seeded.
        decided_at = min(
            registration.applied_at + timedelta(days=rng.randint(5, 30)),
            DEMO_TODAY - timedelta(hours=2),
        )
        exhibitor_registration_decide(
            registration=registration, status=status, by=organiser, booth=booth, at=decided_at
        )
        decided += 1
    counts["exhibitor_decisions"] += decided


def buyer_registrations_create(
    counts: dict, plans: list[BuyerPlan], buyers: dict, pavilions: dict[str, Pavilion]
) -> None:
    done = set(BuyerRegistration.objects.values_list("pavilion_id", "buyer_id"))
    by_key = {plan.key: plan for plan in PAVILIONS}
    created = 0
    for plan in plans:
        buyer = buyers[(plan.name, plan.country)]
        for key, (share, day_indexes) in plan.pavilions.items():
            pavilion = pavilions[key]
            if (pavilion.pk, buyer.pk) in done:
                continue
            days = pavilion.fair.days()
            # At a fixed moment in the window, not the wall clock, for the same reason.
            # Needs not planned for this fair are the company's own (the service's default).
            buyer_registration_register(
                pavilion=pavilion,
                buyer=buyer,
                days=[days[i] for i in day_indexes],
                sourcing_needs=plan.fair_needs.get(key),
                at=application_moment(by_key[key], share),
            )
            created += 1
    counts["buyer_registrations_created"] += created
