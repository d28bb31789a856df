"""Scheduling: accepted meetings into slots, with interpreters and tables, and organiser moves.

The scheduler itself (``meetings.scheduler``) is plain Python with the command line and file
format of the shared contract; this module builds its instance from the database and writes the
result back in one transaction. Published and locked meetings are fixed: they never move.
"""

import time
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from companies.models import SME, ForeignBuyer
from core import audit
from core.jobs import ProgressReporter, run_create, run_failing, run_finish, run_start
from core.queue import enqueue_on_commit
from events import fair_time
from events.models import (
    BuyerAttendanceDay,
    ExhibitorRegistration,
    Interpreter,
    MeetingSlot,
    Pavilion,
    Side,
)

from .. import scheduler
from ..history import slot_details
from ..models import (
    BOOKED_STATUSES,
    Meeting,
    MeetingEvent,
    MeetingStatus,
    ParticipantUnavailability,
    SchedulingRun,
)
from . import notifications
from .meetings import meeting_audit, meeting_record

#: Meetings the scheduler places: confirmed ones, and those already in a slot.
SCHEDULABLE_STATUSES = (MeetingStatus.ACCEPTED, MeetingStatus.SCHEDULED)
DEFAULT_TIME_LIMIT = 60.0


def _sme_key(sme_id: int) -> str:
    return f"sme-{sme_id}"


def _buyer_key(buyer_id: int) -> str:
    return f"buyer-{buyer_id}"


def is_fixed(meeting: Meeting) -> bool:
    """Published or locked meetings keep their slot whatever the scheduler finds."""
    return meeting.status == MeetingStatus.SCHEDULED and bool(
        meeting.published_at or meeting.locked
    )


def participant_availability(pavilion: Pavilion, slots: list[MeetingSlot]):
    """Per participant, the slots they cannot meet in: buyers on days they do not attend, and
    every slot marked unavailable."""
    blocked: dict[str, set[int]] = defaultdict(set)
    for sme_id, buyer_id, slot_id in ParticipantUnavailability.objects.filter(
        pavilion=pavilion
    ).values_list("sme_id", "buyer_id", "slot_id"):
        blocked[_sme_key(sme_id) if sme_id else _buyer_key(buyer_id)].add(slot_id)
    attending: dict[str, set] = defaultdict(set)
    for buyer_id, day in BuyerAttendanceDay.objects.filter(
        registration__pavilion=pavilion
    ).values_list("registration__buyer_id", "day"):
        attending[_buyer_key(buyer_id)].add(day)
    fair = pavilion.fair
    slot_days = {slot.pk: fair.local(slot.starts_at).date() for slot in slots}
    return blocked, attending, slot_days


def first_timers(pavilion: Pavilion) -> set[int]:
    """The SMEs exhibiting at the pavilion for the first time."""
    return set(
        ExhibitorRegistration.objects.filter(
            pavilion=pavilion, first_time_exhibitor=True
        ).values_list("sme_id", flat=True)
    )


def first_timer_interpreting(
    *,
    pavilion: Pavilion,
    meetings: list[Meeting],
    fixed_ids: set[int],
    newcomers: set[int],
    interpreters: list[dict],
    available: dict[str, set[str]],
) -> dict[int, list[str]]:
    """The meetings the first-timer offer gives an interpreter although the sides share a
    language, each with the pair the interpreter must speak (Japanese and the buyer's language).

    Each first-timer's first ``pavilion.first_timer_interpreted_meetings`` meetings come with an
    interpreter: the meetings held or fixed with one count first (a fixed meeting keeps what it
    has), then the movable ones by score, highest first; a meeting that needs an interpreter
    anyway uses up one of them. A meeting gets the offer only where an interpreter of the pair
    is free in a slot both sides can meet in, so the offer never costs a first-timer a meeting
    that could otherwise be placed; a buyer who speaks Japanese needs none.
    """
    allowance = pavilion.first_timer_interpreted_meetings
    if not allowance or not newcomers:
        return {}
    used = defaultdict(int)
    for sme_id in Meeting.objects.filter(
        pavilion=pavilion,
        sme_id__in=newcomers,
        status__in=(MeetingStatus.HELD, MeetingStatus.NO_SHOW),
        interpreter__isnull=False,
    ).values_list("sme_id", flat=True):
        used[sme_id] += 1
    for meeting in meetings:
        fixed_with_one = meeting.pk in fixed_ids and (
            meeting.interpreter_id or meeting.interpreter_pair
        )
        if fixed_with_one and meeting.sme_id in newcomers:
            used[meeting.sme_id] += 1
    movable = sorted(
        (m for m in meetings if m.sme_id in newcomers and m.pk not in fixed_ids),
        key=lambda m: (-m.score, m.pk),
    )
    buyer_languages = {
        buyer.pk: {language.code for language in buyer.languages.all()}
        for buyer in ForeignBuyer.objects.filter(
            pk__in={m.buyer_id for m in movable}
        ).prefetch_related("languages")
    }
    sme_languages = {
        sme.pk: {language.code for language in sme.languages.all()}
        for sme in SME.objects.filter(pk__in={m.sme_id for m in movable}).prefetch_related(
            "languages"
        )
    }
    offered: dict[int, list[str]] = {}
    for meeting in movable:
        if used[meeting.sme_id] >= allowance:
            continue
        if meeting.interpreter_pair:
            used[meeting.sme_id] += 1
            continue
        theirs = buyer_languages.get(meeting.buyer_id) or {"en"}
        if "ja" in theirs:
            continue
        shared = theirs & sme_languages.get(meeting.sme_id, set())
        # The language they would meet in first, so the interpreter helps that conversation.
        for language in sorted(theirs, key=lambda code: (code not in shared, code != "en", code)):
            both = available[_sme_key(meeting.sme_id)] & available[_buyer_key(meeting.buyer_id)]
            if any(
                {"ja", language} <= set(interpreter["languages"])
                and both & set(interpreter["available"])
                for interpreter in interpreters
            ):
                offered[meeting.pk] = ["ja", language]
                used[meeting.sme_id] += 1
                break
    return offered


def scheduling_instance(pavilion: Pavilion) -> dict:
    """The contract's instance for a pavilion's schedulable meetings."""
    slots = list(pavilion.slots.order_by("starts_at"))
    blocked, attending, slot_days = participant_availability(pavilion, slots)
    day_index = {day: index for index, day in enumerate(sorted(set(slot_days.values())))}
    meetings = list(
        Meeting.objects.filter(pavilion=pavilion, status__in=SCHEDULABLE_STATUSES).order_by("pk")
    )
    # Meetings already held count against the caps of what is left to schedule.
    held = Meeting.objects.filter(
        pavilion=pavilion, status__in=(MeetingStatus.HELD, MeetingStatus.NO_SHOW)
    )
    held_by = defaultdict(int)
    for sme_id, buyer_id in held.values_list("sme_id", "buyer_id"):
        held_by[_sme_key(sme_id)] += 1
        held_by[_buyer_key(buyer_id)] += 1

    fixed = [m for m in meetings if is_fixed(m)]
    fixed_count = defaultdict(int)
    must_allow: dict[str, set[int]] = defaultdict(set)
    busy_interpreters: dict[int, set[int]] = defaultdict(set)
    for meeting in fixed:
        for key in (_sme_key(meeting.sme_id), _buyer_key(meeting.buyer_id)):
            fixed_count[key] += 1
            # A published meeting stays even if its party became unavailable: the organiser
            # sees the conflict and decides; the scheduler never unbooks it.
            must_allow[key].add(meeting.slot_id)
        if meeting.interpreter_id:
            busy_interpreters[meeting.interpreter_id].add(meeting.slot_id)

    def available(key: str) -> list[str]:
        days = attending.get(key) if key.startswith("buyer-") else None
        return [
            f"s{slot.pk}"
            for slot in slots
            if slot.pk in must_allow[key]
            or (slot.pk not in blocked[key] and (days is None or slot_days[slot.pk] in days))
        ]

    def cap(key: str, limit: int) -> int:
        return max(limit - held_by[key], fixed_count[key], 0)

    parties = []
    newcomers = first_timers(pavilion)
    for sme_id in sorted({m.sme_id for m in meetings}, key=_sme_key):
        key = _sme_key(sme_id)
        party = {
            "id": key,
            "available": available(key),
            "max_meetings": cap(key, pavilion.max_meetings_per_exhibitor),
        }
        if sme_id in newcomers:
            # First-timers are placed before others of equal score (the instance's optional
            # party priority, see meetings/scheduler/instance.py).
            party["priority"] = True
        parties.append(party)
    for key in sorted({_buyer_key(m.buyer_id) for m in meetings}):
        parties.append(
            {
                "id": key,
                "available": available(key),
                "max_meetings": cap(key, pavilion.max_meetings_per_buyer),
            }
        )
    if pavilion.max_meetings_per_day:
        per_day = defaultdict(int)
        for meeting in fixed:
            for key in (_sme_key(meeting.sme_id), _buyer_key(meeting.buyer_id)):
                per_day[key, slot_days[meeting.slot_id]] += 1
        for party in parties:
            busiest = max((n for (k, _day), n in per_day.items() if k == party["id"]), default=0)
            party["max_per_day"] = max(pavilion.max_meetings_per_day, busiest)

    interpreters = []
    for interpreter in Interpreter.objects.filter(pavilion=pavilion).prefetch_related(
        "languages", "available_slots"
    ):
        taken = busy_interpreters[interpreter.pk]
        interpreters.append(
            {
                "id": f"i{interpreter.pk}",
                "languages": sorted(language.code for language in interpreter.languages.all()),
                "available": [
                    f"s{s.pk}" for s in interpreter.available_slots.all() if s.pk not in taken
                ],
            }
        )

    fixed_ids = {m.pk for m in fixed}
    offered = first_timer_interpreting(
        pavilion=pavilion,
        meetings=meetings,
        fixed_ids=fixed_ids,
        newcomers=newcomers,
        interpreters=interpreters,
        available={party["id"]: set(party["available"]) for party in parties},
    )
    instance_meetings = []
    for meeting in meetings:
        keep_interpreter = meeting.pk in fixed_ids and meeting.interpreter_id
        instance_meetings.append(
            {
                "id": f"m{meeting.pk}",
                "parties": [_sme_key(meeting.sme_id), _buyer_key(meeting.buyer_id)],
                "score": float(meeting.score),
                # A fixed meeting keeps its interpreter: it is taken out of that slot above.
                "interpreter": (
                    list(meeting.interpreter_pair)
                    if meeting.interpreter_pair and not keep_interpreter
                    else offered.get(meeting.pk)
                ),
                "at_table": meeting.at_table,
                "fixed_slot": f"s{meeting.slot_id}" if meeting.pk in fixed_ids else None,
            }
        )
    return {
        "slots": [{"id": f"s{slot.pk}", "day": day_index[slot_days[slot.pk]]} for slot in slots],
        "parties": parties,
        "interpreters": interpreters,
        "tables_per_slot": max(
            pavilion.shared_tables,
            max((n for n in _fixed_tables(fixed).values()), default=0),
        ),
        "meetings": instance_meetings,
    }


def _fixed_tables(fixed: list[Meeting]) -> dict[int, int]:
    tables = defaultdict(int)
    for meeting in fixed:
        if meeting.at_table:
            tables[meeting.slot_id] += 1
    return tables


@transaction.atomic
def schedule_apply(*, pavilion: Pavilion, instance: dict, result: dict, by=None) -> dict:
    """Write a scheduler result back: every meeting of the instance gets its slot or none.

    Side effects: moves and unplaces only meetings that are not fixed, records each change, and
    raises (writing nothing) if the meetings changed since the instance was built.
    """
    ids = [int(m["id"][1:]) for m in instance["meetings"]]
    fixed = {int(m["id"][1:]) for m in instance["meetings"] if m["fixed_slot"]}
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
    before = {m.pk: (m.status, m.slot_id, m.interpreter_id) for m in movable}
    # Free every movable meeting's slot first, so that swaps never meet the unique constraints.
    Meeting.objects.filter(pk__in=[m.pk for m in movable]).update(
        status=MeetingStatus.ACCEPTED, slot=None, interpreter=None
    )
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
    Meeting.objects.bulk_update(
        movable, ["status", "slot", "interpreter", "interpreter_languages", "updated_at"]
    )
    for pk in fixed:
        assignment = placed.get(pk)
        meeting = meetings[pk]
        if assignment and assignment["interpreter"] and not meeting.interpreter_id:
            meeting.interpreter_id = int(assignment["interpreter"][1:])
            meeting.save(update_fields=["interpreter", "updated_at"])
    moved = [m for m in movable if before[m.pk] != (m.status, m.slot_id, m.interpreter_id)]
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


def scheduling_run_request(
    *, pavilion: Pavilion, requested_by=None, time_limit: float = DEFAULT_TIME_LIMIT, queue=True
) -> SchedulingRun:
    """Queue a scheduling run; refused while one of the pavilion's is queued or running."""
    run = run_create(
        model=SchedulingRun,
        pavilion=pavilion,
        requested_by=requested_by,
        parameters={"time_limit": time_limit},
    )
    audit.record(
        action="scheduling.run.requested",
        obj=run,
        pavilion_id=run.pavilion_id,
        changes=audit.created(audit.values(run, ["status"])),
        by=requested_by,
    )
    if queue:
        enqueue_on_commit("meetings.tasks.run_scheduler", run_id=run.pk)
    return run


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


def placement_violations(
    *, meeting: Meeting, slot: MeetingSlot, interpreter: Interpreter | None
) -> list[str]:
    """Every rule of the contract that placing ``meeting`` in ``slot`` would break, in words
    that name who, which slot and which rule."""
    pavilion, fair = meeting.pavilion, meeting.pavilion.fair
    when = fair.local_text(slot.starts_at)
    if slot.pavilion_id != pavilion.pk:
        return [_("The slot %(slot)s belongs to another pavilion.") % {"slot": when}]
    problems = []
    day = fair.local(slot.starts_at).date()
    blocked = ParticipantUnavailability.objects.filter(pavilion=pavilion, slot=slot)
    if blocked.filter(sme=meeting.sme).exists():
        problems.append(
            _("%(who)s is not available at %(slot)s.") % {"who": meeting.sme, "slot": when}
        )
    attends = BuyerAttendanceDay.objects.filter(
        registration__pavilion=pavilion, registration__buyer=meeting.buyer, day=day
    ).exists()
    if not attends or blocked.filter(buyer=meeting.buyer).exists():
        problems.append(
            _("%(who)s is not available at %(slot)s.") % {"who": meeting.buyer, "slot": when}
        )
    booked = Meeting.objects.filter(slot=slot, status__in=BOOKED_STATUSES).exclude(pk=meeting.pk)
    for party, lookup in ((meeting.sme, "sme"), (meeting.buyer, "buyer")):
        other = booked.filter(**{lookup: party}).select_related("sme", "buyer").first()
        if other is not None:
            problems.append(
                _("%(who)s already meets %(other)s at %(slot)s: one meeting per slot.")
                % {
                    "who": party,
                    "other": other.buyer if lookup == "sme" else other.sme,
                    "slot": when,
                }
            )
    if pavilion.max_meetings_per_day:
        for party, lookup in ((meeting.sme, "sme"), (meeting.buyer, "buyer")):
            starts = (
                Meeting.objects.filter(
                    pavilion=pavilion, status__in=BOOKED_STATUSES, **{lookup: party}
                )
                .exclude(pk=meeting.pk)
                .values_list("slot__starts_at", flat=True)
            )
            count = sum(1 for start in starts if fair.local(start).date() == day)
            if count >= pavilion.max_meetings_per_day:
                problems.append(
                    _("%(who)s already has %(count)s meetings on %(day)s, the daily limit.")
                    % {"who": party, "count": count, "day": fair_time.date_text(day)}
                )
    problems += _interpreter_violations(meeting, slot, interpreter, booked, when)
    if meeting.at_table:
        tables = booked.filter(at_table=True).count()
        if tables >= pavilion.shared_tables:
            problems.append(
                _("All %(tables)s shared tables are taken at %(slot)s.")
                % {"tables": pavilion.shared_tables, "slot": when}
            )
    return problems


def _interpreter_violations(meeting, slot, interpreter, booked, when) -> list[str]:
    pair = meeting.interpreter_pair
    if pair is None:
        if interpreter is not None:
            return [
                _("%(sme)s and %(buyer)s share a language and need no interpreter.")
                % {"sme": meeting.sme, "buyer": meeting.buyer}
            ]
        return []
    if interpreter is None:
        return [_("This meeting needs an interpreter for %(pair)s.") % {"pair": "–".join(pair)}]
    problems = []
    languages = set(interpreter.languages.values_list("code", flat=True))
    if not set(pair) <= languages:
        problems.append(
            _("%(who)s does not interpret %(pair)s.") % {"who": interpreter, "pair": "–".join(pair)}
        )
    if not interpreter.available_slots.filter(pk=slot.pk).exists():
        problems.append(
            _("%(who)s is not available at %(slot)s.") % {"who": interpreter, "slot": when}
        )
    other = booked.filter(interpreter=interpreter).select_related("sme", "buyer").first()
    if other is not None:
        problems.append(
            _("%(who)s already interprets %(other)s at %(slot)s.")
            % {"who": interpreter, "other": other, "slot": when}
        )
    return problems


@transaction.atomic
def meeting_move(
    *, meeting: Meeting, slot: MeetingSlot, interpreter: Interpreter | None = None, by=None
) -> Meeting:
    """An organiser puts an accepted or scheduled meeting into a slot, by hand.

    Refused with every broken rule named; the database refuses a double booking that slips in
    between the check and the write. Side effects: tells both sides if it was published.
    """
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("pavilion__fair", "sme", "buyer")
        .get(pk=meeting.pk)
    )
    if meeting.status not in SCHEDULABLE_STATUSES:
        raise ValidationError(
            _("A meeting that is %(status)s cannot be put in a slot.")
            % {"status": meeting.get_status_display().lower()}
        )
    problems = placement_violations(meeting=meeting, slot=slot, interpreter=interpreter)
    if problems:
        raise ValidationError(problems)
    before, before_slot = meeting.status, meeting.slot
    codes = audit.values(meeting, PLACEMENT_CODES)
    meeting.status, meeting.slot, meeting.interpreter = MeetingStatus.SCHEDULED, slot, interpreter
    try:
        with transaction.atomic():
            meeting.save(update_fields=["status", "slot", "interpreter", "updated_at"])
    except IntegrityError:
        raise ValidationError(
            _("Someone booked %(slot)s for one of these people a moment ago; pick another slot.")
            % {"slot": meeting.pavilion.fair.local_text(slot.starts_at)}
        ) from None
    meeting_record(
        meeting=meeting,
        action="moved",
        by=by,
        side=Side.ORGANISER,
        from_status=before,
        details={
            **slot_details(slot),
            **{f"from_{key}": value for key, value in slot_details(before_slot).items()},
            "interpreter": interpreter.pk if interpreter is not None else None,
        },
    )
    meeting_audit(meeting, "meeting.moved", codes, by=by, fields=PLACEMENT_CODES)
    if meeting.published_at:
        notifications.notify_on_commit("meeting_moved", meeting.pk)
    return meeting


#: What the audit log keeps of a meeting's place in the schedule.
PLACEMENT_CODES = ("status", "slot", "interpreter", "locked", "published_at")


@transaction.atomic
def meeting_unschedule(*, meeting: Meeting, by=None) -> Meeting:
    """Take a meeting out of its slot (it stays accepted), e.g. after a change of availability."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != MeetingStatus.SCHEDULED:
        raise ValidationError(_("Only a scheduled meeting can be taken out of its slot."))
    codes = audit.values(meeting, PLACEMENT_CODES)
    meeting.status, meeting.slot, meeting.interpreter = MeetingStatus.ACCEPTED, None, None
    meeting.published_at, meeting.locked = None, False
    meeting.save()
    meeting_record(
        meeting=meeting,
        action="unscheduled",
        by=by,
        side=Side.ORGANISER,
        from_status=MeetingStatus.SCHEDULED,
    )
    meeting_audit(meeting, "meeting.unscheduled", codes, by=by, fields=PLACEMENT_CODES)
    return meeting


def meeting_lock(*, meeting: Meeting, locked: bool, by=None) -> Meeting:
    """Lock a meeting in its slot (or release it) for later scheduling runs."""
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked and meeting.status != MeetingStatus.SCHEDULED:
            raise ValidationError(_("Only a scheduled meeting can be locked in its slot."))
        codes = audit.values(meeting, PLACEMENT_CODES)
        meeting.locked = locked
        meeting.save(update_fields=["locked", "updated_at"])
        meeting_record(
            meeting=meeting,
            action="locked" if locked else "unlocked",
            by=by,
            side=Side.ORGANISER,
            from_status=meeting.status,
        )
        action = "meeting.locked" if locked else "meeting.unlocked"
        meeting_audit(meeting, action, codes, by=by, fields=PLACEMENT_CODES)
    return meeting


@transaction.atomic
def schedule_publish(*, pavilion: Pavilion, by=None) -> int:
    """Publish the pavilion's schedule: scheduled meetings become fixed. Returns how many
    meetings were newly published.

    Side effects, once the transaction commits: each exhibitor and buyer whose published
    meetings differ from what they were last emailed (their ScheduleNotice) is emailed, the
    first time their schedule, later what changed; publishing again with no change emails
    nobody (``notifications.schedule_published_send``)."""
    now = timezone.now()
    fresh = Meeting.objects.filter(
        pavilion=pavilion, status=MeetingStatus.SCHEDULED, published_at__isnull=True
    )
    ids = list(fresh.values_list("pk", flat=True))
    fresh.update(published_at=now)
    Pavilion.objects.filter(pk=pavilion.pk).update(schedule_published_at=now)
    audit.record(
        action="pavilion.schedule.published",
        obj=pavilion,
        pavilion_id=pavilion.pk,
        changes={
            "schedule_published_at": [pavilion.schedule_published_at, now],
            "meetings_published": [0, len(ids)],
        },
        by=by,
    )
    pavilion.schedule_published_at = now
    MeetingEvent.objects.bulk_create(
        MeetingEvent(
            meeting_id=pk,
            actor=by if getattr(by, "is_authenticated", False) else None,
            side=Side.ORGANISER,
            action="published",
            from_status="scheduled",
            to_status="scheduled",
        )
        for pk in ids
    )
    enqueue_on_commit("meetings.tasks.send_schedule_published", pavilion_id=pavilion.pk)
    return len(ids)


def availability_conflicts(pavilion: Pavilion) -> list[tuple[Meeting, str]]:
    """Booked meetings whose slot a participant can no longer attend; never unbooked silently."""
    slots = list(pavilion.slots.all())
    blocked, attending, slot_days = participant_availability(pavilion, slots)
    conflicts = []
    booked = Meeting.objects.filter(pavilion=pavilion, status=MeetingStatus.SCHEDULED)
    for meeting in booked.select_related("sme", "buyer", "slot", "pavilion__fair"):
        when = pavilion.fair.local_text(meeting.slot.starts_at)
        sme, buyer = _sme_key(meeting.sme_id), _buyer_key(meeting.buyer_id)
        if meeting.slot_id in blocked[sme]:
            conflicts.append(
                (
                    meeting,
                    _("%(who)s is not available at %(slot)s.") % {"who": meeting.sme, "slot": when},
                )
            )
        if meeting.slot_id in blocked[buyer] or slot_days[meeting.slot_id] not in attending[buyer]:
            conflicts.append(
                (
                    meeting,
                    _("%(who)s is not available at %(slot)s.")
                    % {"who": meeting.buyer, "slot": when},
                )
            )
    return conflicts


def meeting_counts(pavilion: Pavilion) -> dict[str, int]:
    rows = Meeting.objects.filter(pavilion=pavilion).values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}
