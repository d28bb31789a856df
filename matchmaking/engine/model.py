"""Encode one run's profiles into the small tables the vectorised scorer gathers from.

Every factor except product fit depends on a buyer only through a low-cardinality key (its
country and type, its order size and required certifications, its language set, its sector
interests), so each factor becomes a table with one row per distinct buyer key and one column
per exhibitor, already multiplied by its weight. Scoring a chunk of buyers is then row gathers,
element-wise sums and one sparse product for the text, with no per-pair Python.

Building a model is deterministic for a given input, so each Celery worker can rebuild it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from matchmaking.engine.history import earlier_wishes, wish_lift
from matchmaking.engine.profiles import (
    BLOCKING_WISHES,
    ORDER_SIZE_RANK,
    BuyerProfile,
    BuyerType,
    ExhibitorProfile,
    MatchmakingInput,
    OrderSize,
    WishKind,
)
from matchmaking.engine.text import TextVectoriser
from matchmaking.engine.weights import ScoringWeights

# Wish codes stored per pair in the model (small ints so chunks can apply them vectorised).
WISH_LIFT_REQUEST = 1
WISH_MUST_MEET = 2
WISH_BLOCK = 3


@dataclass
class ScoringModel:
    """Everything needed to score any slice of buyers against all exhibitors.

    Tables are float32 with one column per exhibitor; ``buyer_*_key`` arrays give each buyer's
    row in the matching table.
    """

    data: MatchmakingInput
    weights: ScoringWeights
    exhibitor_ids: list[Hashable]
    buyer_ids: list[Hashable]
    fingerprint: str
    # Sector: row per taxonomy node (+ a zero row for padding), weighted credit per exhibitor.
    sector_table: np.ndarray
    buyer_sector_nodes: np.ndarray  # (n_buyers, max interests), padded with the zero row
    # Exhibitor's view only: market and buyer type, keyed by (country, buyer type).
    exhibitor_view_table: np.ndarray
    buyer_exhibitor_view_key: np.ndarray
    # Buyer's view only: certifications and order size, keyed by (order size, certificate set).
    buyer_view_table: np.ndarray
    buyer_buyer_view_key: np.ndarray
    # Both views: language, keyed by the buyer's language set.
    language_table: np.ndarray
    buyer_language_key: np.ndarray
    # Product fit: exhibitor vectors (transposed, pre-scaled by weight / saturation) and buyers'.
    exhibitor_text: sp.csr_matrix  # unit term vectors, for the reasons
    exhibitor_text_t: sp.csr_matrix
    buyer_text: sp.csr_matrix
    text_vectoriser: TextVectoriser
    # Wishes sorted by buyer index.
    wish_buyer: np.ndarray
    wish_exhibitor: np.ndarray
    wish_code: np.ndarray
    wish_lift: np.ndarray
    exhibitor_capacity: np.ndarray
    buyer_capacity: np.ndarray
    first_timer: np.ndarray

    @property
    def n_exhibitors(self) -> int:
        return len(self.exhibitor_ids)

    @property
    def n_buyers(self) -> int:
        return len(self.buyer_ids)


def build_scoring_model(
    data: MatchmakingInput, weights: ScoringWeights | None = None
) -> ScoringModel:
    """Encode ``data`` for scoring. Pure: reads its arguments, writes nothing."""
    weights = weights or ScoringWeights()
    exhibitors, buyers = data.exhibitors, data.buyers
    sector_table, buyer_sector_nodes = _sector_tables(data, weights)
    ev_table, ev_key = _exhibitor_view_tables(data, weights)
    bv_table, bv_key = _buyer_view_tables(exhibitors, buyers, weights)
    lang_table, lang_key = _language_tables(data, weights)
    vectoriser = TextVectoriser([e.text for e in exhibitors] + [b.sourcing_needs for b in buyers])
    n_e = len(exhibitors)
    exhibitor_text = vectoriser.fitted_matrix(0, n_e)
    buyer_text = vectoriser.fitted_matrix(n_e, n_e + len(buyers))
    vectoriser.release_tokens()
    scale = np.float32(weights.product / weights.product_fit_saturation)
    exhibitor_text_t = sp.csr_matrix((exhibitor_text * scale).T, dtype=np.float32)
    wishes = _wish_arrays(data, weights)
    return ScoringModel(
        data=data,
        weights=weights,
        exhibitor_ids=[e.id for e in exhibitors],
        buyer_ids=[b.id for b in buyers],
        fingerprint=_fingerprint(data),
        sector_table=sector_table,
        buyer_sector_nodes=buyer_sector_nodes,
        exhibitor_view_table=ev_table,
        buyer_exhibitor_view_key=ev_key,
        buyer_view_table=bv_table,
        buyer_buyer_view_key=bv_key,
        language_table=lang_table,
        buyer_language_key=lang_key,
        exhibitor_text=exhibitor_text,
        exhibitor_text_t=exhibitor_text_t,
        buyer_text=buyer_text.astype(np.float32),
        text_vectoriser=vectoriser,
        wish_buyer=wishes[0],
        wish_exhibitor=wishes[1],
        wish_code=wishes[2],
        wish_lift=wishes[3],
        exhibitor_capacity=np.array([e.max_meetings for e in exhibitors], dtype=np.int32),
        buyer_capacity=np.array([b.max_meetings for b in buyers], dtype=np.int32),
        first_timer=np.array([e.first_time_exhibitor for e in exhibitors], dtype=bool),
    )


def _fingerprint(data: MatchmakingInput) -> str:
    """Identifies the run's profile order, so merged chunks can be checked to agree."""
    digest = hashlib.sha256()
    for profile in (*data.exhibitors, *data.buyers):
        digest.update(repr(profile.id).encode())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def _keys(values: Sequence[Hashable]) -> tuple[list[Hashable], np.ndarray]:
    """Distinct values in first-seen order and each value's index among them."""
    index: dict[Hashable, int] = {}
    keys = np.fromiter(
        (index.setdefault(v, len(index)) for v in values), dtype=np.int32, count=len(values)
    )
    return list(index), keys


def _sector_tables(
    data: MatchmakingInput, weights: ScoringWeights
) -> tuple[np.ndarray, np.ndarray]:
    taxonomy = data.taxonomy
    nodes: dict[Hashable, int] = {}
    for node in taxonomy.paths:
        for step in taxonomy.path(node):
            nodes.setdefault(step, len(nodes))
    for profile in (*data.exhibitors, *data.buyers):
        for sector in profile.sectors:
            for step in taxonomy.path(sector):
                nodes.setdefault(step, len(nodes))
    node_list = list(nodes)
    n_nodes = len(node_list)
    depth = max((len(taxonomy.path(n)) for n in node_list), default=1)
    paths = np.full((n_nodes, depth), -1, dtype=np.int32)
    lengths = np.zeros(n_nodes, dtype=np.int32)
    for i, node in enumerate(node_list):
        path = [nodes[step] for step in taxonomy.path(node)]
        paths[i, : len(path)] = path
        lengths[i] = len(path)
    credit_by_depth = np.array(
        [weights.sector_credit_at_depth(d) for d in range(depth)], dtype=np.float32
    )

    # Only nodes some buyer is interested in need a row (a real HS tree has ~5,000 headings).
    wanted = sorted({nodes[s] for b in data.buyers for s in b.sectors})
    row_of = {node: row for row, node in enumerate(wanted)}
    wanted_paths, wanted_lengths = paths[wanted], lengths[wanted]

    # Credit of every wanted node against each sector some exhibitor offers.
    offered = sorted({nodes[s] for e in data.exhibitors for s in e.sectors})
    credit = np.zeros((len(wanted) + 1, len(offered) + 1), dtype=np.float32)
    for column, u in enumerate(offered):
        length = lengths[u]
        equal = wanted_paths[:, :length] == paths[u, :length]
        common = np.cumprod(equal, axis=1).sum(axis=1)
        contains = (common == length) | (common == wanted_lengths)
        partial = np.where(common > 0, credit_by_depth[np.maximum(common - 1, 0)], 0.0)
        credit[: len(wanted), column] = np.where(contains, 1.0, partial)
    column_of = {u: c for c, u in enumerate(offered)}
    pad_column = len(offered)

    width = max((len(e.sectors) for e in data.exhibitors), default=1) or 1
    exhibitor_columns = np.full((len(data.exhibitors), width), pad_column, dtype=np.int32)
    for i, exhibitor in enumerate(data.exhibitors):
        for j, sector in enumerate(exhibitor.sectors):
            exhibitor_columns[i, j] = column_of[nodes[sector]]
    # Row per wanted node (last row: padding, all zero), column per exhibitor: the best credit
    # over the exhibitor's sectors.
    table = credit[:, exhibitor_columns[:, 0]]
    for j in range(1, width):
        np.maximum(table, credit[:, exhibitor_columns[:, j]], out=table)
    table *= np.float32(weights.sector)

    width = max((len(b.sectors) for b in data.buyers), default=1) or 1
    buyer_nodes = np.full((len(data.buyers), width), len(wanted), dtype=np.int32)
    for i, buyer in enumerate(data.buyers):
        for j, sector in enumerate(dict.fromkeys(buyer.sectors)):
            buyer_nodes[i, j] = row_of[nodes[sector]]
    return np.ascontiguousarray(table), buyer_nodes


def _exhibitor_view_tables(
    data: MatchmakingInput, weights: ScoringWeights
) -> tuple[np.ndarray, np.ndarray]:
    """Market fit and buyer-type fit, keyed by the buyer's (country, buyer type)."""
    geography = data.geography
    regions = list(geography.regions)
    region_index = {r: i for i, r in enumerate(regions)}
    countries: dict[str, int] = {}
    for members in geography.regions.values():
        for country in sorted(members):
            countries.setdefault(country, len(countries))
    for buyer in data.buyers:
        countries.setdefault(buyer.country, len(countries))
    for exhibitor in data.exhibitors:
        for market in exhibitor.target_markets:
            if market not in region_index:
                countries.setdefault(market, len(countries))
    n_e, n_c, n_r = len(data.exhibitors), len(countries), len(regions)
    membership = np.zeros((n_c, n_r), dtype=np.float32)
    for region, members in geography.regions.items():
        for country in members:
            membership[countries[country], region_index[region]] = 1.0
    target_country = np.zeros((n_c, n_e), dtype=np.float32)
    target_region = np.zeros((n_r, n_e), dtype=np.float32)
    for i, exhibitor in enumerate(data.exhibitors):
        for market in exhibitor.target_markets:
            if market in region_index:
                target_region[region_index[market], i] = 1.0
            else:
                target_country[countries[market], i] = 1.0
    in_target_region = (membership @ target_region) > 0
    # Regions holding a targeted country, then the countries of those regions.
    neighbour = (membership @ ((membership.T @ target_country) > 0).astype(np.float32)) > 0
    market = np.maximum.reduce(
        [
            target_country,
            np.where(in_target_region, weights.market_region_credit, 0.0).astype(np.float32),
            np.where(neighbour, weights.market_neighbour_credit, 0.0).astype(np.float32),
        ]
    )

    types = list(BuyerType)
    serves = np.ones((len(types), n_e), dtype=np.float32)
    for i, exhibitor in enumerate(data.exhibitors):
        if exhibitor.buyer_types:
            served = set(exhibitor.buyer_types)
            serves[:, i] = [1.0 if t in served else 0.0 for t in types]
    type_index = {t: i for i, t in enumerate(types)}

    combos, key = _keys([(b.country, b.buyer_type) for b in data.buyers])
    table = np.empty((max(len(combos), 1), n_e), dtype=np.float32)
    for row, (country, buyer_type) in enumerate(combos):
        table[row] = (
            weights.market * market[countries[country]]
            + weights.buyer_type * serves[type_index[buyer_type]]
        )
    return table, key


def order_size_fit(served: Sequence[OrderSize], wanted: OrderSize | None, adjacent: float) -> float:
    """1 when the SME serves the band (or states no limits), partial for a neighbouring band."""
    if not served or wanted is None:
        return 1.0
    gaps = [abs(ORDER_SIZE_RANK[s] - ORDER_SIZE_RANK[wanted]) for s in served]
    return 1.0 if min(gaps) == 0 else adjacent if min(gaps) == 1 else 0.0


def _buyer_view_tables(
    exhibitors: Sequence[ExhibitorProfile], buyers: Sequence[BuyerProfile], weights: ScoringWeights
) -> tuple[np.ndarray, np.ndarray]:
    """Certification and order-size fit, keyed by the buyer's (order size, certificate set)."""
    n_e = len(exhibitors)
    combos, key = _keys([(b.order_size, frozenset(b.required_certifications)) for b in buyers])
    certificates = sorted({c for _, certs in combos for c in certs}, key=repr)
    cert_index = {c: i for i, c in enumerate(certificates)}
    held = np.zeros((len(certificates), n_e), dtype=np.float32)
    for i, exhibitor in enumerate(exhibitors):
        for cert in exhibitor.certifications:
            if cert in cert_index:
                held[cert_index[cert], i] = 1.0
    size_fit: dict[OrderSize | None, np.ndarray] = {}
    table = np.empty((max(len(combos), 1), n_e), dtype=np.float32)
    for row, (size, certs) in enumerate(combos):
        if size not in size_fit:
            size_fit[size] = np.array(
                [
                    order_size_fit(e.order_sizes, size, weights.adjacent_order_size_credit)
                    for e in exhibitors
                ],
                dtype=np.float32,
            )
        if certs:
            cert_fit = held[[cert_index[c] for c in certs]].mean(axis=0)
        else:
            cert_fit = np.ones(n_e, dtype=np.float32)
        table[row] = weights.certification * cert_fit + weights.order_size * size_fit[size]
    return table, key


def language_fit(
    exhibitor_languages: Sequence[str],
    buyer_languages: Sequence[str],
    covers: Callable[[str, str], bool],
    weights: ScoringWeights,
) -> float:
    """1 for a shared language, else a penalty that depends on whether interpreters exist."""
    if set(exhibitor_languages) & set(buyer_languages):
        return 1.0
    if any(covers(a, b) for a in exhibitor_languages for b in buyer_languages):
        return weights.interpreter_credit
    return weights.no_interpreter_credit


def _language_tables(
    data: MatchmakingInput, weights: ScoringWeights
) -> tuple[np.ndarray, np.ndarray]:
    buyer_sets, key = _keys([frozenset(b.languages) for b in data.buyers])
    exhibitor_sets, exhibitor_key = _keys([frozenset(e.languages) for e in data.exhibitors])
    small = np.array(
        [
            [
                language_fit(sorted(es), sorted(bs), data.interpreters.covers, weights)
                for es in exhibitor_sets
            ]
            for bs in buyer_sets
        ],
        dtype=np.float32,
    ).reshape(len(buyer_sets), len(exhibitor_sets))
    table = np.ascontiguousarray(small[:, exhibitor_key]) * np.float32(weights.language)
    if not buyer_sets:
        table = np.zeros((1, len(data.exhibitors)), dtype=np.float32)
    return table, key


def _wish_arrays(data: MatchmakingInput, weights: ScoringWeights) -> tuple[np.ndarray, ...]:
    """One entry per wished pair: blocking beats must-meet beats the sum of request lifts."""
    exhibitor_index = {e.id: i for i, e in enumerate(data.exhibitors)}
    buyer_index = {b.id: i for i, b in enumerate(data.buyers)}
    kinds: dict[tuple[int, int], set[WishKind]] = {}
    for wish in data.wishes + earlier_wishes(data, weights):
        # Wishes about profiles not in this run (withdrawn, other pavilion) are irrelevant.
        if wish.exhibitor_id in exhibitor_index and wish.buyer_id in buyer_index:
            pair = (buyer_index[wish.buyer_id], exhibitor_index[wish.exhibitor_id])
            kinds.setdefault(pair, set()).add(wish.kind)
    rows = []
    for (b, e), pair_kinds in sorted(kinds.items()):
        if pair_kinds & BLOCKING_WISHES:
            rows.append((b, e, WISH_BLOCK, 0.0))
        elif WishKind.MUST_MEET in pair_kinds:
            rows.append((b, e, WISH_MUST_MEET, 100.0))
        else:
            rows.append((b, e, WISH_LIFT_REQUEST, wish_lift(pair_kinds, weights)))
    arrays = list(zip(*rows, strict=True)) if rows else [[], [], [], []]
    return (
        np.array(arrays[0], dtype=np.int32),
        np.array(arrays[1], dtype=np.int32),
        np.array(arrays[2], dtype=np.int8),
        np.array(arrays[3], dtype=np.float32),
    )
