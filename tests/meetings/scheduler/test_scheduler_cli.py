"""`python -m matchmaking.scheduler`: JSON on success, exit 2 and one line on a bad instance."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from meetings.scheduler import check_result
from tests.meetings.scheduler.scheduler_builders import make_instance

REPO_ROOT = Path(__file__).resolve().parents[3]

GOOD = make_instance(
    2,
    {"sme-1": {}, "buyer-7": {"available": ["s1"]}},
    [
        {"id": "m1", "parties": ["sme-1", "buyer-7"], "score": 87.5, "interpreter": ["ja", "de"]},
    ],
    interpreters=[{"id": "int-1", "languages": ["ja", "de"], "available": ["s0", "s1"]}],
)


def run_cli(tmp_path: Path, content: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "instance.json"
    path.write_text(content, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "matchmaking.scheduler", str(path), "--time-limit", "5"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_cli_prints_valid_result(tmp_path):
    completed = run_cli(tmp_path, json.dumps(GOOD))
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert check_result(GOOD, result) == []
    assert result["assignments"] == [{"meeting": "m1", "slot": "s1", "interpreter": "int-1"}]
    assert (result["objective"], result["upper_bound"], result["status"]) == (87.5, 87.5, "optimal")


def with_meeting(**changes: object) -> str:
    instance = json.loads(json.dumps(GOOD))
    instance["meetings"][0].update(changes)
    return json.dumps(instance)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (with_meeting(parties=["sme-1", "nobody"]), "unknown party id 'nobody'"),
        (with_meeting(fixed_slot="s0"), "party 'buyer-7' is not available in slot 's0'"),
        (with_meeting(interpreter=["ja", "de", "en"]), "meetings['m1'].interpreter"),
        (json.dumps({**GOOD, "tables_per_slot": -1}), "tables_per_slot: must not be negative"),
        (
            json.dumps(
                {
                    key: value
                    for key, value in json.loads(with_meeting(at_table=True)).items()
                    if key != "tables_per_slot"
                }
            ),
            "meetings['m1'].at_table: the meeting needs a shared table but the instance has no "
            "'tables_per_slot'",
        ),
        (
            json.dumps({key: value for key, value in GOOD.items() if key != "slots"}),
            "missing key 'slots'",
        ),
        ("{not json", "not valid JSON"),
    ],
)
def test_cli_rejects_malformed_instance(tmp_path, content, expected):
    completed = run_cli(tmp_path, content)
    assert completed.returncode == 2
    assert completed.stdout == ""
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1
    assert expected in lines[0]


@pytest.mark.parametrize("tables", [{}, {"tables_per_slot": 0}])
def test_cli_accepts_instance_without_tables_when_no_meeting_at_table(tmp_path, tables):
    instance = {key: value for key, value in GOOD.items() if key != "tables_per_slot"}
    instance.update(tables)
    completed = run_cli(tmp_path, json.dumps(instance))
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert check_result(instance, result) == []
    assert result["assignments"] == [{"meeting": "m1", "slot": "s1", "interpreter": "int-1"}]
