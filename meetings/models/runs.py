"""Runs of the scheduler: status, progress, outcome and timings (see ``core.models``)."""

import math

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.models import JobRun, count_of
from events.models import Pavilion


class SchedulingRun(JobRun):
    """One run of the scheduler for a pavilion: objective, proven bound and gaps in ``counts``."""

    pavilion = models.ForeignKey(
        Pavilion,
        verbose_name=_("Japan Pavilion"),
        on_delete=models.CASCADE,
        related_name="scheduling_runs",
    )

    class Meta(JobRun.Meta):
        verbose_name = _("scheduling run")
        verbose_name_plural = _("scheduling runs")
        constraints = JobRun.run_constraints("scheduling")

    def state_text(self, state: dict) -> str:
        """The scheduler's codes and figures (``meetings.scheduler.progress``) in words."""
        phase = state.get("phase", "")
        if phase == "building":
            return gettext("Building the instance")
        if phase == "score":
            return _score_text(state)
        if phase == "gaps":
            return _gaps_text(state)
        # "solved": the scheduler has its result, which the run now writes ("writing" is what
        # runs stored before the scheduler said so itself).
        if phase in ("solved", "writing"):
            return gettext("Writing the schedule")
        return ""

    def outcome_text(self) -> str:
        total = count_of(self.counts, "meetings")
        return ngettext(
            "%(placed)d of %(total)d meeting placed",
            "%(placed)d of %(total)d meetings placed",
            total,
        ) % {"placed": count_of(self.counts, "placed"), "total": total}


def _figure(state: dict, key: str) -> float | None:
    """A number from a stored state, None when absent or not a finite number."""
    value = state.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return value


def _score_text(state: dict) -> str:
    score, bound = _figure(state, "score"), _figure(state, "bound")
    if score is None:
        return gettext("Choosing the meetings with the highest total score")
    figures = {"score": number_format(score, 1), "bound": number_format(bound or 0, 1)}
    if bound is None:
        return (
            gettext("Choosing the meetings with the highest total score (best so far %(score)s)")
            % figures
        )
    return (
        gettext(
            "Choosing the meetings with the highest total score (best so far %(score)s, "
            "at most %(bound)s)"
        )
        % figures
    )


def _gaps_text(state: dict) -> str:
    count = count_of(state, "gaps")
    if state.get("proven"):
        return ngettext(
            "%(count)d idle gap, proven the fewest possible",
            "%(count)d idle gaps, proven the fewest possible",
            count,
        ) % {"count": count}
    bound = count_of(state, "bound")
    if 0 < bound < count:
        # The exact search has proven that this many gaps are unavoidable.
        return ngettext(
            "Cutting idle gaps: %(count)d left (at least %(bound)d unavoidable)",
            "Cutting idle gaps: %(count)d left (at least %(bound)d unavoidable)",
            count,
        ) % {"count": count, "bound": bound}
    return ngettext(
        "Cutting idle gaps: %(count)d left", "Cutting idle gaps: %(count)d left", count
    ) % {"count": count}
