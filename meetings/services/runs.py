"""Scheduling runs: the scheduler's instance solved and its result written back in one
transaction.

The scheduler itself (``meetings.scheduler``) is plain Python; its instance is built by
``meetings.selectors.scheduling``. Published and locked meetings are fixed: they never move.
"""

import time
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.jobs import ProgressReporter, run_failing, run_finish, run_request, run_start
from core.locks import waiting_at_most
from events.models import Pavilion, Side

from .. import scheduler
from ..models import SCHEDULABLE_STATUSES, Meeting, MeetingEvent, MeetingStatus, SchedulingRun
from ..selectors.scheduling import scheduling_instance

DEFAULT_TIME_LIMIT = 60.0


@transaction.atomic
def schedule_apply(*, pavilion: Pavilion, instance: dict, result: dict, by=None) -> dict:
    """Write a scheduler result back: every meeting of the instance gets its slot or none.

    Side effects: moves and unplaces only meetings that are not fixed, writes only the meetings
    whose slot, interpreter or status changed (the others keep their ``updated_at``), records
    each change, and raises (writing nothing) if the meetings changed since the instance was
    built.
    """
    ids = [int(m["id"][1:]) for m in instance["meetings"]]
    fixed = {int(m["id"][1:]) for m in instance["meetings"] if m["fixed_slot"]}
    with waiting_at_most(
        _(
            "An organiser is changing meetings of this pavilion right now; run the scheduler "
            "again in a moment."
        )
    ):
        meetings = {
            m.pk: m
            for m in Meeting.objects.select_for_update()
            .filter(pk__in=ids, pavilion=pavilion)
            .order_by("pk")
        }
    changed = [
        pk for pk in ids if pk not in meetings or meetings[pk].status not in SCHEDULABLE_STATUSES
    ]
    if changed:
        raise ValidationError(_("Meetings changed while the scheduler ran; run it again."))
    placed = {int(a["meeting"][1:]): a for a in result["assignments"]}
    required = {int(m["id"][1:]): m["interpreter"] for m in instance["meetings"]}
    movable = [meetings[pk] for pk in ids if pk not in fixed]
    before = {m.pk: _placement(m) for m in movable}
    for meeting in movable:
        assignment = placed.get(meeting.pk)
        if assignment:
            meeting.status = MeetingStatus.SCHEDULED
            meeting.slot_id = int(assignment["slot"][1:])
            meeting.interpreter_id = (
                int(assignment["interpreter"][1:]) if assignment["interpreter"] else None
            )
            if meeting.interpreter_id and not meeting.interpreter_languages:
                # The first-timer offer's interpreter: the meeting keeps the promise from now
                # on, so a move by hand keeps (and checks) its interpreter like any other's.
                meeting.interpreter_languages = "-".join(required[meeting.pk])
        else:
            meeting.status, meeting.slot_id, meeting.interpreter_id = (
                MeetingStatus.ACCEPTED,
                None,
                None,
            )
    _write_placements([m for m in movable if _placement(m) != before[m.pk]])
    for pk in fixed:
        assignment = placed.get(pk)
        meeting = meetings[pk]
        if assignment and assignment["interpreter"] and not meeting.interpreter_id:
            meeting.interpreter_id = int(assignment["interpreter"][1:])
            meeting.save(update_fields=["interpreter", "updated_at"])
    moved = [m for m in movable if before[m.pk][:3] != _placement(m)[:3]]
    MeetingEvent.objects.bulk_create(
        MeetingEvent(
            meeting=m,
            actor=by if getattr(by, "is_authenticated", False) else None,
            side=Side.ORGANISER,
            action="scheduled" if m.slot_id else "unplaced",
            from_status=before[m.pk][0],
            to_status=m.status,
        )
        for m in moved
    )
    return {
        "meetings": len(ids),
        "placed": len(placed),
        "unplaced": len(ids) - len(placed),
        "fixed": len(fixed),
        "changed": len(moved),
    }


#: Rows per UPDATE ... WHERE id IN (...): well under SQLite's limit on a statement's parameters.
WRITE_BATCH = 500


def _placement(meeting: Meeting) -> tuple:
    return (meeting.status, meeting.slot_id, meeting.interpreter_id, meeting.interpreter_languages)


def _write_placements(changed: list[Meeting]) -> None:
    """Write the placements that changed, and only those: a re-run that keeps most of the
    schedule writes a handful of rows. One UPDATE per batch of meetings going to the same slot
    and interpreter, instead of one CASE per field and row (``bulk_update``), which at 3,600
    meetings took seconds."""
    now = timezone.now()
    # Free the changed meetings' slots first, so that swaps never meet the unique constraints:
    # every state in between is then part of the (valid) result.
    pks = [m.pk for m in changed]
    for start in range(0, len(pks), WRITE_BATCH):
        Meeting.objects.filter(pk__in=pks[start : start + WRITE_BATCH]).update(
            status=MeetingStatus.ACCEPTED, slot=None, interpreter=None, updated_at=now
        )
    placements: dict[tuple, list[int]] = defaultdict(list)
    for meeting in changed:
        if meeting.slot_id:  # an unplaced meeting is written in full above
            placements[_placement(meeting)].append(meeting.pk)
    for (status, slot_id, interpreter_id, languages), group in placements.items():
        for start in range(0, len(group), WRITE_BATCH):
            Meeting.objects.filter(pk__in=group[start : start + WRITE_BATCH]).update(
                status=status,
                slot_id=slot_id,
                interpreter_id=interpreter_id,
                interpreter_languages=languages,
                updated_at=now,
            )


def scheduling_run_request(
    *, pavilion: Pavilion, requested_by=None, time_limit: float = DEFAULT_TIME_LIMIT, queue=True
) -> SchedulingRun:
    """Queue a scheduling run; refused while one of the pavilion's is queued or running.

    Side effects: creates the run, records ``scheduling.run.requested`` and, once the
    transaction commits, queues the Celery task (unless ``queue`` is False: the caller then
    runs it with ``scheduling_run_execute``).
    """
    return run_request(
        model=SchedulingRun,
        pavilion=pavilion,
        requested_by=requested_by,
        parameters={"time_limit": time_limit},
        action="scheduling.run.requested",
        task="meetings.tasks.run_scheduler",
        queue=queue,
    )


def scheduling_run_request_quietly(*, pavilion: Pavilion) -> SchedulingRun | None:
    """Queue a run unless one is active; that one re-queues itself if it missed a meeting."""
    try:
        return scheduling_run_request(pavilion=pavilion)
    except ValidationError:
        return None


def scheduling_run_execute(
    *,
    run: SchedulingRun,
    progress: scheduler.Progress | None = None,
    retried: tuple[type[BaseException], ...] = (),
) -> SchedulingRun:
    """Build the instance, solve it, write the result back; fail without writing anything.

    ``progress(fraction, state)`` hears how the search goes, in the scheduler's codes and
    figures (``meetings.scheduler.progress``; by default the run's row does). An error marks the
    run failed, except one of ``retried``: the caller runs it again (``core.tasks.RunTask``).
    """
    if not run_start(run=run, state={"phase": "building"}):
        return run
    report = progress or ProgressReporter(run, span=0.95)
    started = time.perf_counter()
    with run_failing(run, retried=retried):
        instance = scheduling_instance(run.pavilion)
        built = time.perf_counter()
        result = scheduler.solve(
            instance,
            time_limit=float(run.parameters.get("time_limit", DEFAULT_TIME_LIMIT)),
            progress=report,
        )
        solved = time.perf_counter()
        counts = schedule_apply(
            pavilion=run.pavilion, instance=instance, result=result, by=run.requested_by
        )
    upper_bound = result["upper_bound"] or 0.0
    counts.update(
        objective=round(result["objective"], 3),
        upper_bound=round(upper_bound, 3),
        optimality=round(result["objective"] / upper_bound, 5) if upper_bound else 1.0,
        gaps=result["gaps"],
        solver_status=result["status"],
    )
    run = run_finish(
        run=run,
        counts=counts,
        timings={
            "build": round(built - started, 3),
            "solve": round(solved - built, 3),
            "write": round(time.perf_counter() - solved, 3),
        },
    )
    # A meeting accepted while this run was solving is placed by the next run.
    if (
        run.pavilion.schedule_published_at
        and Meeting.objects.filter(
            pavilion=run.pavilion, status=MeetingStatus.ACCEPTED, updated_at__gt=run.started_at
        )
        .exclude(pk__in=[int(m["id"][1:]) for m in instance["meetings"]])
        .exists()
    ):
        scheduling_run_request_quietly(pavilion=run.pavilion)
    return run
