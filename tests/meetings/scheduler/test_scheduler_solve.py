"""The solver keeps every contract rule even where breaking it would score more."""

from __future__ import annotations

import json
import random

import pytest

from meetings.scheduler import check_result, greedy, lp_upper_bound, solve
from meetings.scheduler.progress import STAGES
from tests.meetings.scheduler.scheduler_builders import make_instance, placed_slots

TIME_LIMIT = 5.0


def solved(instance: dict) -> dict:
    result = solve(instance, time_limit=TIME_LIMIT)
    assert check_result(instance, result) == []
    return result


def test_solve_fixed_meeting_kept_over_higher_score():
    instance = make_instance(
        1,
        {"a": {}, "b": {}, "c": {}},
        [
            {"id": "locked", "parties": ["a", "b"], "score": 1, "fixed_slot": "s0"},
            {"id": "better", "parties": ["a", "c"], "score": 50},
        ],
    )
    result = solved(instance)
    assert placed_slots(result) == {"locked": "s0"}
    assert result["objective"] == 1


def test_solve_party_availability_respected():
    instance = make_instance(
        2,
        {"a": {}, "b": {"available": ["s1"]}, "c": {"available": ["s1"]}},
        [
            {"id": "ab", "parties": ["a", "b"], "score": 5},
            {"id": "ac", "parties": ["a", "c"], "score": 4},
        ],
    )
    result = solved(instance)
    assert placed_slots(result) == {"ab": "s1"}


def test_solve_allowed_slots_respected():
    instance = make_instance(
        2,
        {"a": {}, "b": {}, "c": {}},
        [
            {"id": "morning", "parties": ["a", "b"], "score": 5, "allowed_slots": ["s0"]},
            {"id": "locked", "parties": ["a", "c"], "fixed_slot": "s0"},
        ],
    )
    result = solved(instance)
    assert placed_slots(result) == {"locked": "s0"}


def test_solve_party_never_double_booked():
    instance = make_instance(
        1,
        {"a": {}, "b": {}, "c": {}},
        [
            {"id": "ab", "parties": ["a", "b"], "score": 3},
            {"id": "ac", "parties": ["a", "c"], "score": 2},
        ],
    )
    assert placed_slots(solved(instance)) == {"ab": "s0"}


def test_solve_max_meetings_respected():
    instance = make_instance(
        3,
        {"a": {"max_meetings": 1}, "b": {}, "c": {}},
        [
            {"id": "ab", "parties": ["a", "b"], "score": 3},
            {"id": "ac", "parties": ["a", "c"], "score": 2},
        ],
    )
    assert list(placed_slots(solved(instance))) == ["ab"]


def test_solve_max_per_day_respected():
    parties = {"a": {"max_per_day": 1}, "b": {}, "c": {}, "d": {}}
    instance = make_instance(
        4,
        parties,
        [{"id": f"a{other}", "parties": ["a", other], "score": 1} for other in "bcd"],
        days=2,
    )
    result = solved(instance)
    days = sorted(int(slot[1:]) // 2 for slot in placed_slots(result).values())
    assert days == [0, 1]


def test_solve_interpreter_speaks_the_pair():
    interpreters = [{"id": "int-de", "languages": ["ja", "de"], "available": ["s0", "s1"]}]
    instance = make_instance(
        2,
        {"a": {}, "b": {}, "c": {}},
        [
            {"id": "needs-en", "parties": ["a", "b"], "score": 9, "interpreter": ["ja", "en"]},
            {"id": "needs-de", "parties": ["a", "c"], "score": 1, "interpreter": ["de", "ja"]},
        ],
        interpreters=interpreters,
    )
    result = solved(instance)
    assert [(a["meeting"], a["interpreter"]) for a in result["assignments"]] == [
        ("needs-de", "int-de")
    ]


def test_solve_interpreter_in_one_meeting_per_slot():
    interpreters = [{"id": "int-1", "languages": ["ja", "en", "fr"], "available": ["s0"]}]
    instance = make_instance(
        2,
        {"a": {}, "b": {}, "c": {}, "d": {}},
        [
            {"id": "ab", "parties": ["a", "b"], "score": 2, "interpreter": ["ja", "en"]},
            {"id": "cd", "parties": ["c", "d"], "score": 3, "interpreter": ["ja", "fr"]},
            {"id": "plain", "parties": ["a", "c"], "score": 1},
        ],
        interpreters=interpreters,
    )
    result = solved(instance)
    assert {a["meeting"]: a["interpreter"] for a in result["assignments"]} == {
        "cd": "int-1",
        "plain": None,
    }


def test_solve_tables_per_slot_respected():
    instance = make_instance(
        1,
        {"a": {}, "b": {}, "c": {}, "d": {}, "e": {}, "f": {}},
        [
            {"id": "table-1", "parties": ["a", "b"], "score": 3, "at_table": True},
            {"id": "table-2", "parties": ["c", "d"], "score": 2, "at_table": True},
            {"id": "booth", "parties": ["e", "f"], "score": 1},
        ],
        tables_per_slot=1,
    )
    assert sorted(placed_slots(solved(instance))) == ["booth", "table-1"]


def test_solve_without_tables_per_slot_places_booth_meetings():
    instance = make_instance(
        2,
        {"a": {}, "b": {}, "c": {}},
        [
            {"id": "ab", "parties": ["a", "b"], "score": 3},
            {"id": "ac", "parties": ["a", "c"], "score": 2},
        ],
        tables_per_slot=None,
    )
    assert sorted(placed_slots(solved(instance))) == ["ab", "ac"]


def test_solve_priority_party_wins_a_tie_for_a_scarce_slot():
    # One buyer slot, two exhibitors of equal score: the first-timer (listed last) gets it.
    instance = make_instance(
        2,
        {"peer": {}, "first-timer": {"priority": True}, "buyer": {"available": ["s1"]}},
        [
            {"id": "peer-meeting", "parties": ["peer", "buyer"], "score": 7},
            {"id": "first-timer-meeting", "parties": ["first-timer", "buyer"], "score": 7},
        ],
    )
    assert placed_slots(solved(instance)) == {"first-timer-meeting": "s1"}
    assert placed_slots(greedy(instance)) == {"first-timer-meeting": "s1"}


def test_solve_priority_breaks_ties_among_the_best_schedules_only():
    # Greedy puts `big` in s0 and loses `early`; the best schedule moves `big` to s2 and then
    # has s1 left for one of two equal meetings: the priority party's.
    instance = make_instance(
        3,
        {"buyer": {}, "x": {}, "y": {}, "peer": {}, "first-timer": {"priority": True}},
        [
            {"id": "big", "parties": ["buyer", "x"], "score": 6},
            {"id": "early", "parties": ["buyer", "y"], "score": 5, "allowed_slots": ["s0"]},
            {
                "id": "peer-meeting",
                "parties": ["buyer", "peer"],
                "score": 4,
                "allowed_slots": ["s1"],
            },
            {
                "id": "first-timer-meeting",
                "parties": ["buyer", "first-timer"],
                "score": 4,
                "allowed_slots": ["s1"],
            },
        ],
    )
    assert greedy(instance)["objective"] == 10
    result = solved(instance)
    assert placed_slots(result) == {"early": "s0", "first-timer-meeting": "s1", "big": "s2"}
    assert (result["objective"], result["status"]) == (15, "optimal")


def test_solve_priority_never_costs_score():
    instance = make_instance(
        1,
        {"peer": {}, "first-timer": {"priority": True}, "buyer": {}},
        [
            {"id": "peer-meeting", "parties": ["peer", "buyer"], "score": 7.01},
            {"id": "first-timer-meeting", "parties": ["first-timer", "buyer"], "score": 7},
        ],
    )
    result = solved(instance)
    assert placed_slots(result) == {"peer-meeting": "s0"}
    assert result["status"] == "optimal"


def test_solve_gaps_removed_when_possible():
    instance = make_instance(
        6,
        {"a": {}, "b": {}, "c": {}, "d": {}},
        [
            {"id": "ab", "parties": ["a", "b"]},
            {"id": "bc", "parties": ["b", "c"]},
            {"id": "cd", "parties": ["c", "d"]},
            {"id": "ad", "parties": ["a", "d"]},
        ],
    )
    result = solved(instance)
    assert (result["objective"], result["gaps"]) == (4, 0)


def test_solve_score_never_traded_for_gaps():
    # A triangle in three slots: holding all three meetings forces one party to wait a slot.
    instance = make_instance(
        3,
        {"a": {}, "b": {}, "c": {}},
        [
            {"id": "ab", "parties": ["a", "b"]},
            {"id": "bc", "parties": ["b", "c"]},
            {"id": "ac", "parties": ["a", "c"]},
        ],
    )
    result = solved(instance)
    assert (result["objective"], result["gaps"]) == (3, 1)


def test_solve_gaps_counted_per_day():
    instance = make_instance(
        4,
        {"a": {}, "b": {"available": ["s1"]}, "c": {"available": ["s2"]}},
        [
            {"id": "ab", "parties": ["a", "b"]},
            {"id": "ac", "parties": ["a", "c"]},
        ],
        days=2,
    )
    # s1 ends day 0 and s2 starts day 1: a wait overnight is not an idle gap.
    assert solved(instance)["gaps"] == 0


def test_solve_objective_is_sum_of_placed_scores():
    instance = make_instance(
        2,
        {"a": {}, "b": {}, "c": {}},
        [
            {"id": "ab", "parties": ["a", "b"], "score": 2.5},
            {"id": "bc", "parties": ["b", "c"], "score": 4.25},
        ],
    )
    result = solved(instance)
    assert result["objective"] == 6.75
    assert result["upper_bound"] >= result["objective"]
    assert result["status"] == "optimal"


def random_instance(seed: int) -> dict:
    """A small fair with scarce interpreters, tables and caps, where choices matter."""
    rng = random.Random(seed)
    exhibitors = [f"e{n}" for n in range(5)]
    buyers = [f"b{n}" for n in range(20)]
    parties = {e: {"max_meetings": 5, "max_per_day": 3} for e in exhibitors}
    parties |= {
        b: {
            "max_meetings": rng.randint(1, 3),
            "available": [f"s{k}" for k in range(8) if rng.random() < 0.7],
        }
        for b in buyers
    }
    meetings = []
    for buyer in buyers:
        for exhibitor in rng.sample(exhibitors, 3):
            meetings.append(
                {
                    "id": f"{exhibitor}-{buyer}",
                    "parties": [exhibitor, buyer],
                    "score": rng.randint(1, 20),
                    "interpreter": rng.choice([None, None, ["ja", "en"], ["ja", "zh"]]),
                    "at_table": rng.random() < 0.3,
                }
            )
    interpreters = [
        {"id": "i1", "languages": ["ja", "en", "zh"], "available": [f"s{k}" for k in range(8)]}
    ]
    return make_instance(8, parties, meetings, days=2, interpreters=interpreters, tables_per_slot=1)


def test_solve_never_worse_than_greedy():
    for seed in range(3):
        instance = random_instance(seed)
        baseline = greedy(instance)
        result = solved(instance)
        assert check_result(instance, baseline) == []
        assert result["objective"] >= baseline["objective"]
        assert result["upper_bound"] >= result["objective"]


def test_lp_upper_bound_bounds_the_optimum():
    # Three meetings pairwise sharing a party in one slot: the LP may take half of each.
    instance = make_instance(
        1,
        {"a": {}, "b": {}, "c": {}},
        [
            {"id": "ab", "parties": ["a", "b"], "score": 2},
            {"id": "bc", "parties": ["b", "c"], "score": 2},
            {"id": "ac", "parties": ["a", "c"], "score": 2},
        ],
    )
    result = solved(instance)
    assert result["objective"] == 2
    assert lp_upper_bound(instance) == pytest.approx(3.0)
    assert result["upper_bound"] <= lp_upper_bound(instance) + 1e-9


def test_solve_reports_progress():
    reports: list[tuple[float, dict]] = []
    result = solve(
        random_instance(0),
        time_limit=TIME_LIMIT,
        progress=lambda fraction, state: reports.append((fraction, state)),
    )
    fractions = [fraction for fraction, _ in reports]
    assert fractions == sorted(fractions)
    assert all(0.0 <= fraction <= 1.0 for fraction in fractions)
    assert fractions[-1] == 1.0
    states = [state for _, state in reports]
    # Data a caller can store and word in any language: never the scheduler's own text.
    assert json.loads(json.dumps(states)) == states
    assert {state["phase"] for state in states} <= {"score", "gaps", "solved"}
    assert states[0]["phase"] == "score"
    assert states[0]["score"] > 0  # the greedy start's
    assert any("bound" in state for state in states if state["phase"] == "score")
    gaps = [state for state in states if state["phase"] == "gaps"]
    assert all(
        isinstance(state["gaps"], int) and isinstance(state["proven"], bool) for state in gaps
    )
    assert {state.get("stage") for state in gaps} <= {None, *STAGES}
    assert states[-1] == {"phase": "solved", "score": result["objective"], "gaps": result["gaps"]}
