"""meetings 0002: an outcome told "months later" goes to the pavilion's follow-up round nearest
to when it was recorded (the demo fair's migration test checks at-the-fair outcomes become 0)."""

import importlib
from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest

migration = importlib.import_module(
    "meetings.migrations.0002_no_show_side_outcome_rounds_in_months"
)


def pavilion(months, ends_on=date(2026, 11, 20)):
    return SimpleNamespace(follow_up_months=months, fair=SimpleNamespace(ends_on=ends_on))


@pytest.mark.parametrize(
    ("recorded", "months"),
    [
        (datetime(2026, 11, 25, tzinfo=UTC), 1),  # days after the fair: the first round
        (datetime(2027, 1, 10, tzinfo=UTC), 1),  # two months on: 1 and 3 are as near, the earlier
        (datetime(2027, 2, 10, tzinfo=UTC), 3),
        (datetime(2027, 6, 1, tzinfo=UTC), 6),
        (datetime(2028, 3, 1, tzinfo=UTC), 12),  # long after the last round: the last
    ],
)
def test_a_follow_up_outcome_goes_to_the_nearest_round(recorded, months):
    assert migration._months_after(pavilion([1, 3, 6, 12]), recorded) == months


def test_a_pavilion_without_rounds_puts_it_at_one_month():
    assert migration._months_after(pavilion([]), datetime(2027, 6, 1, tzinfo=UTC)) == 1
