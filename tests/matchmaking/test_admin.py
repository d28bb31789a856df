import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from companies.choices import MemberRole
from companies.models import Membership
from core.models import AuditEntry, RunStatus
from events.factories import ExhibitorRegistrationFactory, OrganisingOfficeFactory, PavilionFactory
from events.services import slots as event_services
from matchmaking import services as matching_services
from matchmaking.models import MatchingRun, MatchingSettings, PairWish, Proposal
from meetings.models import Meeting, MeetingStatus, SchedulingRun
from meetings.services.attendance import meeting_outcome_record, meeting_record_attendance
from meetings.services.decisions import meeting_accept
from meetings.services.placement import meeting_move
from meetings.services.publication import schedule_publish
from meetings.services.requests import meeting_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(small_pavilion, make_organiser):
    return make_organiser(small_pavilion["pavilion"].organiser, "organiser-medica")


@pytest.fixture
def other_organiser(make_organiser):
    office = OrganisingOfficeFactory()
    PavilionFactory(organiser=office)
    return make_organiser(office, "organiser-elsewhere")


def test_organiser_runs_matchmaking_from_the_pavilion_list(
    client, organiser, small_pavilion, django_capture_on_commit_callbacks
):
    pavilion = small_pavilion["pavilion"]
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:events_pavilion_changelist"),
            {"action": "run_matchmaking", "_selected_action": [pavilion.pk]},
            follow=True,
        )
    run = MatchingRun.objects.get(pavilion=pavilion)
    assert f"follow run #{run.pk}" in response.content.decode()
    assert run.status == RunStatus.DONE
    page = client.get(reverse("admin:matchmaking_matchingrun_change", args=[run.pk]))
    assert 'value="100"' in page.content.decode()  # the progress bar


def test_run_page_refreshes_while_the_run_is_active(client, organiser, small_pavilion):
    run = matching_services.matching_run_request(pavilion=small_pavilion["pavilion"], queue=False)
    client.force_login(organiser)
    page = client.get(reverse("admin:matchmaking_matchingrun_change", args=[run.pk]))
    assert 'http-equiv="refresh"' in page.content.decode()


def test_a_second_run_from_the_admin_shows_why_it_is_refused(client, organiser, small_pavilion):
    pavilion = small_pavilion["pavilion"]
    matching_services.matching_run_request(pavilion=pavilion, queue=False)
    client.force_login(organiser)
    response = client.post(
        reverse("admin:events_pavilion_changelist"),
        {"action": "run_matchmaking", "_selected_action": [pavilion.pk]},
        follow=True,
    )
    assert "is already queued" in response.content.decode()
    assert MatchingRun.objects.filter(pavilion=pavilion).count() == 1


def test_organiser_tunes_weights_with_errors_on_their_fields(client, organiser, small_pavilion):
    pavilion = small_pavilion["pavilion"]
    url = reverse("admin:matchmaking_weights", args=[pavilion.pk])
    client.force_login(organiser)
    form = client.get(url).context["form"]
    data = {name: field.initial for name, field in form.fields.items()}
    response = client.post(url, {**data, "market_region_credit": "1.5"})
    assert "must be between 0 and 1" in response.content.decode()
    assert not MatchingSettings.objects.exists()
    response = client.post(url, {**data, "min_score": "50"})
    assert response.status_code == 302
    assert MatchingSettings.objects.get(pavilion=pavilion).weights["min_score"] == 50


def test_weights_saved_and_reset_in_the_admin_are_recorded(
    client, admin_client, admin_user, organiser, small_pavilion
):
    pavilion = small_pavilion["pavilion"]
    url = reverse("admin:matchmaking_weights", args=[pavilion.pk])
    client.force_login(organiser)
    form = client.get(url).context["form"]
    data = {name: field.initial for name, field in form.fields.items()}
    assert client.post(url, {**data, "min_score": "50"}).status_code == 302
    saved = AuditEntry.objects.get(action="weights.updated")
    assert (saved.interface, saved.actor, saved.pavilion_id) == ("admin", organiser, pavilion.pk)
    assert saved.changes == {"weights.min_score": [form.fields["min_score"].initial, 50]}
    settings = MatchingSettings.objects.get(pavilion=pavilion)
    response = admin_client.post(
        reverse("admin:matchmaking_matchingsettings_delete", args=[settings.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not MatchingSettings.objects.exists()
    reset = AuditEntry.objects.get(action="weights.reset")
    assert (reset.actor, reset.pavilion_id) == (admin_user, pavilion.pk)
    assert reset.changes == {"weights.min_score": [50, form.fields["min_score"].initial]}


def test_other_organisers_see_no_runs_proposals_or_weights(
    client, other_organiser, small_pavilion, django_capture_on_commit_callbacks
):
    pavilion = small_pavilion["pavilion"]
    with django_capture_on_commit_callbacks(execute=True):
        run = matching_services.matching_run_request(pavilion=pavilion)
    client.force_login(other_organiser)
    runs = client.get(reverse("admin:matchmaking_matchingrun_changelist")).content.decode()
    assert f"matchingrun/{run.pk}/change/" not in runs
    assert str(pavilion) not in runs
    proposals = client.get(reverse("admin:matchmaking_proposal_changelist")).content.decode()
    assert Proposal.objects.first().buyer.name not in proposals
    weights = client.get(reverse("admin:matchmaking_weights", args=[pavilion.pk]))
    assert weights.status_code == 404


def test_proposal_list_explains_each_proposal(
    client, organiser, small_pavilion, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        matching_services.matching_run_request(pavilion=small_pavilion["pavilion"])
    client.force_login(organiser)
    english = client.get(reverse("admin:matchmaking_proposal_changelist")).content.decode()
    # The column is labelled "why"; its text has no lead-in of its own.
    assert "Both work in " in english
    assert "Proposed because" not in english
    japanese = client.get("/ja/admin/matchmaking/proposal/").content.decode()
    assert "業種が一致しています" in japanese
    assert "提案理由：" not in japanese


def test_command_runs_matchmaking_here_with_progress(small_pavilion, capsys):
    call_command("run_matchmaking", small_pavilion["pavilion"].pk, "--here")
    output = capsys.readouterr().out
    assert "100.0%" in output
    assert "done:" in output
    assert "6 exhibitors and 12 buyers" in output


def test_command_names_an_unknown_pavilion(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No pavilion has the id 999"):
        call_command("run_matchmaking", 999, "--here")


def test_wish_admin_refuses_a_pair_outside_the_pavilion_on_its_field(
    client, organiser, small_pavilion
):
    pavilion = small_pavilion["pavilion"]
    client.force_login(organiser)
    url = reverse("admin:matchmaking_pairwish_add")
    form = {"pavilion": pavilion.pk, "buyer": small_pavilion["buyers"][0].pk, "kind": "no_thanks"}
    # An SME of the organiser's pavilion whose application is not accepted: the service says why
    # (an SME of no pavilion of theirs is not even offered).
    applicant = ExhibitorRegistrationFactory(pavilion=pavilion, status="applied").sme
    response = client.post(url, {**form, "sme": applicant.pk})
    assert response.status_code == 200
    assert "is not an accepted exhibitor" in str(response.context["adminform"].form.errors["sme"])
    assert not PairWish.objects.exists()
    response = client.post(url, {**form, "sme": small_pavilion["smes"][0].pk})
    assert response.status_code == 302
    wish = PairWish.objects.get()
    assert wish.created_by == organiser
    response = client.post(
        reverse("admin:matchmaking_pairwish_delete", args=[wish.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not PairWish.objects.exists()


# -- Acting for participants -----------------------------------------------------------------


@pytest.fixture
def proposals(small_pavilion, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        matching_services.matching_run_request(pavilion=small_pavilion["pavilion"])
    return list(Proposal.objects.order_by("pk")[:2])


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_accepting_proposals_first_asks_on_whose_behalf(client, organiser, proposals):
    client.force_login(organiser)
    selected = {"action": "accept", "_selected_action": [p.pk for p in proposals]}
    page = client.post(changelist(Proposal), selected)
    assert page.status_code == 200
    content = page.content.decode()
    assert "On behalf of the exhibitor: the buyer is asked to answer" in content
    assert "On behalf of both sides: the meeting is confirmed" in content
    assert str(proposals[0]) in content
    assert not Meeting.objects.exists()
    unanswered = client.post(changelist(Proposal), {**selected, "post": "yes"})
    assert "Choose on whose behalf you accept." in unanswered.content.decode()
    assert not Meeting.objects.exists()


def test_accepting_proposals_for_the_exhibitors_requests_on_their_behalf(
    client, organiser, proposals
):
    client.force_login(organiser)
    response = client.post(
        changelist(Proposal),
        {
            "action": "accept",
            "_selected_action": [p.pk for p in proposals],
            "post": "yes",
            "acting_for": "exhibitor",
        },
        follow=True,
    )
    assert messages_of(response) == [
        "2 meeting requests made on behalf of the exhibitors; the buyers are asked to answer."
    ]
    for meeting in Meeting.objects.all():
        assert meeting.status == MeetingStatus.REQUESTED
        assert meeting.requested_by_side == "exhibitor"
        assert meeting.exhibitor_accepted_at is not None
        assert meeting.buyer_accepted_at is None
        event = meeting.events.get()
        assert (event.actor, event.side, event.acting_for) == (organiser, "organiser", "exhibitor")


def test_accepting_proposals_for_both_sides_confirms_the_meetings(client, organiser, proposals):
    client.force_login(organiser)
    response = client.post(
        changelist(Proposal),
        {
            "action": "accept",
            "_selected_action": [p.pk for p in proposals],
            "post": "yes",
            "acting_for": "both",
        },
        follow=True,
    )
    assert messages_of(response) == ["2 meetings confirmed on behalf of both sides."]
    assert set(Meeting.objects.values_list("status", flat=True)) == {MeetingStatus.ACCEPTED}
    assert set(Meeting.objects.values_list("events__acting_for", flat=True)) == {"both"}
    assert all(m.exhibitor_accepted_at and m.buyer_accepted_at for m in Meeting.objects.all())


def request_meeting(small_pavilion, index=0, side="exhibitor"):
    return meeting_request(
        pavilion=small_pavilion["pavilion"],
        sme=small_pavilion["smes"][index],
        buyer=small_pavilion["buyers"][index],
        side=side,
    )


def test_accepting_requests_says_for_whom_and_what_followed(client, organiser, small_pavilion):
    from_exhibitor = request_meeting(small_pavilion, 0, "exhibitor")
    from_buyer = request_meeting(small_pavilion, 1, "buyer")
    client.force_login(organiser)
    selected = {
        "action": "accept_on_behalf",
        "_selected_action": [from_exhibitor.pk, from_buyer.pk],
    }
    page = client.post(changelist(Meeting), selected)
    assert "already accepted by the exhibitor" in page.content.decode()
    assert from_exhibitor.events.count() == 1
    response = client.post(
        changelist(Meeting), {**selected, "post": "yes", "acting_for": "buyer"}, follow=True
    )
    assert messages_of(response) == [
        "1 meeting accepted on behalf of the buyer, which confirms it.",
        "1 meeting accepted on behalf of the buyer; the exhibitor is asked to answer.",
    ]
    from_exhibitor.refresh_from_db()
    from_buyer.refresh_from_db()
    assert from_exhibitor.status == MeetingStatus.ACCEPTED
    assert from_buyer.status == MeetingStatus.REQUESTED
    assert from_exhibitor.events.last().acting_for == "buyer"


def scheduled(small_pavilion, index=3):
    """A meeting of the small pavilion in its first slot (the sides share a language)."""
    pavilion = small_pavilion["pavilion"]
    if not pavilion.slots.exists():
        event_services.meeting_slots_generate(pavilion=pavilion)
    sme, buyer = small_pavilion["smes"][index], small_pavilion["buyers"][index - 3]
    sme.languages.add(*buyer.languages.all())
    meeting = meeting_request(pavilion=pavilion, sme=sme, buyer=buyer, side="exhibitor")
    meeting = meeting_accept(meeting=meeting, side="buyer")
    slot = pavilion.slots.order_by("starts_at")[index - 3]
    return meeting_move(meeting=meeting, slot=slot)


def test_cancelling_a_published_meeting_takes_a_reason(
    client, organiser, small_pavilion, django_capture_on_commit_callbacks
):
    meeting = scheduled(small_pavilion)
    with django_capture_on_commit_callbacks(execute=True):
        schedule_publish(pavilion=small_pavilion["pavilion"])
    client.force_login(organiser)
    selected = {"action": "cancel", "_selected_action": [meeting.pk]}
    page = client.post(changelist(Meeting), selected).content.decode()
    assert "Cancel 1 meeting?" in page
    assert "1 of these meetings is in the published schedule" in page
    assert str(meeting.slot) in page
    refused = client.post(changelist(Meeting), {**selected, "post": "yes", "reason": " "})
    assert "Say why: 1 of these meetings is in the published schedule." in refused.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            changelist(Meeting),
            {**selected, "post": "yes", "reason": "The buyer's flight was cancelled."},
            follow=True,
        )
    assert messages_of(response) == ["1 meeting cancelled."]
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert meeting.cancel_reason == "The buyer's flight was cancelled."


def test_the_meeting_page_cancels_through_the_same_confirmation(
    client, organiser, small_pavilion, django_capture_on_commit_callbacks
):
    meeting = scheduled(small_pavilion)
    with django_capture_on_commit_callbacks(execute=True):
        schedule_publish(pavilion=small_pavilion["pavilion"])
    client.force_login(organiser)
    change = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    cancel = reverse("admin:meetings_meeting_cancel", args=[meeting.pk])
    assert cancel in client.get(change).content.decode()
    page = client.get(cancel)
    assert page.status_code == 200
    assert 'name="reason"' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel, {"post": "yes", "reason": "Stand closed."})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.status, meeting.cancel_reason) == (MeetingStatus.CANCELLED, "Stand closed.")
    assert cancel not in client.get(change).content.decode()  # nothing left to cancel


def test_publishing_says_how_many_meetings_and_who_is_emailed_first(
    client, organiser, small_pavilion, django_capture_on_commit_callbacks
):
    first, second = scheduled(small_pavilion, 3), scheduled(small_pavilion, 4)
    for company in (first.sme, first.buyer, second.sme, second.buyer):
        side = "sme" if company in (first.sme, second.sme) else "buyer"
        user = get_user_model().objects.create_user(
            f"team-{side}-{company.pk}", email=f"{side}-{company.pk}@example.com"
        )
        Membership.objects.create(user=user, role=MemberRole.ADMIN, **{side: company})
    pavilion = small_pavilion["pavilion"]
    client.force_login(organiser)
    grid = client.get(reverse("admin:meetings_schedule", args=[pavilion.pk])).content.decode()
    publish = reverse("admin:meetings_schedule_publish", args=[pavilion.pk])
    assert publish in grid
    page = client.get(publish).content.decode()
    assert "Publish 2 meetings?" in page
    assert "2 exhibitors and 2 buyers are emailed their schedule" in page
    for company in (first.sme, first.buyer, second.sme, second.buyer):
        assert str(company) in page
    assert not Meeting.objects.filter(published_at__isnull=False).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(publish, {"post": "yes"}, follow=True)
    assert messages_of(response) == [
        "2 meetings published; 4 participants whose schedule changed are emailed."
    ]
    assert Meeting.objects.filter(published_at__isnull=False).count() == 2
    again = client.get(publish).content.decode()
    assert "Publish 0 meetings?" in again
    assert "Nobody is emailed" in again


# -- History and progress in the reader's language ------------------------------------------


def test_meeting_history_is_worded_in_the_readers_language(client, organiser, small_pavilion):
    meeting = scheduled(small_pavilion)
    meeting_record_attendance(meeting=meeting, held=True, at=meeting.slot.ends_at)
    meeting_outcome_record(meeting=meeting, side="exhibitor", stage="sample")
    client.force_login(organiser)
    english = client.get(
        reverse("admin:meetings_meeting_change", args=[meeting.pk])
    ).content.decode()
    assert "Requested by the exhibitor" in english
    assert f"Moved to {meeting.slot} by the organiser (Accepted → Scheduled)" in english
    assert "Outcome recorded by the exhibitor: Samples sent (At the fair)" in english
    assert "at_fair" not in english
    japanese = client.get(f"/ja/admin/meetings/meeting/{meeting.pk}/change/").content.decode()
    assert "出展者が商談を申し込みました" in japanese
    assert "at_fair" not in japanese
    assert "sample" not in re.sub(r"<[^>]+>", "", japanese).lower()


def test_a_run_started_in_english_reads_in_japanese(client, organiser, small_pavilion):
    with translation.override("en"):
        run = matching_services.matching_run_request(
            pavilion=small_pavilion["pavilion"], queue=False
        )
        matching_services.matching_run_execute(run=run)
    run.refresh_from_db()
    assert run.progress_state == {"phase": "done"}
    client.force_login(organiser)
    page = client.get(f"/ja/admin/matchmaking/matchingrun/{run.pk}/change/").content.decode()
    assert f"{run.counts['proposals']}件の提案" in page
    assert "proposals" not in re.sub(r"<[^>]+>", "", page).split("提案")[0][-40:]


def test_the_run_list_shows_times_in_the_fair_time_zone(client, organiser, small_pavilion):
    run = matching_services.matching_run_request(pavilion=small_pavilion["pavilion"], queue=False)
    client.force_login(organiser)
    content = client.get(changelist(MatchingRun)).content.decode()
    assert small_pavilion["pavilion"].fair.local_text(run.created_at) in content
    scheduling = SchedulingRun.objects.create(pavilion=small_pavilion["pavilion"])
    content = client.get(changelist(SchedulingRun)).content.decode()
    assert small_pavilion["pavilion"].fair.local_text(scheduling.created_at) in content


def test_the_schedule_grid_names_its_days_and_runs_in_the_readers_language(
    client, organiser, small_pavilion
):
    meeting = scheduled(small_pavilion)
    pavilion = small_pavilion["pavilion"]
    run = SchedulingRun.objects.create(
        pavilion=pavilion, status="done", counts={"placed": 1, "meetings": 1}
    )
    client.force_login(organiser)
    url = reverse("admin:meetings_schedule", args=[pavilion.pk])
    english = client.get(url).content.decode()
    assert "<h2>Mon 15 Nov 2027</h2>" in english
    assert "1 of 1 meeting placed" in english
    assert pavilion.fair.local_text(run.created_at) in english
    japanese = client.get(f"/ja{url[3:]}").content.decode()
    assert "<h2>2027年11月15日(月)</h2>" in japanese
    assert "月曜日" not in japanese
    assert "1件中1件の商談を配置" in japanese
    assert meeting.buyer.name in japanese
