"""The admin schedule grid at fair scale: queries and time of a page, a picked meeting's page,
its placements JSON and a move, at 300 exhibitors x 48 slots x 3,600 meetings (and smaller).

    python -m benchmarks.schedule_grid [--exhibitors 300] [--meetings 3600]

Runs on a throwaway SQLite test database; prints figures, asserts nothing about time.
"""

import argparse
import os
import sys
import time
from datetime import time as clock

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exhibitors", type=int, default=300)
    parser.add_argument("--meetings", type=int, default=3600)
    arguments = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.urls import reverse

    settings.ALLOWED_HOSTS = ["*"]
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from django.contrib.auth import get_user_model

        from core.organisers import ensure_organiser_group
        from tests.meetings.grid_builders import grid_world

        started = time.perf_counter()
        world = grid_world(
            exhibitors=arguments.exhibitors,
            buyers=arguments.exhibitors,
            scheduled=arguments.meetings,
            every_day=True,
            meeting_day_ends=clock(16, 0),
        )
        pavilion = world["pavilion"]
        print(
            f"built {len(world['smes'])} exhibitors x {len(world['slots'])} slots x "
            f"{len(world['meetings'])} meetings in {time.perf_counter() - started:.1f} s"
        )
        user = get_user_model().objects.create_user("bench", is_staff=True)
        user.groups.add(ensure_organiser_group())
        pavilion.organiser.members.add(user)
        client = Client()
        client.force_login(user)
        schedule = reverse("admin:meetings_schedule", args=[pavilion.pk])
        meeting = world["meetings"][0]
        free = next(
            s for s in world["slots"] if s.pk != meeting.slot_id
        )  # refused or moved: either way one move through the service
        cases = [
            ("grid page (day 1, exhibitors 1-50)", lambda: client.get(schedule)),
            (
                "grid page 6 of day 4",
                lambda: client.get(schedule, {"day": "2027-11-18", "page": 6}),
            ),
            ("picked meeting's grid page", lambda: client.get(schedule, {"meeting": meeting.pk})),
            (
                "placements JSON (48 slots)",
                lambda: client.get(
                    reverse("admin:meetings_schedule_placements", args=[pavilion.pk, meeting.pk])
                ),
            ),
            (
                "place-here POST",
                lambda: client.post(
                    schedule, {"action": "move", "meeting": meeting.pk, "slot": free.pk}
                ),
            ),
        ]
        for name, call in cases:
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = call()
                elapsed = time.perf_counter() - started
            print(
                f"{name:40} status {response.status_code}  {len(queries):3d} queries  "
                f"{elapsed * 1000:7.0f} ms  {len(response.content) // 1024:5d} KiB"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
