"""The per-pair reference implementation: the scoring rules written plainly, one pair at a time.

It reads the raw profiles (paths, sets, strings), not the vectorised model's tables, so the
tests and the benchmark can check the fast scorer against an independent statement of the
same rules. The reasons shown to users come from here too, for the proposed pairs only.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from matchmaking.engine.history import earlier_wishes, wish_lift
from matchmaking.engine.model import language_fit, order_size_fit
from matchmaking.engine.profiles import (
    BLOCKING_WISHES,
    BuyerProfile,
    EarlierMeeting,
    ExhibitorProfile,
    MatchmakingInput,
    WishKind,
)
from matchmaking.engine.text import TextVectoriser, cosine
from matchmaking.engine.weights import ScoringWeights


@dataclass
class SectorMatch:
    exhibitor_sector: Hashable
    buyer_sector: Hashable
    # "same" when one sector is or contains the other; else the depth of the deepest shared
    # ancestor (0: HS section, 1: chapter, ...).
    level: str
    shared: Hashable | None
    credit: float


@dataclass
class PairFactors:
    """Each factor in [0, 1], with what produced it; the raw material of scores and reasons."""

    sector: float
    sector_match: SectorMatch | None
    market: float
    market_kind: str | None  # "country", "region", "neighbour" or None
    market_via: str | None  # the region that gave partial credit
    product: float
    language: float
    shared_languages: list[str]
    interpreter_pairs: list[tuple[str, str]]
    certification: float
    certifications_matched: list[Hashable]
    certifications_missing: list[Hashable]
    buyer_type: float
    order_size: float
    wishes: set[WishKind] = field(default_factory=set)


class ReferenceScorer:
    """Scores pairs one by one in plain Python; slow on purpose, readable on purpose."""

    def __init__(
        self,
        data: MatchmakingInput,
        weights: ScoringWeights | None = None,
        text_vectoriser: TextVectoriser | None = None,
    ) -> None:
        self.data = data
        self.weights = weights or ScoringWeights()
        self.vectoriser = text_vectoriser or TextVectoriser(
            [e.text for e in data.exhibitors] + [b.sourcing_needs for b in data.buyers]
        )
        self._wishes: dict[tuple[Hashable, Hashable], set[WishKind]] = {}
        for wish in data.wishes + earlier_wishes(data, self.weights):
            self._wishes.setdefault((wish.exhibitor_id, wish.buyer_id), set()).add(wish.kind)
        self._earlier: dict[tuple[Hashable, Hashable], list[EarlierMeeting]] = {}
        for meeting in data.earlier_meetings:
            self._earlier.setdefault((meeting.exhibitor_id, meeting.buyer_id), []).append(meeting)
        self._text_cache: dict[tuple[str, Hashable], dict[str, float]] = {}
        self._sector_cache: dict[tuple[Hashable, Hashable], SectorMatch] = {}

    def earlier_meetings(self, exhibitor_id: Hashable, buyer_id: Hashable) -> list[EarlierMeeting]:
        """The meetings the pair held at earlier pavilions, in the input's order."""
        return self._earlier.get((exhibitor_id, buyer_id), [])

    def remember_text_vector(
        self, side: str, profile_id: Hashable, vector: dict[str, float]
    ) -> None:
        """Use an already computed vector (from the model's matrices) for a profile's text."""
        self._text_cache[(side, profile_id)] = vector

    def text_vector(self, side: str, profile_id: Hashable, text: str) -> dict[str, float]:
        """The (cached) term vector of one profile's text; ``side`` keeps ids apart."""
        key = (side, profile_id)
        if key not in self._text_cache:
            self._text_cache[key] = self.vectoriser.vector(text)
        return self._text_cache[key]

    def sector_credit(self, offered: Hashable, wanted: Hashable) -> SectorMatch:
        """How well an offered sector meets a wanted one (memoised: the pairs repeat a lot)."""
        key = (offered, wanted)
        if key not in self._sector_cache:
            self._sector_cache[key] = self._sector_credit(offered, wanted)
        return self._sector_cache[key]

    def _sector_credit(self, offered: Hashable, wanted: Hashable) -> SectorMatch:
        path_a = self.data.taxonomy.path(offered)
        path_b = self.data.taxonomy.path(wanted)
        common = 0
        for step_a, step_b in zip(path_a, path_b, strict=False):
            if step_a != step_b:
                break
            common += 1
        if common == len(path_a) or common == len(path_b):
            return SectorMatch(offered, wanted, "same", path_a[common - 1], 1.0)
        if common == 0:
            return SectorMatch(offered, wanted, "none", None, 0.0)
        depth = common - 1
        return SectorMatch(
            offered,
            wanted,
            f"depth{depth}",
            path_a[depth],
            self.weights.sector_credit_at_depth(depth),
        )

    def factors(self, exhibitor: ExhibitorProfile, buyer: BuyerProfile) -> PairFactors:
        w = self.weights
        geography = self.data.geography

        best: SectorMatch | None = None
        for offered in exhibitor.sectors:
            for wanted in buyer.sectors:
                match = self.sector_credit(offered, wanted)
                if best is None or match.credit > best.credit:
                    best = match
        sector = best.credit if best else 0.0

        buyer_regions = geography.regions_of(buyer.country)
        market, market_kind, market_via = 0.0, None, None
        targeted_countries = [m for m in exhibitor.target_markets if not geography.is_region(m)]
        targeted_regions = [m for m in exhibitor.target_markets if geography.is_region(m)]
        if buyer.country in targeted_countries:
            market, market_kind = 1.0, "country"
        else:
            for region in sorted(buyer_regions & set(targeted_regions)):
                market, market_kind, market_via = w.market_region_credit, "region", region
                break
            if market < w.market_neighbour_credit:
                for country in targeted_countries:
                    shared = sorted(buyer_regions & geography.regions_of(country))
                    if shared:
                        market, market_kind, market_via = (
                            w.market_neighbour_credit,
                            "neighbour",
                            shared[0],
                        )
                        break

        product_cosine = cosine(
            self.text_vector("exhibitor", exhibitor.id, exhibitor.text),
            self.text_vector("buyer", buyer.id, buyer.sourcing_needs),
        )
        product = min(product_cosine / w.product_fit_saturation, 1.0)

        language = language_fit(
            sorted(exhibitor.languages), sorted(buyer.languages), self.data.interpreters.covers, w
        )
        shared_languages = sorted(set(exhibitor.languages) & set(buyer.languages))
        interpreter_pairs = (
            []
            if shared_languages
            else [
                (a, b)
                for a in sorted(exhibitor.languages)
                for b in sorted(buyer.languages)
                if self.data.interpreters.covers(a, b)
            ]
        )

        required = list(dict.fromkeys(buyer.required_certifications))
        held = set(exhibitor.certifications)
        matched = [c for c in required if c in held]
        missing = [c for c in required if c not in held]
        certification = len(matched) / len(required) if required else 1.0

        buyer_type = (
            1.0 if not exhibitor.buyer_types or buyer.buyer_type in exhibitor.buyer_types else 0.0
        )
        order_size = order_size_fit(
            exhibitor.order_sizes, buyer.order_size, w.adjacent_order_size_credit
        )
        return PairFactors(
            sector=sector,
            sector_match=best if best and best.credit > 0 else None,
            market=market,
            market_kind=market_kind,
            market_via=market_via,
            product=product,
            language=language,
            shared_languages=shared_languages,
            interpreter_pairs=interpreter_pairs,
            certification=certification,
            certifications_matched=matched,
            certifications_missing=missing,
            buyer_type=buyer_type,
            order_size=order_size,
            wishes=set(self._wishes.get((exhibitor.id, buyer.id), set())),
        )

    def views(self, factors: PairFactors) -> tuple[float, float]:
        """The exhibitor's and the buyer's view, each a weighted mean in [0, 1]."""
        w = self.weights
        exhibitor_sum, buyer_sum = w.view_weight_sums()
        exhibitor_view = (
            w.sector * factors.sector
            + w.market * factors.market
            + w.buyer_type * factors.buyer_type
            + w.language * factors.language
            + w.product * factors.product
        ) / exhibitor_sum
        buyer_view = (
            w.sector * factors.sector
            + w.product * factors.product
            + w.certification * factors.certification
            + w.order_size * factors.order_size
            + w.language * factors.language
        ) / buyer_sum
        return exhibitor_view, buyer_view

    def score_factors(self, factors: PairFactors) -> float:
        """The 0-100 score: harmonic mean of both views, then the wishes."""
        exhibitor_view, buyer_view = self.views(factors)
        total = exhibitor_view + buyer_view
        score = 100.0 * 2 * exhibitor_view * buyer_view / total if total > 0 else 0.0
        if factors.wishes & BLOCKING_WISHES:
            return 0.0
        if WishKind.MUST_MEET in factors.wishes:
            return 100.0
        return min(score + wish_lift(factors.wishes, self.weights), 100.0)

    def score(self, exhibitor: ExhibitorProfile, buyer: BuyerProfile) -> float:
        return self.score_factors(self.factors(exhibitor, buyer))
