"""Vectorised reciprocal scoring of a chunk of buyers against every exhibitor.

A chunk is a contiguous range of buyer indices. Its scores are a dense float32 matrix (buyers
by exhibitors) built from row gathers of the model's tables, one sparse product for product
fit, and element-wise arithmetic; it is reduced at once to top-k candidates per buyer and per
exhibitor, so memory stays at one chunk's matrix whatever the platform's size.

Celery workers call ``score_chunk`` on their range and the caller ``merge_candidates`` on the
results; ``propose`` runs the same two functions in-process.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from matchmaking.engine.model import WISH_BLOCK, WISH_MUST_MEET, ScoringModel


def chunk_bounds(n_buyers: int, chunk_size: int) -> list[tuple[int, int]]:
    """Contiguous buyer ranges covering all buyers, each at most ``chunk_size`` long."""
    if chunk_size < 1:
        raise ValueError("chunk_size must be positive")
    return [(start, min(start + chunk_size, n_buyers)) for start in range(0, n_buyers, chunk_size)]


def default_chunk_size(model: ScoringModel, target_cells: int = 40_000_000) -> int:
    """Buyers per chunk (one Celery task's share): about ``target_cells`` pairs, ~2-4 s."""
    return max(64, target_cells // max(model.n_exhibitors, 1))


# A tile is the unit of element-wise work: small enough (~2 MB a matrix) to stay in cache.
_TILE_CELLS = 1 << 19


def _tile_rows(n_exhibitors: int) -> int:
    return max(8, _TILE_CELLS // max(n_exhibitors, 1))


def score_block(model: ScoringModel, start: int, stop: int) -> np.ndarray:
    """Scores (0-100, float32) of buyers ``start:stop`` (rows) against all exhibitors (columns).

    Wishes are applied: blocked pairs are exactly 0, must-meet pairs 100, requests lifted.
    Allocates the whole block: for tests, the benchmark's sample and small pavilions.
    """
    out = np.empty((stop - start, model.n_exhibitors), dtype=np.float32)
    buffers = _TileBuffers(
        min(_tile_rows(model.n_exhibitors), max(stop - start, 1)), model.n_exhibitors
    )
    step = buffers.rows
    for tile_start in range(start, stop, step):
        tile_stop = min(tile_start + step, stop)
        out[tile_start - start : tile_stop - start] = _score_tile(
            model, tile_start, tile_stop, buffers
        )
    return out


class _TileBuffers:
    """Scratch matrices reused tile after tile, so the hot loop allocates nothing large."""

    def __init__(self, rows: int, columns: int) -> None:
        self.rows = rows
        self.a = np.empty((rows, columns), dtype=np.float32)
        self.b = np.empty((rows, columns), dtype=np.float32)
        self.common = np.empty((rows, columns), dtype=np.float32)


def _score_tile(model: ScoringModel, start: int, stop: int, buffers: _TileBuffers) -> np.ndarray:
    """Scores of buyers ``start:stop``, a view into ``buffers`` (valid until the next tile)."""
    weights = model.weights
    n_rows, n_cols = stop - start, model.n_exhibitors
    common, scratch, a = buffers.common[:n_rows], buffers.b[:n_rows], buffers.a[:n_rows]

    # Sector (both views): best credit over the buyer's interests.
    nodes = model.buyer_sector_nodes[start:stop]
    padding = model.sector_table.shape[0] - 1
    np.take(model.sector_table, nodes[:, 0], axis=0, out=common)
    for j in range(1, nodes.shape[1]):
        column = nodes[:, j]
        # Padding points at the all-zero row; stop once every buyer's interests are used up.
        if (column == padding).all():
            break
        np.take(model.sector_table, column, axis=0, out=scratch)
        np.maximum(common, scratch, out=common)

    # Language (both views).
    np.take(model.language_table, model.buyer_language_key[start:stop], axis=0, out=scratch)
    common += scratch

    # Product fit (both views): capped cosine, added where the sparse product is non-zero.
    product = model.buyer_text[start:stop] @ model.exhibitor_text_t
    if product.nnz:
        np.minimum(product.data, np.float32(weights.product), out=product.data)
        rows = np.repeat(np.arange(n_rows, dtype=np.int64) * n_cols, np.diff(product.indptr))
        common.reshape(-1)[rows + product.indices] += product.data

    # The exhibitor's view (``a``) and the buyer's view (``b``), each still unnormalised.
    np.take(model.exhibitor_view_table, model.buyer_exhibitor_view_key[start:stop], axis=0, out=a)
    a += common
    b = scratch
    np.take(model.buyer_view_table, model.buyer_buyer_view_key[start:stop], axis=0, out=b)
    b += common

    # Harmonic mean of a/Wa and b/Wb, times 100: 200ab / (a*Wb + b*Wa). It is high only when
    # both sides fit, which is what makes the recommendation reciprocal.
    weight_a, weight_b = weights.view_weight_sums()
    a *= np.float32(weight_b)
    b *= np.float32(weight_a)
    denominator = np.add(a, b, out=common)
    a *= b
    # Where both views are 0 the numerator is 0 too; the tiny floor avoids 0/0.
    np.maximum(denominator, np.float32(1e-30), out=denominator)
    a /= denominator
    a *= np.float32(200.0 / (weight_a * weight_b))
    _apply_wishes(model, a, start, stop)
    return a


def _apply_wishes(model: ScoringModel, scores: np.ndarray, start: int, stop: int) -> None:
    """Lift requested pairs, set must-meet to 100 and blocked pairs to 0, in place."""
    lo, hi = np.searchsorted(model.wish_buyer, [start, stop])
    if lo == hi:
        return
    rows = model.wish_buyer[lo:hi] - start
    cols = model.wish_exhibitor[lo:hi]
    codes = model.wish_code[lo:hi]
    lifted = np.minimum(scores[rows, cols] + model.wish_lift[lo:hi], np.float32(100.0))
    lifted[codes == WISH_MUST_MEET] = 100.0
    lifted[codes == WISH_BLOCK] = 0.0
    scores[rows, cols] = lifted


def top_k_per_group(groups: np.ndarray, values: np.ndarray, k: int) -> np.ndarray:
    """Indices of the (at most) k largest values of each group; ties broken by position."""
    if len(values) == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((-values, groups))
    sorted_groups = groups[order]
    boundary = np.flatnonzero(np.r_[True, sorted_groups[1:] != sorted_groups[:-1]])
    group_start = np.repeat(boundary, np.diff(np.r_[boundary, len(order)]))
    rank = np.arange(len(order)) - group_start
    return order[rank < k]


def _row_top_k(scores: np.ndarray, k: int, floor: float) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of each row's k best entries at or above ``floor``.

    Rather than partially sorting every row, split it into at least 4k blocks: the k-th
    largest block maximum is a lower bound for the row's k-th largest entry, so only the few
    entries above it need sorting.
    """
    n_rows, n_cols = scores.shape
    threshold = np.full(n_rows, floor, dtype=np.float32)
    if n_cols >= 8 * k:
        block = n_cols // (4 * k)
        n_blocks = n_cols // block
        maxima = scores[:, : n_blocks * block].reshape(n_rows, n_blocks, block).max(axis=2)
        bound = np.partition(maxima, n_blocks - k, axis=1)[:, n_blocks - k]
        np.maximum(threshold, bound, out=threshold)
    rows, cols = np.nonzero(scores >= threshold[:, None])
    keep = top_k_per_group(rows, scores[rows, cols], k)
    return rows[keep], cols[keep]


@dataclass
class Candidates:
    """Candidate pairs from both sides' points of view, as parallel arrays of edges.

    ``exhibitor_*``: each exhibitor's best buyers (at most ``per_exhibitor``, trimmed again
    on every merge); ``buyer_*``: each scored buyer's best exhibitors (final: a buyer is in one
    chunk); ``wished_*``: pairs with a lifting wish, kept whatever their rank. Only pairs at
    or above the minimum score are kept, wished ones excepted. ``fingerprint`` ties them to
    one model.
    """

    fingerprint: str
    per_exhibitor: int
    exhibitor_e: np.ndarray
    exhibitor_b: np.ndarray
    exhibitor_s: np.ndarray
    buyer_e: np.ndarray
    buyer_b: np.ndarray
    buyer_s: np.ndarray
    wished_e: np.ndarray
    wished_b: np.ndarray
    wished_s: np.ndarray

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, for Celery's JSON serializer."""
        data: dict[str, Any] = {
            "fingerprint": self.fingerprint,
            "per_exhibitor": self.per_exhibitor,
        }
        for name in _EDGE_FIELDS:
            values = getattr(self, name)
            data[name] = values.round(4).tolist() if values.dtype.kind == "f" else values.tolist()
        return data

    def to_bytes(self) -> bytes:
        """Compact binary form (NumPy .npz, no pickle): about a tenth of the JSON's size, for a
        file, a binary column or base64 in a task result when chunks are large."""
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            fingerprint=np.array(self.fingerprint),
            per_exhibitor=np.array(self.per_exhibitor),
            **{name: getattr(self, name) for name in _EDGE_FIELDS},
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, payload: bytes) -> Candidates:
        with np.load(io.BytesIO(payload), allow_pickle=False) as archive:
            return cls(
                fingerprint=str(archive["fingerprint"]),
                per_exhibitor=int(archive["per_exhibitor"]),
                **{name: archive[name] for name in _EDGE_FIELDS},
            )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Candidates:
        arrays = {
            name: np.asarray(data[name], dtype=np.float32 if name.endswith("_s") else np.int32)
            for name in _EDGE_FIELDS
        }
        return cls(
            fingerprint=data["fingerprint"], per_exhibitor=int(data["per_exhibitor"]), **arrays
        )

    def exhibitor_thresholds(self, n_exhibitors: int, min_score: float) -> np.ndarray:
        """Per exhibitor, the score a new buyer must reach to enter its candidate list."""
        return _entry_thresholds(
            self.exhibitor_e, self.exhibitor_s, n_exhibitors, self.per_exhibitor, min_score
        )


def _entry_thresholds(
    exhibitors: np.ndarray, scores: np.ndarray, n_exhibitors: int, k: int, min_score: float
) -> np.ndarray:
    """The lowest kept score of each exhibitor holding k candidates, else ``min_score``.

    Expects at most k edges per exhibitor (trimmed).
    """
    thresholds = np.full(n_exhibitors, min_score, dtype=np.float32)
    full = np.bincount(exhibitors, minlength=n_exhibitors) >= k
    if full.any():
        minimum = np.full(n_exhibitors, np.inf, dtype=np.float32)
        np.minimum.at(minimum, exhibitors, scores)
        thresholds[full] = np.maximum(thresholds[full], minimum[full])
    return thresholds


_EDGE_FIELDS = (
    "exhibitor_e",
    "exhibitor_b",
    "exhibitor_s",
    "buyer_e",
    "buyer_b",
    "buyer_s",
    "wished_e",
    "wished_b",
    "wished_s",
)


def score_chunk(
    model: ScoringModel,
    start: int,
    stop: int,
    exhibitor_thresholds: np.ndarray | None = None,
) -> Candidates:
    """Score buyers ``start:stop`` and keep only their candidates. Pure; the heavy step.

    ``exhibitor_thresholds`` (optional, from earlier chunks' ``exhibitor_thresholds``) lets
    an in-process run skip pairs that cannot enter an exhibitor's list; any value gives the
    same final result after merging.
    """
    weights = model.weights
    k_exhibitor, k_buyer = weights.candidates_per_exhibitor, weights.candidates_per_buyer
    min_score = np.float32(weights.min_score)
    thresholds = np.full(model.n_exhibitors, min_score, dtype=np.float32)
    if exhibitor_thresholds is not None:
        np.maximum(thresholds, exhibitor_thresholds, out=thresholds)
    buffers = _TileBuffers(
        min(_tile_rows(model.n_exhibitors), max(stop - start, 1)), model.n_exhibitors
    )
    parts: dict[str, list[np.ndarray]] = {name: [] for name in _EDGE_FIELDS}
    pending = 0
    for tile_start in range(start, stop, buffers.rows):
        tile_stop = min(tile_start + buffers.rows, stop)
        scores = _score_tile(model, tile_start, tile_stop, buffers)
        rows, cols = _row_top_k(scores, k_buyer, min_score)
        parts["buyer_e"].append(cols.astype(np.int32))
        parts["buyer_b"].append((rows + tile_start).astype(np.int32))
        parts["buyer_s"].append(scores[rows, cols])
        rows, cols = np.nonzero(scores >= thresholds[None, :])
        parts["exhibitor_e"].append(cols.astype(np.int32))
        parts["exhibitor_b"].append((rows + tile_start).astype(np.int32))
        parts["exhibitor_s"].append(scores[rows, cols])
        pending += len(rows)
        if pending > 4 * k_exhibitor * model.n_exhibitors:
            # Trim to each exhibitor's best so far and raise the bar for the next tiles.
            _trim_exhibitor_parts(parts, k_exhibitor)
            pending = len(parts["exhibitor_e"][0])
            np.maximum(
                thresholds,
                _entry_thresholds(
                    parts["exhibitor_e"][0],
                    parts["exhibitor_s"][0],
                    model.n_exhibitors,
                    k_exhibitor,
                    min_score,
                ),
                out=thresholds,
            )
        lo, hi = np.searchsorted(model.wish_buyer, [tile_start, tile_stop])
        lifting = model.wish_code[lo:hi] != WISH_BLOCK
        wished_b = model.wish_buyer[lo:hi][lifting]
        wished_e = model.wish_exhibitor[lo:hi][lifting]
        parts["wished_e"].append(wished_e)
        parts["wished_b"].append(wished_b)
        parts["wished_s"].append(scores[wished_b - tile_start, wished_e])
    _trim_exhibitor_parts(parts, k_exhibitor)
    return Candidates(
        fingerprint=model.fingerprint,
        per_exhibitor=k_exhibitor,
        **{
            name: _concat(parts, name, np.float32 if name.endswith("_s") else np.int32)
            for name in _EDGE_FIELDS
        },
    )


def _concat(parts: dict[str, list[np.ndarray]], name: str, dtype: type) -> np.ndarray:
    arrays = parts[name]
    return np.concatenate(arrays).astype(dtype, copy=False) if arrays else np.zeros(0, dtype)


def _trim_exhibitor_parts(parts: dict[str, list[np.ndarray]], k: int) -> None:
    e = _concat(parts, "exhibitor_e", np.int32)
    b = _concat(parts, "exhibitor_b", np.int32)
    s = _concat(parts, "exhibitor_s", np.float32)
    keep = top_k_per_group(e, s, k)
    parts["exhibitor_e"], parts["exhibitor_b"], parts["exhibitor_s"] = (
        [e[keep]],
        [b[keep]],
        [s[keep]],
    )


def merge_candidates(parts: Iterable[Candidates]) -> Candidates:
    """Combine chunk results into one: each exhibitor keeps its overall best buyers.

    Buyer and wished edges are simply concatenated (chunks never share a buyer).
    Raises ValueError when the parts come from different models (different profile order).
    """
    parts = list(parts)
    if not parts:
        raise ValueError("nothing to merge")
    if len({part.fingerprint for part in parts}) != 1:
        raise ValueError("candidates come from different scoring models")
    arrays = {
        name: np.concatenate([getattr(part, name) for part in parts]) for name in _EDGE_FIELDS
    }
    k = parts[0].per_exhibitor
    keep = top_k_per_group(arrays["exhibitor_e"], arrays["exhibitor_s"], k)
    for name in ("exhibitor_e", "exhibitor_b", "exhibitor_s"):
        arrays[name] = arrays[name][keep]
    return Candidates(fingerprint=parts[0].fingerprint, per_exhibitor=k, **arrays)


@dataclass
class CandidateEdges:
    """Deduplicated candidate pairs that qualify for selection."""

    exhibitors: np.ndarray
    buyers: np.ndarray
    scores: np.ndarray
    wished: np.ndarray


def candidate_edges(candidates: Candidates, n_buyers: int, min_score: float) -> CandidateEdges:
    """Flatten candidates into unique pairs scoring at least ``min_score``, or wished.

    A requested pair qualifies even below ``min_score``: explicit wishes outweigh inferred
    fit. A blocked pair never qualifies (its score is 0 and it is never marked wished).
    """
    c = candidates
    exhibitors = np.concatenate([c.exhibitor_e, c.buyer_e, c.wished_e]).astype(np.int64)
    buyers = np.concatenate([c.exhibitor_b, c.buyer_b, c.wished_b]).astype(np.int64)
    scores = np.concatenate([c.exhibitor_s, c.buyer_s, c.wished_s]).astype(np.float32)
    wished = np.zeros(len(scores), dtype=bool)
    wished[len(scores) - len(c.wished_s) :] = True
    keep = (scores >= min_score) | wished
    exhibitors, buyers, scores, wished = exhibitors[keep], buyers[keep], scores[keep], wished[keep]
    pair = exhibitors * max(n_buyers, 1) + buyers
    # Sorting wished first makes np.unique keep the wished copy of a duplicated pair.
    order = np.lexsort((~wished, pair))
    pair, exhibitors, buyers, scores, wished = (
        pair[order],
        exhibitors[order],
        buyers[order],
        scores[order],
        wished[order],
    )
    _, first = np.unique(pair, return_index=True)
    return CandidateEdges(
        exhibitors=exhibitors[first].astype(np.int32),
        buyers=buyers[first].astype(np.int32),
        scores=scores[first],
        wished=wished[first],
    )
