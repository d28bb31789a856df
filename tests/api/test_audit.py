"""Writes through the API are in the audit log with the token's user and the interface "api"."""

from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from core.models import AuditEntry
from matchmaking.models import PairWish

V1 = "/api/v1"


def token_client(user) -> APIClient:
    """Authenticated the way an integration is: by token, which DRF checks inside the view."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_a_wish_added_and_removed_through_the_api_names_the_tokens_user(world):
    organiser = world.users["organiser"]
    client = token_client(organiser)
    response = client.post(
        f"{V1}/wishes/",
        {
            "pavilion": world.pavilion.pk,
            "sme": world.sme.pk,
            "buyer": world.buyer.pk,
            "kind": "must_meet",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    wish = PairWish.objects.get()
    assert client.delete(f"{V1}/wishes/{wish.pk}/").status_code == 204
    added = AuditEntry.objects.get(action="wish.added")
    removed = AuditEntry.objects.get(action="wish.removed")
    assert (added.action, added.interface, added.actor) == ("wish.added", "api", organiser)
    assert (added.object_id, added.pavilion_id) == (wish.pk, world.pavilion.pk)
    assert added.changes == {
        "buyer": [None, world.buyer.pk],
        "kind": [None, "must_meet"],
        "sme": [None, world.sme.pk],
    }
    assert (removed.action, removed.interface, removed.actor) == ("wish.removed", "api", organiser)
    assert removed.changes["kind"] == ["must_meet", None]


def test_weights_changed_through_the_api_record_each_weight(world):
    client = token_client(world.users["organiser"])
    url = f"{V1}/pavilions/{world.pavilion.pk}/matching-weights/"
    assert client.patch(url, {"min_score": 40}, format="json").status_code == 200
    entry = AuditEntry.objects.get(action="weights.updated")
    assert (entry.interface, entry.actor) == ("api", world.users["organiser"])
    assert entry.changes == {"weights.min_score": [35.0, 40.0]}


def test_a_refused_api_write_records_nothing(world):
    before = AuditEntry.objects.count()
    client = token_client(world.users["organiser"])
    url = f"{V1}/pavilions/{world.pavilion.pk}/matching-weights/"
    assert client.patch(url, {"min_score": 150}, format="json").status_code == 400
    other = client.post(
        f"{V1}/wishes/",
        {
            "pavilion": world.other_pavilion.pk,
            "sme": world.other_sme.pk,
            "buyer": world.other_buyer.pk,
            "kind": "must_meet",
        },
        format="json",
    )
    assert other.status_code in (400, 403, 404)
    assert AuditEntry.objects.count() == before


def test_an_exhibitor_declining_through_the_api_is_recorded_too(world):
    meeting = world.meeting
    before = AuditEntry.objects.count()
    response = token_client(world.users["exhibitor"]).post(
        f"{V1}/meetings/{meeting.pk}/decline/", {}, format="json"
    )
    assert response.status_code == 200, response.content
    entry = AuditEntry.objects.get(action="meeting.declined")
    assert AuditEntry.objects.count() == before + 1
    assert (entry.interface, entry.actor) == ("api", world.users["exhibitor"])
    assert entry.changes == {"status": ["requested", "declined"]}
