"""The audit entries of matchmaking's services: weights, wishes, runs requested."""

import pytest
from django.core.exceptions import ValidationError

from core import audit
from core.models import AuditEntry
from matchmaking import services
from matchmaking.models import MatchingRun, Proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(small_pavilion, make_organiser):
    return make_organiser(small_pavilion["pavilion"].organiser, "organiser-a")


def test_weights_record_each_weight_that_changed(small_pavilion, organiser):
    pavilion = small_pavilion["pavilion"]
    with audit.origin("admin", user=organiser):
        services.matching_settings_update(pavilion=pavilion, weights={"sector": 5})
        services.matching_settings_update(pavilion=pavilion, weights={"sector": 5})
    entry = AuditEntry.objects.get(action="weights.updated")
    assert (entry.interface, entry.actor, entry.pavilion_id) == ("admin", organiser, pavilion.pk)
    assert entry.changes == {"weights.sector": [3.0, 5.0]}


def test_refused_weights_record_nothing(small_pavilion):
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError, match="at most"):
        services.matching_settings_update(
            pavilion=small_pavilion["pavilion"], weights={"min_score": 150}
        )
    assert AuditEntry.objects.count() == before


def test_a_no_thanks_records_the_wish_and_the_proposal_it_withdrew(small_pavilion, organiser):
    pavilion, sme, buyer = (
        small_pavilion["pavilion"],
        small_pavilion["smes"][0],
        small_pavilion["buyers"][1],
    )
    Proposal.objects.create(pavilion=pavilion, sme=sme, buyer=buyer, score=80.0, reason={})
    for _twice in range(2):
        wish = services.pair_wish_add(
            pavilion=pavilion, sme=sme, buyer=buyer, kind="no_thanks", by=organiser
        )
    entry = AuditEntry.objects.get(action="wish.added")
    assert (entry.actor, entry.object_id) == (organiser, wish.pk)
    assert entry.changes == {
        "buyer": [None, buyer.pk],
        "kind": [None, "no_thanks"],
        "proposals_withdrawn": [0, 1],
        "sme": [None, sme.pk],
    }
    services.pair_wish_remove(wish=wish)
    removed = AuditEntry.objects.get(action="wish.removed")
    assert (removed.object_id, removed.object_repr) == (entry.object_id, entry.object_repr)


def test_a_run_requested_names_who_asked(small_pavilion, organiser):
    run = services.matching_run_request(
        pavilion=small_pavilion["pavilion"], requested_by=organiser, queue=False
    )
    entry = AuditEntry.objects.get(action="matchmaking.run.requested")
    assert (entry.actor, entry.content_type.model_class(), entry.object_id) == (
        organiser,
        MatchingRun,
        run.pk,
    )
    assert entry.changes == {"status": [None, "queued"]}


def test_a_run_refused_while_another_is_active_records_nothing_more(small_pavilion):
    services.matching_run_request(pavilion=small_pavilion["pavilion"], queue=False)
    with pytest.raises(ValidationError, match="already"):
        services.matching_run_request(pavilion=small_pavilion["pavilion"], queue=False)
    assert AuditEntry.objects.filter(action="matchmaking.run.requested").count() == 1


def test_a_declined_proposal_names_who_declined(small_pavilion, organiser):
    pavilion = small_pavilion["pavilion"]
    proposal = Proposal.objects.create(
        pavilion=pavilion,
        sme=small_pavilion["smes"][0],
        buyer=small_pavilion["buyers"][1],
        score=80.0,
        reason={},
    )
    with audit.origin("page", user=organiser):
        services.proposal_decline(proposal=proposal)
    entry = AuditEntry.objects.get(action="proposal.declined")
    assert (entry.interface, entry.actor, entry.object_id) == ("page", organiser, proposal.pk)
    assert entry.changes == {"status": ["open", "declined"]}
