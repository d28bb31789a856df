"""Run matchmaking for a pavilion from the command line, with a progress line."""

from matchmaking import services
from matchmaking.management.run_command import RunCommand


class Command(RunCommand):
    help = "Score every exhibitor-buyer pair of a pavilion and store the proposals."

    def request_run(self, pavilion, *, queue, options):
        return services.matching_run_request(pavilion=pavilion, queue=queue)

    def run_here(self, run, progress):
        services.matching_run_execute(run=run, progress=progress)

    def summary(self, run):
        counts = run.counts
        return (
            f"Run #{run.pk} done: {counts['proposals']} proposals for {counts['exhibitors']} "
            f"exhibitors and {counts['buyers']} buyers ({counts['created']} new, "
            f"{counts['updated']} updated, {counts['withdrawn']} withdrawn) "
            f"in {run.timings.get('total', 0):.1f} s."
        )
