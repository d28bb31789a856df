"""Ask one pavilion's participants what came of their meetings now, instead of waiting for the
periodic task: the round whose date has come, and the reminders due, with a progress line."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Pavilion
from meetings.models import round_label
from meetings.services import follow_ups


class Command(BaseCommand):
    help = (
        "Email the follow-up requests and reminders now due for one pavilion (Celery beat sends "
        "them for every pavilion on its own)."
    )

    def add_arguments(self, parser):
        parser.add_argument("pavilion", type=int, help="the pavilion's id")

    def handle(self, *args, pavilion: int, **options):
        found = Pavilion.objects.select_related("fair").filter(pk=pavilion).first()
        if found is None:
            raise CommandError(_("No pavilion has the id %(id)s.") % {"id": pavilion})
        today = found.fair.local(timezone.now()).date()
        months = follow_ups.round_being_asked(found, today)
        if months is None:
            self.stdout.write(self._no_round(found, today))
        else:
            self.stdout.write(
                _("Asking about the round %(round)s (due on %(due)s).")
                % {
                    "round": round_label(months),
                    "due": follow_ups.follow_up_due_on(found, months).isoformat(),
                }
            )
        sent = follow_ups.follow_ups_send(pavilion=found, progress=self._progress)
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Follow-up requests emailed: %(asked)s; reminders: %(reminded)s; nobody to "
                    "write to: %(unreachable)s."
                )
                % {"asked": sent.asked, "reminded": sent.reminded, "unreachable": sent.unreachable}
            )
        )

    def _no_round(self, pavilion: Pavilion, today) -> str:
        coming = [
            months
            for months in pavilion.follow_up_months
            if follow_ups.follow_up_due_on(pavilion, months) > today
        ]
        if not coming:
            return _("No follow-up round is due now; only reminders may go out.")
        return _("No follow-up round is due now; the next, %(round)s, is on %(due)s.") % {
            "round": round_label(coming[0]),
            "due": follow_ups.follow_up_due_on(pavilion, coming[0]).isoformat(),
        }

    def _progress(self, done: int, total: int) -> None:
        self.stdout.write(
            "\r" + _("%(done)s of %(total)s emailed") % {"done": done, "total": total}, ending=""
        )
        self.stdout.flush()
