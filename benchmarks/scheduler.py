"""Benchmark of the meeting scheduler: pavilion-scale synthetic instances and the 20 published
B2B instances (Bofill et al., JAIR 2022).

    python benchmarks/scheduler.py [--time-limit 60] [--only jair|pavilion] [--seeds 1,2,3]
                                   [--jair-dir DIR] [--write DIR]

Every result is verified with check_result; a violation is printed and fails the run.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from benchmarks.scheduler_instances import pavilion_instance  # noqa: E402
from meetings.scheduler import check_result, greedy, lp_upper_bound, solve  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--time-limit", type=float, default=60.0, metavar="SECONDS")
    parser.add_argument("--only", choices=("jair", "pavilion"))
    parser.add_argument("--seeds", default="1,2,3", help="pavilion seeds, comma-separated")
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
        if write_dir is not None:
            write_dir.mkdir(parents=True, exist_ok=True)
            (write_dir / f"pavilion-{seed}.json").write_text(json.dumps(instance))
        baseline = greedy(instance)
        result = solve(instance, time_limit=time_limit)
        violations = check_result(instance, result) + check_result(instance, baseline)
        bound = lp_upper_bound(instance)
        passed = (
            not violations
            and result["objective"] >= baseline["objective"]
            and result["objective"] >= 0.995 * bound
            and result["seconds"] <= time_limit
        )
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
