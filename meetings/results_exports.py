"""A pavilion's results as CSV files for spreadsheets: one row per meeting, one row per accepted
exhibitor, in the reader's language and the fair's time zone (UTF-8 with a byte-order mark, as
``exports.csv_bytes`` writes them). Each file is read in a fixed number of queries: those of
``selectors.results_reading.read_facts``, which gives the stages reached, and its own rows."""

from collections import Counter

from django.utils.translation import gettext as _

from events.models import Pavilion, RegistrationStatus

from .exports import csv_bytes
from .models import Meeting, pavilion_rounds, round_label
from .selectors.results import DIRECT_FROM, INDIRECT_FROM
from .selectors.results_reading import NOT_REPORTED, STAGES, read_facts


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def results_meetings_csv(pavilion: Pavilion) -> bytes:
    """Every meeting of the pavilion with the furthest stage reported in each round and the
    highest expected value reported for it."""
    fair = pavilion.fair
    meetings = list(
        Meeting.objects.filter(pavilion=pavilion)
        .select_related("sme", "buyer__country", "slot")
        .order_by("pk")
    )
    facts = read_facts([pavilion.pk])[pavilion.pk]
    reported = {round_ for rounds in facts.reached.values() for round_ in rounds}
    rounds_asked = sorted({*pavilion_rounds(pavilion), *reported})
    rows = [
        [
            _("meeting"),
            _("exhibitor"),
            _("buyer"),
            _("buyer's country"),
            _("status"),
            _("slot start (fair time)"),
            _("interpreter needed"),
            _("who did not come"),
            *(_("furthest stage: %(round)s") % {"round": round_label(r)} for r in rounds_asked),
            _("expected value (USD)"),
        ]
    ]
    for meeting in meetings:
        rounds = facts.reached.get(meeting.pk, {})
        highest = max((value for _rank, value in rounds.values()), default=0)
        rows.append(
            [
                meeting.pk,
                meeting.sme,
                meeting.buyer,
                meeting.buyer.country or "",
                meeting.get_status_display(),
                f"{fair.local(meeting.slot.starts_at):%Y-%m-%d %H:%M}" if meeting.slot else "",
                _yes_no(bool(meeting.interpreter_languages)),
                meeting.get_absent_side_display(),
                *(
                    STAGES[rounds[round_][0]].label if round_ in rounds else ""
                    for round_ in rounds_asked
                ),
                highest if meeting.pk in facts.valued else "",
            ]
        )
    return csv_bytes(rows)


def results_exhibitors_csv(pavilion: Pavilion) -> bytes:
    """Every accepted exhibitor: first-timer or not, meetings held, and its result (direct,
    indirect or none, from the furthest stage any of its held meetings reached)."""
    registrations = list(
        pavilion.exhibitor_registrations.filter(status=RegistrationStatus.ACCEPTED)
        .select_related("sme")
        .order_by("sme__name_en")
    )
    facts = read_facts([pavilion.pk])[pavilion.pk]
    held = Counter(meeting.sme_id for meeting in facts.held)
    furthest: dict[int, int] = {}  # exhibitor: the furthest stage of its held meetings
    for meeting in facts.held:
        furthest[meeting.sme_id] = max(
            furthest.get(meeting.sme_id, NOT_REPORTED), facts.furthest(meeting.id)
        )
    rows = [[_("exhibitor"), _("first-time exhibitor"), _("meetings held"), _("result")]]
    for registration in registrations:
        rank = furthest.get(registration.sme_id)
        if rank is None:
            result = ""
        elif rank >= DIRECT_FROM:
            result = _("direct")
        elif rank >= INDIRECT_FROM:
            result = _("indirect")
        else:
            result = _("none")
        rows.append(
            [
                registration.sme,
                _yes_no(registration.first_time_exhibitor),
                held[registration.sme_id],
                result,
            ]
        )
    return csv_bytes(rows)
