"""The admin's weights page shows the suggested weights beside the current ones and applies
them (matchmaking's page, meetings' answer through ``matchmaking.hooks.suggested_weights``)."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from events.factories import OrganisingOfficeFactory
from matchmaking import selectors
from meetings.selectors.weight_suggestion import weight_suggestion
from tests.meetings.weight_builders import outcome_history

pytestmark = pytest.mark.django_db


@pytest.fixture
def history():
    return outcome_history(OrganisingOfficeFactory())


@pytest.fixture
def organiser_client(client, history, make_organiser):
    client.force_login(make_organiser(history.pavilion.organiser, "organiser-weights"))
    return client


def page_url(pavilion, language="en") -> str:
    return f"/{language}{reverse('admin:matchmaking_weights', args=[pavilion.pk])[3:]}"


def test_the_page_shows_current_and_suggested_weights_side_by_side(organiser_client, history):
    page = organiser_client.get(page_url(history.pavilion))
    html = page.content.decode()
    suggestion = page.context["suggestion"]
    assert suggestion == weight_suggestion(history.pavilion)
    assert "Weights suggested by earlier outcomes" in html
    assert suggestion.message in html.replace("&#x27;", "'")
    assert "Readiness" in html
    market = next(f for f in suggestion.factors if f.factor == "market")
    assert f"<td>{market.current:.1f}</td>" in html
    assert f"<td>{market.suggested:.1f}</td>" in html
    assert f"The fit used {history.meetings} meetings." in html
    assert f"<td>{suggestion.held_out_auc_suggested:.2f}</td>" in html
    assert 'name="apply_suggested"' in html


def test_apply_stores_the_suggested_weights_and_says_so(organiser_client, history):
    pavilion = history.pavilion
    suggested = weight_suggestion(pavilion).suggested_weights
    url = page_url(pavilion)
    response = organiser_client.post(url, {"apply_suggested": "1"})
    assert response.status_code == 302
    assert response["Location"] == url
    weights = selectors.pavilion_weights(pavilion)
    assert {name: getattr(weights, name) for name in suggested} == suggested
    assert weights.min_score == 35.0  # the other weights keep their values
    entry = AuditEntry.objects.get(action="weights.updated")
    assert (entry.interface, entry.pavilion_id) == ("admin", pavilion.pk)
    page = organiser_client.get(url).content.decode()
    assert "The suggested weights are now the matchmaking weights of" in page


def test_in_japanese(organiser_client, history):
    html = organiser_client.get(page_url(history.pavilion, "ja")).content.decode()
    assert "過去の成果から提案された重み" in html
    assert "取引の準備度" in html
    assert f"推定には{history.meetings}件の商談を使いました" in html
    assert "提案された重みを適用する" in html
    response = organiser_client.post(
        page_url(history.pavilion, "ja"), {"apply_suggested": "1"}, follow=True
    )
    assert "マッチングの重みとして適用しました" in response.content.decode()


def test_with_too_few_outcomes_the_page_says_so_and_offers_nothing(client, make_organiser):
    few = outcome_history(OrganisingOfficeFactory(), smes_per_pavilion=(2,))
    client.force_login(make_organiser(few.pavilion.organiser, "organiser-few"))
    html = client.get(page_url(few.pavilion)).content.decode()
    assert "Too few outcomes to suggest weights" in html
    assert 'name="apply_suggested"' not in html
    response = client.post(page_url(few.pavilion), {"apply_suggested": "1"}, follow=True)
    assert "Too few outcomes to suggest weights" in response.content.decode()
    assert not AuditEntry.objects.filter(action="weights.updated").exists()


def test_another_offices_organiser_cannot_apply(client, history, make_organiser):
    client.force_login(make_organiser(OrganisingOfficeFactory(), "organiser-elsewhere"))
    response = client.post(page_url(history.pavilion), {"apply_suggested": "1"})
    assert response.status_code == 404
    assert not AuditEntry.objects.filter(action="weights.updated").exists()
