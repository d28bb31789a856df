"""Large writes at fair scale: a scheduling run's write-back and matchmaking's proposals.

    .venv/bin/python -m benchmarks.writes [--exhibitors 300] [--buyers 5000] [--meetings 3600]
                                          [--proposals 6000] [--repeat 3]

On the pavilion of ``benchmarks.fair_world`` (scheduled, not yet published, so that every
meeting may move), in a throwaway test database (SQLite, or PostgreSQL from DATABASE_URL):

- ``schedule_apply`` writing a result that moves every meeting, one that moves a tenth, and the
  same result again (nothing to write), next to the old way of writing every row with one
  ``bulk_update`` (and in batches of 200), timed inside a transaction that is rolled back;
- ``proposals_store`` storing ``--proposals`` proposals the first time, the same again, and
  with a tenth of the scores changed, a twentieth dropped and a twentieth new.

Prints the median and the worst of ``--repeat`` runs, rows written, and the load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def timed(call, repeat: int) -> tuple[float, float, object]:
    times, result = [], None
    for n in range(repeat):
        started = time.perf_counter()
        result = call(n)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, max(times) * 1000, result


def line(label: str, figures: tuple[float, float, object], written: str) -> None:
    median, worst, _ = figures
    print(f"{label:52} {median:8.0f} {worst:8.0f}  {written}")


def schedule_writes(world, repeat: int) -> None:
    from django.db import transaction

    from benchmarks.fair_world import placement_index
    from meetings.models import Meeting, MeetingStatus
    from meetings.services.runs import schedule_apply

    pavilion, slots = world["pavilion"], world["slots"]
    exhibitors = len(world["smes"])
    meetings = list(Meeting.objects.filter(pavilion=pavilion).order_by("pk"))
    instance = {
        "meetings": [
            {
                "id": f"m{m.pk}",
                "fixed_slot": None,
                "interpreter": ["ja", "en"] if m.interpreter_id else None,
            }
            for m in meetings
        ]
    }

    def slot_of(n: int, shift: int):
        return slots[placement_index(n % exhibitors, n // exhibitors, len(slots), shift)]

    def result(shift_of) -> dict:
        # The n-th meeting is the (n // exhibitors)-th of exhibitor n % exhibitors.
        return {
            "assignments": [
                {
                    "meeting": f"m{m.pk}",
                    "slot": f"s{slot_of(n, shift_of(n)).pk}",
                    "interpreter": f"i{m.interpreter_id}" if m.interpreter_id else None,
                }
                for n, m in enumerate(meetings)
            ]
        }

    def apply(chosen) -> dict:
        return schedule_apply(pavilion=pavilion, instance=instance, result=chosen)

    everything = [result(lambda n, s=shift: s) for shift in (1, 0)]
    tenth = [result(lambda n, s=shift: s if n % 10 == 0 else 0) for shift in (1, 0)]
    full = timed(lambda n: apply(everything[n % 2]), repeat * 2 - (repeat * 2) % 2)
    line(f"schedule_apply, all {len(meetings)} moved", full, f"{full[2]['changed']} changed")
    apply(everything[1])
    part = timed(lambda n: apply(tenth[n % 2]), repeat * 2 - (repeat * 2) % 2)
    line("schedule_apply, a tenth moved", part, f"{part[2]['changed']} changed")
    same = timed(lambda n: apply(everything[1]), repeat)
    line("schedule_apply, the same result again", same, f"{same[2]['changed']} changed")

    def old_way(batch_size):
        def write(n):
            with transaction.atomic():
                rows = list(Meeting.objects.filter(pavilion=pavilion))
                Meeting.objects.filter(pavilion=pavilion).update(
                    status=MeetingStatus.ACCEPTED, slot=None, interpreter=None
                )
                Meeting.objects.bulk_update(
                    rows,
                    ["status", "slot", "interpreter", "interpreter_languages", "updated_at"],
                    batch_size=batch_size,
                )
                transaction.set_rollback(True)
            return len(rows)

        return write

    for batch_size, label in ((None, "one bulk_update"), (200, "bulk_update in batches of 200")):
        figures = timed(old_way(batch_size), repeat)
        line(f"before: every row with {label}", figures, f"{figures[2]} written")


def proposal_writes(world, count: int, repeat: int) -> None:
    from django.db import transaction

    from core.models import RunStatus
    from matchmaking import engine
    from matchmaking.models import MatchingRun, Proposal
    from matchmaking.services import proposals_store

    pavilion = world["pavilion"]
    smes, buyers = world["smes"], world["buyers"]
    per_exhibitor = max(1, count // len(smes))
    pairs = [
        (s.pk, buyers[(i * per_exhibitor + k) % len(buyers)].pk)
        for i, s in enumerate(smes)
        for k in range(per_exhibitor)
    ]
    spare = [(s.pk, buyers[-1 - i].pk) for i, s in enumerate(smes)]

    def reason(n: int) -> dict:
        return {
            "sector": {"shared": ["90"], "labels": [{"en": "Medical devices", "ja": "医療機器"}]},
            "markets": {"matched": ["DE"]},
            "languages": ["en"],
            "score_parts": {"sector": 30.0, "market": 20.0, "language": 10.0 + n % 7},
        }

    def outcome(score_of, keep) -> engine.ProposalRun:
        chosen = [(n, pair) for n, pair in enumerate(pairs + spare) if keep(n)]
        return engine.ProposalRun(
            proposals=[engine.Proposal(*pair, score_of(n), reason(n)) for n, pair in chosen]
        )

    first = outcome(lambda n: 40.0 + n % 50, lambda n: n < len(pairs))
    same = first
    # A tenth rescored, a twentieth no longer chosen, as many new pairs.
    changed = outcome(
        lambda n: 41.5 + n % 50 if n % 10 == 0 else 40.0 + n % 50, lambda n: n % 20 != 1
    )

    def store(chosen):
        run = MatchingRun.objects.create(pavilion=pavilion, status=RunStatus.DONE)
        return proposals_store(run=run, outcome=chosen)

    def first_run(n):
        with transaction.atomic():
            counts = store(first)
            if n < repeat - 1:
                transaction.set_rollback(True)
        return counts

    figures = timed(first_run, repeat)
    line(f"proposals_store, first run ({len(pairs)})", figures, f"{figures[2]['created']} created")
    figures = timed(lambda n: store(same), repeat)
    line("proposals_store, same proposals again", figures, f"{figures[2]['updated']} updated")

    def changed_run(n):
        with transaction.atomic():
            counts = store(changed)
            transaction.set_rollback(True)
        return counts

    rescored = outcome(lambda n: 45.0 + n % 50, lambda n: n < len(pairs))

    def rescored_run(n):
        with transaction.atomic():
            counts = store(rescored)
            transaction.set_rollback(True)
        return counts

    figures = timed(rescored_run, repeat)
    line("proposals_store, every score changed", figures, f"{figures[2]['updated']} updated")
    figures = timed(changed_run, repeat)
    counts = figures[2]
    line(
        "proposals_store, a tenth changed, 5% dropped/new",
        figures,
        f"{counts['updated']} updated, {counts['created']} created, "
        f"{counts['withdrawn']} withdrawn",
    )
    assert Proposal.objects.filter(pavilion=pavilion).count() == len(pairs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exhibitors", type=int, default=300)
    parser.add_argument("--buyers", type=int, default=5000)
    parser.add_argument("--meetings", type=int, default=3600)
    parser.add_argument("--proposals", type=int, default=6000)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()

    from benchmarks.fair_world import fair_world, load_average, throwaway_database

    with throwaway_database() as connection:
        world = fair_world(
            exhibitors=arguments.exhibitors, buyers=arguments.buyers, meetings=arguments.meetings
        )
        print(f"{connection.vendor}; load average before: {load_average()}")
        print(f"{'write':52} {'med ms':>8} {'max ms':>8}  rows")
        schedule_writes(world, arguments.repeat)
        proposal_writes(world, arguments.proposals, arguments.repeat)
        print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
