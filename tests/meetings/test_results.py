"""A pavilion's results: every figure against the known meetings and outcomes of
``results_builders.results_world``, the breakdowns, fair to fair, one SME, and flat queries."""

import json
from datetime import date

import pytest
from django.utils import translation

from events.factories import ExhibitorRegistrationFactory, PavilionFactory
from meetings.selectors.results import (
    organiser_results,
    pavilion_results,
    pavilions_results,
    sme_results,
)
from meetings.selectors.results_figures import KeyFigures
from tests.meetings.results_builders import meeting, outcome, results_world, scaled_pavilion

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return results_world()


def figures(exhibitors, met, held, direct, indirect):
    """Key figures from their counts, the shares worked out as the definitions say."""

    def share(part, whole):
        return part / whole if whole else None

    return KeyFigures(
        exhibitors=exhibitors,
        exhibitors_met=met,
        meetings_held=held,
        meetings_held_per_exhibitor=share(held, exhibitors),
        direct_exhibitors=direct,
        indirect_exhibitors=indirect,
        direct_share_of_exhibitors_met=share(direct, met),
        indirect_share_of_exhibitors_met=share(indirect, met),
        direct_share_of_exhibitors=share(direct, exhibitors),
        indirect_share_of_exhibitors=share(indirect, exhibitors),
    )


def groups(breakdown):
    return {group.key: (group.label, group.figures) for group in breakdown}


def test_the_funnel_counts_each_stage_a_meeting_reached(world):
    funnel = pavilion_results(world.pavilion).funnel
    assert funnel.as_dict() == {
        "proposals": 3,
        "requests": 14,
        # Eight accepted or beyond now, and two cancelled after both sides accepted.
        "accepted": 10,
        # Seven in a slot now, and one cancelled after its history put it in a slot.
        "scheduled": 8,
        "held": 5,
        "no_shows": 1,
        "exhibitor_absent": 0,
        "buyer_absent": 1,
        "both_absent": 0,
        "absence_unrecorded": 0,
        "cancelled": 3,
        "declined": 1,
        "expired": 1,
        "awaiting_answer": 1,
    }


def test_meetings_per_participant_count_accepted_exhibitors_and_registered_buyers(world):
    results = pavilion_results(world.pavilion)
    # s1: 2, s2: 1, s3: 1, s4: 0 (s5 is not accepted: its held meeting is left out).
    assert results.meetings_per_exhibitor.as_dict() == {
        "participants": 4,
        "meetings": 4,
        "mean": 1.0,
        "median": 1.0,
        "with_none": 1,
        "share_with_none": 0.25,
    }
    # b1: 3, b2: 0, b3: 1, b4: 0 (b5 cancelled its registration).
    assert results.meetings_per_buyer.as_dict() == {
        "participants": 4,
        "meetings": 4,
        "mean": 1.0,
        "median": 0.5,
        "with_none": 2,
        "share_with_none": 0.5,
    }


def test_trade_stages_at_the_fair_take_the_furthest_stage_either_side_reported(world):
    at_fair = pavilion_results(world.pavilion).rounds[0]
    assert (at_fair.round, at_fair.label) == (0, "At the fair")
    assert (at_fair.meetings_reported, at_fair.exhibitors_reported) == (4, 3)
    # m1: quotation (5000), m2: no interest, m3: negotiation, m4: agreement (100000).
    assert at_fair.expected_value_usd == 105000
    assert [(s.stage, s.meetings, s.exhibitors) for s in at_fair.stages] == [
        ("no_interest", 4, 3),
        ("follow_up", 3, 3),
        ("sample", 3, 3),
        ("quotation", 3, 3),
        ("negotiation", 2, 2),
        ("trial_order", 1, 1),
        ("agreement", 1, 1),
        ("repeat_order", 0, 0),
    ]
    assert at_fair.stages[5].label == "Trial order"


def test_trade_stages_months_later_are_a_round_of_their_own(world):
    rounds = pavilion_results(world.pavilion).rounds
    assert [(r.round, r.label) for r in rounds] == [
        (0, "At the fair"),
        (1, "1 month later"),
        (3, "3 months later"),
        (6, "6 months later"),
        (12, "12 months later"),
    ]
    assert [r.meetings_reported for r in rounds] == [4, 0, 2, 0, 0]
    follow_up = rounds[2]
    assert follow_up.round == 3
    assert (follow_up.meetings_reported, follow_up.exhibitors_reported) == (2, 2)
    # m1: trial order (20000); m4: repeat order, the highest value 70000.
    assert follow_up.expected_value_usd == 90000
    assert [(s.meetings, s.exhibitors) for s in follow_up.stages] == [(2, 2)] * 6 + [(1, 1)] * 2


def test_direct_and_indirect_results_in_any_round_beside_meti(world):
    results = pavilion_results(world.pavilion)
    # s1: trial order months later (direct); s2: negotiation (indirect); s3: direct; s4 met none.
    assert results.key_figures == figures(4, 3, 4, 2, 1)
    assert results.key_figures.direct_share_of_exhibitors_met == pytest.approx(2 / 3)
    assert results.key_figures.direct_share_of_exhibitors == 0.5
    assert (results.meti_direct_share, results.meti_indirect_share) == (0.40, 0.30)


def test_breakdown_by_first_timers(world):
    by = groups(pavilion_results(world.pavilion).breakdowns.by_first_time)
    assert by == {
        "yes": ("First-time exhibitors", figures(2, 2, 3, 1, 1)),
        "no": ("Other exhibitors", figures(2, 1, 1, 1, 0)),
    }


def test_breakdown_by_top_level_sector_counts_an_exhibitor_in_each_of_its_sectors(world):
    breakdown = pavilion_results(world.pavilion).breakdowns.by_sector
    assert [(g.label, g.figures) for g in breakdown] == [
        ("IV Foodstuffs", figures(2, 2, 2, 1, 1)),  # s2 and s3
        ("XVIII Instruments", figures(2, 2, 3, 2, 0)),  # s1 (a heading) and s3 (a chapter)
        ("No sector", figures(1, 0, 0, 0, 0)),  # s4
    ]
    assert breakdown[-1].key == ""


def test_breakdown_by_buyer_country_counts_only_the_groups_meetings(world):
    by = groups(pavilion_results(world.pavilion).breakdowns.by_buyer_country)
    germany, usa = world.buyers[0].country, world.buyers[2].country
    assert by == {
        # m1 (s1: trial order later), m3 (s2: negotiation), m4 (s3: agreement).
        str(germany.pk): ("Germany", figures(3, 3, 3, 2, 1)),
        # m2: s1's meeting with no further interest; its direct result was with Germany.
        str(usa.pk): ("United States", figures(1, 1, 1, 0, 0)),
    }


def test_breakdown_by_buyer_region_counts_a_country_in_each_of_its_regions(world):
    breakdown = pavilion_results(world.pavilion).breakdowns.by_buyer_region
    assert [(g.label, g.figures) for g in breakdown] == [
        ("European Union", figures(3, 3, 3, 2, 1)),
        ("G7", figures(3, 3, 4, 2, 1)),
    ]


def test_breakdown_by_buyer_type(world):
    by = groups(pavilion_results(world.pavilion).breakdowns.by_buyer_type)
    assert by == {
        "distributor": ("Distributor", figures(3, 3, 3, 2, 1)),
        "retailer": ("Retailer", figures(1, 1, 1, 0, 0)),
    }


def test_breakdown_by_interpreter_needed(world):
    by = groups(pavilion_results(world.pavilion).breakdowns.by_interpreter)
    assert by == {
        "yes": ("With an interpreter", figures(2, 2, 2, 1, 1)),  # m1 (s1), m3 (s2)
        "no": ("Without an interpreter", figures(2, 2, 2, 1, 0)),  # m2 (s1), m4 (s3)
    }


def test_labels_follow_the_active_language(world):
    with translation.override("ja"):
        results = pavilion_results(world.pavilion)
    assert results.pavilion.name == world.pavilion.name_ja
    assert groups(results.breakdowns.by_buyer_country)[str(world.buyers[0].country_id)][0] == (
        "ドイツ"
    )
    assert results.rounds[0].label != "Right after the fair"


def test_as_dict_is_plain_json(world):
    data = pavilion_results(world.pavilion).as_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["pavilion"]["fair_starts_on"] == "2027-11-15"
    assert data["breakdowns"]["by_first_time"][0]["figures"]["meetings_held"] == 3
    assert data["rounds"][0]["stages"][0]["stage"] == "no_interest"


def test_an_empty_pavilion_has_zeros_and_no_shares(db):
    results = pavilion_results(PavilionFactory())
    assert results.funnel.requests == 0
    assert results.meetings_per_exhibitor.mean is None
    assert results.key_figures.direct_share_of_exhibitors is None
    assert results.rounds[0].expected_value_usd == 0


@pytest.mark.parametrize("scale", [1, 3])
def test_pavilion_results_read_in_a_fixed_number_of_queries(
    db, scale, django_assert_max_num_queries
):
    pavilion = scaled_pavilion(scale)
    with django_assert_max_num_queries(11):
        results = pavilion_results(pavilion)
    assert results.funnel.held == 6 * scale
    assert results.rounds[2].round == 3
    assert results.rounds[2].stages[5].meetings == 6 * scale


def test_pavilions_side_by_side_for_their_organiser(world, make_organiser):
    later = scaled_pavilion(1, office=world.office)
    PavilionFactory()  # another office's
    user = make_organiser(world.office)
    summaries = organiser_results(user)
    assert {s.pavilion.pavilion_id for s in summaries} == {world.pavilion.pk, later.pk}
    by_id = {s.pavilion.pavilion_id: s for s in summaries}
    assert by_id[world.pavilion.pk].funnel.requests == 14
    assert by_id[world.pavilion.pk].key_figures == figures(4, 3, 4, 2, 1)
    assert by_id[later.pk].funnel.requests == 9
    assert by_id[later.pk].key_figures == figures(3, 3, 6, 3, 0)
    assert not hasattr(summaries[0], "breakdowns")


def test_pavilions_results_read_in_a_fixed_number_of_queries(db, django_assert_max_num_queries):
    one, three = [scaled_pavilion(1)], [scaled_pavilion(1) for _ in range(3)]
    for pavilions in (one, three):
        with django_assert_max_num_queries(7):
            summaries = pavilions_results(pavilions)
        assert len(summaries) == len(pavilions)


def test_one_sme_across_the_pavilions_it_joined(world):
    s1 = world.smes[0]
    later = PavilionFactory(fair__starts_on=date(2028, 3, 1), fair__ends_on=date(2028, 3, 3))
    ExhibitorRegistrationFactory(pavilion=later, sme=s1, status="accepted", first_time_exhibitor=0)
    held = meeting(later, s1, world.buyers[1], "held")
    outcome(held, "buyer", "sample", value=300)
    ExhibitorRegistrationFactory(pavilion=PavilionFactory(), sme=s1, status="rejected")
    results = sme_results(s1)
    assert results.sme_id == s1.pk
    first, second = results.pavilions
    assert first.pavilion.pavilion_id == world.pavilion.pk
    assert (first.first_time_exhibitor, first.result) == (True, "direct")
    assert first.funnel.as_dict() == {
        "proposals": 1,
        "requests": 3,  # m1, m2, m13
        "accepted": 3,
        "scheduled": 2,
        "held": 2,
        "no_shows": 0,
        "exhibitor_absent": 0,
        "buyer_absent": 0,
        "both_absent": 0,
        "absence_unrecorded": 0,
        "cancelled": 0,
        "declined": 0,
        "expired": 0,
        "awaiting_answer": 0,
    }
    assert first.rounds[2].round == 3
    assert first.rounds[2].stages[5].meetings == 1
    assert second.pavilion.pavilion_id == later.pk
    assert (second.first_time_exhibitor, second.result) == (False, "indirect")
    assert second.rounds[0].expected_value_usd == 300


@pytest.mark.parametrize("pavilions", [1, 3])
def test_sme_results_read_in_a_fixed_number_of_queries(
    db, pavilions, django_assert_max_num_queries
):
    sme = None
    for _ in range(pavilions):
        pavilion = scaled_pavilion(1)
        sme = sme or pavilion.exhibitor_registrations.first().sme
        if not pavilion.exhibitor_registrations.filter(sme=sme).exists():
            ExhibitorRegistrationFactory(pavilion=pavilion, sme=sme, status="accepted")
    with django_assert_max_num_queries(7):
        results = sme_results(sme)
    assert len(results.pavilions) == pavilions
