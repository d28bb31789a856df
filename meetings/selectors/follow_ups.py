"""How a pavilion's follow-up rounds were asked and answered, for its results."""

from django.db.models import Count, Q

from events.models import Pavilion

from ..models import FollowUpRequest, follow_up_due_on, round_label
from .results_figures import FollowUpRound


def follow_up_rounds(pavilion: Pavilion) -> tuple[FollowUpRound, ...]:
    """One ``FollowUpRound`` per follow-up month of the pavilion (and any other round asked
    before its months were changed), in one query."""
    sent = Q(sent_at__isnull=False)
    reached = sent & Q(messages__gt=0)
    rows = {
        row["round"]: row
        for row in FollowUpRequest.objects.filter(meeting__pavilion=pavilion)
        .order_by()
        .values("round")
        .annotate(
            emailed=Count("pk", filter=reached),
            unreachable=Count("pk", filter=sent & Q(messages=0)),
            to_send=Count("pk", filter=Q(sent_at__isnull=True, answered_at__isnull=True)),
            reminded=Count("pk", filter=Q(reminded_at__isnull=False)),
            answered=Count("pk", filter=reached & Q(answered_at__isnull=False)),
        )
    }
    empty = {"emailed": 0, "unreachable": 0, "to_send": 0, "reminded": 0, "answered": 0}
    rounds = []
    for months in sorted({*pavilion.follow_up_months, *rows}):
        counts = {key: rows.get(months, empty)[key] for key in empty}
        rounds.append(
            FollowUpRound(
                round=months,
                label=round_label(months),
                due_on=follow_up_due_on(pavilion, months),
                response_rate=(
                    counts["answered"] / counts["emailed"] if counts["emailed"] else None
                ),
                **counts,
            )
        )
    return tuple(rounds)
