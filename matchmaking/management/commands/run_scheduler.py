"""Schedule a pavilion's accepted meetings from the command line, with a progress line."""

from matchmaking import services
from matchmaking.management.run_command import RunCommand
from matchmaking.services.scheduling import DEFAULT_TIME_LIMIT


class Command(RunCommand):
    help = "Put a pavilion's accepted meetings into slots; published and locked ones stay."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--time-limit", type=float, default=DEFAULT_TIME_LIMIT, help="seconds to search"
        )

    def request_run(self, pavilion, *, queue, options):
        return services.scheduling_run_request(
            pavilion=pavilion, time_limit=options["time_limit"], queue=queue
        )

    def run_here(self, run, progress):
        services.scheduling_run_execute(run=run, progress=progress)

    def summary(self, run):
        counts = run.counts
        return (
            f"Run #{run.pk} done: {counts['placed']} of {counts['meetings']} meetings placed, "
            f"score {counts['objective']} of a proven bound {counts['upper_bound']} "
            f"({100 * counts['optimality']:.2f}%), {counts['gaps']} gaps, "
            f"in {run.timings.get('total', 0):.1f} s."
        )
