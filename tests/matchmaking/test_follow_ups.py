"""An earlier pavilion's outcomes in the next run: a pair whose business progressed is proposed
a follow-up with a lift and a reason saying so; a pair where a side lost interest is not
proposed; each rule turns off per pavilion."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from events.factories import PavilionFactory, TradeFairFactory
from events.models import MeetingSlot
from matchmaking import engine, selectors, services
from matchmaking.models import Proposal
from matchmaking.reasons import proposal_sentence
from meetings.models import Meeting, MeetingOutcome, MeetingStatus
from tests.matchmaking.runs import run_now

pytestmark = pytest.mark.django_db


def held_at(pavilion, sme, buyer, *reports):
    """A meeting held at ``pavilion`` with one outcome per (side, round, stage) report."""
    start = datetime.combine(pavilion.fair.starts_on, datetime.min.time(), tzinfo=UTC)
    slot, _ = MeetingSlot.objects.get_or_create(
        pavilion=pavilion, starts_at=start, defaults={"ends_at": start.replace(minute=30)}
    )
    meeting = Meeting.objects.create(
        pavilion=pavilion,
        sme=sme,
        buyer=buyer,
        requested_by_side="organiser",
        status=MeetingStatus.HELD,
        slot=slot,
        score=50.0,
    )
    for side, round_, stage in reports:
        MeetingOutcome.objects.create(meeting=meeting, side=side, round=round_, stage=stage)
    return meeting


def proposal_of(pavilion, sme, buyer):
    return Proposal.objects.filter(pavilion=pavilion, sme=sme, buyer=buyer).first()


def unlifted_score(pavilion, sme, buyer) -> float:
    data = selectors.matchmaking_input(pavilion)
    weights = engine.ScoringWeights(follow_up_pairs=False)
    reference = engine.ReferenceScorer(data, weights)
    exhibitor = next(e for e in data.exhibitors if e.id == sme.pk)
    wanted = next(b for b in data.buyers if b.id == buyer.pk)
    return reference.score(exhibitor, wanted)


@pytest.fixture
def history(small_pavilion, django_capture_on_commit_callbacks):
    """Medica 2026 before the pavilion: a tea maker and a device buyer (no fit at all) sent
    samples; the best-fitting pair of the pavilion met too, and the buyer lost interest."""
    pavilion = small_pavilion["pavilion"]
    smes, buyers = small_pavilion["smes"], small_pavilion["buyers"]
    run_now(pavilion, django_capture_on_commit_callbacks)
    follow_up = (smes[3], buyers[1])
    assert proposal_of(pavilion, *follow_up) is None
    lost = (
        Proposal.objects.filter(pavilion=pavilion)
        .exclude(buyer=buyers[1])
        .exclude(sme=smes[3])
        .order_by("-score", "pk")
        .first()
    )
    lost = (lost.sme, lost.buyer)
    earlier = PavilionFactory(
        fair=TradeFairFactory(
            name="Medica", starts_on=date(2026, 11, 16), ends_on=date(2026, 11, 19)
        ),
        name_en="Japan Pavilion at Medica 2026",
        name_ja="MEDICA 2026 ジャパンパビリオン",
    )
    held_at(earlier, *follow_up, ("exhibitor", 0, "follow_up"), ("buyer", 3, "sample"))
    held_at(
        earlier,
        *lost,
        ("exhibitor", 0, "quotation"),
        ("buyer", 0, "sample"),
        ("buyer", 3, "no_interest"),
    )
    return {"pavilion": pavilion, "follow_up": follow_up, "lost": lost}


def test_the_selector_reads_the_furthest_stage_and_the_latest_no_interest(
    history, django_assert_num_queries
):
    with django_assert_num_queries(2):
        earlier = selectors.earlier_meetings(history["pavilion"])
    by_pair = {(m.exhibitor_id, m.buyer_id): m for m in earlier}
    sme, buyer = history["follow_up"]
    assert by_pair[(sme.pk, buyer.pk)].stage == "sample"
    assert not by_pair[(sme.pk, buyer.pk)].no_interest
    sme, buyer = history["lost"]
    assert by_pair[(sme.pk, buyer.pk)].stage == "quotation"
    assert by_pair[(sme.pk, buyer.pk)].no_interest


def test_a_progressed_pair_gets_a_follow_up_and_a_lost_pair_none(
    history, django_capture_on_commit_callbacks
):
    pavilion = history["pavilion"]
    run_now(pavilion, django_capture_on_commit_callbacks)
    proposal = proposal_of(pavilion, *history["follow_up"])
    assert proposal is not None
    base = unlifted_score(pavilion, *history["follow_up"])
    assert proposal.score == pytest.approx(base + 15.0, abs=0.01)
    assert proposal_sentence(proposal, "en").startswith("They met at Medica 2026, samples sent")
    assert proposal_sentence(proposal, "ja").startswith(
        "Medica 2026で商談済みです（サンプル送付済み）。"
    )
    assert proposal_of(pavilion, *history["lost"]) is None


def test_with_the_follow_up_rule_off_the_pair_is_a_stranger_again(
    history, django_capture_on_commit_callbacks
):
    pavilion = history["pavilion"]
    services.matching_settings_update(pavilion=pavilion, weights={"follow_up_pairs": False})
    run_now(pavilion, django_capture_on_commit_callbacks)
    assert proposal_of(pavilion, *history["follow_up"]) is None
    assert proposal_of(pavilion, *history["lost"]) is None


def test_with_the_no_interest_rule_off_the_lost_pair_is_proposed_again(
    history, django_capture_on_commit_callbacks
):
    pavilion = history["pavilion"]
    services.matching_settings_update(pavilion=pavilion, weights={"exclude_no_interest": False})
    run_now(pavilion, django_capture_on_commit_callbacks)
    proposal = proposal_of(pavilion, *history["lost"])
    assert proposal is not None
    # They met, but their business did not progress as far as anyone says now.
    assert proposal_sentence(proposal, "en").startswith("They met at Medica 2026, both work in ")
    assert proposal_of(pavilion, *history["follow_up"]) is not None


def test_organiser_turns_the_rules_off_in_the_admin_weights_form(
    client, small_pavilion, make_organiser
):
    pavilion = small_pavilion["pavilion"]
    client.force_login(make_organiser(pavilion.organiser, "organiser-medica"))
    url = reverse("admin:matchmaking_weights", args=[pavilion.pk])
    page = client.get(f"/ja{url[3:]}")
    form = page.context["form"]
    assert form.fields["follow_up_pairs"].initial is True
    assert "商談が進展したペアにフォローアップ商談を提案する" in page.content.decode()
    data = {name: field.initial for name, field in form.fields.items()}
    data.pop("exclude_no_interest")  # an unticked box is not posted
    response = client.post(url, {**data, "follow_up_lift": "20"})
    assert response.status_code == 302
    weights = selectors.pavilion_weights(pavilion)
    assert (weights.follow_up_pairs, weights.follow_up_lift, weights.exclude_no_interest) == (
        True,
        20.0,
        False,
    )
