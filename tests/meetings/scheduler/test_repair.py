"""Repair mode: replacement meetings for one freed slot, around a schedule that never moves."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from meetings.scheduler import InstanceError, check_result, greedy, load_instance, repair
from meetings.scheduler.schedule import count_gaps
from tests.meetings.scheduler.scheduler_builders import make_instance, slot_ids

REPO_ROOT = Path(__file__).resolve().parents[3]


def part_of_greedy(instance: dict) -> dict:
    """The greedy schedule with every other unfixed meeting taken out: room for replacements."""
    fixed = {m["id"] for m in instance["meetings"] if m["fixed_slot"]}
    kept = [
        assignment
        for number, assignment in enumerate(greedy(instance)["assignments"])
        if assignment["meeting"] in fixed or number % 2
    ]
    return result_of(instance, kept)


def random_instance(seed: int) -> dict:
    """A small fair: caps, half days, interpreters, shared tables, allowed slots, fixed ones."""
    rng = random.Random(seed)
    slots = slot_ids(12)
    parties = {}
    for number in range(5):
        parties[f"sme-{number}"] = {"max_meetings": rng.randint(4, 9), "max_per_day": 4}
    for number in range(24):
        available = slots[:6] if rng.random() < 0.3 else slots[6:] if rng.random() < 0.3 else slots
        parties[f"buyer-{number}"] = {
            "available": available,
            "max_meetings": rng.randint(1, 4),
            "max_per_day": rng.randint(1, 2),
        }
    meetings = []
    for buyer in range(24):
        for sme in rng.sample(range(5), rng.randint(1, 4)):
            meeting = {
                "id": f"m{len(meetings) + 1}",
                "parties": [f"sme-{sme}", f"buyer-{buyer}"],
                "score": rng.choice([10, 20, 30, 40, 50]),
                "interpreter": rng.choice([None, None, ["ja", "en"], ["ja", "zh"]]),
                "at_table": sme == 4,
            }
            if rng.random() < 0.1:
                meeting["allowed_slots"] = slots[:3]
            meetings.append(meeting)
    interpreters = [
        {"id": "int-0", "languages": ["ja", "en"], "available": slots},
        {"id": "int-1", "languages": ["ja", "en", "zh"], "available": slots[:6]},
    ]
    instance = make_instance(
        12, parties, meetings, days=2, interpreters=interpreters, tables_per_slot=1
    )
    # Publish part of a greedy schedule: those meetings are fixed where they are.
    for assignment in greedy(instance)["assignments"][::3]:
        index = int(assignment["meeting"][1:]) - 1
        instance["meetings"][index]["fixed_slot"] = assignment["slot"]
    return instance


def placed_with(instance: dict, schedule: list[dict], candidate: dict, slot: str) -> dict:
    """The schedule plus `candidate` in `slot`, as a result check_result can judge."""
    assignments = [
        *schedule,
        {"meeting": candidate["meeting"], "slot": slot, "interpreter": candidate["interpreter"]},
    ]
    return result_of(instance, assignments)


def result_of(instance: dict, assignments: list[dict]) -> dict:
    loaded = load_instance(instance)
    placement = {
        loaded.meeting_index[a["meeting"]]: loaded.slot_index[a["slot"]] for a in assignments
    }
    objective = sum(loaded.meetings[meeting].score for meeting in placement)
    return {
        "assignments": assignments,
        "objective": objective,
        "upper_bound": objective,
        "gaps": count_gaps(loaded, placement),
        "status": "optimal",
        "seconds": 0.0,
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_repair_candidates_keep_every_rule_and_nothing_moves(seed):
    instance = random_instance(seed)
    schedule = part_of_greedy(instance)
    fixed = {m["id"]: m["fixed_slot"] for m in instance["meetings"] if m["fixed_slot"]}
    assert fixed
    assert set(fixed.items()) <= {(a["meeting"], a["slot"]) for a in schedule["assignments"]}
    proposed = 0
    for slot in slot_ids(12):
        answer = repair(instance, slot=slot, limit=1000, schedule=schedule)
        assert answer["slot"] == slot
        for candidate in answer["candidates"]:
            result = placed_with(instance, schedule["assignments"], candidate, slot)
            assert check_result(instance, result) == [], candidate
            assert result["gaps"] - schedule["gaps"] == candidate["new_gaps"], candidate
            assert candidate["meeting"] not in fixed
        proposed += len(answer["candidates"])
    assert proposed > 0


@pytest.mark.parametrize("seed", [1, 2])
def test_repair_misses_no_meeting_that_fits(seed):
    """Every unplaced meeting of a new pair that fits the slot with a free interpreter is listed."""
    instance = random_instance(seed)
    schedule = part_of_greedy(instance)
    placed = {a["meeting"] for a in schedule["assignments"]}
    pairs = {frozenset(m["parties"]) for m in instance["meetings"] if m["id"] in placed}
    options = [None, "int-0", "int-1"]
    for slot in slot_ids(12):
        listed = {
            c["meeting"]
            for c in repair(instance, slot=slot, limit=1000, schedule=schedule)["candidates"]
        }
        fitting = {
            meeting["id"]
            for meeting in instance["meetings"]
            if meeting["id"] not in placed
            and frozenset(meeting["parties"]) not in pairs
            and any(
                check_result(
                    instance,
                    placed_with(
                        instance,
                        schedule["assignments"],
                        {"meeting": meeting["id"], "interpreter": option},
                        slot,
                    ),
                )
                == []
                for option in options
            )
        }
        assert listed == fitting, slot


def test_repair_with_fixed_meetings_only_keeps_them_and_their_interpreters():
    instance = make_instance(
        3,
        {"sme-1": {}, "sme-2": {}, "buyer-1": {}, "buyer-2": {}},
        [
            {
                "id": "m1",
                "parties": ["sme-1", "buyer-1"],
                "fixed_slot": "s1",
                "interpreter": ["ja", "en"],
            },
            {"id": "m2", "parties": ["sme-2", "buyer-2"], "score": 9, "interpreter": ["ja", "en"]},
            {"id": "m3", "parties": ["sme-1", "buyer-2"], "score": 5},
        ],
        interpreters=[{"id": "int-1", "languages": ["ja", "en"], "available": slot_ids(3)}],
    )
    # The only interpreter works for the fixed m1 in s1: m2 cannot have them there.
    answer = repair(instance, slot="s1")
    assert [c["meeting"] for c in answer["candidates"]] == []  # sme-1 busy, int-1 busy
    answer = repair(instance, slot="s0")
    assert [(c["meeting"], c["interpreter"]) for c in answer["candidates"]] == [
        ("m2", "int-1"),
        ("m3", None),
    ]


def test_repair_ranks_by_score_then_fewer_new_gaps():
    # sme-1 meets in s0 and s3 (fixed); s2 freed. m3 (score 9) wins; of the two worth 5, m4
    # sits next to sme-1's s3 meeting (the s0-s3 hole only shrinks: 0 new gaps), m5's parties
    # have nothing that day but buyer-5's s0 meeting, two slots away (one new gap).
    instance = make_instance(
        4,
        {
            p: {}
            for p in (
                "sme-1",
                "sme-2",
                "sme-3",
                "sme-4",
                "buyer-1",
                "buyer-2",
                "buyer-3",
                "buyer-4",
                "buyer-5",
            )
        },
        [
            {"id": "m1", "parties": ["sme-1", "buyer-1"], "fixed_slot": "s0"},
            {"id": "m2", "parties": ["sme-1", "buyer-2"], "fixed_slot": "s3"},
            {"id": "m5", "parties": ["sme-2", "buyer-5"], "score": 5},
            {"id": "m4", "parties": ["sme-1", "buyer-4"], "score": 5},
            {"id": "m3", "parties": ["sme-3", "buyer-3"], "score": 9},
            {"id": "m6", "parties": ["sme-4", "buyer-5"], "fixed_slot": "s0"},
        ],
    )
    answer = repair(instance, slot="s2", limit=3)
    assert [(c["meeting"], c["score"], c["new_gaps"]) for c in answer["candidates"]] == [
        ("m3", 9, 0),
        ("m4", 5, 0),
        ("m5", 5, 1),
    ]
    assert [c["meeting"] for c in repair(instance, slot="s2", limit=1)["candidates"]] == ["m3"]


def test_repair_filling_a_hole_counts_negative_new_gaps():
    instance = make_instance(
        3,
        {"sme-1": {}, "buyer-1": {}, "buyer-2": {}, "buyer-3": {}},
        [
            {"id": "m1", "parties": ["sme-1", "buyer-1"], "fixed_slot": "s0"},
            {"id": "m2", "parties": ["sme-1", "buyer-2"], "fixed_slot": "s2"},
            {"id": "m3", "parties": ["sme-1", "buyer-3"]},
        ],
    )
    (candidate,) = repair(instance, slot="s1")["candidates"]
    assert (candidate["meeting"], candidate["new_gaps"]) == ("m3", -1)


def test_repair_leaves_out_pairs_that_met_absent_parties_and_full_caps_and_tables():
    instance = make_instance(
        4,
        {
            "sme-1": {"max_per_day": 1},
            "sme-2": {},
            "sme-3": {},
            "sme-4": {},
            "buyer-1": {},
            "buyer-2": {},
            "buyer-3": {"max_meetings": 1},
            "buyer-4": {},
        },
        [
            {"id": "m1", "parties": ["sme-1", "buyer-1"], "fixed_slot": "s0"},
            {"id": "m2", "parties": ["sme-1", "buyer-2"], "score": 9},  # sme-1's day is full
            {"id": "m3", "parties": ["sme-2", "buyer-3"], "fixed_slot": "s0"},
            {"id": "m4", "parties": ["sme-2", "buyer-3"], "score": 8},  # that pair has met
            {"id": "m5", "parties": ["sme-3", "buyer-3"], "score": 7},  # buyer-3 at its cap
            {"id": "m6", "parties": ["sme-4", "buyer-4"], "score": 6, "at_table": True},
            {"id": "m7", "parties": ["sme-2", "buyer-2"], "score": 5, "at_table": True},
            {"id": "m8", "parties": ["sme-3", "buyer-4"], "score": 4},
        ],
        tables_per_slot=1,
    )
    schedule = result_of(
        instance,
        [
            {"meeting": "m1", "slot": "s0", "interpreter": None},
            {"meeting": "m3", "slot": "s0", "interpreter": None},
            {"meeting": "m7", "slot": "s1", "interpreter": None},  # takes s1's one table
        ],
    )
    answer = repair(instance, slot="s1", schedule=schedule)
    assert [c["meeting"] for c in answer["candidates"]] == ["m8"]
    answer = repair(instance, slot="s2", schedule=schedule)
    assert [c["meeting"] for c in answer["candidates"]] == ["m6", "m8"]
    answer = repair(instance, slot="s2", schedule=schedule, absent=["buyer-4"])
    assert [c["meeting"] for c in answer["candidates"]] == []  # m6, m8: buyer-4 did not show


def test_repair_cancelled_meeting_frees_its_parties_and_is_not_proposed():
    instance = make_instance(
        2,
        {"sme-1": {}, "buyer-1": {}, "buyer-2": {}},
        [
            {"id": "m1", "parties": ["sme-1", "buyer-1"], "fixed_slot": "s0", "score": 9},
            {"id": "m2", "parties": ["sme-1", "buyer-2"], "score": 3},
        ],
    )
    assert repair(instance, slot="s0")["candidates"] == []
    answer = repair(instance, slot="s0", cancelled=["m1"])
    assert [c["meeting"] for c in answer["candidates"]] == ["m2"]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"slot": "nowhere"}, "slot: unknown slot id 'nowhere'"),
        ({"slot": "s0", "limit": 0}, "limit: expected a whole number of at least 1"),
        ({"slot": "s0", "cancelled": ["m9"]}, "cancelled: unknown meeting id 'm9'"),
        ({"slot": "s0", "absent": ["nobody"]}, "absent: unknown party id 'nobody'"),
        (
            {"slot": "s0", "schedule": {"assignments": [{"meeting": "m9", "slot": "s0"}]}},
            "schedule.assignments[0]: unknown meeting 'm9'",
        ),
        (
            {"slot": "s0", "schedule": {"assignments": [{"meeting": "m1", "slot": "s1"}]}},
            "fixed meeting 'm1' is not in its fixed_slot",
        ),
    ],
)
def test_repair_refuses_bad_arguments_naming_the_field(arguments, expected):
    instance = make_instance(
        2,
        {"sme-1": {}, "buyer-1": {}},
        [{"id": "m1", "parties": ["sme-1", "buyer-1"], "fixed_slot": "s0"}],
    )
    with pytest.raises(InstanceError, match=expected.replace("[", r"\[").replace("]", r"\]")):
        repair(instance, **arguments)


def run_cli(tmp_path: Path, instance: dict, *arguments: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(instance), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "matchmaking.scheduler", str(path), *arguments],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


CLI_INSTANCE = make_instance(
    2,
    {"sme-1": {}, "buyer-1": {}, "buyer-2": {}},
    [
        {"id": "m1", "parties": ["sme-1", "buyer-1"], "fixed_slot": "s0"},
        {"id": "m2", "parties": ["sme-1", "buyer-2"], "score": 4, "interpreter": ["ja", "en"]},
    ],
    interpreters=[{"id": "int-1", "languages": ["ja", "en"], "available": ["s1"]}],
)


def test_cli_repair_prints_ranked_candidates(tmp_path):
    completed = run_cli(tmp_path, CLI_INSTANCE, "--repair", "s1", "--limit", "5")
    assert completed.returncode == 0, completed.stderr
    answer = json.loads(completed.stdout)
    assert answer["slot"] == "s1"
    assert answer["candidates"] == [
        {"meeting": "m2", "interpreter": "int-1", "score": 4, "new_gaps": 0}
    ]
    assert answer["seconds"] >= 0


def test_cli_repair_takes_a_schedule_file(tmp_path):
    schedule = tmp_path / "schedule.json"
    schedule.write_text(
        json.dumps(
            result_of(
                CLI_INSTANCE,
                [
                    {"meeting": "m1", "slot": "s0", "interpreter": None},
                    {"meeting": "m2", "slot": "s1", "interpreter": "int-1"},
                ],
            )
        ),
        encoding="utf-8",
    )
    completed = run_cli(tmp_path, CLI_INSTANCE, "--repair", "s1", "--schedule", str(schedule))
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["candidates"] == []


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["--repair", "s9"], "unknown slot id 's9'"),
        (["--repair", "s1", "--cancelled", "m7"], "unknown meeting id 'm7'"),
        (["--repair", "s1", "--schedule", "/nonexistent.json"], "/nonexistent.json: cannot read"),
    ],
)
def test_cli_repair_refuses_bad_input_with_one_line(tmp_path, arguments, expected):
    completed = run_cli(tmp_path, CLI_INSTANCE, *arguments)
    assert completed.returncode == 2
    assert completed.stdout == ""
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1
    assert expected in lines[0]
