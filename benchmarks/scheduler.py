"""Benchmark of the meeting scheduler: pavilion-scale and fair-scale synthetic instances, the 20
published B2B instances (Bofill et al., JAIR 2022), and the repair mode's answer time.

    python benchmarks/scheduler.py [--time-limit 60] [--only jair|pavilion|fair] [--seeds 1,2,3]
                                   [--fair-time-limit 120] [--fair-seeds 1] [--jair-dir DIR]
                                   [--write DIR]

Every result is verified with check_result; a violation is printed and fails the run.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from benchmarks.scheduler_instances import fair_instance, pavilion_instance  # noqa: E402
from meetings.scheduler import check_result, greedy, lp_upper_bound, repair, solve  # noqa: E402

# Freed slots the repair benchmark tries on each fair instance (one cancelled meeting in each).
REPAIRS = 24


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--time-limit", type=float, default=60.0, metavar="SECONDS")
    parser.add_argument("--only", choices=("jair", "pavilion", "fair"))
    parser.add_argument("--seeds", default="1,2,3", help="pavilion seeds, comma-separated")
    parser.add_argument("--fair-time-limit", type=float, default=120.0, metavar="SECONDS")
    parser.add_argument("--fair-seeds", default="1", help="fair seeds, comma-separated")
    parser.add_argument(
        "--jair-dir", type=Path, default=REPO_ROOT.parent / "shared" / "benchmarks" / "b2b-jair"
    )
    parser.add_argument(
        "--instances", default="", help="jair instance names to run, comma-separated (default: all)"
    )
    parser.add_argument(
        "--write",
        type=Path,
        metavar="DIR",
        help="also write the pavilion instances as JSON into DIR",
    )
    arguments = parser.parse_args()
    ok = True
    if arguments.only in (None, "pavilion"):
        seeds = [int(seed) for seed in arguments.seeds.split(",") if seed]
        ok &= run_pavilion(seeds, arguments.time_limit, arguments.write)
    if arguments.only in (None, "fair"):
        seeds = [int(seed) for seed in arguments.fair_seeds.split(",") if seed]
        ok &= run_fair(seeds, arguments.fair_time_limit, arguments.write)
    if arguments.only in (None, "jair"):
        names = [name for name in arguments.instances.split(",") if name]
        ok &= run_jair(arguments.jair_dir, arguments.time_limit, names)
    return 0 if ok else 1


def run_pavilion(seeds: list[int], time_limit: float, write_dir: Path | None) -> bool:
    print(
        "Pavilion-scale synthetic instances (60 exhibitors, 600 buyers, 2 x 16 slots); "
        "% of the LP relaxation bound"
    )
    print(
        f"{'seed':>4} {'meetings':>8} {'greedy':>10} {'greedy %':>8} {'objective':>10} "
        f"{'obj %':>7} {'LP bound':>10} {'solver bound':>12} {'gaps g/s':>9} {'seconds':>7}"
        f"  result"
    )
    ok = True
    for seed in seeds:
        instance = pavilion_instance(seed)
        _write(write_dir, f"pavilion-{seed}", instance)
        baseline = greedy(instance)
        result = solve(instance, time_limit=time_limit)
        violations, bound, passed = _judge(instance, baseline, result, time_limit)
        ok &= passed
        print(
            f"{seed:>4} {len(instance['meetings']):>8} {baseline['objective']:>10.1f} "
            f"{100 * baseline['objective'] / bound:>7.2f}% {result['objective']:>10.1f} "
            f"{100 * result['objective'] / bound:>6.2f}% {bound:>10.1f} "
            f"{result['upper_bound']:>12.1f} {baseline['gaps']:>4}/{result['gaps']:<4} "
            f"{result['seconds']:>7.1f}  {'PASS' if passed else 'FAIL'}",
            flush=True,
        )
        for violation in violations:
            print(f"     {violation}")
    print()
    return ok


def _write(write_dir: Path | None, name: str, instance: dict) -> None:
    if write_dir is not None:
        write_dir.mkdir(parents=True, exist_ok=True)
        (write_dir / f"{name}.json").write_text(json.dumps(instance))


def _judge(
    instance: dict, baseline: dict, result: dict, time_limit: float
) -> tuple[list[str], float, bool]:
    """Violations of both results, the LP bound, and whether the solver's result passes: valid,
    no worse than greedy, at least 99.5% of the LP bound, within the time limit."""
    violations = check_result(instance, result) + check_result(instance, baseline)
    bound = lp_upper_bound(instance)
    passed = (
        not violations
        and result["objective"] >= baseline["objective"]
        and result["objective"] >= 0.995 * bound
        and result["seconds"] <= time_limit
    )
    return violations, bound, passed


def run_fair(seeds: list[int], time_limit: float, write_dir: Path | None) -> bool:
    print(
        "Fair-scale synthetic instances (250 exhibitors, 2,500 buyers, 3 x 16 slots, 40 tables, "
        f"12 interpreters), time limit {time_limit:g} s; % of the LP relaxation bound"
    )
    ok = True
    for seed in seeds:
        instance = fair_instance(seed)
        _write(write_dir, f"fair-{seed}", instance)
        baseline = greedy(instance)
        timeline: list[tuple[float, float, dict]] = []
        result = solve(instance, time_limit=time_limit, progress=_recorder(timeline))
        violations, bound, passed = _judge(instance, baseline, result, time_limit)
        ok &= passed
        print(
            f"seed {seed}: {len(instance['meetings'])} meetings, {len(result['assignments'])} "
            f"placed; greedy {100 * baseline['objective'] / bound:.2f}%, solver "
            f"{100 * result['objective'] / bound:.2f}% of the LP bound {bound:.1f} "
            f"(solver bound {result['upper_bound']:.1f}, {result['status']}); gaps greedy/solver "
            f"{baseline['gaps']}/{result['gaps']}; {result['seconds']:.1f} s  "
            f"{'PASS' if passed else 'FAIL'}",
            flush=True,
        )
        for violation in violations[:10]:
            print(f"     {violation}")
        print_timeline(timeline)
        ok &= run_repair(instance, result)
    print()
    return ok


def _recorder(timeline: list[tuple[float, float, dict]]):
    """A progress callback that appends (seconds since the start, fraction, state)."""
    started = time.monotonic()

    def record(fraction: float, state: dict) -> None:
        timeline.append((time.monotonic() - started, fraction, state))

    return record


def print_timeline(timeline: list[tuple[float, float, dict]]) -> None:
    """The progress reports about every 10 s, and the longest wait between two reports."""
    times = [at for at, _fraction, _state in timeline]
    silence = max((later - earlier for earlier, later in pairwise(times)), default=0.0)
    print(f"  progress: {len(timeline)} reports, longest wait between two {silence:.1f} s")
    shown, phase = -10.0, None
    for at, fraction, state in timeline:
        if at - shown >= 10 or state["phase"] != phase:
            figures = ", ".join(f"{key} {value}" for key, value in state.items() if key != "phase")
            print(f"  {at:6.1f} s {100 * fraction:5.1f}%  {state['phase']}: {figures}")
            shown, phase = at, state["phase"]


def run_repair(instance: dict, result: dict) -> bool:
    """Cancel one meeting in each of REPAIRS slots of the schedule and time the replacements."""
    by_slot: dict[str, str] = {}
    for assignment in result["assignments"]:
        by_slot.setdefault(assignment["slot"], assignment["meeting"])
    slots = list(by_slot)[:: max(1, len(by_slot) // REPAIRS)][:REPAIRS]
    seconds, found = [], []
    for slot in slots:
        started = time.monotonic()
        answer = repair(instance, slot=slot, limit=10, schedule=result, cancelled=[by_slot[slot]])
        seconds.append(time.monotonic() - started)
        found.append(len(answer["candidates"]))
    with tempfile.TemporaryDirectory() as folder:
        instance_path, schedule_path = Path(folder, "instance.json"), Path(folder, "result.json")
        instance_path.write_text(json.dumps(instance))
        schedule_path.write_text(json.dumps(result))
        started = time.monotonic()
        command = subprocess.run(
            [
                sys.executable,
                "-m",
                "meetings.scheduler",
                str(instance_path),
                "--repair",
                slots[0],
                "--schedule",
                str(schedule_path),
                "--cancelled",
                by_slot[slots[0]],
            ],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        command_seconds = time.monotonic() - started
    passed = max(seconds) <= 2.0 and command.returncode == 0
    print(
        f"  repair ({len(slots)} freed slots, limit 10): "
        f"median {statistics.median(seconds):.2f} s, "
        f"max {max(seconds):.2f} s (library, instance loading included); command line "
        f"{command_seconds:.2f} s; candidates found per slot {min(found)}-{max(found)}  "
        f"{'PASS' if passed else 'FAIL'}",
        flush=True,
    )
    return passed


def paper_optima(readme: Path) -> dict[str, int]:
    """The optimal breaks column of the README's table (the paper's Table 3)."""
    optima = {}
    for line in readme.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 7 and re.fullmatch(r"\d+", cells[5]):
            optima[cells[0]] = int(cells[5])
    return optima


def run_jair(jair_dir: Path, time_limit: float, names: list[str]) -> bool:
    if not jair_dir.is_dir():
        print(f"B2B instances: {jair_dir} not found, skipped")
        return True
    optima = paper_optima(jair_dir / "README.md")
    print(f"Published B2B instances ({jair_dir}), time limit {time_limit:g} s")
    print(f"{'instance':<16} {'placed':>9} {'gaps':>5} {'paper':>5} {'seconds':>7}  result")
    ok = True
    started = time.monotonic()
    for path in sorted(jair_dir.glob("*.json")):
        if names and path.stem not in names:
            continue
        instance = json.loads(path.read_text(encoding="utf-8"))
        result = solve(instance, time_limit=time_limit)
        violations = check_result(instance, result)
        placed, total = len(result["assignments"]), len(instance["meetings"])
        paper = optima.get(path.stem)
        passed = (
            not violations
            and placed == total
            and paper is not None
            and result["gaps"] <= paper
            and result["seconds"] <= time_limit
        )
        ok &= passed
        print(
            f"{path.stem:<16} {placed:>4}/{total:<4} {result['gaps']:>5} "
            f"{'?' if paper is None else paper:>5} {result['seconds']:>7.1f}  "
            f"{'PASS' if passed else 'FAIL'}",
            flush=True,
        )
        for violation in violations:
            print(f"     {violation}")
    print(f"total {time.monotonic() - started:.0f} s")
    return ok


if __name__ == "__main__":
    sys.exit(main())
