import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from companies.factories import ForeignBuyerFactory, SMEFactory
from core.models import RunStatus
from events.factories import BuyerRegistrationFactory, ExhibitorRegistrationFactory
from matchmaking import engine, selectors, services, tasks
from matchmaking.models import MatchingRun, PairWish, Proposal, ProposalStatus
from matchmaking.reasons import proposal_sentence
from meetings.services.proposals import proposal_accept

pytestmark = pytest.mark.django_db


def run_now(pavilion, django_capture_on_commit_callbacks):
    """Request a run the way the admin does; with no broker the task runs on commit."""
    with django_capture_on_commit_callbacks(execute=True):
        run = services.matching_run_request(pavilion=pavilion)
    run.refresh_from_db()
    return run


def proposal_rows(pavilion):
    return sorted(
        Proposal.objects.filter(pavilion=pavilion).values_list("sme_id", "buyer_id", "score")
    )


def test_run_proposes_meetings_and_records_counts(
    small_pavilion, django_capture_on_commit_callbacks
):
    run = run_now(small_pavilion["pavilion"], django_capture_on_commit_callbacks)
    assert run.status == RunStatus.DONE
    assert run.progress == 1.0
    assert run.counts["exhibitors"] == 6
    assert run.counts["buyers"] == 12
    assert run.counts["proposals"] == Proposal.objects.count() > 0
    assert {"total", "select_and_store"} <= set(run.timings)


def test_proposals_pair_the_same_sector(small_pavilion, django_capture_on_commit_callbacks):
    run_now(small_pavilion["pavilion"], django_capture_on_commit_callbacks)
    for proposal in Proposal.objects.select_related("sme", "buyer"):
        assert set(proposal.sme.sectors.all()) == set(proposal.buyer.sectors.all())


def test_proposals_respect_each_sides_capacity(small_pavilion, django_capture_on_commit_callbacks):
    run_now(small_pavilion["pavilion"], django_capture_on_commit_callbacks)
    per_sme, per_buyer = {}, {}
    for sme_id, buyer_id, _score in proposal_rows(small_pavilion["pavilion"]):
        per_sme[sme_id] = per_sme.get(sme_id, 0) + 1
        per_buyer[buyer_id] = per_buyer.get(buyer_id, 0) + 1
    assert max(per_sme.values()) <= 4
    assert max(per_buyer.values()) <= 2
    assert set(per_sme) == {sme.pk for sme in small_pavilion["smes"]}  # nobody left out


def test_reasons_read_in_english_and_japanese(small_pavilion, django_capture_on_commit_callbacks):
    run_now(small_pavilion["pavilion"], django_capture_on_commit_callbacks)
    proposal = Proposal.objects.first()
    english, japanese = proposal_sentence(proposal, "en"), proposal_sentence(proposal, "ja")
    assert "Medical devices" in english or "Foodstuffs" in english
    assert "医療機器" in japanese or "食品" in japanese
    assert proposal.reason["sector"]


def test_running_twice_gives_the_same_proposals(small_pavilion, django_capture_on_commit_callbacks):
    pavilion = small_pavilion["pavilion"]
    run_now(pavilion, django_capture_on_commit_callbacks)
    first = proposal_rows(pavilion)
    second_run = run_now(pavilion, django_capture_on_commit_callbacks)
    assert proposal_rows(pavilion) == first
    assert second_run.counts["created"] == second_run.counts["withdrawn"] == 0


def test_a_second_run_while_one_is_active_is_refused(small_pavilion):
    pavilion = small_pavilion["pavilion"]
    services.matching_run_request(pavilion=pavilion, queue=False)
    # The active run is named by when it was queued, in the fair's time; never by its id.
    with pytest.raises(ValidationError, match=r"already queued \(queued \w{3} .+ CET, 0% done\)"):
        services.matching_run_request(pavilion=pavilion, queue=False)


def test_the_database_refuses_two_active_runs(small_pavilion):
    pavilion = small_pavilion["pavilion"]
    MatchingRun.objects.create(pavilion=pavilion, status=RunStatus.RUNNING)
    with pytest.raises(IntegrityError), transaction.atomic():
        MatchingRun.objects.create(pavilion=pavilion, status=RunStatus.QUEUED)


def test_a_run_that_fails_halfway_leaves_the_last_proposals(
    small_pavilion, django_capture_on_commit_callbacks, monkeypatch
):
    pavilion = small_pavilion["pavilion"]
    run_now(pavilion, django_capture_on_commit_callbacks)
    before = proposal_rows(pavilion)

    def broken(*args, **kwargs):
        raise RuntimeError("worker ran out of memory")

    monkeypatch.setattr(services.engine, "proposals_from_candidates", broken)
    with pytest.raises(RuntimeError):
        run_now(pavilion, django_capture_on_commit_callbacks)
    failed = MatchingRun.objects.latest()
    assert failed.status == RunStatus.FAILED
    assert "worker ran out of memory" in failed.error
    assert proposal_rows(pavilion) == before
    # The failed run no longer blocks the next one.
    monkeypatch.undo()
    assert run_now(pavilion, django_capture_on_commit_callbacks).status == RunStatus.DONE


def test_a_declined_proposal_never_comes_back(small_pavilion, django_capture_on_commit_callbacks):
    pavilion = small_pavilion["pavilion"]
    run_now(pavilion, django_capture_on_commit_callbacks)
    proposal = Proposal.objects.first()
    services.proposal_decline(proposal=proposal)
    run_now(pavilion, django_capture_on_commit_callbacks)
    pair = Proposal.objects.filter(sme=proposal.sme, buyer=proposal.buyer)
    assert list(pair.values_list("status", flat=True)) == [ProposalStatus.DECLINED]


def test_no_thanks_withdraws_the_proposal_and_it_stays_away(
    small_pavilion, django_capture_on_commit_callbacks
):
    pavilion = small_pavilion["pavilion"]
    run_now(pavilion, django_capture_on_commit_callbacks)
    proposal = Proposal.objects.first()
    services.pair_wish_add(
        pavilion=pavilion, sme=proposal.sme, buyer=proposal.buyer, kind="no_thanks"
    )
    assert not Proposal.objects.filter(pk=proposal.pk).exists()
    run_now(pavilion, django_capture_on_commit_callbacks)
    assert not Proposal.objects.filter(sme=proposal.sme, buyer=proposal.buyer).exists()


def test_an_accepted_proposal_is_kept_when_no_longer_chosen(
    small_pavilion, django_capture_on_commit_callbacks
):
    pavilion = small_pavilion["pavilion"]
    run_now(pavilion, django_capture_on_commit_callbacks)
    proposal = Proposal.objects.first()
    proposal_accept(proposal=proposal)
    PairWish.objects.create(
        pavilion=pavilion, sme=proposal.sme, buyer=proposal.buyer, kind="met_before"
    )
    run_now(pavilion, django_capture_on_commit_callbacks)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED


def test_deciding_twice_is_refused(small_pavilion, django_capture_on_commit_callbacks):
    run_now(small_pavilion["pavilion"], django_capture_on_commit_callbacks)
    proposal = Proposal.objects.first()
    proposal_accept(proposal=proposal)
    with pytest.raises(ValidationError, match="already accepted"):
        services.proposal_decline(proposal=proposal)


def test_chunked_run_gives_the_same_proposals_as_one_chunk(
    small_pavilion, django_capture_on_commit_callbacks, settings
):
    pavilion = small_pavilion["pavilion"]
    run_now(pavilion, django_capture_on_commit_callbacks)
    whole = proposal_rows(pavilion)
    Proposal.objects.all().delete()
    settings.MATCHMAKING_PAIRS_PER_TASK = 20  # 72 pairs: four chunk tasks in a chord
    run = run_now(pavilion, django_capture_on_commit_callbacks)
    assert run.status == RunStatus.DONE
    assert proposal_rows(pavilion) == whole


def test_a_run_in_process_and_spread_over_tasks_take_the_same_steps(
    small_pavilion, django_capture_on_commit_callbacks, settings
):
    """The same ranges scored here in a row, or by a chord of tasks, give the same proposals
    and end in the same state."""
    pavilion = small_pavilion["pavilion"]
    settings.MATCHMAKING_PAIRS_PER_TASK = 20  # 72 pairs: four ranges either way
    here = services.matching_run_execute(
        run=services.matching_run_request(pavilion=pavilion, queue=False)
    )
    in_process = proposal_rows(pavilion)
    Proposal.objects.all().delete()
    spread = run_now(pavilion, django_capture_on_commit_callbacks)
    assert proposal_rows(pavilion) == in_process
    assert (spread.status, spread.progress, spread.progress_state) == (
        here.status,
        here.progress,
        here.progress_state,
    )
    assert spread.counts == here.counts


def test_weights_out_of_range_are_refused_by_name(small_pavilion):
    with pytest.raises(ValidationError) as error:
        services.matching_settings_update(
            pavilion=small_pavilion["pavilion"], weights={"sector": -1, "min_score": 0}
        )
    assert set(error.value.message_dict) == {"sector", "min_score"}


def test_tuned_weights_reach_the_run(small_pavilion):
    pavilion = small_pavilion["pavilion"]
    services.matching_settings_update(pavilion=pavilion, weights={"min_score": 90})
    run = services.matching_run_request(pavilion=pavilion, queue=False)
    assert run.parameters["weights"]["min_score"] == 90
    assert selectors.pavilion_weights(pavilion).min_score == 90


def test_matchmaking_input_queries_do_not_grow_with_people(
    small_pavilion, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    pavilion = small_pavilion["pavilion"]
    with CaptureQueriesContext(connection) as baseline:
        selectors.matchmaking_input(pavilion)
    for sme in SMEFactory.create_batch(3):
        ExhibitorRegistrationFactory(pavilion=pavilion, sme=sme, status="accepted")
    for buyer in ForeignBuyerFactory.create_batch(5):
        BuyerRegistrationFactory(pavilion=pavilion, buyer=buyer)
    with django_assert_num_queries(len(baseline.captured_queries)):
        data = selectors.matchmaking_input(pavilion)
    assert (len(data.exhibitors), len(data.buyers)) == (9, 17)


def test_periodic_rescore_queues_changed_pavilions_only(
    small_pavilion, django_capture_on_commit_callbacks
):
    pavilion = small_pavilion["pavilion"]
    with django_capture_on_commit_callbacks(execute=True):
        first = tasks.rescore_open_pavilions()
    assert len(first) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.rescore_open_pavilions() == []
    sme = small_pavilion["smes"][0]
    sme.products_en = "capsule endoscopes"
    sme.save()
    with django_capture_on_commit_callbacks(execute=True):
        again = tasks.rescore_open_pavilions()
    assert len(again) == 1
    assert MatchingRun.objects.get(pk=again[0]).pavilion == pavilion


def test_engine_weights_all_have_form_labels():
    import dataclasses

    from matchmaking.forms import WEIGHT_FIELDS

    names = {f.name for f in dataclasses.fields(engine.ScoringWeights)}
    assert names == set(WEIGHT_FIELDS)


def test_a_wish_about_a_pair_outside_the_pavilion_is_refused(small_pavilion):
    pavilion = small_pavilion["pavilion"]
    with pytest.raises(ValidationError) as error:
        services.pair_wish_add(
            pavilion=pavilion, sme=SMEFactory(), buyer=ForeignBuyerFactory(), kind="must_meet"
        )
    assert set(error.value.message_dict) == {"sme", "buyer"}
    assert not PairWish.objects.exists()


def test_a_wish_is_recorded_once_and_forgotten(small_pavilion):
    pavilion = small_pavilion["pavilion"]
    sme, buyer = small_pavilion["smes"][0], small_pavilion["buyers"][0]
    first = services.pair_wish_add(pavilion=pavilion, sme=sme, buyer=buyer, kind="must_meet")
    again = services.pair_wish_add(pavilion=pavilion, sme=sme, buyer=buyer, kind="must_meet")
    assert first.pk == again.pk
    services.pair_wish_remove(wish=first)
    assert not PairWish.objects.exists()
