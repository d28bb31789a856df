"""The plain data the Django side passes in, and the text tokeniser."""

from __future__ import annotations

import pytest

from matchmaking.engine import (
    BuyerProfile,
    ExhibitorProfile,
    InterpreterAvailability,
    MatchmakingInput,
    SectorTaxonomy,
)
from matchmaking.engine.synthetic import synthetic_input
from matchmaking.engine.text import TextVectoriser, cosine, row_vector, tokenise


def test_taxonomy_from_parents_builds_root_first_paths(taxonomy):
    assert taxonomy.path("9018") == ("S18", "90", "9018")
    assert taxonomy.path("S18") == ("S18",)
    assert taxonomy.path("unknown") == ("unknown",)
    assert taxonomy.label("9018", "ja") == "医療用機器"
    assert taxonomy.label("9022", "ja") == "9022"


def test_taxonomy_from_parents_rejects_cycle():
    with pytest.raises(ValueError, match="cycle"):
        SectorTaxonomy.from_parents({"a": "b", "b": "a"})


def test_taxonomy_rejects_path_not_ending_in_node():
    with pytest.raises(ValueError, match="must end"):
        SectorTaxonomy(paths={"9018": ("S18", "90")})


def test_matchmaking_input_rejects_duplicate_ids(taxonomy, geography, make_exhibitor, make_buyer):
    with pytest.raises(ValueError, match="exhibitor ids"):
        MatchmakingInput(
            exhibitors=(make_exhibitor(), make_exhibitor()),
            buyers=(make_buyer(),),
            taxonomy=taxonomy,
            geography=geography,
        )


def test_profiles_reject_unknown_choices(make_exhibitor):
    with pytest.raises(ValueError, match="huge"):
        make_exhibitor(order_sizes=("huge",))
    with pytest.raises(ValueError, match="broker"):
        BuyerProfile(id=1, country="DE", buyer_type="broker", sectors=())
    with pytest.raises(ValueError, match="max_meetings"):
        ExhibitorProfile(id=1, sectors=(), max_meetings=-1)


def test_interpreter_availability_ignores_pair_order():
    interpreters = InterpreterAvailability.from_pairs([("ja", "en")])
    assert interpreters.covers("en", "ja")
    assert not interpreters.covers("ja", "de")


def test_tokenise_english_words_and_japanese_bigrams():
    assert tokenise("The Sensors, for ISO-13485 devices") == ["sensor", "iso-13485", "device"]
    assert tokenise("超音波診断") == ["超音", "音波", "波診", "診断"]
    assert tokenise("抹茶 と Ｍａｔｃｈａ") == ["matcha", "抹茶", "と"]


def test_text_vectoriser_unit_vectors_and_unknown_terms():
    vectoriser = TextVectoriser(["ultrasound probe", "green tea", "超音波プローブ"])
    vector = vectoriser.vector("ultrasound probe")
    assert cosine(vector, vector) == pytest.approx(1.0)
    assert vectoriser.vector("completely unseen words") == {}


def test_synthetic_input_is_deterministic_by_seed():
    first, again, other = (synthetic_input(5, 20, seed=s) for s in (1, 1, 2))
    assert first == again
    assert first != other
    assert any("の" in e.text or "医" in e.text or "品" in e.text for e in first.exhibitors) or any(
        any("\u3040" <= ch <= "\u9fff" for ch in e.text) for e in first.exhibitors
    )


def test_text_vectoriser_matrix_rows_equal_vectors_when_trimmed():
    data = synthetic_input(60, 400, seed=9)
    documents = [e.text for e in data.exhibitors] + [b.sourcing_needs for b in data.buyers]
    vectoriser = TextVectoriser(documents, max_terms=4)
    matrix = vectoriser.fitted_matrix(0, len(documents))
    assert matrix.getnnz(axis=1).max() == 4
    for row, document in enumerate(documents):
        expected = vectoriser.vector(document)
        got = row_vector(matrix, row, vectoriser.terms)
        assert got.keys() == expected.keys()
        for term, weight in expected.items():
            assert got[term] == pytest.approx(weight, abs=1e-6)
