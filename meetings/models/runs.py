"""Runs of the scheduler: status, progress, outcome and timings (see ``core.models``)."""

from django.db import models
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
        phase = state.get("phase", "")
        if phase == "building":
            return gettext("Building the instance")
        if phase == "score":
            return gettext("Choosing the meetings with the highest total score")
        if phase == "gaps":
            count = count_of(state, "gaps")
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
            return gettext("Writing the schedule")
        return ""

    def outcome_text(self) -> str:
        total = count_of(self.counts, "meetings")
        return ngettext(
            "%(placed)d of %(total)d meeting placed",
            "%(placed)d of %(total)d meetings placed",
            total,
        ) % {"placed": count_of(self.counts, "placed"), "total": total}
