"""python -m matchmaking.scheduler INSTANCE.json [--time-limit SECONDS]

The contract's command name (see ``matchmaking/scheduler/``); the code lives here. With
``--repair SLOT_ID`` it lists replacement meetings for a freed slot instead (repair.py)."""

from __future__ import annotations

import argparse
import json
import sys

from .instance import InstanceError
from .repair import repair
from .solver import solve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m matchmaking.scheduler",
        description="Schedule B2B meetings; prints the result JSON on standard output.",
    )
    parser.add_argument(
        "instance", help="instance JSON file (shared/contracts/schedule-instance.md)"
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="wall-clock budget in seconds (default 60)",
    )
    repairing = parser.add_argument_group(
        "repair", "replacement meetings for one freed slot; nothing already placed moves"
    )
    repairing.add_argument("--repair", metavar="SLOT_ID", help="list replacements for this slot")
    repairing.add_argument(
        "--limit", type=int, default=10, metavar="N", help="at most N replacements (default 10)"
    )
    repairing.add_argument(
        "--schedule",
        metavar="RESULT.json",
        help="a result whose assignments stay where they are, besides the fixed meetings",
    )
    repairing.add_argument(
        "--cancelled", default="", metavar="IDS", help="meeting ids taken out, comma-separated"
    )
    repairing.add_argument(
        "--absent", default="", metavar="IDS", help="party ids who did not show, comma-separated"
    )
    arguments = parser.parse_args(argv)
    path = arguments.instance
    try:
        data = _read(path)
        if arguments.repair is None:
            result = solve(data, time_limit=arguments.time_limit)
        else:
            schedule = None
            if arguments.schedule is not None:
                path = arguments.schedule
                schedule = _read(path)
                path = arguments.instance
            result = repair(
                data,
                slot=arguments.repair,
                limit=arguments.limit,
                schedule=schedule,
                cancelled=_ids(arguments.cancelled),
                absent=_ids(arguments.absent),
            )
    except OSError as error:
        return _refuse(f"{path}: cannot read: {error.strerror}")
    except json.JSONDecodeError as error:
        return _refuse(f"{path}: not valid JSON: {error}")
    except InstanceError as error:
        return _refuse(f"{path}: {error}")
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


def _read(path: str):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def _ids(text: str) -> list[str]:
    return [identifier.strip() for identifier in text.split(",") if identifier.strip()]


def _refuse(message: str) -> int:
    """One line on standard error and exit status 2, as the contract asks of a bad instance."""
    sys.stderr.write(message.replace("\n", " ") + "\n")
    return 2


if __name__ == "__main__":
    sys.exit(main())
