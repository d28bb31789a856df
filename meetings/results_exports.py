"""A pavilion's results as CSV files for spreadsheets: one row per meeting, one row per accepted
exhibitor, in the reader's language and the fair's time zone (UTF-8 with a byte-order mark, as
``exports.csv_bytes`` writes them). Each file is read in a fixed number of queries."""

from collections import defaultdict

from django.utils.translation import gettext as _

from events.models import Pavilion, RegistrationStatus

from .exports import csv_bytes
from .models import Meeting, MeetingOutcome, MeetingStatus, pavilion_rounds, round_label
from .selectors.results import DIRECT_FROM, INDIRECT_FROM
from .selectors.results_reading import RANK, STAGES


def _reached(meeting_ids) -> dict[int, dict[int, tuple[int, int | None]]]:
    """meeting id: {round: (furthest stage's rank, highest expected value)}, in one query."""
    reached: dict[int, dict[str, tuple[int, int | None]]] = defaultdict(dict)
    outcomes = MeetingOutcome.objects.filter(meeting_id__in=meeting_ids).values_list(
        "meeting_id", "round", "stage", "expected_value_usd"
    )
    for meeting_id, round_, stage, value in outcomes:
        rank, highest = reached[meeting_id].get(round_, (-1, None))
        if value is not None and (highest is None or value > highest):
            highest = value
        reached[meeting_id][round_] = (max(rank, RANK[stage]), highest)
    return reached


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
    reached = _reached(
        Meeting.objects.filter(pavilion=pavilion, status=MeetingStatus.HELD).values("pk")
    )
    reported = {round_ for rounds in reached.values() for round_ in rounds}
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
        rounds = reached.get(meeting.pk, {})
        values = [value for _rank, value in rounds.values() if value is not None]
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
                max(values, default=""),
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
    held = defaultdict(list)
    held_meetings = Meeting.objects.filter(pavilion=pavilion, status=MeetingStatus.HELD)
    for meeting_id, sme_id in held_meetings.values_list("pk", "sme_id"):
        held[sme_id].append(meeting_id)
    reached = _reached(held_meetings.values("pk"))
    rows = [[_("exhibitor"), _("first-time exhibitor"), _("meetings held"), _("result")]]
    for registration in registrations:
        meetings = held.get(registration.sme_id, [])
        furthest = max(
            (rank for m in meetings for rank, _value in reached.get(m, {}).values()),
            default=-1,
        )
        if not meetings:
            result = ""
        elif furthest >= DIRECT_FROM:
            result = _("direct")
        elif furthest >= INDIRECT_FROM:
            result = _("indirect")
        else:
            result = _("none")
        rows.append(
            [
                registration.sme,
                _yes_no(registration.first_time_exhibitor),
                len(meetings),
                result,
            ]
        )
    return csv_bytes(rows)
