"""``manage.py pavilion_results``: the report in words, in English or Japanese, and as JSON."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from meetings.selectors.results import pavilion_results
from tests.meetings.results_builders import results_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return results_world()


def run(*args) -> str:
    out = io.StringIO()
    call_command("pavilion_results", *[str(a) for a in args], stdout=out)
    return out.getvalue()


def test_the_report_gives_the_funnel_stages_and_results(world):
    text = run(world.pavilion.pk, "--language", "en")
    assert f"Results of {world.pavilion.name_en} at " in text
    assert "  Meeting requests: 14\n" in text
    assert "  Accepted by both sides: 10\n" in text
    assert "  Given a slot: 8\n" in text
    assert "  No-shows: 1\n" in text
    assert "  No-shows: the buyer did not come: 1\n" in text
    assert "  No-shows: the exhibitor did not come: 0\n" in text
    assert "Meetings held per buyer: mean 1.0, median 0.5, 50% with none (2 of 4)" in text
    assert (
        "Trade stages, At the fair: reported for meetings 4, exhibitors 3; "
        "expected business USD 105,000" in text
    )
    assert "  Negotiation started or further: meetings 2, exhibitors 2\n" in text
    assert "No further interest or further" not in text
    assert (
        "Direct results (an order or agreement): 67% of exhibitors who met, 50% of accepted "
        "exhibitors (METI: 40%)" in text
    )
    assert (
        "  First-time exhibitors: exhibitors 2, meetings held 3 (1.5 per exhibitor), direct "
        "50% and indirect 50% of those who met" in text
    )
    assert "  No sector: exhibitors 1, meetings held 0 (0.0 per exhibitor), direct –" in text
    assert "By interpreter needed\n  With an interpreter: exhibitors 2" in text


def test_the_report_in_japanese(world):
    text = run(world.pavilion.pk, "--language", "ja")
    assert world.pavilion.name_ja in text
    assert "商談申込: 14" in text
    assert "Meeting requests" not in text


def test_json_is_the_figures_as_dict(world):
    data = json.loads(run(world.pavilion.pk, "--json", "--language", "en"))
    assert data == pavilion_results(world.pavilion).as_dict()
    assert data["funnel"]["held"] == 5


def test_an_unknown_pavilion_is_a_clear_error(db):
    with pytest.raises(CommandError, match=r"^No pavilion has the id 999999\.$"):
        run(999999)
