"""Runs of the matchmaking job: status, progress, outcome and timings (see ``core.models``)."""

from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.models import JobRun, count_of
from events.models import Pavilion


class MatchingRun(JobRun):
    """One run of the scoring job for a pavilion."""

    pavilion = models.ForeignKey(
        Pavilion,
        verbose_name=_("Japan Pavilion"),
        on_delete=models.CASCADE,
        related_name="matching_runs",
    )

    class Meta(JobRun.Meta):
        verbose_name = _("matchmaking run")
        verbose_name_plural = _("matchmaking runs")
        constraints = JobRun.run_constraints("matching")

    def state_text(self, state: dict) -> str:
        phase = state.get("phase", "")
        if phase == "loading":
            return gettext("Loading profiles")
        if phase == "scoring":
            return gettext("Scored %(done)s of %(total)s parts") % {
                "done": count_of(state, "done"),
                "total": count_of(state, "total"),
            }
        count = count_of(state, "proposals")
        if phase == "selected":
            return ngettext("%(count)d proposal chosen", "%(count)d proposals chosen", count) % {
                "count": count
            }
        if phase == "explained":
            return ngettext(
                "Reasons written for %(count)d proposal",
                "Reasons written for %(count)d proposals",
                count,
            ) % {"count": count}
        return ""

    def outcome_text(self) -> str:
        count = count_of(self.counts, "proposals")
        return ngettext("%(count)d proposal", "%(count)d proposals", count) % {"count": count}
