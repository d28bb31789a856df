import threading

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from companies.models import Language, Membership
from events.factories import InterpreterFactory
from events.models import Interpreter
from events.services import slots as event_services
from meetings import scheduler
from meetings.models import Meeting, MeetingStatus, ParticipantUnavailability, SchedulingRun
from meetings.selectors.conflicts import availability_conflicts
from meetings.selectors.scheduling import scheduling_instance
from meetings.services import placement
from meetings.services.decisions import meeting_accept
from meetings.services.placement import meeting_move
from meetings.services.publication import schedule_publish
from meetings.services.requests import meeting_request
from meetings.services.runs import scheduling_run_execute, scheduling_run_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(small_pavilion):
    """Slots for the small pavilion and six accepted meetings between its SMEs and buyers."""
    pavilion = small_pavilion["pavilion"]
    event_services.meeting_slots_generate(pavilion=pavilion)
    # The SMEs speak Japanese and the buyers English: every meeting needs an interpreter.
    for name in ("Aiko Mori", "Jonas Berg"):
        interpreter = InterpreterFactory(pavilion=pavilion, name=name)
        interpreter.languages.set(Language.objects.filter(code__in=["ja", "en"]))
        interpreter.available_slots.set(pavilion.slots.all())
    meetings = []
    for i, sme in enumerate(small_pavilion["smes"]):
        buyer = small_pavilion["buyers"][(2 * i + 1) % 12 if i < 3 else (2 * i) % 12]
        meeting = meeting_request(pavilion=pavilion, sme=sme, buyer=buyer, side="organiser")
        meetings.append(meeting_accept(meeting=meeting, side="organiser"))
    return {**small_pavilion, "meetings": meetings}


def schedule(pavilion, capture):
    with capture(execute=True):
        run = scheduling_run_request(pavilion=pavilion, time_limit=5)
    run.refresh_from_db()
    return run


def slots_of(pavilion):
    return dict(Meeting.objects.filter(pavilion=pavilion).values_list("pk", "slot_id"))


def test_the_instance_follows_the_contract(accepted):
    instance = scheduling_instance(accepted["pavilion"])
    scheduler.load_instance(instance)  # raises on anything malformed
    assert len(instance["meetings"]) == 6
    buyer = next(p for p in instance["parties"] if p["id"].startswith("buyer-"))
    assert len(buyer["available"]) == 14  # the one day they attend, 10:00-17:00 in 30 minutes


def test_a_scheduling_run_places_every_meeting(accepted, django_capture_on_commit_callbacks):
    pavilion = accepted["pavilion"]
    run = schedule(pavilion, django_capture_on_commit_callbacks)
    assert run.status == "done", run.error
    assert run.counts["placed"] == run.counts["meetings"] == 6
    assert run.counts["optimality"] == 1.0
    assert set(Meeting.objects.values_list("status", flat=True)) == {MeetingStatus.SCHEDULED}
    for meeting in Meeting.objects.select_related("slot"):
        assert meeting.slot.pavilion_id == pavilion.pk


def test_published_meetings_never_move_and_a_late_meeting_is_placed(
    accepted, django_capture_on_commit_callbacks
):
    pavilion = accepted["pavilion"]
    schedule(pavilion, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        schedule_publish(pavilion=pavilion)
    published = slots_of(pavilion)
    late = meeting_request(
        pavilion=pavilion, sme=accepted["smes"][0], buyer=accepted["buyers"][3], side="organiser"
    )
    with django_capture_on_commit_callbacks(execute=True):
        meeting_accept(meeting=late, side="organiser")  # queues an incremental run
    late.refresh_from_db()
    assert late.status == MeetingStatus.SCHEDULED
    assert {pk: slot for pk, slot in slots_of(pavilion).items() if pk in published} == published
    assert SchedulingRun.objects.count() == 2


def test_publishing_emails_both_sides_their_schedule(
    accepted, django_capture_on_commit_callbacks, django_user_model
):
    pavilion = accepted["pavilion"]
    sme = accepted["smes"][0]
    user = django_user_model.objects.create_user("sato", email="sato@example.jp")
    Membership.objects.create(user=user, sme=sme)
    schedule(pavilion, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        assert schedule_publish(pavilion=pavilion) == 6
    message = next(m for m in mail.outbox if m.to == ["sato@example.jp"])
    meeting = Meeting.objects.select_related("slot").get(sme=sme)
    local = pavilion.fair.local(meeting.slot.starts_at)
    # In fair time, in Japanese for the exhibitor's staff, the zone named: 2027年11月15日(月) 10:00
    assert f"{local.year}年{local.month}月{local.day}日" in message.body
    assert f"{local:%H:%M}–" in message.body
    assert "CET" in message.body
    assert message.attachments[0][0] == "schedule.ics"
    assert "BEGIN:VEVENT" in message.attachments[0][1]


def test_a_move_that_double_books_names_who_when_and_the_rule(
    accepted, django_capture_on_commit_callbacks
):
    pavilion = accepted["pavilion"]
    schedule(pavilion, django_capture_on_commit_callbacks)
    first, second = Meeting.objects.filter(sme=accepted["smes"][0]).first(), None
    other = meeting_request(
        pavilion=pavilion, sme=accepted["smes"][0], buyer=accepted["buyers"][5], side="organiser"
    )
    second = meeting_accept(meeting=other, side="organiser")
    with pytest.raises(ValidationError) as error:
        meeting_move(meeting=second, slot=first.slot)
    message = " ".join(error.value.messages)
    assert str(accepted["smes"][0]) in message
    assert pavilion.fair.local_text(first.slot.starts_at) in message
    assert "one meeting per slot" in message


def test_a_move_outside_a_buyers_days_is_refused(accepted):
    pavilion = accepted["pavilion"]
    meeting = accepted["meetings"][0]
    last_day_slot = pavilion.slots.order_by("-starts_at").first()
    with pytest.raises(ValidationError, match=f"{meeting.buyer} is not available at"):
        meeting_move(meeting=meeting, slot=last_day_slot)


def test_a_change_of_availability_never_unbooks_a_published_meeting(
    accepted, django_capture_on_commit_callbacks
):
    pavilion = accepted["pavilion"]
    schedule(pavilion, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        schedule_publish(pavilion=pavilion)
    meeting = Meeting.objects.select_related("slot").first()
    ParticipantUnavailability.objects.create(pavilion=pavilion, sme=meeting.sme, slot=meeting.slot)
    [(conflicting, why)] = availability_conflicts(pavilion)
    assert conflicting.pk == meeting.pk
    assert why.startswith(f"{meeting.sme} is not available at")
    before = slots_of(pavilion)
    schedule(pavilion, django_capture_on_commit_callbacks)
    assert slots_of(pavilion) == before  # still booked: the organiser decides


def test_schedule_grid_csv_and_calendars(
    client, accepted, make_organiser, django_capture_on_commit_callbacks
):
    pavilion = accepted["pavilion"]
    schedule(pavilion, django_capture_on_commit_callbacks)
    client.force_login(make_organiser(pavilion.organiser, "organiser-grid"))
    grid = client.get(reverse("admin:meetings_schedule", args=[pavilion.pk]))
    meeting = Meeting.objects.select_related("slot", "buyer").first()
    local = pavilion.fair.local(meeting.slot.starts_at)
    assert meeting.buyer.name in grid.content.decode()
    # Column heads in the fair's time: the day starts at 10:00 in Düsseldorf (09:00 UTC).
    assert '<th scope="col">10:00</th>' in grid.content.decode()
    assert '<th scope="col">09:00</th>' not in grid.content.decode()
    csv = client.get(reverse("admin:meetings_schedule_csv", args=[pavilion.pk])).content.decode()
    assert f"{local:%Y-%m-%d},{local:%H:%M}" in csv
    assert "Europe/Berlin" in csv
    sme_ics = client.get(
        reverse("admin:meetings_schedule_ics", args=[pavilion.pk, "sme", meeting.sme_id])
    ).content.decode()
    buyer_ics = client.get(
        reverse("admin:meetings_schedule_ics", args=[pavilion.pk, "buyer", meeting.buyer_id])
    ).content.decode()
    uid = f"UID:meeting-{meeting.pk}@japan-pavilion"
    assert uid in sme_ics
    assert uid in buyer_ics
    assert f"DTSTART:{meeting.slot.starts_at:%Y%m%dT%H%M%S}Z" in sme_ics


def test_other_organisers_get_no_schedule(client, accepted, make_organiser):
    from events.factories import OrganisingOfficeFactory

    client.force_login(make_organiser(OrganisingOfficeFactory(), "organiser-else"))
    response = client.get(reverse("admin:meetings_schedule", args=[accepted["pavilion"].pk]))
    assert response.status_code == 404


def test_admin_move_is_refused_with_the_conflict(
    client, accepted, make_organiser, django_capture_on_commit_callbacks
):
    pavilion = accepted["pavilion"]
    schedule(pavilion, django_capture_on_commit_callbacks)
    client.force_login(make_organiser(pavilion.organiser, "organiser-move"))
    first = Meeting.objects.filter(sme=accepted["smes"][0]).first()
    target = Meeting.objects.exclude(sme=accepted["smes"][0]).exclude(buyer=first.buyer).first()
    # Move a meeting of the same buyer into another's slot: refused on the form, nothing saved.
    same_buyer = meeting_accept(
        meeting=meeting_request(
            pavilion=pavilion, sme=target.sme, buyer=first.buyer, side="organiser"
        ),
        side="organiser",
    )
    response = client.post(
        reverse("admin:meetings_meeting_change", args=[same_buyer.pk]),
        {
            "slot": first.slot_id,
            "interpreter": "",
            "attendee": "",
            "meetingevent_set-TOTAL_FORMS": "0",
            "events-TOTAL_FORMS": "0",
            "events-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "one meeting per slot" in response.content.decode()
    same_buyer.refresh_from_db()
    assert same_buyer.slot is None


@pytest.mark.django_db(transaction=True)
def test_concurrent_moves_cannot_double_book(accepted, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent transactions need PostgreSQL")
    pavilion = accepted["pavilion"]
    sme = accepted["smes"][0]
    first = accepted["meetings"][0]
    second = meeting_accept(
        meeting=meeting_request(
            pavilion=pavilion, sme=sme, buyer=accepted["buyers"][3], side="organiser"
        ),
        side="organiser",
    )
    slot = pavilion.slots.order_by("starts_at").first()
    both_checked = threading.Barrier(2, timeout=30)
    real_check = placement.placement_violations

    def check_then_wait(**kwargs):
        problems = real_check(**kwargs)
        both_checked.wait()  # both requests pass the check before either writes
        return problems

    monkeypatch.setattr(placement, "placement_violations", check_then_wait)
    outcomes = []

    def move(meeting, interpreter):
        try:
            meeting_move(meeting=meeting, slot=slot, interpreter=interpreter)
            outcomes.append("moved")
        except ValidationError as error:
            outcomes.append(" ".join(error.messages))
        finally:
            connection.close()

    interpreters = Interpreter.objects.filter(pavilion=pavilion)  # one each: only the SME clashes
    threads = [
        threading.Thread(target=move, args=pair)
        for pair in zip((first, second), interpreters, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcomes.count("moved") == 1
    [refused] = [outcome for outcome in outcomes if outcome != "moved"]
    assert refused.startswith("Someone booked")
    assert Meeting.objects.filter(sme=sme, slot=slot).count() == 1


def test_command_schedules_here_with_progress(accepted, capsys):
    from django.core.management import call_command

    call_command("run_scheduler", accepted["pavilion"].pk, "--here", "--time-limit", "5")
    output = capsys.readouterr().out
    assert "6 of 6 meetings placed" in output
    assert "100.00%" in output


def test_command_progress_is_in_the_active_language(accepted, capsys):
    from django.core.management import call_command
    from django.utils import translation

    with translation.override("ja"):
        call_command("run_scheduler", accepted["pavilion"].pk, "--here", "--time-limit", "5")
    output = capsys.readouterr().out
    assert "合計スコアが最も高くなる商談を選択中" in output
    assert "greedy score" not in output  # the scheduler core's own English never shows


@pytest.mark.parametrize(
    ("state", "english", "japanese"),
    [
        (
            {"phase": "gaps", "gaps": 4, "proven": False, "stage": "parties_with_gaps"},
            "Cutting idle gaps: 4 left",
            "空き時間を削減中：残り 4 件",
        ),
        (
            {"phase": "gaps", "gaps": 4, "proven": False, "bound": 3},
            "Cutting idle gaps: 4 left (at least 3 unavoidable)",
            "空き時間を削減中：残り 4 件（少なくとも 3 件は避けられません）",
        ),
        (
            {"phase": "gaps", "gaps": 3, "proven": True, "bound": 3},
            "3 idle gaps, proven the fewest possible",
            "空き時間 3 件（最少であることを証明済み）",
        ),
        (
            {"phase": "score"},
            "Choosing the meetings with the highest total score",
            "合計スコアが最も高くなる商談を選択中",
        ),
        (
            {"phase": "score", "score": 12.0},
            "Choosing the meetings with the highest total score (best so far 12.0)",
            "合計スコアが最も高くなる商談を選択中（現時点の最高 12.0）",
        ),
        (
            {"phase": "score", "score": 12.0, "bound": 12.5},
            "Choosing the meetings with the highest total score (best so far 12.0, at most 12.5)",
            "合計スコアが最も高くなる商談を選択中（現時点の最高 12.0、到達できるのは 12.5 以下）",
        ),
        (
            {"phase": "solved", "score": 12.0, "gaps": 3},
            "Writing the schedule",
            "スケジュールを書き込み中",
        ),
    ],
)
def test_scheduler_states_are_worded_in_the_readers_language(state, english, japanese):
    from django.utils import translation

    with translation.override("en"):
        assert SchedulingRun().state_text(state) == english
    with translation.override("ja"):
        assert SchedulingRun().state_text(state) == japanese


def test_scheduler_progress_reaches_the_run_as_the_schedulers_codes(accepted):
    """The run stores the scheduler's own codes and figures, in nobody's language; nothing
    reads them back out of text."""
    from django.utils import translation

    run = scheduling_run_request(pavilion=accepted["pavilion"], time_limit=5, queue=False)
    reported = []
    with translation.override("ja"):
        scheduling_run_execute(
            run=run, progress=lambda fraction, state: reported.append((fraction, state))
        )
    states = [state for _, state in reported]
    assert states[0] == {"phase": "score", "score": states[0]["score"]}
    assert states[-1]["phase"] == "solved"
    for state in states:
        with translation.override("en"):
            assert SchedulingRun().state_text(state)
        with translation.override("ja"):
            assert SchedulingRun().state_text(state)
