"""Run matchmaking for a pavilion from the command line, with a progress line."""

import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from events.models import Pavilion
from matchmaking import services
from matchmaking.models import MatchingRun, RunStatus


class Command(BaseCommand):
    help = "Score every exhibitor-buyer pair of a pavilion and store the proposals."

    def add_arguments(self, parser):
        parser.add_argument("pavilion", type=int, help="the pavilion's id")
        parser.add_argument(
            "--here",
            action="store_true",
            help="run in this process instead of queueing it for a Celery worker",
        )

    def handle(self, *args, pavilion: int, here: bool, **options):
        found = Pavilion.objects.select_related("fair").filter(pk=pavilion).first()
        if found is None:
            raise CommandError(f"No pavilion has the id {pavilion}.")
        if here:
            run = self._run_here(found)
        else:
            try:
                run = services.matching_run_request(pavilion=found)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            run = self._follow(run)
        if run.status != RunStatus.DONE:
            raise CommandError(f"Run #{run.pk} {run.status}: {run.error}")
        counts = run.counts
        self.stdout.write(
            self.style.SUCCESS(
                f"Run #{run.pk} done: {counts['proposals']} proposals for {counts['exhibitors']} "
                f"exhibitors and {counts['buyers']} buyers ({counts['created']} new, "
                f"{counts['updated']} updated, {counts['withdrawn']} withdrawn) "
                f"in {run.timings.get('total', 0):.1f} s."
            )
        )

    def _progress(self, fraction: float, message: str) -> None:
        self.stdout.write(f"\r{fraction:6.1%}  {message:<60}", ending="")
        self.stdout.flush()

    def _run_here(self, pavilion: Pavilion) -> MatchingRun:
        try:
            run = services.matching_run_request(pavilion=pavilion, queue=False)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        try:
            services.matching_run_execute(run=run, progress=self._progress)
        finally:
            self.stdout.write("")
        run.refresh_from_db()
        return run

    def _follow(self, run: MatchingRun) -> MatchingRun:
        """Print a queued run's progress until a worker finishes it."""
        while True:
            run.refresh_from_db()
            self._progress(run.progress, run.progress_message)
            if not run.is_active:
                self.stdout.write("")
                return run
            time.sleep(0.5)
