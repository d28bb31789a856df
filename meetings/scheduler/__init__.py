"""Meeting scheduler: plain Python, no Django. See docs/scheduler-contract.md.

Progress is reported as data, `progress(fraction, state)` (progress.py). `repair` lists
replacement meetings for a freed slot without moving anything (repair.py)."""

from .check import check_result
from .instance import Instance, InstanceError, load_instance
from .progress import Progress
from .repair import repair
from .solver import greedy, lp_upper_bound, solve

__all__ = [
    "Instance",
    "InstanceError",
    "Progress",
    "check_result",
    "greedy",
    "load_instance",
    "lp_upper_bound",
    "repair",
    "solve",
]
