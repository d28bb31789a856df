"""The exact gap search (MaxSAT): optimal against brute force, every rule kept, the child process
stopped on time."""

from __future__ import annotations

import itertools
import random
import signal
import time

import pytest
from pysat.solvers import Solver

from meetings.scheduler import check_result, gap_model, load_instance
from meetings.scheduler.exact_gaps import ExactGapSearch, gap_problem
from meetings.scheduler.formulation import build_formulation
from meetings.scheduler.greedy import greedy_placement
from meetings.scheduler.maxsat_worker import Encoder, encode, solve_gaps
from meetings.scheduler.schedule import ScheduleState, build_result, count_gaps
from tests.meetings.scheduler.scheduler_builders import make_instance


def random_instance(seed: int) -> dict:
    """Six meetings among four parties over six slots, with every kind of rule."""
    rng = random.Random(seed)
    parties = {f"p{number}": {} for number in range(4)}
    parties["p0"]["max_per_day"] = 3
    parties["p1"]["available"] = [f"s{slot}" for slot in range(6) if slot not in (1, 4)]
    meetings = []
    for number in range(6):
        first, second = rng.sample(sorted(parties), 2)
        meeting = {"id": f"m{number}", "parties": [first, second], "at_table": rng.random() < 0.7}
        if number in (0, 3):  # both need the one interpreter
            meeting["interpreter"] = ["ja", "fr"]
        if number == 1:
            meeting["allowed_slots"] = ["s0", "s2", "s5"]
        if number == 2:
            meeting["fixed_slot"] = f"s{rng.choice((0, 2, 3, 5))}"  # everyone is free then
        meetings.append(meeting)
    return make_instance(
        6,
        parties,
        meetings,
        days=1 + seed % 2,
        tables_per_slot=1,
        interpreters=[
            {"id": "i1", "languages": ["ja", "fr"], "available": ["s0", "s2", "s3", "s5"]}
        ],
    )


def every_schedule(instance, meetings: list[int]):
    """Every placement of `meetings` that keeps all the rules."""
    options = [instance.candidate_slots[meeting] for meeting in meetings]
    for slots in itertools.product(*options):
        state = ScheduleState(instance)
        for meeting, slot in zip(meetings, slots, strict=True):
            if not state.can_place(meeting, slot):
                break
            state.place(meeting, slot)
        else:
            yield state.placement


def one_unavoidable_gap_instance() -> dict:
    """a meets in the fixed s0 and s3: the free meeting between them cannot close both gaps."""
    return make_instance(
        5,
        {"a": {}, "b": {}, "c": {}},
        [
            {"id": "fixed-early", "parties": ["a", "b"], "fixed_slot": "s0"},
            {"id": "fixed-late", "parties": ["a", "c"], "fixed_slot": "s3"},
            {"id": "free", "parties": ["a", "b"]},
        ],
    )


def fewest_gaps_by_brute_force(instance, meetings: list[int]) -> int | None:
    gaps = [count_gaps(instance, placement) for placement in every_schedule(instance, meetings)]
    return min(gaps, default=None)


@pytest.mark.parametrize("seed", range(12))
def test_exact_gap_search_matches_brute_force(seed):
    data = random_instance(seed)
    instance = load_instance(data)
    formulation = build_formulation(instance)
    start = greedy_placement(instance)

    columns = solve_gaps(gap_problem(instance, formulation, start))

    assert columns is not None
    placement = dict(formulation.placements[column] for column in columns)
    assert sorted(placement) == sorted(start)  # the same meetings, only moved
    assert check_result(data, build_result(instance, placement, 0.0, 0.0)) == []
    assert count_gaps(instance, placement) == fewest_gaps_by_brute_force(instance, sorted(start))


@pytest.mark.parametrize("seed", range(4))
def test_exact_gap_encoding_admits_every_valid_schedule(seed):
    # The implied constraints (busy slots per party, table seats per slot) must hold of every
    # schedule, not just of an optimal one, or the optimum could be cut off on other instances.
    instance = load_instance(random_instance(seed))
    formulation = build_formulation(instance)
    start = greedy_placement(instance)
    problem = gap_problem(instance, formulation, start)
    formula, column_variable = encode(problem)
    column_of = {placement: column for column, placement in enumerate(formulation.placements)}

    checked = 0
    with Solver(name="cd15", bootstrap_with=formula.hard) as solver:
        for placement in every_schedule(instance, sorted(start)):
            chosen = {column_of[item] for item in placement.items()}
            assumptions = [
                column_variable[column] if column in chosen else -column_variable[column]
                for column in problem["placement_columns"]
            ]
            assert solver.solve(assumptions=assumptions), placement
            checked += 1
    assert checked > 1


@pytest.mark.parametrize("size", range(1, 6))
def test_encoder_count_is_exact_both_ways(size):
    encoder = Encoder()
    inputs = [encoder.variable(("input", number)) for number in range(size)]
    limit = size  # and one truncated: outputs stop at size - 1
    full = encoder.count(inputs, limit)
    truncated = encoder.count(inputs, max(1, size - 1))
    with Solver(name="cd15", bootstrap_with=encoder.formula.hard) as solver:
        for values in itertools.product((False, True), repeat=size):
            assumptions = [
                literal if value else -literal
                for literal, value in zip(inputs, values, strict=True)
            ]
            assert solver.solve(assumptions=assumptions)
            model = set(solver.get_model())
            for outputs in (full, truncated):
                assert [output in model for output in outputs] == [
                    sum(values) >= k + 1 for k in range(len(outputs))
                ]
        # The other way: a count of at most k forbids any k + 1 true inputs.
        for k in range(size):
            assert not solver.solve(assumptions=[-full[k], *inputs[: k + 1]])
            assert solver.solve(assumptions=[-full[k], *inputs[:k]])


@pytest.mark.parametrize(("size", "bound"), [(4, 0), (4, 2), (4, 4), (5, 3)])
def test_encoder_exactly_admits_exactly_bound_true(size, bound):
    encoder = Encoder()
    inputs = [encoder.variable(("input", number)) for number in range(size)]
    encoder.exactly(inputs, bound)
    with Solver(name="cd15", bootstrap_with=encoder.formula.hard) as solver:
        for values in itertools.product((False, True), repeat=size):
            assumptions = [
                literal if value else -literal
                for literal, value in zip(inputs, values, strict=True)
            ]
            assert solver.solve(assumptions=assumptions) == (sum(values) == bound)


def test_exact_gap_search_keeps_fixed_meetings():
    data = one_unavoidable_gap_instance()
    instance = load_instance(data)
    formulation = build_formulation(instance)

    columns = solve_gaps(gap_problem(instance, formulation, greedy_placement(instance)))

    placement = {
        instance.meetings[meeting].id: instance.slots[slot].id
        for meeting, slot in (formulation.placements[column] for column in columns)
    }
    assert placement["fixed-early"] == "s0"
    assert placement["fixed-late"] == "s3"
    assert placement["free"] in ("s1", "s2")


def test_exact_gap_search_reports_its_lower_bound_before_the_optimum():
    data = one_unavoidable_gap_instance()
    instance = load_instance(data)
    formulation = build_formulation(instance)
    start = greedy_placement(instance)
    bounds = []

    columns = solve_gaps(gap_problem(instance, formulation, start), bounds.append)

    assert bounds == [1]
    search = ExactGapSearch(instance, formulation, start, time_limit=30)
    try:
        deadline = time.monotonic() + 30
        while search.result() is None and time.monotonic() < deadline:
            pass
        assert search.lower_bound() == 1
        assert sorted(search.result().items()) == sorted(
            formulation.placements[column] for column in columns
        )
    finally:
        search.stop()


class BoundOnlySearch:
    """Stands in for ExactGapSearch: a proven lower bound, and never an optimum of its own."""

    def __init__(self, bound: int) -> None:
        self.bound = bound

    def lower_bound(self) -> int:
        return self.bound

    def result(self):
        return None

    def stop(self) -> None:
        pass


@pytest.mark.parametrize(("bound", "proven"), [(1, True), (0, False)])
def test_gap_search_ends_proven_when_a_schedule_reaches_the_exact_bound(monkeypatch, bound, proven):
    data = one_unavoidable_gap_instance()
    instance = load_instance(data)
    formulation = build_formulation(instance)
    start = {0: 0, 1: 3, 2: 4}  # a and b both have a gap; "free" next to s0 leaves only a's
    monkeypatch.setattr(gap_model, "ExactGapSearch", lambda *_arguments: BoundOnlySearch(bound))
    states = []

    placement = gap_model.minimise_gaps(
        instance, formulation, start, 2.0, lambda _fraction, state: states.append(state)
    )

    assert count_gaps(instance, placement) == 1
    wanted = {"phase": "gaps", "gaps": 1, "proven": True, "bound": 1}.items()
    assert any(state.items() >= wanted for state in states) == proven
    # The exact search's bound is reported with every step until then.
    assert all(state["bound"] == bound for state in states if not state["proven"])


def test_exact_gap_search_reports_the_optimum_from_its_process():
    data = make_instance(
        6,
        {"a": {}, "b": {}, "c": {}},
        [
            {"id": "m1", "parties": ["a", "b"], "fixed_slot": "s0"},
            {"id": "m2", "parties": ["a", "c"]},
        ],
    )
    instance = load_instance(data)
    formulation = build_formulation(instance)
    start = {0: 0, 1: 4}  # a meets in s0 and s4: one gap
    search = ExactGapSearch(instance, formulation, start, time_limit=30)
    try:
        deadline = time.monotonic() + 30
        found = search.result()
        while found is None and time.monotonic() < deadline:
            found = search.result()
    finally:
        search.stop()

    assert found is not None
    assert found == {0: 0, 1: 1}  # m2 moves next to the fixed m1


def test_exact_gap_search_stop_ends_a_running_worker():
    # Big enough that RC2 cannot be done at once: stop() must end the process, not wait for it.
    rng = random.Random(7)
    parties = {f"p{number}": {} for number in range(40)}
    meetings = [
        {"id": f"m{number}", "parties": rng.sample(sorted(parties), 2), "at_table": True}
        for number in range(150)
    ]
    data = make_instance(20, parties, meetings, tables_per_slot=9)
    instance = load_instance(data)
    formulation = build_formulation(instance)
    search = ExactGapSearch(instance, formulation, greedy_placement(instance), time_limit=30)

    started = time.monotonic()
    search.stop()

    assert time.monotonic() - started < 5
    assert search._child.process.returncode == -signal.SIGKILL  # killed, not finished
