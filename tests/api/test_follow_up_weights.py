"""The follow-up rules travel with a pavilion's matchmaking weights through the API."""

from matchmaking.models import MatchingSettings

V1 = "/api/v1"


def test_the_follow_up_rules_are_on_until_an_organiser_patches_them_off(world):
    client = world.client("organiser")
    url = f"{V1}/pavilions/{world.pavilion.pk}/matching-weights/"
    body = client.get(url).json()
    assert (body["follow_up_pairs"], body["follow_up_lift"], body["exclude_no_interest"]) == (
        True,
        15.0,
        True,
    )
    response = client.patch(url, {"exclude_no_interest": False}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["exclude_no_interest"] is False
    assert response.json()["follow_up_pairs"] is True
    assert MatchingSettings.objects.get().weights["exclude_no_interest"] is False


def test_a_follow_up_lift_out_of_range_is_refused_by_name(world):
    url = f"{V1}/pavilions/{world.pavilion.pk}/matching-weights/"
    response = world.client("organiser").patch(url, {"follow_up_lift": 120}, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["error"]["fields"] == {"follow_up_lift": ["must be between 0 and 100"]}
