"""What a matchmaking or scheduling run is doing, worded in the reader's language.

A run stores codes and figures only: ``progress_state`` while it works ({"phase": "gaps",
"gaps": 4, "proven": false}) and ``counts`` when it is done. The admin, the API and the command
line word them here, at display time, so an organiser reading in Japanese sees Japanese whoever
started the run.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import JobRun, RunStatus, SchedulingRun


def _count(state: dict, key: str) -> int:
    value = state.get(key, 0)
    return value if isinstance(value, int) else 0


def state_text(state: dict) -> str:
    """One step of a run in words: "Cutting idle gaps: 4 left"; "" for a state it does not know
    (a newer worker's, say), since the progress bar still tells how far it is."""
    phase = state.get("phase", "")
    if phase == "loading":
        return _("Loading profiles")
    if phase == "scoring":
        return _("Scored %(done)s of %(total)s parts") % {
            "done": _count(state, "done"),
            "total": _count(state, "total"),
        }
    if phase in ("selected", "explained"):
        count = _count(state, "proposals")
        if phase == "selected":
            return ngettext("%(count)d proposal chosen", "%(count)d proposals chosen", count) % {
                "count": count
            }
        return ngettext(
            "Reasons written for %(count)d proposal",
            "Reasons written for %(count)d proposals",
            count,
        ) % {"count": count}
    if phase == "building":
        return _("Building the instance")
    if phase == "score":
        return _("Choosing the meetings with the highest total score")
    if phase == "gaps":
        count = _count(state, "gaps")
        if state.get("proven"):
            return ngettext(
                "%(count)d idle gap, proven the fewest possible",
                "%(count)d idle gaps, proven the fewest possible",
                count,
            ) % {"count": count}
        return ngettext(
            "Cutting idle gaps: %(count)d left", "Cutting idle gaps: %(count)d left", count
        ) % {"count": count}
    if phase == "writing":
        return _("Writing the schedule")
    return ""


def outcome_text(run: JobRun) -> str:
    """A finished run's result from its counts: "103 of 103 meetings placed", "24 proposals"."""
    counts = run.counts or {}
    if isinstance(run, SchedulingRun):
        total = _count(counts, "meetings")
        return ngettext(
            "%(placed)d of %(total)d meeting placed",
            "%(placed)d of %(total)d meetings placed",
            total,
        ) % {"placed": _count(counts, "placed"), "total": total}
    count = _count(counts, "proposals")
    return ngettext("%(count)d proposal", "%(count)d proposals", count) % {"count": count}


def progress_text(run: JobRun) -> str:
    """What the run is doing, or what it did, in the active language."""
    if run.status == RunStatus.DONE:
        return outcome_text(run)
    if run.status == RunStatus.QUEUED:
        return _("Waiting for a worker")
    if run.status == RunStatus.FAILED:
        return _("Failed; nothing was written (see the error).")
    return state_text(run.progress_state or {})
