"""How demo_fair_59bbd86.json.gz was made; it only runs against the code of commit 59bbd86.

The fixture is the demo fair as a database held it at commit 59bbd86 (before issue 13 moved
meetings, scheduling runs and the job plumbing into apps of their own), so that
test_moving_models_keeps_every_row.py can migrate it from that schema to today's. It was made
once, like this, and is not remade: the point is that it keeps the old schema.

    git worktree add --detach /tmp/oldtree 59bbd86
    ln -s /work/shared /tmp/shared            # ../shared, which the settings read
    cd /tmp/oldtree
    export VAR_DIR=/tmp/oldvar EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
    /work/main/.venv/bin/python manage.py migrate
    /work/main/.venv/bin/python manage.py seed_demo
    /work/main/.venv/bin/python /work/main/tests/migrations/make_demo_fair_fixture.py \\
        /work/main/tests/migrations/demo_fair_59bbd86.json.gz
    cd /work/main && git worktree remove /tmp/oldtree --force

The demo fair alone has no meetings, so one pavilion first gets a season of matchmaking through
the services of that commit (``season``): a matching run, weights, wishes, requested and
confirmed meetings, an unavailability, a scheduling run, a published schedule with its notices,
a cancellation, held meetings and a no-show, outcomes and an API idempotency key. Then every
table of the database but django_migrations is written as raw rows (plain SQL, no models):
``{"commit", "leaf_nodes", "tables": {table: {"columns": [...], "rows": [[...], ...]}}}``.
``leaf_nodes`` are the migrations the schema stood at, which the test migrates back to.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import sys
from contextlib import closing
from datetime import timedelta
from pathlib import Path

COMMIT = "59bbd86"


def season() -> None:
    """One pavilion's matchmaking season, through the services of commit 59bbd86."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from events.models import BuyerRegistration, ExhibitorRegistration, Pavilion
    from matchmaking import services
    from matchmaking.models import (
        ApiIdempotencyKey,
        Meeting,
        MeetingStatus,
        Proposal,
        ProposalStatus,
        WishKind,
    )

    organiser = get_user_model().objects.get(username="organiser-dusseldorf")
    pavilion = Pavilion.objects.get(name_en="Japan Pavilion at Medica 2027")
    services.matching_settings_update(pavilion=pavilion, weights={"language": 12.0})
    run = services.matching_run_request(pavilion=pavilion, requested_by=organiser, queue=False)
    services.matching_run_execute(run=run)
    proposals = list(
        Proposal.objects.filter(pavilion=pavilion, status=ProposalStatus.OPEN).order_by(
            "-score", "pk"
        )
    )
    for proposal in proposals[:30]:
        services.proposal_decide(
            proposal=proposal, accept=True, side="organiser", by=organiser, acting_for="both"
        )
    for proposal in proposals[30:36]:
        services.proposal_decide(
            proposal=proposal, accept=True, side="organiser", by=organiser, acting_for="exhibitor"
        )
    for proposal in proposals[36:39]:
        services.proposal_decide(proposal=proposal, accept=False, side="organiser", by=organiser)
    for proposal, kind in (
        (proposals[40], WishKind.MUST_MEET),
        (proposals[41], WishKind.NO_THANKS),
    ):
        services.pair_wish_add(
            pavilion=pavilion, sme=proposal.sme, buyer=proposal.buyer, kind=kind, by=organiser
        )
    # A buyer with a demo login asks for a meeting: only companies with members are emailed
    # their schedule, and only an emailed schedule leaves a ScheduleNotice.
    werner = BuyerRegistration.objects.filter(pavilion=pavilion, buyer__members__isnull=False)
    exhibitor = ExhibitorRegistration.objects.filter(pavilion=pavilion, status="accepted")
    services.meeting_request(
        pavilion=pavilion,
        sme=exhibitor.order_by("sme_id").first().sme,
        buyer=werner.order_by("buyer_id").first().buyer,
        side="organiser",
        acting_for="both",
        by=organiser,
        message="We would like to see your new endoscope.",
    )
    busy = Meeting.objects.filter(pavilion=pavilion, status=MeetingStatus.ACCEPTED).first()
    services.participant_unavailability_save(
        pavilion=pavilion,
        slot=pavilion.slots.order_by("starts_at").first(),
        sme=busy.sme,
        note="Flight lands at noon",
    )
    schedule = services.scheduling_run_request(
        pavilion=pavilion, requested_by=organiser, time_limit=8.0, queue=False
    )
    services.scheduling_run_execute(run=schedule)
    with transaction.atomic():
        services.schedule_publish(pavilion=pavilion, by=organiser)
    scheduled = list(
        Meeting.objects.filter(pavilion=pavilion, status=MeetingStatus.SCHEDULED)
        .select_related("slot")
        .order_by("pk")
    )
    services.meeting_cancel(
        meeting=scheduled[0],
        side="organiser",
        by=organiser,
        note="The buyer's flight was cancelled",
    )
    for number, meeting in enumerate(scheduled[1:6]):
        services.meeting_record_attendance(
            meeting=meeting,
            held=number < 4,
            by=organiser,
            at=meeting.slot.ends_at + timedelta(hours=1),
        )
    for meeting in scheduled[1:3]:
        services.meeting_outcome_record(
            meeting=meeting, side="exhibitor", stage="sample", note="Samples sent", by=organiser
        )
    services.meeting_outcome_record(
        meeting=scheduled[1],
        side="buyer",
        stage="trial_order",
        expected_value_usd=40000,
        by=organiser,
    )
    ApiIdempotencyKey.objects.create(
        user=organiser,
        key="demo-retry-1",
        endpoint="meetings:accept",
        request_fingerprint="0" * 64,
        response_status=200,
        response_body={"id": scheduled[1].pk},
    )


def dump() -> dict:
    """Every table but django_migrations, as raw rows in primary-key order.

    Read through a plain sqlite3 connection to the same file: Django's own one converts
    datetimes, dates and booleans into Python objects, and the fixture keeps what SQLite stores.
    """
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    tables = {}
    with closing(sqlite3.connect(connection.settings_dict["NAME"])) as raw:
        for table in sorted(connection.introspection.table_names()):
            if table == "django_migrations":
                continue
            cursor = raw.execute(f'SELECT * FROM "{table}" ORDER BY 1')
            columns = [column[0] for column in cursor.description]
            tables[table] = {"columns": columns, "rows": [list(row) for row in cursor.fetchall()]}
    leaves = sorted(MigrationLoader(connection).graph.leaf_nodes())
    return {"commit": COMMIT, "leaf_nodes": [list(node) for node in leaves], "tables": tables}


def main(output: str) -> None:
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django

    django.setup()
    season()
    data = json.dumps(dump(), ensure_ascii=False, separators=(",", ":"))
    # mtime=0: the same database always gives the same bytes.
    Path(output).write_bytes(gzip.compress(data.encode(), compresslevel=9, mtime=0))


if __name__ == "__main__":
    main(sys.argv[1])
