"""Matchmaking runs and proposals deleted in the admin go through a service that records them."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from matchmaking.models import MatchingRun, Proposal
from meetings.models import Meeting
from meetings.services.requests import meeting_request

pytestmark = pytest.mark.django_db


def _deleted_from_the_list(client, model: str, rows) -> list[int]:
    """Delete ``rows`` with the list's "Delete selected" action; the ids of the rows recorded
    as deleted."""
    response = client.post(
        reverse(f"admin:matchmaking_{model}_changelist"),
        {"action": "delete_selected", "_selected_action": [row.pk for row in rows], "post": "yes"},
    )
    assert response.status_code == 302
    action = {"matchingrun": "matchmaking.run.deleted", "proposal": "proposal.deleted"}[model]
    return sorted(AuditEntry.objects.filter(action=action).values_list("object_id", flat=True))


def test_a_matchmaking_run_deleted_in_the_admin_is_recorded_and_its_proposals_stay(
    admin_client, admin_user, small_pavilion
):
    pavilion = small_pavilion["pavilion"]
    run = MatchingRun.objects.create(pavilion=pavilion, status="done", counts={"proposals": 1})
    proposal = Proposal.objects.create(
        pavilion=pavilion,
        run=run,
        sme=small_pavilion["smes"][0],
        buyer=small_pavilion["buyers"][1],
        score=80,
    )
    url = reverse("admin:matchmaking_matchingrun_delete", args=[run.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not MatchingRun.objects.exists()
    proposal.refresh_from_db()
    assert proposal.run is None
    entry = AuditEntry.objects.get(action="matchmaking.run.deleted")
    assert (entry.interface, entry.actor) == ("admin", admin_user)
    assert (entry.object_id, entry.pavilion_id) == (run.pk, pavilion.pk)
    assert entry.changes["counts"] == [{"proposals": 1}, None]


def test_matchmaking_runs_deleted_from_the_list_are_recorded_one_by_one(
    admin_client, small_pavilion
):
    pavilion = small_pavilion["pavilion"]
    runs = [MatchingRun.objects.create(pavilion=pavilion, status="done") for _ in range(2)]
    assert _deleted_from_the_list(admin_client, "matchingrun", runs) == [r.pk for r in runs]
    assert not MatchingRun.objects.exists()


def test_a_proposal_deleted_in_the_admin_is_recorded_and_its_meeting_stays(
    admin_client, admin_user, small_pavilion
):
    pavilion = small_pavilion["pavilion"]
    sme, buyer = small_pavilion["smes"][0], small_pavilion["buyers"][1]
    proposal = Proposal.objects.create(
        pavilion=pavilion, sme=sme, buyer=buyer, score=72.5, status="accepted"
    )
    meeting = meeting_request(
        pavilion=pavilion, sme=sme, buyer=buyer, side="organiser", proposal=proposal
    )
    url = reverse("admin:matchmaking_proposal_delete", args=[proposal.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Proposal.objects.exists()
    assert Meeting.objects.get().proposal_id is None
    entry = AuditEntry.objects.get(action="proposal.deleted")
    assert (entry.interface, entry.actor) == ("admin", admin_user)
    assert (entry.object_id, entry.pavilion_id) == (proposal.pk, pavilion.pk)
    assert entry.changes["status"] == ["accepted", None]
    assert entry.changes["score"] == [72.5, None]
    assert Meeting.objects.get().pk == meeting.pk


def test_proposals_deleted_from_the_list_are_recorded_one_by_one(admin_client, small_pavilion):
    pavilion, smes = small_pavilion["pavilion"], small_pavilion["smes"]
    proposals = [
        Proposal.objects.create(
            pavilion=pavilion, sme=smes[i], buyer=small_pavilion["buyers"][1], score=60
        )
        for i in range(2)
    ]
    assert _deleted_from_the_list(admin_client, "proposal", proposals) == [p.pk for p in proposals]
    assert not Proposal.objects.exists()
