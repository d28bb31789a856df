"""Plain data the Django side hands to the engine.

Everything here is a frozen dataclass of ids, strings and tuples, so that a Celery worker can
rebuild exactly the same input from the database and the engine never needs Django. Ids are
whatever the database uses (ints or strings); the engine only compares them for equality.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

SectorId = Hashable
ProfileId = Hashable


class ExportExperience(enum.StrEnum):
    """How far an SME has gone abroad; mirrors the export-stage wording JETRO uses."""

    NONE = "none"
    INDIRECT = "indirect"  # through a trading company
    DIRECT = "direct"
    OVERSEAS_BASE = "overseas_base"


class BuyerType(enum.StrEnum):
    IMPORTER = "importer"
    DISTRIBUTOR = "distributor"
    WHOLESALER = "wholesaler"
    RETAILER = "retailer"
    OEM = "oem"
    ECOMMERCE = "ecommerce"
    AGENT = "agent"


class OrderSize(enum.StrEnum):
    """Order-size bands, declared smallest first: neighbouring bands earn partial credit."""

    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"
    VERY_LARGE = "very_large"


ORDER_SIZE_RANK: dict[OrderSize, int] = {size: rank for rank, size in enumerate(OrderSize)}


class WishKind(enum.StrEnum):
    """An explicit wish about one pair; explicit wishes outweigh inferred fit."""

    REQUESTED_BY_BUYER = "requested_by_buyer"
    REQUESTED_BY_SME = "requested_by_sme"
    MUST_MEET = "must_meet"
    NO_THANKS = "no_thanks"
    MET_BEFORE = "met_before"
    DECLINED = "declined"
    # The pair already has a meeting at this pavilion (in any state): proposing it again would
    # only offer a second request for the same meeting.
    HAS_MEETING = "has_meeting"
    # Derived from earlier pavilions' outcomes (engine.history): their business progressed, or
    # one side said it had no further interest.
    EARLIER_PROGRESS = "earlier_progress"
    EARLIER_NO_INTEREST = "earlier_no_interest"

    @property
    def blocks(self) -> bool:
        """True when the pair must score 0 and never be proposed (in this run or a later one)."""
        return self in BLOCKING_WISHES


LIFTING_WISHES = frozenset(
    {
        WishKind.REQUESTED_BY_BUYER,
        WishKind.REQUESTED_BY_SME,
        WishKind.MUST_MEET,
        WishKind.EARLIER_PROGRESS,
    }
)
BLOCKING_WISHES = frozenset(
    {
        WishKind.NO_THANKS,
        WishKind.MET_BEFORE,
        WishKind.DECLINED,
        WishKind.HAS_MEETING,
        WishKind.EARLIER_NO_INTEREST,
    }
)


class TradeStage(enum.StrEnum):
    """How far a pair's business went after a meeting, declared in the order it usually goes."""

    NO_INTEREST = "no_interest"
    FOLLOW_UP = "follow_up"
    SAMPLE = "sample"
    QUOTATION = "quotation"
    NEGOTIATION = "negotiation"
    TRIAL_ORDER = "trial_order"
    AGREEMENT = "agreement"
    REPEAT_ORDER = "repeat_order"


TRADE_STAGE_RANK: dict[TradeStage, int] = {stage: rank for rank, stage in enumerate(TradeStage)}
# From samples on, the business has visibly moved: the next pavilion proposes a follow-up.
PROGRESSED_STAGES = frozenset(
    stage for stage in TradeStage if TRADE_STAGE_RANK[stage] >= TRADE_STAGE_RANK[TradeStage.SAMPLE]
)


@dataclass(frozen=True)
class SectorTaxonomy:
    """The sector tree as each node's path from its root, root first and the node itself last.

    HS sections > chapters > headings give paths of length 3; a fair's own categories are just
    more roots. ``labels`` maps a node to its names per language ({"en": ..., "ja": ...}) and
    only feeds the reason sentences.
    """

    paths: Mapping[SectorId, tuple[SectorId, ...]]
    labels: Mapping[SectorId, Mapping[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for node, path in self.paths.items():
            if not path or path[-1] != node:
                raise ValueError(f"path of sector {node!r} must end with the sector itself")

    @classmethod
    def from_parents(
        cls,
        parents: Mapping[SectorId, SectorId | None],
        labels: Mapping[SectorId, Mapping[str, str]] | None = None,
    ) -> SectorTaxonomy:
        """Build the paths from a child -> parent map (roots map to None)."""
        paths: dict[SectorId, tuple[SectorId, ...]] = {}

        def path_of(node: SectorId) -> tuple[SectorId, ...]:
            # Iterative walk so that a deep fair taxonomy cannot hit the recursion limit.
            chain = [node]
            seen = {node}
            while (parent := parents.get(chain[-1])) is not None:
                if parent in seen:
                    raise ValueError(f"sector taxonomy has a cycle through {parent!r}")
                if parent in paths:
                    return paths[parent] + tuple(reversed(chain))
                chain.append(parent)
                seen.add(parent)
            return tuple(reversed(chain))

        for node in parents:
            paths[node] = path_of(node)
        return cls(paths=paths, labels=dict(labels or {}))

    def path(self, node: SectorId) -> tuple[SectorId, ...]:
        # An unknown sector is treated as a root of its own: it matches only itself.
        return self.paths.get(node, (node,))

    def label(self, node: SectorId, language: str) -> str:
        names = self.labels.get(node, {})
        return names.get(language) or names.get("en") or str(node)


@dataclass(frozen=True)
class MarketGeography:
    """Regions (EU, ASEAN, GCC, ...) and their member countries (ISO 3166 alpha-2).

    A country may belong to several regions. ``labels`` maps a country or region code to its
    names per language, for the reason sentences only.
    """

    regions: Mapping[str, frozenset[str]]
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def regions_of(self, country: str) -> frozenset[str]:
        return frozenset(region for region, members in self.regions.items() if country in members)

    def is_region(self, market: str) -> bool:
        return market in self.regions

    def label(self, code: str, language: str) -> str:
        names = self.labels.get(code, {})
        return names.get(language) or names.get("en") or code


@dataclass(frozen=True)
class ExhibitorProfile:
    """An SME exhibiting in the pavilion, as the matchmaking sees it.

    ``buyer_types`` and ``order_sizes`` left empty mean "serves any"; ``target_markets`` mixes
    countries and region codes.
    """

    id: ProfileId
    sectors: tuple[SectorId, ...]
    target_markets: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("ja",)
    certifications: tuple[Hashable, ...] = ()
    export_experience: ExportExperience = ExportExperience.NONE
    first_time_exhibitor: bool = False
    products: str = ""
    description: str = ""
    buyer_types: tuple[BuyerType, ...] = ()
    order_sizes: tuple[OrderSize, ...] = ()
    max_meetings: int = 10

    def __post_init__(self) -> None:
        if self.max_meetings < 0:
            raise ValueError(f"exhibitor {self.id!r}: max_meetings must not be negative")
        object.__setattr__(self, "export_experience", ExportExperience(self.export_experience))
        object.__setattr__(self, "buyer_types", tuple(BuyerType(t) for t in self.buyer_types))
        object.__setattr__(self, "order_sizes", tuple(OrderSize(s) for s in self.order_sizes))

    @property
    def text(self) -> str:
        """What the SME offers, for the product-fit text similarity."""
        return f"{self.products}\n{self.description}"


@dataclass(frozen=True)
class BuyerProfile:
    """A foreign buyer registered for the fair; a buyer sits in exactly one country."""

    id: ProfileId
    country: str
    buyer_type: BuyerType
    sectors: tuple[SectorId, ...]
    sourcing_needs: str = ""
    order_size: OrderSize | None = None
    languages: tuple[str, ...] = ("en",)
    required_certifications: tuple[Hashable, ...] = ()
    max_meetings: int = 5

    def __post_init__(self) -> None:
        if self.max_meetings < 0:
            raise ValueError(f"buyer {self.id!r}: max_meetings must not be negative")
        object.__setattr__(self, "buyer_type", BuyerType(self.buyer_type))
        if self.order_size is not None:
            object.__setattr__(self, "order_size", OrderSize(self.order_size))


@dataclass(frozen=True)
class InterpreterAvailability:
    """Which language pairs the pavilion's interpreters cover (order within a pair is ignored)."""

    pairs: frozenset[frozenset[str]] = frozenset()

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]]) -> InterpreterAvailability:
        return cls(pairs=frozenset(frozenset(pair) for pair in pairs))

    def covers(self, language_a: str, language_b: str) -> bool:
        return frozenset((language_a, language_b)) in self.pairs


@dataclass(frozen=True)
class Wish:
    exhibitor_id: ProfileId
    buyer_id: ProfileId
    kind: WishKind

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", WishKind(self.kind))


@dataclass(frozen=True)
class EarlierMeeting:
    """The meetings a pair held at one earlier pavilion, named in the reasons and, through
    their outcomes, lifting or excluding the pair (engine.history).

    ``pavilion_labels`` and ``fair_labels`` hold the names per language ({"en": ..., "ja": ...}).
    ``stage`` is the furthest stage either side reported in any round (None: nothing reported);
    ``no_interest`` is true when either side's latest report says "no further interest".
    """

    exhibitor_id: ProfileId
    buyer_id: ProfileId
    pavilion_id: Hashable
    pavilion_labels: Mapping[str, str] = field(default_factory=dict)
    fair_labels: Mapping[str, str] = field(default_factory=dict)
    stage: TradeStage | None = None
    no_interest: bool = False

    def __post_init__(self) -> None:
        if self.stage is not None:
            object.__setattr__(self, "stage", TradeStage(self.stage))

    @property
    def progressed(self) -> bool:
        return self.stage in PROGRESSED_STAGES


@dataclass(frozen=True)
class MatchmakingInput:
    """One matchmaking run's whole input.

    The order of ``exhibitors`` and ``buyers`` fixes the engine's indices, so every Celery
    worker of one run must load them in the same order (for example ordered by primary key).
    """

    exhibitors: tuple[ExhibitorProfile, ...]
    buyers: tuple[BuyerProfile, ...]
    taxonomy: SectorTaxonomy
    geography: MarketGeography
    interpreters: InterpreterAvailability = InterpreterAvailability()
    wishes: tuple[Wish, ...] = ()
    # A certification's names per language ({"en": ..., "ja": ...}), for the reasons only.
    certification_labels: Mapping[Hashable, Mapping[str, str]] = field(default_factory=dict)
    earlier_meetings: tuple[EarlierMeeting, ...] = ()

    def certification_label(self, certification: Hashable, language: str) -> str:
        names = self.certification_labels.get(certification, {})
        return names.get(language) or names.get("en") or str(certification)

    def __post_init__(self) -> None:
        for name, profiles in (("exhibitor", self.exhibitors), ("buyer", self.buyers)):
            ids = [profile.id for profile in profiles]
            if len(set(ids)) != len(ids):
                raise ValueError(f"{name} ids must be unique")
