"""Meeting scheduler: plain Python, no Django. See shared/contracts/schedule-instance.md."""

from .check import check_result
from .instance import Instance, InstanceError, load_instance
from .solver import greedy, lp_upper_bound, solve

__all__ = ["Instance", "InstanceError", "check_result", "greedy", "load_instance",
           "lp_upper_bound", "solve"]
