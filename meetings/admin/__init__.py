"""The organiser's meetings admin: meetings, the schedule, availability and scheduling runs."""

from . import meetings, runs, unavailability

__all__ = ["meetings", "runs", "unavailability"]
