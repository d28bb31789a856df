"""Runs store their progress as codes and figures; each reader sees it in their language."""

import pytest
from django.core.management import call_command
from django.utils import translation
from rest_framework.test import APIClient

from core.jobs import ProgressReporter
from core.models import RunStatus
from matchmaking import services
from matchmaking.models import MatchingRun
from meetings.models import SchedulingRun

pytestmark = pytest.mark.django_db


def state_text(state: dict) -> str:
    """A state worded by the kind of run that reports it (scheduling or matchmaking)."""
    scheduling = state.get("phase") in ("building", "score", "gaps", "writing")
    return (SchedulingRun() if scheduling else MatchingRun()).state_text(state)


@pytest.fixture
def organiser(small_pavilion, make_organiser):
    return make_organiser(small_pavilion["pavilion"].organiser, "organiser-progress")


def test_a_run_reports_codes_and_figures_in_nobodys_language(small_pavilion):
    run = services.matching_run_request(pavilion=small_pavilion["pavilion"], queue=False)
    reported = []
    with translation.override("ja"):
        run = services.matching_run_execute(
            run=run, progress=lambda fraction, state: reported.append(state)
        )
    # Every step, as a spread run's tasks report them too.
    count = run.counts["proposals"]
    assert reported == [
        {"phase": "scoring", "done": 0, "total": 1},
        {"phase": "scoring", "done": 1, "total": 1},
        {"phase": "selected", "proposals": count},
        {"phase": "explained", "proposals": count},
    ]
    assert run.progress_state == {"phase": "done"}
    assert not hasattr(run, "progress_message")


def test_the_reporter_writes_the_state_to_the_running_run(small_pavilion):
    run = services.matching_run_request(pavilion=small_pavilion["pavilion"], queue=False)
    services.matching_run_start(run=run)
    ProgressReporter(run)(1.0, {"phase": "scoring", "done": 2, "total": 3})
    run.refresh_from_db()
    assert (run.progress, run.progress_state) == (1.0, {"phase": "scoring", "done": 2, "total": 3})
    with translation.override("en"):
        assert run.progress_text() == "Scored 2 of 3 parts"
    with translation.override("ja"):
        assert run.progress_text() == "3区分中2区分を採点済み"


@pytest.mark.parametrize(
    ("state", "english", "japanese"),
    [
        ({"phase": "loading"}, "Loading profiles", "プロフィールを読み込み中"),
        ({"phase": "selected", "proposals": 24}, "24 proposals chosen", "24件の提案を選定済み"),
        (
            {"phase": "gaps", "gaps": 4, "proven": False},
            "Cutting idle gaps: 4 left",
            "空き時間を削減中：残り 4 件",
        ),
        ({"phase": "writing"}, "Writing the schedule", "スケジュールを書き込み中"),
        ({"phase": "from a newer worker"}, "", ""),
    ],
)
def test_a_state_is_worded_in_the_readers_language(state, english, japanese):
    with translation.override("en"):
        assert state_text(state) == english
    with translation.override("ja"):
        assert state_text(state) == japanese


def test_a_finished_runs_outcome_comes_from_its_counts(small_pavilion):
    pavilion = small_pavilion["pavilion"]
    run = SchedulingRun(
        pavilion=pavilion, status=RunStatus.DONE, counts={"placed": 103, "meetings": 103}
    )
    with translation.override("en"):
        assert run.outcome_text() == "103 of 103 meetings placed"
    with translation.override("ja"):
        assert run.outcome_text() == "103件中103件の商談を配置"
    matching = MatchingRun(pavilion=pavilion, status=RunStatus.DONE, counts={"proposals": 1})
    with translation.override("en"):
        assert matching.progress_text() == "1 proposal"


def test_the_api_words_a_runs_progress_in_the_requests_language(small_pavilion, organiser):
    with translation.override("en"):
        run = services.matching_run_request(pavilion=small_pavilion["pavilion"], queue=False)
        run = services.matching_run_execute(run=run)
    client = APIClient()
    client.force_authenticate(organiser)
    english = client.get(f"/api/v1/matching-runs/{run.pk}/").json()
    japanese = client.get(f"/api/v1/matching-runs/{run.pk}/", HTTP_ACCEPT_LANGUAGE="ja").json()
    count = run.counts["proposals"]
    assert english["progress_state"] == {"phase": "done"}
    assert english["progress_message"] == f"{count} proposals"
    assert japanese["progress_message"] == f"{count}件の提案"


def test_the_command_words_progress_in_its_language(small_pavilion, capsys):
    with translation.override("ja"):
        call_command("run_matchmaking", small_pavilion["pavilion"].pk, "--here")
    output = capsys.readouterr().out
    assert "1区分中1区分を採点済み" in output
    assert "完了しました" in output
