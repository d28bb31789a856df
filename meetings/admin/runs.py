"""The scheduler's runs in the admin."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from matchmaking.admin.runs import JobRunAdmin

from ..models import SchedulingRun


@admin.register(SchedulingRun)
class SchedulingRunAdmin(JobRunAdmin):
    audit_subject = "scheduling.run"

    @admin.display(description=_("placed, share of bound, gaps"))
    def outcome(self, run):
        if "placed" not in run.counts:
            return ""
        return _("%(placed)s of %(total)s, %(ratio).1f%%, %(gaps)s gaps") % {
            "placed": run.counts["placed"],
            "total": run.counts["meetings"],
            "ratio": 100 * run.counts.get("optimality", 1.0),
            "gaps": run.counts.get("gaps", 0),
        }
