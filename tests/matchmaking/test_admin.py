import pytest
from django.core.management import call_command
from django.urls import reverse

from companies.factories import SMEFactory
from events.factories import OrganisingOfficeFactory, PavilionFactory
from matchmaking import services
from matchmaking.models import MatchingRun, MatchingSettings, PairWish, Proposal, RunStatus

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
    run = services.matching_run_request(pavilion=small_pavilion["pavilion"], queue=False)
    client.force_login(organiser)
    page = client.get(reverse("admin:matchmaking_matchingrun_change", args=[run.pk]))
    assert 'http-equiv="refresh"' in page.content.decode()


def test_a_second_run_from_the_admin_shows_why_it_is_refused(client, organiser, small_pavilion):
    pavilion = small_pavilion["pavilion"]
    services.matching_run_request(pavilion=pavilion, queue=False)
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


def test_other_organisers_see_no_runs_proposals_or_weights(
    client, other_organiser, small_pavilion, django_capture_on_commit_callbacks
):
    pavilion = small_pavilion["pavilion"]
    with django_capture_on_commit_callbacks(execute=True):
        run = services.matching_run_request(pavilion=pavilion)
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
        services.matching_run_request(pavilion=small_pavilion["pavilion"])
    client.force_login(organiser)
    english = client.get(reverse("admin:matchmaking_proposal_changelist")).content.decode()
    assert "Proposed because" in english
    japanese = client.get("/ja/admin/matchmaking/proposal/").content.decode()
    assert "提案理由" in japanese


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
    response = client.post(url, {**form, "sme": SMEFactory().pk})
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
