"""Product fit text vectors that work for English and do not break on Japanese.

Latin-script text is split into lower-cased words; runs of Japanese (kana, kanji) are cut into
overlapping character bigrams, the usual trick for languages written without spaces (it is what
Lucene's CJK analyser does). Terms are weighted by sublinear TF-IDF fitted on all documents of
the run, the very common ones dropped, each document trimmed to its strongest terms and
L2-normalised, so a dot product is a cosine similarity.

Both the vectorised scorer (a sparse matrix of these vectors) and the per-pair reference (the
same vectors as dicts) use ``TextVectoriser.vector``, so they see identical numbers.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
# Hiragana, katakana (incl. the long-vowel mark), CJK ideographs and the iteration mark.
_CJK_RUN = re.compile(r"[\u3040-\u309f\u30a0-\u30ff\u4e00-\u9fff\u3005\u30fc]+")
_MIN_PRUNED_DOCUMENT_FREQUENCY = 50
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "that",
        "the",
        "this",
        "to",
        "we",
        "with",
        "you",
        "your",
        "us",
    ]
)


def tokenise(text: str) -> list[str]:
    """Terms of a text: Latin words (plural 's' trimmed) and Japanese character bigrams.

    NFKC folds full-width Latin letters and half-width katakana, common in Japanese profiles.
    """
    normalised = unicodedata.normalize("NFKC", text).lower()
    terms: list[str] = []
    for word in _WORD.findall(normalised):
        if len(word) < 2 or word in _STOPWORDS:
            continue
        # A crude plural fold: "sensors" should meet "sensor"; enough for matching needs.
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        terms.append(word)
    for run in _CJK_RUN.findall(normalised):
        if len(run) == 1:
            terms.append(run)
        else:
            terms.extend(run[i : i + 2] for i in range(len(run) - 1))
    return terms


class TextVectoriser:
    """Sublinear TF-IDF over the documents of one run.

    ``max_document_fraction`` drops terms found in more than that share of documents: they
    carry little information and would make the sparse product dense. ``max_terms`` keeps each
    document's strongest terms only, which bounds the cost of the product.
    """

    def __init__(
        self,
        documents: Sequence[str],
        *,
        max_document_fraction: float = 0.05,
        max_terms: int = 32,
    ) -> None:
        self.max_terms = max_terms
        self._token_lists = [tokenise(doc) for doc in documents]
        document_frequency: Counter[str] = Counter()
        for tokens in self._token_lists:
            document_frequency.update(set(tokens))
        n_documents = max(len(documents), 1)
        # Small runs keep every term: pruning is for speed at scale, and a term shared by a
        # few of twenty profiles is still informative.
        limit = max(_MIN_PRUNED_DOCUMENT_FREQUENCY, max_document_fraction * n_documents)
        self.idf: dict[str, float] = {
            term: math.log((1 + n_documents) / (1 + df)) + 1.0
            for term, df in document_frequency.items()
            if df <= limit
        }
        self.terms: list[str] = sorted(self.idf)
        self.vocabulary: dict[str, int] = {term: i for i, term in enumerate(self.terms)}

    def vector(self, text: str) -> dict[str, float]:
        """The unit-length term weights of one text (empty when nothing is known)."""
        return self._vector_from_tokens(tokenise(text))

    def _vector_from_tokens(self, tokens: list[str]) -> dict[str, float]:
        counts = Counter(token for token in tokens if token in self.idf)
        weights = {term: (1.0 + math.log(n)) * self.idf[term] for term, n in counts.items()}
        if len(weights) > self.max_terms:
            # Ties broken by the term itself so the trim is deterministic on every worker.
            kept = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[: self.max_terms]
            weights = dict(kept)
        norm = math.sqrt(sum(w * w for w in weights.values()))
        if norm == 0:
            return {}
        return {term: w / norm for term, w in weights.items()}

    def fitted_matrix(self, start: int, stop: int) -> sp.csr_matrix:
        """Rows ``start:stop`` of the fitted documents as a float32 CSR matrix.

        The same arithmetic as ``vector`` (which the per-pair reference uses), done on arrays:
        at platform scale this is 100,000 documents.
        """
        vocabulary = self.vocabulary
        ids: list[int] = []
        lengths: list[int] = []
        for tokens in self._token_lists[start:stop]:
            before = len(ids)
            ids.extend(vocabulary[token] for token in tokens if token in vocabulary)
            lengths.append(len(ids) - before)
        n_rows = stop - start
        rows = np.repeat(np.arange(n_rows, dtype=np.int64), lengths)
        counts = sp.csr_matrix(
            (np.ones(len(ids)), (rows, np.asarray(ids, dtype=np.int64))),
            shape=(n_rows, len(vocabulary)),
        )
        counts.sum_duplicates()
        idf = np.array([self.idf[term] for term in self.terms], dtype=np.float64)
        row_of = np.repeat(np.arange(n_rows), np.diff(counts.indptr))
        weights = (1.0 + np.log(counts.data)) * idf[counts.indices]
        # Keep each document's strongest terms; ties go to the alphabetically first term, as in
        # ``vector`` (the vocabulary is numbered alphabetically).
        order = np.lexsort((counts.indices, -weights, row_of))
        first_of_row = np.repeat(counts.indptr[:-1], np.diff(counts.indptr))
        keep = order[(np.arange(len(order)) - first_of_row) < self.max_terms]
        keep.sort()  # back to row-major, column-sorted order
        row_of, columns, weights = row_of[keep], counts.indices[keep], weights[keep]
        norms = np.sqrt(np.bincount(row_of, weights=weights * weights, minlength=n_rows))
        weights = weights / norms[row_of]
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(row_of, minlength=n_rows), out=indptr[1:])
        return sp.csr_matrix(
            (weights.astype(np.float32), columns.astype(np.int32), indptr),
            shape=(n_rows, len(vocabulary)),
        )

    def release_tokens(self) -> None:
        """Free the tokenised documents once the matrices are built (they are large)."""
        self._token_lists = []


def row_vector(matrix: sp.csr_matrix, row: int, terms: Sequence[str]) -> dict[str, float]:
    """One row of a fitted matrix back as a term vector (saves tokenising the text again)."""
    start, stop = matrix.indptr[row], matrix.indptr[row + 1]
    return {
        terms[index]: float(weight)
        for index, weight in zip(matrix.indices[start:stop], matrix.data[start:stop], strict=True)
    }


def cosine(vector_a: dict[str, float], vector_b: dict[str, float]) -> float:
    if len(vector_b) < len(vector_a):
        vector_a, vector_b = vector_b, vector_a
    return sum(weight * vector_b.get(term, 0.0) for term, weight in vector_a.items())


def shared_terms(
    vector_a: dict[str, float], vector_b: dict[str, float], limit: int = 5
) -> list[str]:
    """The terms contributing most to the similarity, for the reasons."""
    contributions = {t: w * vector_b[t] for t, w in vector_a.items() if t in vector_b}
    ranked = sorted(contributions.items(), key=lambda item: (-item[1], item[0]))
    return [term for term, _ in ranked[:limit]]
