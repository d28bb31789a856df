"""Schedule a pavilion's accepted meetings from the command line, with a progress line."""

from django.utils.translation import gettext as _

from core.run_command import RunCommand
from meetings.models import SchedulingRun
from meetings.services.runs import (
    DEFAULT_TIME_LIMIT,
    scheduling_run_execute,
    scheduling_run_request,
)


class Command(RunCommand):
    run_model = SchedulingRun
    help = "Put a pavilion's accepted meetings into slots; published and locked ones stay."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--time-limit", type=float, default=DEFAULT_TIME_LIMIT, help="seconds to search"
        )

    def request_run(self, pavilion, *, queue, options):
        return scheduling_run_request(
            pavilion=pavilion, time_limit=options["time_limit"], queue=queue
        )

    def run_here(self, run, progress):
        scheduling_run_execute(run=run, progress=progress)

    def summary(self, run):
        counts = run.counts
        return _(
            "Run #%(run)s done: %(outcome)s, score %(objective)s of a proven bound %(bound)s "
            "(%(percent).2f%%), %(gaps)s gaps, in %(seconds).1f s."
        ) % {
            "run": run.pk,
            "outcome": run.outcome_text(),
            "objective": counts["objective"],
            "bound": counts["upper_bound"],
            "percent": 100 * counts["optimality"],
            "gaps": counts["gaps"],
            "seconds": run.timings.get("total", 0),
        }
