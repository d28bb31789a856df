"""Reads for matchmaking: the engine's plain input built from a pavilion's rows.

Profiles are loaded in primary-key order, so every Celery worker of one run builds exactly the
same input and the engine's indices agree between the chunks of a run.
"""

from __future__ import annotations

from itertools import combinations

from django.db.models import Max, Prefetch, Q, QuerySet
from django.utils import timezone

from companies.models import Certification, Market, Sector
from core.models import ACTIVE_RUN_STATUSES
from events.models import (
    BuyerRegistration,
    BuyerRegistrationStatus,
    ExhibitorRegistration,
    Interpreter,
    Pavilion,
    RegistrationStatus,
)
from matchmaking import engine

from . import hooks
from .models import MatchingRun, MatchingSettings, PairWish, Proposal, ProposalStatus


def pavilion_weights(pavilion: Pavilion) -> engine.ScoringWeights:
    """The pavilion's tuned weights, or the engine's defaults."""
    stored = MatchingSettings.objects.filter(pavilion=pavilion).values_list("weights", flat=True)
    return engine.ScoringWeights.from_dict(stored.first() or {})


def sector_taxonomy() -> engine.SectorTaxonomy:
    rows = Sector.objects.values_list("pk", "parent_id", "name_en", "name_ja")
    parents = {pk: parent for pk, parent, _en, _ja in rows}
    labels = {pk: {"en": en, "ja": ja or en} for pk, _parent, en, ja in rows}
    return engine.SectorTaxonomy.from_parents(parents, labels)


def market_geography() -> engine.MarketGeography:
    regions: dict[str, set[str]] = {}
    members = Market.countries.through.objects.values_list("from_market__code", "to_market__code")
    for region, country in members:
        regions.setdefault(region, set()).add(country)
    labels = {
        code: {"en": en, "ja": ja or en}
        for code, en, ja in Market.objects.values_list("code", "name_en", "name_ja")
    }
    return engine.MarketGeography(
        regions={region: frozenset(countries) for region, countries in regions.items()},
        labels=labels,
    )


def certification_labels() -> dict[int, dict[str, str]]:
    """Every certification's names per language, for the reasons (a short reference table)."""
    return {
        pk: {"en": en, "ja": ja or en}
        for pk, en, ja in Certification.objects.values_list("pk", "name_en", "name_ja")
    }


def accepted_exhibitors(pavilion: Pavilion) -> QuerySet:
    return (
        ExhibitorRegistration.objects.filter(pavilion=pavilion, status=RegistrationStatus.ACCEPTED)
        .select_related("sme")
        .prefetch_related(
            "sme__sectors",
            "sme__languages",
            "sme__certifications",
            Prefetch("sme__target_markets", queryset=Market.objects.only("code")),
        )
        .order_by("sme_id")
    )


def registered_buyers(pavilion: Pavilion) -> QuerySet:
    return (
        BuyerRegistration.objects.filter(
            pavilion=pavilion, status=BuyerRegistrationStatus.REGISTERED
        )
        .select_related("buyer", "buyer__country")
        .prefetch_related("buyer__sectors", "buyer__languages", "required_certifications")
        .order_by("buyer_id")
    )


def _exhibitor_profile(registration: ExhibitorRegistration, capacity: int):
    sme = registration.sme
    return engine.ExhibitorProfile(
        id=sme.pk,
        sectors=tuple(s.pk for s in sme.sectors.all()),
        target_markets=tuple(m.code for m in sme.target_markets.all()),
        languages=tuple(language.code for language in sme.languages.all()) or ("ja",),
        certifications=tuple(c.pk for c in sme.certifications.all()),
        export_experience=sme.export_experience,
        first_time_exhibitor=registration.first_time_exhibitor,
        products="\n".join(filter(None, [sme.products_en, sme.products_ja])),
        description="\n".join(filter(None, [sme.description_en, sme.description_ja])),
        buyer_types=tuple(sme.buyer_types_served),
        order_sizes=tuple(sme.order_sizes_served),
        max_meetings=capacity,
    )


def _buyer_profile(registration: BuyerRegistration, capacity: int):
    buyer = registration.buyer
    # Needs and certifications are the registration's: what the buyer sources at this fair,
    # which another fair's registration never rewrites.
    return engine.BuyerProfile(
        id=buyer.pk,
        country=buyer.country.code,
        buyer_type=buyer.buyer_type,
        sectors=tuple(s.pk for s in buyer.sectors.all()),
        sourcing_needs=registration.sourcing_needs,
        order_size=buyer.order_size or None,
        languages=tuple(language.code for language in buyer.languages.all()) or ("en",),
        required_certifications=tuple(c.pk for c in registration.required_certifications.all()),
        max_meetings=capacity,
    )


def interpreter_pairs(pavilion: Pavilion) -> engine.InterpreterAvailability:
    interpreters = Interpreter.objects.filter(pavilion=pavilion).prefetch_related("languages")
    pairs = set()
    for interpreter in interpreters:
        codes = sorted(language.code for language in interpreter.languages.all())
        pairs.update(combinations(codes, 2))
    return engine.InterpreterAvailability.from_pairs(pairs)


def pair_wishes(pavilion: Pavilion) -> tuple:
    """Explicit wishes, plus the pairs that must never come back: every declined proposal and
    every pair with a meeting at the pavilion in any state (requested, scheduled, held, even
    declined or cancelled: proposing it again would only offer a second request)."""
    wishes = [
        engine.Wish(sme_id, buyer_id, kind)
        for sme_id, buyer_id, kind in PairWish.objects.filter(pavilion=pavilion).values_list(
            "sme_id", "buyer_id", "kind"
        )
    ]
    declined = Proposal.objects.filter(pavilion=pavilion, status=ProposalStatus.DECLINED)
    wishes += [
        engine.Wish(sme_id, buyer_id, engine.WishKind.DECLINED)
        for sme_id, buyer_id in declined.values_list("sme_id", "buyer_id")
    ]
    met = sorted({pair for pairs in hooks.pairs_with_meetings(pavilion) for pair in pairs})
    wishes += [
        engine.Wish(sme_id, buyer_id, engine.WishKind.HAS_MEETING) for sme_id, buyer_id in met
    ]
    return tuple(wishes)


def earlier_meetings(pavilion: Pavilion) -> tuple:
    """Meetings this pavilion's exhibitors and buyers held with each other at pavilions of
    earlier fairs, oldest first: the reasons say so ("they met at Medica 2026"), and their
    outcomes lift a follow-up or leave the pair out (engine.history)."""
    return tuple(meeting for found in hooks.earlier_meetings(pavilion) for meeting in found)


def matchmaking_input(pavilion: Pavilion) -> engine.MatchmakingInput:
    """Everything the engine needs for one pavilion, in a fixed order."""
    exhibitors = tuple(
        _exhibitor_profile(r, pavilion.max_meetings_per_exhibitor)
        for r in accepted_exhibitors(pavilion)
    )
    buyers = tuple(
        _buyer_profile(r, pavilion.max_meetings_per_buyer) for r in registered_buyers(pavilion)
    )
    return engine.MatchmakingInput(
        exhibitors=exhibitors,
        buyers=buyers,
        taxonomy=sector_taxonomy(),
        geography=market_geography(),
        interpreters=interpreter_pairs(pavilion),
        wishes=pair_wishes(pavilion),
        certification_labels=certification_labels(),
        earlier_meetings=earlier_meetings(pavilion),
    )


def run_scoring_model(run: MatchingRun) -> engine.ScoringModel:
    """The run's scoring model, built from the pavilion's rows and the run's own weights."""
    weights = engine.ScoringWeights.from_dict(run.parameters.get("weights", {}))
    return engine.build_scoring_model(matchmaking_input(run.pavilion), weights)


def pavilion_proposals(pavilion: Pavilion) -> QuerySet:
    return Proposal.objects.filter(pavilion=pavilion).select_related(
        "sme", "buyer", "buyer__country"
    )


def pavilion_needs_matchmaking(*, pavilion: Pavilion, since) -> bool:
    """True when the pavilion has people to match and something changed since ``since``
    (None: never matched): a profile, a registration, a wish or the weights."""
    exhibitors = ExhibitorRegistration.objects.filter(
        pavilion=pavilion, status=RegistrationStatus.ACCEPTED
    )
    buyers = BuyerRegistration.objects.filter(
        pavilion=pavilion, status=BuyerRegistrationStatus.REGISTERED
    )
    if not exhibitors.exists() or not buyers.exists():
        return False
    if since is None:
        return True
    return (
        ExhibitorRegistration.objects.filter(pavilion=pavilion, updated_at__gt=since).exists()
        or BuyerRegistration.objects.filter(pavilion=pavilion, updated_at__gt=since).exists()
        or exhibitors.filter(sme__updated_at__gt=since).exists()
        or buyers.filter(buyer__updated_at__gt=since).exists()
        or PairWish.objects.filter(pavilion=pavilion, created_at__gt=since).exists()
        # A new meeting takes its pair out of the proposals.
        or any(hooks.pairs_changed_since(pavilion, since))
        or MatchingSettings.objects.filter(pavilion=pavilion, updated_at__gt=since).exists()
    )


def pavilions_open_without_active_run() -> QuerySet:
    """Pavilions whose fair has not ended and that have no run queued or running, each with
    the end of its last finished run (``last_run``, None if it never had one)."""
    return (
        Pavilion.objects.filter(fair__ends_on__gte=timezone.now().date())
        .exclude(matching_runs__status__in=ACTIVE_RUN_STATUSES)
        .annotate(
            last_run=Max("matching_runs__finished_at", filter=Q(matching_runs__status="done"))
        )
    )
