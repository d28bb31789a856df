"""The organiser's matchmaking and meetings admin."""

from . import matching, meetings

__all__ = ["matching", "meetings"]
