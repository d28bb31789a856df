"""Pages and API endpoints at fair scale: p50/p95 time, queries and bytes, next to /healthz/.

    .venv/bin/python -m benchmarks.pages [--exhibitors 300] [--buyers 5000] [--meetings 3600]
                                         [--repeat 20]

Builds a pavilion (``benchmarks.fair_world``: 300 exhibitors, 5,000 buyers attending four days,
3,600 meetings, published) in a throwaway test database (SQLite, or PostgreSQL when
DATABASE_URL names one) and GETs each page through the Django test client: once to warm up,
then ``--repeat`` times. Prints the machine's load average before and after, since the figures
mean little on a busy machine; asserts nothing about time.
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


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def measure(client, path: str, repeat: int, connection, capture) -> dict:
    response = client.get(path)  # warm-up: templates, translations, the first connection
    assert response.status_code == 200, (path, response.status_code)
    times = []
    for _ in range(repeat):
        with capture(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - started)
    return {
        "p50": statistics.median(times) * 1000,
        "p95": percentile(times, 0.95) * 1000,
        "queries": len(queries),
        "bytes": len(response.content),
    }


def profile(client, path: str) -> None:
    import cProfile
    import pstats

    client.get(path)
    profiler = cProfile.Profile()
    profiler.runcall(client.get, path)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


def users_for(world):
    from django.contrib.auth import get_user_model

    from companies.models import Membership
    from core.organisers import ensure_organiser_group

    pavilion = world["pavilion"]
    make = get_user_model().objects.create_user
    organiser = make("organiser", is_staff=True)
    organiser.groups.add(ensure_organiser_group())
    pavilion.organiser.members.add(organiser)
    exhibitor = make("exhibitor")
    Membership.objects.create(user=exhibitor, sme=world["smes"][0])
    buyer = make("buyer")
    Membership.objects.create(user=buyer, buyer=world["buyers"][0])
    return {"organiser": organiser, "exhibitor": exhibitor, "buyer": buyer}


def publish(pavilion) -> None:
    from django.utils import timezone

    from events.models import Pavilion
    from meetings.models import Meeting

    now = timezone.now()
    Meeting.objects.filter(pavilion=pavilion).update(published_at=now)
    Pavilion.objects.filter(pk=pavilion.pk).update(schedule_published_at=now)


def pages(pavilion_id: int) -> list[tuple[str, str, str]]:
    from django.urls import reverse

    return [
        ("anyone", "/healthz/ (trivial)", "/healthz/"),
        (
            "organiser",
            "admin schedule grid",
            reverse("admin:meetings_schedule", args=[pavilion_id]),
        ),
        ("organiser", "admin meetings list", reverse("admin:meetings_meeting_changelist")),
        ("buyer", "catalogue page (buyer)", f"/en/pavilions/{pavilion_id}/exhibitors/"),
        ("buyer", "API pavilion exhibitors", f"/api/v1/pavilions/{pavilion_id}/exhibitors/"),
        ("organiser", "API meetings (organiser)", "/api/v1/meetings/"),
        ("buyer", "API meetings (buyer)", "/api/v1/meetings/"),
        ("exhibitor", "exhibitor's schedule page", f"/en/pavilions/{pavilion_id}/schedule/"),
        ("buyer", "buyer's schedule page", f"/en/pavilions/{pavilion_id}/schedule/"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exhibitors", type=int, default=300)
    parser.add_argument("--buyers", type=int, default=5000)
    parser.add_argument("--meetings", type=int, default=3600)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--profile", metavar="PAGE", help="print where the time of pages whose label has PAGE goes"
    )
    arguments = parser.parse_args()

    from benchmarks.fair_world import fair_world, load_average, throwaway_database

    with throwaway_database() as connection:
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        started = time.perf_counter()
        world = fair_world(
            exhibitors=arguments.exhibitors, buyers=arguments.buyers, meetings=arguments.meetings
        )
        publish(world["pavilion"])
        print(
            f"{connection.vendor}: built {len(world['smes'])} exhibitors x "
            f"{len(world['buyers'])} buyers x {len(world['slots'])} slots, "
            f"{len(world['meetings'])} published meetings in {time.perf_counter() - started:.1f} s"
        )
        users = users_for(world)
        print(f"load average before: {load_average()}")
        print(f"{'page':30} {'p50 ms':>7} {'p95 ms':>7} {'queries':>8} {'bytes':>9}")
        for who, label, path in pages(world["pavilion"].pk):
            client = Client()
            if who in users:
                client.force_login(users[who])
            if arguments.profile and arguments.profile in label:
                profile(client, path)
            figures = measure(client, path, arguments.repeat, connection, CaptureQueriesContext)
            print(
                f"{label:30} {figures['p50']:7.0f} {figures['p95']:7.0f} "
                f"{figures['queries']:8d} {figures['bytes']:9d}"
            )
        print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
