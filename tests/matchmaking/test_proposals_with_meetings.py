"""Proposals and the meetings a pair already has: never proposed twice, earlier fairs named,
certifications named in the reader's language."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError

from companies.factories import CertificationFactory
from events.factories import PavilionFactory, TradeFairFactory
from events.models import BuyerRegistration, MeetingSlot
from events.services import slots as event_services
from matchmaking import selectors, services
from matchmaking.models import Proposal, ProposalStatus
from matchmaking.reasons import proposal_sentence
from meetings.models import Meeting, MeetingStatus
from meetings.services.proposals import proposal_accept
from tests.matchmaking.runs import run_now

pytestmark = pytest.mark.django_db


def first_proposal(pavilion) -> Proposal:
    return Proposal.objects.filter(pavilion=pavilion).order_by("-score", "pk").first()


def pair_proposals(proposal):
    return Proposal.objects.filter(
        pavilion=proposal.pavilion, sme=proposal.sme, buyer=proposal.buyer
    )


def meeting_in(pavilion, sme, buyer, status):
    """A meeting of the pair written directly, in ``status`` (a booked one gets a slot)."""
    slot = None
    if status in (MeetingStatus.SCHEDULED, MeetingStatus.HELD):
        slot = pavilion.slots.order_by("starts_at").first()
        if slot is None:
            start = datetime.combine(pavilion.fair.starts_on, datetime.min.time(), tzinfo=UTC)
            slot = MeetingSlot.objects.create(
                pavilion=pavilion, starts_at=start, ends_at=start.replace(minute=30)
            )
    return Meeting.objects.create(
        pavilion=pavilion,
        sme=sme,
        buyer=buyer,
        requested_by_side="organiser",
        status=status,
        slot=slot,
        score=50.0,
    )


@pytest.mark.parametrize(
    "status",
    [
        MeetingStatus.HELD,
        MeetingStatus.SCHEDULED,
        MeetingStatus.REQUESTED,
        MeetingStatus.DECLINED,
        MeetingStatus.CANCELLED,
    ],
)
def test_a_pair_with_any_meeting_at_the_pavilion_is_not_proposed_again(
    small_pavilion, django_capture_on_commit_callbacks, status
):
    pavilion = small_pavilion["pavilion"]
    event_services.meeting_slots_generate(pavilion=pavilion)
    run_now(pavilion, django_capture_on_commit_callbacks)
    proposal = first_proposal(pavilion)
    meeting_in(pavilion, proposal.sme, proposal.buyer, status)
    run = run_now(pavilion, django_capture_on_commit_callbacks)
    assert not pair_proposals(proposal).exists()
    assert run.counts["withdrawn"] >= 1


def test_a_pair_accepted_through_a_proposal_and_held_does_not_come_back(
    small_pavilion, django_capture_on_commit_callbacks
):
    pavilion = small_pavilion["pavilion"]
    event_services.meeting_slots_generate(pavilion=pavilion)
    run_now(pavilion, django_capture_on_commit_callbacks)
    proposal = first_proposal(pavilion)
    proposal_accept(proposal=proposal, side="exhibitor")
    meeting = Meeting.objects.get(sme=proposal.sme, buyer=proposal.buyer)
    Meeting.objects.filter(pk=meeting.pk).update(
        status=MeetingStatus.HELD, slot=pavilion.slots.order_by("starts_at").first()
    )
    run_now(pavilion, django_capture_on_commit_callbacks)
    assert list(pair_proposals(proposal).values_list("status", flat=True)) == [
        ProposalStatus.ACCEPTED
    ]


def test_accepting_a_stale_proposal_for_a_pair_with_a_meeting_is_refused(
    small_pavilion, django_capture_on_commit_callbacks
):
    pavilion = small_pavilion["pavilion"]
    event_services.meeting_slots_generate(pavilion=pavilion)
    run_now(pavilion, django_capture_on_commit_callbacks)
    proposal = first_proposal(pavilion)
    meeting_in(pavilion, proposal.sme, proposal.buyer, MeetingStatus.HELD)
    with pytest.raises(ValidationError) as error:
        proposal_accept(proposal=proposal, side="exhibitor")
    message = " ".join(error.value.messages)
    assert f"{proposal.sme} and {proposal.buyer} already have a meeting" in message
    assert "(held)" in message
    assert Meeting.objects.filter(sme=proposal.sme, buyer=proposal.buyer).count() == 1
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN
    # Declining the stale proposal is still fine: it only takes the pair out for good.
    services.proposal_decline(proposal=proposal)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED


def test_a_pair_that_met_at_an_earlier_fair_is_marked_in_the_reason(
    small_pavilion, django_capture_on_commit_callbacks
):
    pavilion = small_pavilion["pavilion"]
    run_now(pavilion, django_capture_on_commit_callbacks)
    proposal = first_proposal(pavilion)
    earlier = PavilionFactory(
        fair=TradeFairFactory(
            name="Medica", starts_on=date(2026, 11, 16), ends_on=date(2026, 11, 19)
        ),
        name_en="Japan Pavilion at Medica 2026",
        name_ja="MEDICA 2026 ジャパンパビリオン",
    )
    meeting_in(earlier, proposal.sme, proposal.buyer, MeetingStatus.HELD)
    # A meeting only requested at the earlier fair, or held at a later one, is not "met".
    other = Proposal.objects.filter(pavilion=pavilion).exclude(pk=proposal.pk).first()
    meeting_in(earlier, other.sme, other.buyer, MeetingStatus.REQUESTED)
    run_now(pavilion, django_capture_on_commit_callbacks)
    proposal.refresh_from_db()
    assert proposal.reason["met_earlier"] == [
        {
            "pavilion": earlier.pk,
            "labels": {
                "en": "Japan Pavilion at Medica 2026",
                "ja": "MEDICA 2026 ジャパンパビリオン",
            },
            "fair_labels": {"en": "Medica 2026", "ja": "Medica 2026"},
        }
    ]
    assert proposal_sentence(proposal, "en").startswith("They met at Medica 2026, ")
    assert proposal_sentence(proposal, "ja").startswith("Medica 2026で商談済みです。")
    other.refresh_from_db()
    assert other.reason["met_earlier"] == []


def certified_pavilion(small_pavilion):
    """Every medical SME holds CE, no buyer's SME holds ISO 13485, medical buyers want both."""
    ce = CertificationFactory(
        code="CE-MDR", name_en="CE marking (MDR)", name_ja="CEマーキング（MDR）"
    )
    iso = CertificationFactory(
        code="ISO13485", name_en="ISO 13485 quality management", name_ja="ISO 13485 品質管理"
    )
    for sme in small_pavilion["smes"][:3]:
        sme.certifications.add(ce)
    for buyer in small_pavilion["buyers"][1::2]:
        buyer.required_certifications.set([ce, iso])
        registration = BuyerRegistration.objects.get(
            pavilion=small_pavilion["pavilion"], buyer=buyer
        )
        registration.required_certifications.set([ce, iso])
    return ce, iso


def test_reasons_name_certifications_in_the_readers_language(
    small_pavilion, django_capture_on_commit_callbacks
):
    ce, _iso = certified_pavilion(small_pavilion)
    pavilion = small_pavilion["pavilion"]
    run_now(pavilion, django_capture_on_commit_callbacks)
    proposal = Proposal.objects.filter(pavilion=pavilion, sme=small_pavilion["smes"][0]).first()
    assert proposal.reason["certifications"]["matched"] == [ce.pk]
    assert proposal.reason["certifications"]["missing_labels"] == [
        {"en": "ISO 13485 quality management", "ja": "ISO 13485 品質管理"}
    ]
    assert (
        "the exhibitor holds CE marking (MDR) but not yet ISO 13485 quality management"
        in proposal_sentence(proposal, "en")
    )
    assert (
        "出展者はCEマーキング（MDR）を取得済みですが、ISO 13485 品質管理は未取得です。"
        in proposal_sentence(proposal, "ja")
    )


def test_a_reason_stored_with_certification_ids_only_still_names_them(
    small_pavilion, django_capture_on_commit_callbacks
):
    ce, iso = certified_pavilion(small_pavilion)
    pavilion = small_pavilion["pavilion"]
    run_now(pavilion, django_capture_on_commit_callbacks)
    proposal = Proposal.objects.filter(pavilion=pavilion, sme=small_pavilion["smes"][0]).first()
    # As a run before names were carried stored it.
    proposal.reason["certifications"] = {"matched": [ce.pk], "missing": [iso.pk, 999_999]}
    english = proposal_sentence(proposal, "en")
    assert "holds CE marking (MDR) but not yet ISO 13485 quality management and 999999" in english
    assert "CEマーキング（MDR）を取得済みですが" in proposal_sentence(proposal, "ja")


def test_a_new_meeting_makes_the_pavilion_due_for_rescoring(
    small_pavilion, django_capture_on_commit_callbacks
):
    pavilion = small_pavilion["pavilion"]
    run = run_now(pavilion, django_capture_on_commit_callbacks)
    assert not selectors.pavilion_needs_matchmaking(pavilion=pavilion, since=run.finished_at)
    proposal = first_proposal(pavilion)
    meeting_in(pavilion, proposal.sme, proposal.buyer, MeetingStatus.REQUESTED)
    assert selectors.pavilion_needs_matchmaking(pavilion=pavilion, since=run.finished_at)
