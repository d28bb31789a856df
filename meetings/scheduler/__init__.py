"""Meeting scheduler: plain Python, no Django. See docs/scheduler-contract.md."""

from .check import check_result
from .instance import Instance, InstanceError, load_instance
from .solver import greedy, lp_upper_bound, solve

__all__ = ["Instance", "InstanceError", "check_result", "greedy", "load_instance",
           "lp_upper_bound", "solve"]
