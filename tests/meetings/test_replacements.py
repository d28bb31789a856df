"""Replacements for a freed slot: the ranked meetings that could take it (nothing placed moves),
placed with one click by the pavilion's organisers, refused when stale."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from companies.factories import LanguageFactory
from companies.models import Membership
from events.factories import InterpreterFactory, OrganisingOfficeFactory
from matchmaking.models import Proposal, ProposalStatus
from meetings.models import Meeting, MeetingStatus, ScheduleNotice
from meetings.selectors.replacements import replacement_candidates
from meetings.services.attendance import meeting_record_attendance
from meetings.services.decisions import meeting_cancel
from meetings.services.placement import meeting_move
from meetings.services.publication import meeting_publish, schedule_publish
from meetings.services.replacements import replacement_place

from .grid_builders import accepted_meeting, booked, grid_world


@pytest.fixture
def world(db):
    """Maker 0 meets Buyer 0 in the first slot, Maker 1 meets Buyer 1 there, published."""
    world = grid_world(exhibitors=4, buyers=5)
    pavilion, smes, buyers, slots = (world[k] for k in ("pavilion", "smes", "buyers", "first_day"))
    world["slot"] = slots[0]
    world["freed"] = meeting_move(
        meeting=accepted_meeting(pavilion, smes[0], buyers[0]), slot=slots[0]
    )
    world["busy"] = meeting_move(
        meeting=accepted_meeting(pavilion, smes[1], buyers[1]), slot=slots[0]
    )
    schedule_publish(pavilion=pavilion)
    return world


def cancelled(world):
    return meeting_cancel(
        meeting=world["freed"], side="organiser", note="The buyer's flight was cancelled."
    )


def keys(rows):
    return {(row.sme.pk, row.buyer.pk) for row in rows}


def pair(world, i, j):
    return world["smes"][i].pk, world["buyers"][j].pk


def propose(world, i, j, score=90.0):
    return Proposal.objects.create(
        pavilion=world["pavilion"],
        sme=world["smes"][i],
        buyer=world["buyers"][j],
        score=score,
        reason={},
    )


def test_candidates_are_free_pairs_best_first_and_never_busy_ones(world):
    pavilion, smes, buyers = world["pavilion"], world["smes"], world["buyers"]
    waiting = accepted_meeting(pavilion, smes[0], buyers[2])
    accepted_meeting(pavilion, smes[1], buyers[0])  # Maker 1 meets Buyer 1 then
    accepted_meeting(pavilion, smes[2], buyers[1])  # Buyer 1 too
    proposal = propose(world, 3, buyers.index(buyers[0]))
    rows = replacement_candidates(cancelled(world))
    assert keys(rows) == {pair(world, 0, 2), pair(world, 3, 0)}
    assert [row.key for row in rows] == [f"p{proposal.pk}", f"m{waiting.pk}"]
    assert rows[0].is_proposal
    assert rows[0].score == 90.0
    assert rows[0].reason is not None
    assert rows[1].meeting == waiting
    assert rows[1].interpreter is None


def test_pairs_that_met_or_have_a_meeting_are_not_offered(world):
    pavilion, smes, buyers, slots = (world[k] for k in ("pavilion", "smes", "buyers", "first_day"))
    Meeting.objects.create(
        pavilion=pavilion,
        sme=smes[2],
        buyer=buyers[3],
        slot=slots[3],
        status=MeetingStatus.HELD,
        requested_by_side="organiser",
    )
    accepted_meeting(pavilion, smes[2], buyers[3])  # they met already
    meeting_move(meeting=accepted_meeting(pavilion, smes[3], buyers[4]), slot=slots[5])
    propose(world, 3, 4)  # scheduled together later that day
    propose(world, 2, 3)  # met
    assert replacement_candidates(cancelled(world)) == []


def test_a_capped_party_gets_no_replacement(world):
    pavilion = world["pavilion"]
    pavilion.max_meetings_per_buyer = 1
    pavilion.save()
    propose(world, 2, 1)  # Buyer 1 has their one meeting
    propose(world, 2, 3)
    assert keys(replacement_candidates(cancelled(world))) == {pair(world, 2, 3)}


def test_after_a_no_show_the_side_who_came_gets_a_replacement_not_the_absent_one(world):
    pavilion, slot = world["pavilion"], world["slot"]
    freed = world["freed"]
    meeting_record_attendance(
        meeting=freed, held=False, absent="buyer", at=world["slot"].ends_at + timedelta(minutes=1)
    )
    propose(world, 2, 0)  # Buyer 0 did not come: not offered
    propose(world, 2, 3)
    propose(world, 0, 3)  # Maker 0 came: the missed meeting frees them for the slot
    rows = replacement_candidates(Meeting.objects.get(pk=freed.pk))
    assert keys(rows) == {pair(world, 2, 3), pair(world, 0, 3)}

    row = next(r for r in rows if (r.sme.pk, r.buyer.pk) == pair(world, 0, 3))
    placed = replacement_place(pavilion=pavilion, slot=slot, candidate=row.key, by=None)
    assert (placed.sme, placed.slot, placed.status) == (world["smes"][0], slot, "scheduled")
    # The missed meeting stays a no-show in its slot, beside the replacement.
    assert Meeting.objects.get(pk=freed.pk).slot == slot


def test_a_meeting_needing_an_interpreter_needs_one_free_then(world):
    pavilion, smes, buyers, slot = (world[k] for k in ("pavilion", "smes", "buyers", "slot"))
    german = LanguageFactory(code="de", name_en="German", name_ja="ドイツ語")
    buyers[3].languages.set([german])
    smes[2].languages.set(smes[2].languages.filter(code="ja"))
    world["interpreter"].available_slots.remove(slot)  # Aiko speaks no German anyway
    propose(world, 2, 3)
    freed = cancelled(world)
    assert replacement_candidates(freed) == []
    ken = InterpreterFactory(pavilion=pavilion, name="Ken Ito")
    ken.languages.set([german, *smes[2].languages.all()])
    ken.available_slots.set([slot])
    rows = replacement_candidates(freed)
    assert keys(rows) == {pair(world, 2, 3)}
    assert rows[0].interpreter == ken


def test_placing_an_accepted_meeting_moves_nothing_else(world):
    pavilion, smes, buyers, slot = (world[k] for k in ("pavilion", "smes", "buyers", "slot"))
    waiting = accepted_meeting(pavilion, smes[0], buyers[2])
    freed = cancelled(world)
    before = dict(Meeting.objects.filter(status="scheduled").values_list("pk", "slot_id"))
    [row] = replacement_candidates(freed)
    placed = replacement_place(pavilion=pavilion, slot=slot, candidate=row.key, by=None)
    assert (placed.pk, placed.status, placed.slot, placed.locked) == (
        waiting.pk,
        "scheduled",
        slot,
        True,
    )
    after = dict(Meeting.objects.filter(status="scheduled").values_list("pk", "slot_id"))
    assert after == {**before, waiting.pk: slot.pk}
    assert placed.events.filter(action="moved").exists()


def test_placing_a_proposal_confirms_the_meeting_for_both_sides(world, mailoutbox):
    pavilion, slot = world["pavilion"], world["slot"]
    proposal = propose(world, 2, 3)
    freed = cancelled(world)
    placed = replacement_place(pavilion=pavilion, slot=slot, candidate=f"p{proposal.pk}")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert (placed.sme, placed.buyer, placed.slot, placed.proposal) == (
        world["smes"][2],
        world["buyers"][3],
        slot,
        proposal,
    )
    assert placed.exhibitor_accepted_at
    assert placed.buyer_accepted_at
    assert placed.events.filter(action="requested", acting_for="both").exists()
    assert freed.pk != placed.pk


def team_member(django_user_model, company, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.com", "x")
    field = "sme" if company.__class__.__name__ == "SME" else "buyer"
    Membership.objects.create(user=user, preferred_language="en", **{field: company})
    return user


def test_a_replacement_in_a_published_schedule_is_published_and_its_two_sides_emailed(
    world, django_user_model, django_capture_on_commit_callbacks, mailoutbox
):
    pavilion, smes, buyers, slots = (world[k] for k in ("pavilion", "smes", "buyers", "first_day"))
    for company, username in ((smes[2], "ken"), (buyers[3], "eva"), (smes[1], "yui")):
        team_member(django_user_model, company, username)
    draft = meeting_move(meeting=accepted_meeting(pavilion, smes[1], buyers[4]), slot=slots[1])
    proposal = propose(world, 2, 3)
    cancelled(world)
    with django_capture_on_commit_callbacks(execute=True):
        placed = replacement_place(
            pavilion=pavilion, slot=world["slot"], candidate=f"p{proposal.pk}"
        )
    assert placed.published_at is not None
    assert placed.events.filter(action="published").exists()
    draft.refresh_from_db()
    assert draft.published_at is None  # left for the organiser's next publication
    schedules = [m for m in mailoutbox if m.subject.startswith("Your meeting schedule")]
    assert sorted(address for m in schedules for address in m.to) == [
        "eva@example.com",
        "ken@example.com",
    ]
    slot = world["slot"]
    assert all(pavilion.fair.slot_text(slot.starts_at, slot.ends_at) in m.body for m in schedules)
    assert ScheduleNotice.objects.filter(sme=smes[2]).exists()
    assert not ScheduleNotice.objects.filter(sme=smes[1]).exists()


def test_a_replacement_before_publication_waits_for_it(
    db, django_user_model, django_capture_on_commit_callbacks, mailoutbox
):
    world = grid_world(exhibitors=2, buyers=2)
    team_member(django_user_model, world["smes"][0], "ken")
    waiting = accepted_meeting(world["pavilion"], world["smes"][0], world["buyers"][0])
    with django_capture_on_commit_callbacks(execute=True):
        placed = replacement_place(
            pavilion=world["pavilion"], slot=world["first_day"][0], candidate=f"m{waiting.pk}"
        )
    assert (placed.status, placed.published_at) == ("scheduled", None)
    assert not mailoutbox


def test_only_a_meeting_with_a_slot_is_published_on_its_own(world):
    waiting = accepted_meeting(world["pavilion"], world["smes"][2], world["buyers"][2])
    with pytest.raises(ValidationError, match="with a slot"):
        meeting_publish(meeting=waiting)
    busy = Meeting.objects.get(pk=world["busy"].pk)
    assert meeting_publish(meeting=busy).published_at == busy.published_at  # published already
    assert busy.events.filter(action="published").count() == 1


def test_a_stale_candidate_is_refused_and_nothing_is_written(world):
    pavilion, smes, buyers, slot = (world[k] for k in ("pavilion", "smes", "buyers", "slot"))
    proposal = propose(world, 2, 3)
    [row] = replacement_candidates(cancelled(world))
    meeting_move(meeting=accepted_meeting(pavilion, smes[2], buyers[4]), slot=slot)
    with pytest.raises(ValidationError, match="one meeting per slot"):
        replacement_place(pavilion=pavilion, slot=slot, candidate=row.key)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN
    assert not Meeting.objects.filter(sme=smes[2], buyer=buyers[3]).exists()


def test_a_candidate_of_another_pavilion_or_placed_already_is_refused(world):
    pavilion, slot = world["pavilion"], world["slot"]
    with pytest.raises(ValidationError, match="no longer waiting"):
        replacement_place(pavilion=pavilion, slot=slot, candidate=f"m{world['busy'].pk}")
    with pytest.raises(ValidationError, match="from the list"):
        replacement_place(pavilion=pavilion, slot=slot, candidate="x1")
    other = grid_world(exhibitors=1, buyers=1, prefix="Other ")
    with pytest.raises(ValidationError, match="another pavilion"):
        replacement_place(pavilion=other["pavilion"], slot=slot, candidate="m1")


@pytest.fixture
def organiser(world, make_organiser):
    return make_organiser(world["pavilion"].organiser)


def test_the_organiser_finds_and_places_a_replacement(client, world, organiser):
    proposal = propose(world, 2, 3)
    freed = cancelled(world)
    client.force_login(organiser)
    change = client.get(reverse("admin:meetings_meeting_change", args=[freed.pk]))
    url = reverse("admin:meetings_meeting_replacements", args=[freed.pk])
    assert url in change.content.decode()
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Maker 002" in text
    assert "Buyer 003" in text
    assert "Place here" in text
    assert "The schedule is published: the meeting you place here is published at once" in text
    assert world["pavilion"].fair.slot_text(world["slot"].starts_at, world["slot"].ends_at) in text
    response = client.post(url, {"slot": world["slot"].pk, "candidate": f"p{proposal.pk}"})
    placed = Meeting.objects.get(proposal=proposal)
    assert response.url == reverse("admin:meetings_meeting_change", args=[placed.pk])
    assert placed.slot == world["slot"]
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "published; both sides are emailed their updated schedule" in message


def test_a_refusal_is_shown_and_nothing_placed(client, world, organiser):
    pavilion, smes, buyers, slot = (world[k] for k in ("pavilion", "smes", "buyers", "slot"))
    proposal = propose(world, 2, 3)
    cancelled(world)
    meeting_move(meeting=accepted_meeting(pavilion, smes[2], buyers[4]), slot=slot)
    client.force_login(organiser)
    url = reverse("admin:meetings_schedule_replacements", args=[pavilion.pk]) + f"?slot={slot.pk}"
    response = client.post(url, {"slot": slot.pk, "candidate": f"p{proposal.pk}"})
    assert response.status_code == 302
    assert response.url == url
    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "error"
    assert "one meeting per slot" in message.message
    assert not Meeting.objects.filter(proposal=proposal).exists()


def test_any_free_slot_of_the_pavilion_lists_replacements(client, world, organiser):
    pavilion, later = world["pavilion"], world["first_day"][4]
    propose(world, 2, 3)
    client.force_login(organiser)
    url = reverse("admin:meetings_schedule_replacements", args=[pavilion.pk])
    assert "Buyer 003" in client.get(url, {"slot": later.pk}).content.decode()
    assert client.get(url).status_code == 404
    other = grid_world(exhibitors=1, buyers=1, prefix="Other ")
    assert client.get(url, {"slot": other["slots"][0].pk}).status_code == 404


def test_only_the_pavilions_organisers_see_or_place(client, world, make_organiser):
    proposal = propose(world, 2, 3)
    freed = cancelled(world)
    url = reverse("admin:meetings_meeting_replacements", args=[freed.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(make_organiser(OrganisingOfficeFactory(), username="elsewhere"))
    assert client.get(url).status_code == 404
    response = client.post(url, {"slot": world["slot"].pk, "candidate": f"p{proposal.pk}"})
    assert response.status_code == 404
    assert not Meeting.objects.filter(proposal=proposal).exists()


def test_a_scheduled_meeting_has_no_replacement_page(client, world, organiser):
    client.force_login(organiser)
    url = reverse("admin:meetings_meeting_replacements", args=[world["busy"].pk])
    assert client.get(url).status_code == 404


def test_the_replacement_page_in_japanese(client, world, organiser):
    propose(world, 2, 3)
    freed = cancelled(world)
    client.force_login(organiser)
    with translation.override("ja"):
        url = reverse("admin:meetings_meeting_replacements", args=[freed.pk])
    assert url.startswith("/ja/")
    text = client.get(url).content.decode()
    assert "代わりの商談" in text
    assert "ここに入れる" in text
    assert "ここで入れた商談はすぐに公開され" in text
    assert "Place here" not in text


def test_a_no_show_page_says_who_did_not_come(client, world, organiser):
    freed = world["freed"]
    meeting_record_attendance(
        meeting=freed, held=False, absent="buyer", at=world["slot"].ends_at + timedelta(minutes=1)
    )
    propose(world, 2, 3)
    client.force_login(organiser)
    change = client.get(reverse("admin:meetings_meeting_change", args=[freed.pk]))
    url = reverse("admin:meetings_meeting_replacements", args=[freed.pk])
    assert url in change.content.decode()
    text = client.get(url).content.decode()
    assert "The buyer did not come" in text
    assert "Buyer 003" in text


@pytest.mark.parametrize(
    ("absent", "sme_free", "buyer_free"),
    [
        ("buyer", True, False),
        ("exhibitor", False, True),
        ("both", False, False),
        ("", False, False),
    ],
)
def test_the_database_frees_only_who_came_to_a_missed_meeting(world, absent, sme_free, buyer_free):
    pavilion, smes, buyers, slot = (world[k] for k in ("pavilion", "smes", "buyers", "slot"))
    freed = world["freed"]
    Meeting.objects.filter(pk=freed.pk).update(status="no_show", absent_side=absent)
    for sme, buyer, free in ((freed.sme, buyers[3], sme_free), (smes[2], freed.buyer, buyer_free)):
        try:
            with transaction.atomic():
                booked(pavilion, sme, buyer, slot)
        except IntegrityError:
            placed = False
        else:
            placed = True
        assert placed is free
