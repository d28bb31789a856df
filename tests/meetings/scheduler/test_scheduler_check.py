"""check_result catches every kind of broken result, and passes a correct one."""

from __future__ import annotations

import pytest

from meetings.scheduler import check_result
from tests.meetings.scheduler.scheduler_builders import make_instance

INTERPRETERS = [
    {"id": "int-en", "languages": ["ja", "en"], "available": ["s0", "s1"]},
    {"id": "int-de", "languages": ["ja", "de"], "available": ["s1"]},
]
INSTANCE = make_instance(
    3,
    {
        "a": {"max_meetings": 2},
        "b": {"available": ["s0", "s1"]},
        "c": {"max_per_day": 1},
        "d": {},
        "e": {},
    },
    [
        {"id": "ab", "parties": ["a", "b"], "score": 2, "interpreter": ["ja", "en"]},
        {"id": "cd", "parties": ["c", "d"], "score": 3, "at_table": True, "fixed_slot": "s0"},
        {"id": "ce", "parties": ["c", "e"], "score": 1, "allowed_slots": ["s1", "s2"]},
        {"id": "ae", "parties": ["a", "e"], "score": 1, "at_table": True},
        {"id": "ad", "parties": ["a", "d"], "score": 1, "interpreter": ["ja", "de"]},
    ],
    interpreters=INTERPRETERS,
    tables_per_slot=1,
)


def result_with(*assignments: tuple[str, str, str | None], **figures: object) -> dict:
    scores = {m["id"]: m["score"] for m in INSTANCE["meetings"]}
    objective = sum(scores.get(meeting, 0) for meeting, _, _ in assignments)
    return {
        "assignments": [{"meeting": m, "slot": s, "interpreter": i} for m, s, i in assignments],
        "objective": objective,
        "upper_bound": 8,
        "gaps": 0,
        "status": "feasible",
        "seconds": 0.1,
        **figures,
    }


VALID = (("cd", "s0", None), ("ab", "s1", "int-en"))


def test_check_result_accepts_valid_result():
    assert check_result(INSTANCE, result_with(*VALID)) == []


@pytest.mark.parametrize(
    ("assignments", "expected"),
    [
        ((*VALID, ("cd", "s1", None)), "meeting 'cd' placed twice"),
        ((("ab", "s1", "int-en"),), "fixed meeting 'cd' not in its slot 's0'"),
        ((("cd", "s1", None), ("ab", "s0", "int-en")), "fixed meeting 'cd' not in its slot"),
        ((*VALID, ("ce", "s0", None)), "outside its allowed_slots"),
        ((("cd", "s0", None), ("ab", "s2", "int-en")), "party 'b' not available in slot 's2'"),
        ((*VALID, ("ae", "s1", None)), "party 'a' has meetings 'ab' and 'ae' in slot 's1'"),
        ((*VALID, ("ae", "s2", None), ("ad", "s0", "int-de")), "max_meetings is 2"),
        ((*VALID, ("ce", "s2", None)), "max_per_day is 1"),
        ((("cd", "s0", None), ("ab", "s1", None)), "meeting 'ab' needs an interpreter"),
        ((("cd", "s0", "int-en"), ("ab", "s1", "int-en")), "meeting 'cd' needs no interpreter"),
        ((("cd", "s0", None), ("ab", "s1", "int-de")), "'int-de' does not speak en-ja"),
        ((("cd", "s0", None), ("ad", "s1", "int-en")), "'int-en' does not speak de-ja"),
        ((*VALID, ("ad", "s0", "int-de")), "'int-de' not available in slot 's0'"),
        (
            (("cd", "s1", None), ("ab", "s0", "int-en"), ("ad", "s2", "int-de")),
            "'int-de' not available in slot 's2'",
        ),
        ((*VALID, ("ae", "s0", None)), "2 at_table meetings in slot 's0'"),
        ((*VALID, ("zz", "s0", None)), "unknown meeting 'zz'"),
        ((*VALID, ("ae", "s9", None)), "unknown slot 's9'"),
    ],
)
def test_check_result_detects_rule_violation(assignments, expected):
    violations = check_result(INSTANCE, result_with(*assignments))
    assert any(expected in violation for violation in violations), violations


def test_check_result_detects_interpreter_in_two_meetings():
    instance = make_instance(
        2,
        {"a": {}, "b": {}, "c": {}, "d": {}},
        [
            {"id": "ab", "parties": ["a", "b"], "interpreter": ["ja", "en"]},
            {"id": "cd", "parties": ["c", "d"], "interpreter": ["ja", "en"]},
        ],
        interpreters=[INTERPRETERS[0]],
    )
    result = {
        "assignments": [
            {"meeting": "ab", "slot": "s0", "interpreter": "int-en"},
            {"meeting": "cd", "slot": "s0", "interpreter": "int-en"},
        ],
        "objective": 2,
        "upper_bound": 2,
        "gaps": 0,
        "status": "optimal",
        "seconds": 0,
    }
    assert check_result(instance, result) == [
        "rule 4: interpreter 'int-en' has meetings 'ab' and 'cd' in slot 's0'"
    ]


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        ({"objective": 4}, "result.objective: 4 but the placed meetings score 5"),
        ({"upper_bound": 4}, "result.upper_bound: 4 is below the objective 5"),
        ({"gaps": 1}, "result.gaps: 1 but the schedule has 0"),
        (
            {"status": "optimal"},
            "result.status: 'optimal' but the objective is below the upper bound",
        ),
        ({"status": "great"}, "result.status: unknown status 'great'"),
        ({"seconds": "fast"}, "result.seconds: expected a number, got 'fast'"),
    ],
)
def test_check_result_detects_wrong_figures(figures, expected):
    assert check_result(INSTANCE, result_with(*VALID, **figures)) == [expected]


def test_check_result_detects_wrong_gap_count():
    schedule = (("cd", "s0", None), ("ab", "s0", "int-en"), ("ae", "s2", None))
    assert check_result(INSTANCE, result_with(*schedule)) == [
        "result.gaps: 0 but the schedule has 1"
    ]


def test_check_result_detects_missing_key():
    result = result_with(*VALID)
    del result["upper_bound"]
    assert check_result(INSTANCE, result) == ["result: missing key 'upper_bound'"]
