"""Benchmark the check of a pavilion's rules against its meetings: queries and time by size.

    .venv/bin/python -m benchmarks.pavilion_rule_conflicts                 # 200, 2,000, 8,000
    .venv/bin/python -m benchmarks.pavilion_rule_conflicts --meetings 500 5000

For each size, a pavilion of a four-day fair gets that many booked meetings (as many exhibitors
and buyers as it takes for each pair to meet once, a third at shared tables) and a tenth as many
open requests, in a test database (SQLite unless DATABASE_URL names another). Then every rule is
lowered at once (each to 1, the tables to 0, a new slot length) and
``events.services.rules.pavilion_rules_check`` refuses it. Printed per size: the queries it ran
(at most two per rule, whatever the size) and the median of five runs' seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.core.exceptions import ValidationError  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from companies.factories import ForeignBuyerFactory, SMEFactory  # noqa: E402
from companies.models import SME, ForeignBuyer  # noqa: E402
from events.factories import PavilionFactory  # noqa: E402
from events.services.rules import pavilion_rules_check  # noqa: E402
from events.services.slots import meeting_slots_generate  # noqa: E402
from meetings.models import Meeting  # noqa: E402

LOWERED = {
    "max_meetings_per_exhibitor": 1,
    "max_meetings_per_buyer": 1,
    "max_meetings_per_day": 1,
    "max_open_requests": 1,
    "shared_tables": 0,
    "slot_minutes": 45,
}


def _pavilion_with(meetings: int):
    pavilion = PavilionFactory(max_meetings_per_exhibitor=999, max_meetings_per_buyer=999)
    meeting_slots_generate(pavilion=pavilion)
    slots = list(pavilion.slots.order_by("starts_at"))
    # Enough of each side that every exhibitor has at most one meeting a slot (k < slots) and
    # the requests (k counted down from side - 1) never reach a pair already meeting.
    side = max(-(-meetings // len(slots)), len(slots) + meetings // 10 // len(slots) + 8)
    smes = SME.objects.bulk_create(
        SMEFactory.build(name_en=f"Maker {i}", name_ja=f"メーカー{i}-{pavilion.pk}")
        for i in range(side)
    )
    buyers = ForeignBuyer.objects.bulk_create(
        ForeignBuyerFactory.build(name=f"Buyer {i}", country=pavilion.fair.country)
        for i in range(side)
    )
    rows = []
    for n in range(meetings):
        # Exhibitor i meets buyer (i + k) in slot k: never twice in a slot, each pair once.
        sme, k = n % side, n // side
        rows.append(
            Meeting(
                pavilion=pavilion,
                sme=smes[sme],
                buyer=buyers[(sme + k) % side],
                requested_by_side="buyer",
                status="scheduled",
                slot=slots[k],
                at_table=n % 3 == 0,
            )
        )
    for n in range(meetings // 10):
        sme, k = n % side, side - 1 - n // side
        rows.append(
            Meeting(
                pavilion=pavilion,
                sme=smes[sme],
                buyer=buyers[(sme + k) % side],
                requested_by_side="exhibitor",
                status="requested",
            )
        )
    Meeting.objects.bulk_create(rows, batch_size=1000)
    return pavilion


def _measure(pavilion) -> tuple[int, float]:
    seconds = []
    queries = 0
    for _ in range(5):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            with contextlib.suppress(ValidationError):  # refused, as every rule is lowered
                pavilion_rules_check(pavilion=pavilion, changes=LOWERED)
            seconds.append(time.perf_counter() - started)
        queries = len(captured)
    return queries, statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, nargs="+", default=[200, 2000, 8000])
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        print(f"{'meetings':>9} {'queries':>8} {'seconds':>9}")
        for size in args.meetings:
            with transaction.atomic():
                queries, seconds = _measure(_pavilion_with(size))
                transaction.set_rollback(True)
            print(f"{size:>9} {queries:>8} {seconds:>9.4f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
