"""A command that runs one of a pavilion's long jobs, here or on a worker, showing progress.

The progress line is worded from the run's codes and figures (``JobRun.progress_text``) in the
command's language, as the admin words them in its reader's.
"""

import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from .models import JobRun, RunStatus


class RunCommand(BaseCommand):
    #: The kind of run the command starts; its ``pavilion`` key says where pavilions live.
    run_model: type[JobRun]

    def request_run(self, pavilion, *, queue: bool, options: dict) -> JobRun:
        raise NotImplementedError

    def run_here(self, run: JobRun, progress) -> None:
        raise NotImplementedError

    def summary(self, run: JobRun) -> str:
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("pavilion", type=int, help="the pavilion's id")
        parser.add_argument(
            "--here",
            action="store_true",
            help="run in this process instead of queueing it for a Celery worker",
        )

    def handle(self, *args, pavilion: int, here: bool, **options):
        pavilions = self.run_model._meta.get_field("pavilion").related_model.objects
        found = pavilions.select_related("fair").filter(pk=pavilion).first()
        if found is None:
            raise CommandError(f"No pavilion has the id {pavilion}.")
        try:
            run = self.request_run(found, queue=not here, options=options)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        if here:
            try:
                self.run_here(run, self._progress)
            finally:
                self.stdout.write("")
        run = self._follow(run)
        if run.status != RunStatus.DONE:
            raise CommandError(f"Run #{run.pk} {run.get_status_display().lower()}: {run.error}")
        self.stdout.write(self.style.SUCCESS(self.summary(run)))

    def _progress(self, fraction: float, state: dict) -> None:
        """What a job running here reports: its fraction done and its state's codes."""
        self._show(fraction, self.run_model().state_text(state))

    def _show(self, fraction: float, text: str) -> None:
        self.stdout.write(f"\r{fraction:6.1%}  {text:<60}", ending="")
        self.stdout.flush()

    def _follow(self, run: JobRun) -> JobRun:
        """Print a run's progress until it is over (at once when it ran here)."""
        while True:
            run.refresh_from_db()
            if not run.is_active:
                return run
            self._show(run.progress, run.progress_text())
            time.sleep(0.5)
