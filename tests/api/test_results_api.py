"""``GET /api/v1/pavilions/{id}/results/``: the pavilion's figures, for its organisers and
platform administrators only, documented in the schema."""

import pytest
from django.utils import translation

from meetings.selectors.results import pavilion_results
from tests.meetings.results_builders import results_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def results(world):
    """The known pavilion of ``results_builders``, run by the world's office A."""
    return results_world(office=world.office)


def url(pavilion_id) -> str:
    return f"/api/v1/pavilions/{pavilion_id}/results/"


def test_only_the_pavilions_organisers_and_administrators_read_its_results(
    results, read_as_each_role
):
    read_as_each_role(
        url(results.pavilion.pk), "Only an organiser of this pavilion can read its results."
    )


def test_an_unknown_pavilion_is_404(world):
    assert world.client("admin").get(url(999999)).status_code == 404


def test_the_results_are_the_figures_as_dict(world, results):
    data = world.client("organiser").get(url(results.pavilion.pk)).json()
    assert data == pavilion_results(results.pavilion).as_dict()
    assert data["funnel"]["requests"] == 14
    assert data["key_figures"]["direct_exhibitors"] == 2
    assert data["breakdowns"]["by_first_time"][0]["figures"]["meetings_held"] == 3


def test_labels_come_in_the_requests_language(world, results):
    response = world.client("organiser").get(url(results.pavilion.pk), HTTP_ACCEPT_LANGUAGE="ja")
    with translation.override("ja"):
        expected = pavilion_results(results.pavilion).as_dict()
    assert response.json() == expected
    assert response.json()["pavilion"]["name"] == results.pavilion.name_ja


def test_the_schema_documents_the_results(client):
    schema = client.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/pavilions/{pavilion_id}/results/"]["get"]
    assert {"200", "403", "404"} <= set(operation["responses"])
    components = schema["components"]["schemas"]
    assert set(components["PavilionResults"]["properties"]) >= {
        "pavilion",
        "funnel",
        "meetings_per_exhibitor",
        "rounds",
        "key_figures",
        "breakdowns",
    }
    figures = components["KeyFigures"]["properties"]
    assert figures["direct_share_of_exhibitors_met"]["nullable"] is True
