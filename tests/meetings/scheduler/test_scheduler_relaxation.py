"""The score phase of a whole fair: the LP relaxation, rounded, before the MIP gets the rest.

Fair-sized instances take minutes, so these tests lower the threshold to send small instances
down the same path.
"""

from __future__ import annotations

import pytest

from meetings.scheduler import check_result, lp_upper_bound, score_model, solve
from tests.meetings.scheduler.test_repair import random_instance


@pytest.fixture
def relaxation_first(monkeypatch):
    monkeypatch.setattr(score_model, "RELAXATION_COLUMNS", 0)


@pytest.mark.parametrize("seed", [1, 2])
def test_solve_by_relaxation_keeps_every_rule_and_reaches_the_lp_bound(relaxation_first, seed):
    instance = random_instance(seed)
    states = []

    result = solve(instance, time_limit=10, progress=lambda *report: states.append(report))

    assert check_result(instance, result) == []
    assert result["objective"] >= 0.995 * lp_upper_bound(instance)
    assert result["upper_bound"] >= result["objective"]
    bounds = [state["bound"] for _fraction, state in states if "bound" in state]
    assert bounds  # the relaxation's bound is reported as soon as it is known


def test_progress_fraction_never_goes_back(relaxation_first):
    instance = random_instance(3)
    fractions = []

    solve(instance, time_limit=5, progress=lambda fraction, _state: fractions.append(fraction))

    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
