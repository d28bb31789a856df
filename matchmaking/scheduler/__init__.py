"""Meeting scheduler: plain Python, no Django. See shared/contracts/schedule-instance.md."""

from .check import check_result
from .instance import Instance, InstanceError, load_instance
from .solver import greedy, solve

__all__ = ["Instance", "InstanceError", "check_result", "greedy", "load_instance", "solve"]
