"""The results page in the admin: charts, key figures beside METI's, the print layout and the
CSV exports, for the pavilion's organisers only, in English and Japanese."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation

from events.factories import OrganisingOfficeFactory
from meetings.models import Meeting
from tests.meetings.results_builders import results_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return results_world()


@pytest.fixture
def organiser(world, make_organiser):
    return make_organiser(world.office)


def rows_of(response) -> list[list[str]]:
    body = response.content
    assert body.startswith("\ufeff".encode())  # Excel reads UTF-8 with a byte-order mark
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_the_pavilion_links_to_its_results(client, world, organiser):
    client.force_login(organiser)
    page = client.get(reverse("admin:events_pavilion_changelist")).content.decode()
    assert reverse("admin:meetings_results", args=[world.pavilion.pk]) in page


def test_the_results_page_draws_the_funnel_and_stages_and_prints(client, world, organiser):
    client.force_login(organiser)
    response = client.get(reverse("admin:meetings_results", args=[world.pavilion.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    charts = page.count('<svg class="results-chart"')
    # The funnel, then one chart of stages per round: at the fair and 1, 3, 6, 12 months later.
    assert charts == 1 + 5
    assert "<title>Funnel</title>" in page
    assert "Meetings by trade stage: 3 months later" in page
    # The funnel's bars carry their counts: 14 requests, 5 held, 1 no-show (the buyer's).
    assert 'font-weight="bold">14</text>' in page
    assert "No-shows: the buyer did not come" in page
    assert "METI&#x27;s reference" in page or "METI's reference" in page
    assert "40%" in page
    assert "30%" in page
    assert "@page { size: A4" in page
    assert 'class="button results-print"' in page
    assert reverse("admin:meetings_results_meetings_csv", args=[world.pavilion.pk]) in page


def test_the_results_page_in_japanese(client, world, organiser):
    client.force_login(organiser)
    with translation.override("ja"):
        url = reverse("admin:meetings_results", args=[world.pavilion.pk])
    assert url.startswith("/ja/")
    page = client.get(url).content.decode()
    assert "<title>商談の推移</title>" in page
    assert "3か月後" in page
    assert "印刷" in page
    assert "Funnel" not in page
    assert "Trade stages by round" not in page


def test_another_office_cannot_open_the_results(client, world, make_organiser):
    stranger = make_organiser(OrganisingOfficeFactory(), username="stranger")
    client.force_login(stranger)
    for name in ("meetings_results", "meetings_results_meetings_csv"):
        response = client.get(reverse(f"admin:{name}", args=[world.pavilion.pk]))
        assert response.status_code in (302, 403, 404)
        assert b"\xef\xbb\xbf" not in response.content[:3]


def test_the_meetings_csv_has_a_row_per_meeting_with_its_furthest_stage_per_round(
    client, world, organiser
):
    client.force_login(organiser)
    url = reverse("admin:meetings_results_meetings_csv", args=[world.pavilion.pk])
    header, *rows = rows_of(client.get(url))
    assert header[:8] == [
        "meeting",
        "exhibitor",
        "buyer",
        "buyer's country",
        "status",
        "slot start (fair time)",
        "interpreter needed",
        "who did not come",
    ]
    assert header[8:] == [
        "furthest stage: At the fair",
        "furthest stage: 1 month later",
        "furthest stage: 3 months later",
        "furthest stage: 6 months later",
        "furthest stage: 12 months later",
        "expected value (USD)",
    ]
    assert len(rows) == Meeting.objects.filter(pavilion=world.pavilion).count()
    by_id = {int(row[0]): row for row in rows}
    first = by_id[world.meetings[1].pk]
    assert first[6] == "yes"
    assert first[8:] == ["Quotation sent", "", "Trial order", "", "", "20000"]
    assert by_id[world.meetings[5].pk][7] == "The buyer did not come"


def test_the_exhibitors_csv_says_each_exhibitors_result_in_japanese(client, world, organiser):
    client.force_login(organiser)
    with translation.override("ja"):
        url = reverse("admin:meetings_results_exhibitors_csv", args=[world.pavilion.pk])
    header, *rows = rows_of(client.get(url))
    assert "exhibitor" not in header
    assert len(rows) == 4  # the accepted exhibitors
    results = {row[0]: row[3] for row in rows}
    smes = world.smes
    # s1 reached a trial order, s2 a negotiation, s3 an agreement, s4 held no meeting.
    assert results[str(smes[0])] == results[str(smes[2])]
    assert results[str(smes[1])] != results[str(smes[0])]
    assert results[str(smes[3])] == ""
    assert [row[2] for row in rows if row[0] == str(smes[0])] == ["2"]
