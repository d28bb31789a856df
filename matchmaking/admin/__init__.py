"""The organiser's matchmaking admin: weights, wishes, proposals and runs."""

from . import matching, runs

__all__ = ["matching", "runs"]
