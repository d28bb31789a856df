"""``GET /api/v1/pavilions/{id}/matching-weights/suggested/`` and its ``apply/``: weights learnt
from the office's earlier outcomes, for the pavilion's organisers and administrators only."""

import pytest
from django.utils import translation

from core.models import AuditEntry
from matchmaking import selectors
from matchmaking import services as matching_services
from meetings.selectors.weight_suggestion import weight_suggestion
from tests.meetings.weight_builders import outcome_history

pytestmark = pytest.mark.django_db

V1 = "/api/v1"


@pytest.fixture
def history(world):
    """Earlier pavilions of the world's office A with enough outcomes to suggest weights."""
    return outcome_history(world.office)


def url(pavilion_id, apply=False) -> str:
    return f"{V1}/pavilions/{pavilion_id}/matching-weights/suggested/" + ("apply/" if apply else "")


def test_only_the_pavilions_organisers_and_administrators_read_the_suggestion(
    history, read_as_each_role
):
    read_as_each_role(
        url(history.pavilion.pk),
        "Only an organiser of this pavilion can read the weights suggested for it.",
    )


def test_an_unknown_pavilion_is_404(world):
    assert world.client("admin").get(url(999999)).status_code == 404
    assert world.client("admin").post(url(999999, apply=True)).status_code == 404


def test_the_suggestion_is_the_selectors_as_dict(world, history):
    data = world.client("organiser").get(url(history.pavilion.pk)).json()
    assert data == weight_suggestion(history.pavilion).as_dict()
    assert data["status"] == "suggested"
    assert (data["meetings"], data["progressed"]) == (history.meetings, history.progressed)
    market = next(f for f in data["factors"] if f["factor"] == "market")
    assert market["suggested"] > market["current"]
    assert data["held_out_auc_suggested"] > data["held_out_auc_current"]


def test_labels_and_message_come_in_the_requests_language(world, history):
    response = world.client("organiser").get(url(history.pavilion.pk), HTTP_ACCEPT_LANGUAGE="ja")
    with translation.override("ja"):
        expected = weight_suggestion(history.pavilion).as_dict()
    assert response.json() == expected
    assert "成果が記録された実施済みの商談" in response.json()["message"]


def test_with_too_few_outcomes_nothing_is_suggested_and_nothing_applied(world):
    few = outcome_history(world.office, smes_per_pavilion=(2,))
    client = world.client("organiser")
    data = client.get(url(few.pavilion.pk)).json()
    assert (data["status"], data["meetings"], data["progressed"]) == ("too_few", 16, 8)
    assert all(f["suggested"] is None for f in data["factors"])
    assert data["held_out_auc_suggested"] is None
    response = client.post(url(few.pavilion.pk, apply=True))
    assert response.status_code == 409
    assert response.json()["error"]["message"].startswith("Too few outcomes")
    assert not AuditEntry.objects.filter(action="weights.updated").exists()


def test_apply_stores_the_suggested_factor_weights_and_keeps_the_others(world, history):
    pavilion = history.pavilion
    matching_services.matching_settings_update(pavilion=pavilion, weights={"min_score": 40})
    suggested = weight_suggestion(pavilion).suggested_weights
    response = world.client("organiser").post(url(pavilion.pk, apply=True))
    assert response.status_code == 200, response.content
    body = response.json()
    assert {name: body[name] for name in suggested} == suggested
    assert body["min_score"] == 40.0
    weights = selectors.pavilion_weights(pavilion)
    assert {name: getattr(weights, name) for name in suggested} == suggested
    entry = AuditEntry.objects.filter(action="weights.updated").latest("pk")
    assert (entry.interface, entry.pavilion_id) == ("api", pavilion.pk)
    assert "weights.market" in entry.changes
    after = world.client("organiser").get(url(pavilion.pk)).json()
    assert all(f["current"] == f["suggested"] for f in after["factors"])


@pytest.mark.parametrize("role", ["exhibitor", "other_organiser"])
def test_others_cannot_apply(world, history, role):
    response = world.client(role).post(url(history.pavilion.pk, apply=True))
    assert response.status_code == 403
    assert not AuditEntry.objects.filter(action="weights.updated").exists()


def test_the_schema_documents_the_suggestion_and_applying_it(client):
    schema = client.get("/api/schema/?format=json").json()
    base = "/api/v1/pavilions/{pavilion_id}/matching-weights/suggested/"
    read = schema["paths"][base]["get"]
    assert {"200", "403", "404"} <= set(read["responses"])
    apply = schema["paths"][base + "apply/"]["post"]
    assert {"200", "403", "404", "409"} <= set(apply["responses"])
    components = schema["components"]["schemas"]
    assert set(components["WeightSuggestion"]["properties"]) >= {
        "status",
        "message",
        "meetings",
        "factors",
        "held_out_auc_current",
        "held_out_auc_suggested",
    }
    assert set(components["SuggestedFactorWeight"]["properties"]) >= {"current", "suggested"}
