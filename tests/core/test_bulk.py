"""core.bulk.rows_update writes the named fields of many rows, and nothing else."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from companies.factories import MarketFactory
from companies.models import Market
from core.bulk import rows_update

pytestmark = pytest.mark.django_db


def test_rows_update_writes_the_named_fields_of_each_row_in_one_statement_per_batch():
    markets = [MarketFactory(code=f"X{i}", name_en=f"Old {i}", name_ja=f"旧{i}") for i in range(5)]
    for i, market in enumerate(markets):
        market.name_en, market.name_ja = f"New {i}", "not written"

    with CaptureQueriesContext(connection) as queries:
        written = rows_update(markets, ["name_en"], batch_size=2)

    assert written == 5
    assert len(queries) == 3  # batches of 2, 2 and 1
    assert sorted(
        Market.objects.filter(code__startswith="X").values_list("name_en", "name_ja")
    ) == [(f"New {i}", f"旧{i}") for i in range(5)]


def test_rows_update_of_no_rows_runs_no_query():
    with CaptureQueriesContext(connection) as queries:
        assert rows_update([], ["name_en"]) == 0
    assert len(queries) == 0
