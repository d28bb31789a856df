"""Run matchmaking for a pavilion from the command line, with a progress line."""

from django.utils.translation import gettext as _

from core.run_command import RunCommand
from matchmaking import services
from matchmaking.models import MatchingRun


class Command(RunCommand):
    run_model = MatchingRun
    help = "Score every exhibitor-buyer pair of a pavilion and store the proposals."

    def request_run(self, pavilion, *, queue, options):
        return services.matching_run_request(pavilion=pavilion, queue=queue)

    def run_here(self, run, progress):
        services.matching_run_execute(run=run, progress=progress)

    def summary(self, run):
        counts = run.counts
        return _(
            "Run #%(run)s done: %(outcome)s for %(exhibitors)s exhibitors and %(buyers)s buyers "
            "(%(created)s new, %(updated)s updated, %(withdrawn)s withdrawn) in %(seconds).1f s."
        ) % {
            "run": run.pk,
            "outcome": run.outcome_text(),
            "exhibitors": counts["exhibitors"],
            "buyers": counts["buyers"],
            "created": counts["created"],
            "updated": counts["updated"],
            "withdrawn": counts["withdrawn"],
            "seconds": run.timings.get("total", 0),
        }
