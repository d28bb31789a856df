"""Benchmark the participants' catalogue pages: size, queries and time at many companies.

    .venv/bin/python -m benchmarks.catalogue_pages                   # 300 exhibitors, 300 buyers
    .venv/bin/python -m benchmarks.catalogue_pages --companies 1000

Builds a pavilion in a throwaway SQLite test database with ``--companies`` accepted exhibitors
and as many registered buyers (each with two sectors, a market, a certification), then GETs the
exhibitors' catalogue as a buyer and the buyers' list as an exhibitor, first page and a filtered
one. Printed per page: bytes of HTML, queries, and the best of ``--repeat`` wall-clock times.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import (
        CaptureQueriesContext,
        setup_test_environment,
    )

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        run(args, CaptureQueriesContext, connection)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(args, CaptureQueriesContext, connection) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from companies.factories import (
        CertificationFactory,
        ForeignBuyerFactory,
        MarketFactory,
        SectorFactory,
        SMEFactory,
    )
    from companies.models import Membership
    from events.factories import ExhibitorRegistrationFactory, PavilionFactory
    from events.models import BuyerAttendanceDay, BuyerRegistration

    devices = SectorFactory(code="90", name_en="Medical devices")
    food = SectorFactory(code="IV", name_en="Foodstuffs")
    germany = MarketFactory(code="DE", name_en="Germany")
    ce = CertificationFactory(code="CE", name_en="CE marking")
    pavilion = PavilionFactory()
    day = date(2027, 11, 15)
    for i in range(args.companies):
        sme = SMEFactory(name_en=f"Maker {i:04d}", products_en="endoscopes " * 20)
        sme.sectors.add(devices if i % 2 else food, food)
        sme.target_markets.add(germany)
        sme.certifications.add(ce)
        ExhibitorRegistrationFactory(pavilion=pavilion, sme=sme, status="accepted")
        buyer = ForeignBuyerFactory(name=f"Buyer {i:04d}", country=germany)
        buyer.sectors.add(devices if i % 2 else food, food)
        registration = BuyerRegistration.objects.create(
            pavilion=pavilion, buyer=buyer, sourcing_needs="surgical endoscopes " * 10
        )
        BuyerAttendanceDay.objects.create(registration=registration, day=day)
    users = {}
    for name, company in (("buyer", buyer), ("sme", sme)):
        users[name] = get_user_model().objects.create_user(username=name, password="x")
        Membership.objects.create(user=users[name], **{name: company})
    pages = [
        ("buyer", "exhibitors, first page", f"/en/pavilions/{pavilion.pk}/exhibitors/"),
        (
            "buyer",
            "exhibitors, sector filter",
            f"/en/pavilions/{pavilion.pk}/exhibitors/?sector={devices.pk}&page=2",
        ),
        ("sme", "buyers, first page", f"/en/pavilions/{pavilion.pk}/buyers/"),
        (
            "sme",
            "buyers, sector filter",
            f"/en/pavilions/{pavilion.pk}/buyers/?sector={devices.pk}&q=endoscopes&page=2",
        ),
    ]
    print(f"{args.companies} exhibitors and {args.companies} buyers")
    print(f"{'page':28} {'bytes':>9} {'queries':>8} {'best ms':>8}")
    for who, label, path in pages:
        client = Client()
        client.force_login(users[who])
        best = float("inf")
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(path)
                best = min(best, time.perf_counter() - start)
            assert response.status_code == 200, (path, response.status_code)
        print(f"{label:28} {len(response.content):>9} {len(queries):>8} {best * 1000:>8.0f}")


if __name__ == "__main__":
    main()
