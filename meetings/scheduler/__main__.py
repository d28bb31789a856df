"""python -m matchmaking.scheduler INSTANCE.json [--time-limit SECONDS]

The contract's command name (see ``matchmaking/scheduler/``); the code lives here."""

from __future__ import annotations

import argparse
import json
import sys

from .instance import InstanceError
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
    arguments = parser.parse_args(argv)
    try:
        with open(arguments.instance, encoding="utf-8") as file:
            data = json.load(file)
        result = solve(data, time_limit=arguments.time_limit)
    except OSError as error:
        return _refuse(f"{arguments.instance}: cannot read: {error.strerror}")
    except json.JSONDecodeError as error:
        return _refuse(f"{arguments.instance}: not valid JSON: {error}")
    except InstanceError as error:
        return _refuse(f"{arguments.instance}: {error}")
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


def _refuse(message: str) -> int:
    """One line on standard error and exit status 2, as the contract asks of a bad instance."""
    sys.stderr.write(message.replace("\n", " ") + "\n")
    return 2


if __name__ == "__main__":
    sys.exit(main())
