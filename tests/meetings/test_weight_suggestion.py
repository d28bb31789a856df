"""Suggested weights read from the outcomes of an office's earlier pavilions
(meetings.selectors.weight_suggestion)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from companies.factories import MarketFactory, SectorFactory
from events.factories import OrganisingOfficeFactory, PavilionFactory
from matchmaking import hooks, services
from matchmaking.engine import ScoringWeights
from matchmaking.engine import weight_fit as wf
from meetings.models import MeetingOutcome
from meetings.selectors.weight_suggestion import PROGRESSED_STAGES, weight_suggestion
from tests.meetings.results_builders import meeting, outcome
from tests.meetings.weight_builders import earlier_pavilion, outcome_history

pytestmark = pytest.mark.django_db


@pytest.fixture
def history():
    return outcome_history(OrganisingOfficeFactory())


def by_factor(suggestion) -> dict:
    return {f.factor: f for f in suggestion.factors}


def test_the_market_that_told_outcomes_apart_gets_the_weight(history):
    suggestion = weight_suggestion(history.pavilion)
    assert suggestion.status == wf.SUGGESTED
    assert (suggestion.meetings, suggestion.progressed) == (history.meetings, history.progressed)
    assert suggestion.not_progressed == history.meetings - history.progressed
    factors = by_factor(suggestion)
    assert max(factors.values(), key=lambda f: f.suggested).factor == "market"
    assert factors["sector"].suggested == 0
    assert {f.factor: f.current for f in suggestion.factors} == wf.factor_weights(ScoringWeights())
    ScoringWeights(**suggestion.suggested_weights)
    # The defaults rank a German buyer in the other sector below a French one in the same
    # sector: one pair in four of (progressed, not) is the wrong way round.
    assert suggestion.held_out_auc_current == pytest.approx(0.75)
    assert suggestion.held_out_auc_suggested == pytest.approx(1.0)
    assert [(p.pavilion_id, p.meetings) for p in suggestion.pavilions] == [
        (history.earlier[0].pk, 32),
        (history.earlier[1].pk, 24),
    ]


def test_readiness_is_certifications_and_order_size_listed_last(history):
    factors = weight_suggestion(history.pavilion).factors
    assert [f.factor for f in factors if f.group == "readiness"] == [
        "certification",
        "order_size",
    ]
    assert [f.group for f in factors][-2:] == ["readiness", "readiness"]
    assert {f.factor for f in factors} == set(wf.FACTORS)


def test_progress_is_samples_or_further_from_any_side():
    assert PROGRESSED_STAGES == (
        "sample",
        "quotation",
        "negotiation",
        "trial_order",
        "agreement",
        "repeat_order",
    )


def test_only_held_meetings_with_outcomes_at_the_offices_earlier_pavilions_count(history):
    office = history.pavilion.organiser
    first = history.earlier[0]
    sme = first.exhibitor_registrations.first().sme
    buyers = [r.buyer for r in first.buyer_registrations.all()]
    # Not counted: no outcome; not held; another office's earlier pavilion; a later fair.
    extra = meeting(first, sme, buyers[0], "held")
    MeetingOutcome.objects.filter(meeting=extra).delete()
    outcome(meeting(first, sme, buyers[1], "no_show"), "exhibitor", "sample")
    other_office = OrganisingOfficeFactory()
    markets = {code: MarketFactory(code=code) for code in ("DE", "FR")}
    sectors = {"X": sme.sectors.first(), "Y": SectorFactory()}
    earlier_pavilion(other_office, 2023, 2, markets, sectors)
    later = PavilionFactory(
        organiser=office, fair__starts_on=date(2028, 3, 1), fair__ends_on=date(2028, 3, 4)
    )
    outcome(meeting(later, sme, buyers[2], "held"), "buyer", "sample")
    suggestion = weight_suggestion(history.pavilion)
    assert suggestion.meetings == history.meetings
    assert suggestion.progressed == history.progressed


def test_a_meeting_whose_exhibitor_left_the_pavilion_is_not_used(history):
    registration = history.earlier[1].exhibitor_registrations.first()
    registration.status = "withdrawn"
    registration.save()
    suggestion = weight_suggestion(history.pavilion)
    assert suggestion.meetings == history.meetings - 8
    assert suggestion.pavilions[1].meetings == 24 - 8


def test_too_few_outcomes_say_so_and_suggest_nothing():
    history = outcome_history(OrganisingOfficeFactory(), smes_per_pavilion=(2,))
    suggestion = weight_suggestion(history.pavilion)
    assert suggestion.status == wf.TOO_FEW
    assert suggestion.suggested_weights is None
    assert all(f.suggested is None for f in suggestion.factors)
    assert (suggestion.meetings, suggestion.progressed) == (16, 8)
    assert suggestion.message.startswith("Too few outcomes to suggest weights")
    assert f"At least {wf.MIN_MEETINGS} meetings" in suggestion.message
    with translation.override("ja"):
        assert "成果" in weight_suggestion(history.pavilion).message


def test_a_pavilion_without_earlier_ones_has_too_few():
    suggestion = weight_suggestion(PavilionFactory())
    assert (suggestion.status, suggestion.meetings, suggestion.pavilions) == (wf.TOO_FEW, 0, ())


def test_the_fit_uses_the_pavilions_current_weights(history):
    services.matching_settings_update(
        pavilion=history.pavilion, weights={"sector": 10.0, "market": 0.5}
    )
    suggestion = weight_suggestion(history.pavilion)
    factors = by_factor(suggestion)
    assert (factors["sector"].current, factors["market"].current) == (10.0, 0.5)
    total = sum(f.current for f in suggestion.factors)
    assert sum(f.suggested for f in suggestion.factors) == pytest.approx(total, abs=0.5)


def test_the_suggestion_is_what_matchmaking_asks_for(history):
    assert hooks.suggested_weights(history.pavilion) == weight_suggestion(history.pavilion)


def test_as_dict_is_plain_json(history):
    data = weight_suggestion(history.pavilion).as_dict()
    assert data["status"] == "suggested"
    assert data["factors"][0] == {
        "factor": "sector",
        "label": "Sector fit",
        "group": "",
        "current": 3.0,
        "suggested": 0.0,
        "coefficient": 0.0,
    }


def test_reads_in_a_fixed_number_of_queries_per_earlier_pavilion():
    counts = []
    for smes in ((2, 2), (5, 6)):
        history = outcome_history(OrganisingOfficeFactory(), smes_per_pavilion=smes)
        with CaptureQueriesContext(connection) as queries:
            weight_suggestion(history.pavilion)
        counts.append(len(queries))
    assert counts[0] == counts[1]
