"""The exact gap search (MaxSAT): optimal against brute force, every rule kept, the child process
stopped on time."""

from __future__ import annotations

import itertools
import random
import signal
import time

import pytest

from matchmaking.scheduler import check_result, load_instance
from matchmaking.scheduler.exact_gaps import ExactGapSearch, gap_problem
from matchmaking.scheduler.formulation import build_formulation
from matchmaking.scheduler.greedy import greedy_placement
from matchmaking.scheduler.maxsat_worker import solve_gaps
from matchmaking.scheduler.schedule import ScheduleState, build_result, count_gaps
from tests.scheduler.scheduler_builders import make_instance


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
    return make_instance(6, parties, meetings, days=1 + seed % 2, tables_per_slot=1,
                         interpreters=[{"id": "i1", "languages": ["ja", "fr"],
                                        "available": ["s0", "s2", "s3", "s5"]}])


def fewest_gaps_by_brute_force(instance, meetings: list[int]) -> int | None:
    best = None
    options = [instance.candidate_slots[meeting] for meeting in meetings]
    for slots in itertools.product(*options):
        state = ScheduleState(instance)
        for meeting, slot in zip(meetings, slots, strict=True):
            if not state.can_place(meeting, slot):
                break
            state.place(meeting, slot)
        else:
            gaps = count_gaps(instance, state.placement)
            best = gaps if best is None else min(best, gaps)
    return best


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


def test_exact_gap_search_keeps_fixed_meetings():
    # Fixed in s0 and s3: the free meeting between them cannot close both gaps.
    data = make_instance(5, {"a": {}, "b": {}, "c": {}}, [
        {"id": "fixed-early", "parties": ["a", "b"], "fixed_slot": "s0"},
        {"id": "fixed-late", "parties": ["a", "c"], "fixed_slot": "s3"},
        {"id": "free", "parties": ["a", "b"]},
    ])
    instance = load_instance(data)
    formulation = build_formulation(instance)

    columns = solve_gaps(gap_problem(instance, formulation, greedy_placement(instance)))

    placement = {instance.meetings[meeting].id: instance.slots[slot].id
                 for meeting, slot in (formulation.placements[column] for column in columns)}
    assert placement["fixed-early"] == "s0"
    assert placement["fixed-late"] == "s3"
    assert placement["free"] in ("s1", "s2")


def test_exact_gap_search_reports_the_optimum_from_its_process():
    data = make_instance(6, {"a": {}, "b": {}, "c": {}}, [
        {"id": "m1", "parties": ["a", "b"], "fixed_slot": "s0"},
        {"id": "m2", "parties": ["a", "c"]},
    ])
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
    meetings = [{"id": f"m{number}", "parties": rng.sample(sorted(parties), 2),
                 "at_table": True} for number in range(150)]
    data = make_instance(20, parties, meetings, tables_per_slot=9)
    instance = load_instance(data)
    formulation = build_formulation(instance)
    search = ExactGapSearch(instance, formulation, greedy_placement(instance), time_limit=30)

    started = time.monotonic()
    search.stop()

    assert time.monotonic() - started < 5
    assert search._worker.returncode == -signal.SIGKILL  # killed, not finished
