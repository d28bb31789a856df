"""core.bulk.values_update writes the named fields of many rows, and nothing else."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from companies.factories import ForeignBuyerFactory, MarketFactory, SMEFactory
from companies.models import Market
from core.bulk import values_update
from core.models import RunStatus
from events.factories import PavilionFactory
from matchmaking.models import MatchingRun, Proposal

pytestmark = pytest.mark.django_db


def test_values_update_writes_the_named_fields_of_each_row_in_one_statement_per_batch():
    markets = [MarketFactory(code=f"X{i}", name_en=f"Old {i}", name_ja=f"旧{i}") for i in range(5)]

    with CaptureQueriesContext(connection) as queries:
        written = values_update(
            Market, ["name_en"], [(m.pk, f"New {i}") for i, m in enumerate(markets)], batch_size=2
        )

    assert written == 5
    assert len(queries) == 3  # batches of 2, 2 and 1
    assert sorted(
        Market.objects.filter(code__startswith="X").values_list("name_en", "name_ja")
    ) == [(f"New {i}", f"旧{i}") for i in range(5)]


def test_values_update_prepares_json_times_and_foreign_keys_as_their_fields_do():
    pavilion, sme = PavilionFactory(), SMEFactory()

    def proposal(score: float) -> Proposal:
        return Proposal.objects.create(
            pavilion=pavilion, sme=sme, buyer=ForeignBuyerFactory(), score=score, reason={"a": 1}
        )

    old, new, untouched = proposal(40.0), proposal(50.0), proposal(12.5)
    run = MatchingRun.objects.create(pavilion=pavilion, status=RunStatus.DONE)
    at = timezone.now().replace(microsecond=0)

    values_update(
        Proposal,
        ["score", "reason", "run", "updated_at"],
        [
            (old.pk, 61.25, {"markets": {"matched": ("DE", "FR")}, "ja": "医療機器"}, run.pk, at),
            (new.pk, 0.0, {}, None, at),
        ],
    )

    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.score, old.run_id, old.updated_at) == (61.25, run.pk, at)
    assert old.reason == {"markets": {"matched": ["DE", "FR"]}, "ja": "医療機器"}
    assert (new.score, new.reason, new.run_id) == (0.0, {}, None)
    assert Proposal.objects.get(pk=untouched.pk).score == 12.5


def test_values_update_of_no_rows_runs_no_query():
    with CaptureQueriesContext(connection) as queries:
        assert values_update(Market, ["name_en"], []) == 0
    assert len(queries) == 0
