"""The scheduler honours what a pavilion offers first-time exhibitors: placed before equal peers,
and their first meetings interpreted when the pavilion offers it."""

from datetime import date

import pytest
from django.utils import timezone

from companies.factories import ForeignBuyerFactory, LanguageFactory, SMEFactory
from events.factories import ExhibitorRegistrationFactory, InterpreterFactory, PavilionFactory
from events.services import slots as event_services
from events.services.buyers import buyer_registration_register
from meetings import scheduler
from meetings.models import Meeting, MeetingStatus, ParticipantUnavailability
from meetings.selectors.scheduling import scheduling_instance
from meetings.services.decisions import meeting_accept
from meetings.services.placement import meeting_move
from meetings.services.requests import meeting_request
from meetings.services.runs import scheduling_run_execute, scheduling_run_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair_day(db):
    """A pavilion with one day of slots, Japanese- and English-speaking staff, and helpers to add
    exhibitors, buyers and accepted meetings."""
    pavilion = PavilionFactory(max_meetings_per_exhibitor=6, max_meetings_per_buyer=6)
    event_services.meeting_slots_generate(pavilion=pavilion)
    japanese = LanguageFactory(code="ja")
    english = LanguageFactory(code="en", name_en="English", name_ja="英語")

    def exhibitor(*, first_time: bool, languages=(japanese, english)):
        sme = SMEFactory()
        sme.languages.set(languages)
        ExhibitorRegistrationFactory(
            pavilion=pavilion, sme=sme, status="accepted", first_time_exhibitor=first_time
        )
        return sme

    def buyer():
        company = ForeignBuyerFactory()
        company.languages.set([english])
        buyer_registration_register(pavilion=pavilion, buyer=company, days=[date(2027, 11, 15)])
        return company

    def accepted(sme, company, score):
        meeting = meeting_request(pavilion=pavilion, sme=sme, buyer=company, side="organiser")
        meeting_accept(meeting=meeting, side="organiser")
        Meeting.objects.filter(pk=meeting.pk).update(score=score)
        return Meeting.objects.get(pk=meeting.pk)

    def interpreter(*codes):
        person = InterpreterFactory(pavilion=pavilion)
        person.languages.set([{"ja": japanese, "en": english}[code] for code in codes])
        person.available_slots.set(pavilion.slots.all())
        return person

    return {
        "pavilion": pavilion,
        "exhibitor": exhibitor,
        "buyer": buyer,
        "accepted": accepted,
        "interpreter": interpreter,
    }


def run_scheduler(pavilion):
    run = scheduling_run_request(pavilion=pavilion, time_limit=5, queue=False)
    run = scheduling_run_execute(run=run)
    assert run.status == "done", run.error
    return run


def only_one_slot_for(pavilion, buyer):
    first, *rest = pavilion.slots.order_by("starts_at")
    ParticipantUnavailability.objects.bulk_create(
        ParticipantUnavailability(pavilion=pavilion, buyer=buyer, slot=slot) for slot in rest
    )
    return first


def test_a_first_timer_wins_a_scarce_slot_from_a_peer_of_equal_score(fair_day):
    pavilion = fair_day["pavilion"]
    # The peer registered and asked first, so it comes first in every listing.
    peer = fair_day["exhibitor"](first_time=False)
    newcomer = fair_day["exhibitor"](first_time=True)
    buyer = fair_day["buyer"]()
    slot = only_one_slot_for(pavilion, buyer)
    peer_meeting = fair_day["accepted"](peer, buyer, 70)
    newcomer_meeting = fair_day["accepted"](newcomer, buyer, 70)
    run = run_scheduler(pavilion)
    peer_meeting.refresh_from_db()
    newcomer_meeting.refresh_from_db()
    assert (newcomer_meeting.status, newcomer_meeting.slot) == (MeetingStatus.SCHEDULED, slot)
    assert peer_meeting.status == MeetingStatus.ACCEPTED
    assert run.counts["placed"] == 1


def test_a_higher_score_still_beats_a_first_timer(fair_day):
    pavilion = fair_day["pavilion"]
    newcomer = fair_day["exhibitor"](first_time=True)
    peer = fair_day["exhibitor"](first_time=False)
    buyer = fair_day["buyer"]()
    only_one_slot_for(pavilion, buyer)
    newcomer_meeting = fair_day["accepted"](newcomer, buyer, 70)
    peer_meeting = fair_day["accepted"](peer, buyer, 71)
    run_scheduler(pavilion)
    assert Meeting.objects.get(pk=peer_meeting.pk).status == MeetingStatus.SCHEDULED
    assert Meeting.objects.get(pk=newcomer_meeting.pk).status == MeetingStatus.ACCEPTED


def test_the_instance_marks_first_timers_as_priority_parties(fair_day):
    pavilion = fair_day["pavilion"]
    peer = fair_day["exhibitor"](first_time=False)
    newcomer = fair_day["exhibitor"](first_time=True)
    buyer = fair_day["buyer"]()
    fair_day["accepted"](peer, buyer, 70)
    fair_day["accepted"](newcomer, buyer, 70)
    instance = scheduling_instance(pavilion)
    scheduler.load_instance(instance)
    priority = {party["id"] for party in instance["parties"] if party.get("priority")}
    assert priority == {f"sme-{newcomer.pk}"}


def test_a_first_timers_best_meetings_get_the_offered_interpreters(fair_day):
    pavilion = fair_day["pavilion"]
    pavilion.first_timer_interpreted_meetings = 2
    pavilion.save()
    fair_day["interpreter"]("ja", "en")
    fair_day["interpreter"]("ja", "en")
    newcomer = fair_day["exhibitor"](first_time=True)
    peer = fair_day["exhibitor"](first_time=False)
    best, second, third = (
        fair_day["accepted"](newcomer, fair_day["buyer"](), s) for s in (90, 80, 60)
    )
    peers = fair_day["accepted"](peer, fair_day["buyer"](), 95)
    instance = scheduling_instance(pavilion)
    needs = {m["id"]: m["interpreter"] for m in instance["meetings"]}
    assert needs == {
        f"m{best.pk}": ["ja", "en"],
        f"m{second.pk}": ["ja", "en"],
        f"m{third.pk}": None,
        f"m{peers.pk}": None,
    }
    run_scheduler(pavilion)
    interpreted = {
        pk for pk, interpreter in Meeting.objects.values_list("pk", "interpreter_id") if interpreter
    }
    assert interpreted == {best.pk, second.pk}
    assert set(Meeting.objects.values_list("status", flat=True)) == {MeetingStatus.SCHEDULED}


def test_meetings_held_or_published_with_an_interpreter_use_up_the_offer(fair_day):
    pavilion = fair_day["pavilion"]
    pavilion.first_timer_interpreted_meetings = 1
    pavilion.save()
    person = fair_day["interpreter"]("ja", "en")
    newcomer = fair_day["exhibitor"](first_time=True)
    published = fair_day["accepted"](newcomer, fair_day["buyer"](), 50)
    Meeting.objects.filter(pk=published.pk).update(
        status=MeetingStatus.SCHEDULED,
        slot=pavilion.slots.order_by("starts_at").first(),
        interpreter=person,
        published_at=timezone.now(),
    )
    later = fair_day["accepted"](newcomer, fair_day["buyer"](), 90)
    needs = {m["id"]: m["interpreter"] for m in scheduling_instance(pavilion)["meetings"]}
    # The published meeting keeps its interpreter (taken out of its slot), the later one gets none.
    assert needs == {f"m{published.pk}": None, f"m{later.pk}": None}
    run_scheduler(pavilion)
    assert Meeting.objects.get(pk=published.pk).interpreter == person
    assert Meeting.objects.get(pk=later.pk).interpreter is None


def test_the_offer_is_not_given_where_no_interpreter_could_serve_it(fair_day):
    pavilion = fair_day["pavilion"]
    pavilion.first_timer_interpreted_meetings = 3
    pavilion.save()
    fair_day["interpreter"]("en")  # speaks no Japanese
    newcomer = fair_day["exhibitor"](first_time=True)
    meeting = fair_day["accepted"](newcomer, fair_day["buyer"](), 80)
    assert scheduling_instance(pavilion)["meetings"][0]["interpreter"] is None
    run_scheduler(pavilion)
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.SCHEDULED


def test_an_offered_interpreter_stays_with_the_meeting_when_an_organiser_moves_it(fair_day):
    pavilion = fair_day["pavilion"]
    pavilion.first_timer_interpreted_meetings = 1
    pavilion.save()
    aiko = fair_day["interpreter"]("ja", "en")
    meeting = fair_day["accepted"](fair_day["exhibitor"](first_time=True), fair_day["buyer"](), 90)
    run_scheduler(pavilion)
    meeting.refresh_from_db()
    assert (meeting.interpreter, meeting.interpreter_pair) == (aiko, ("ja", "en"))
    other = pavilion.slots.exclude(pk=meeting.slot_id).order_by("starts_at").first()
    moved = meeting_move(meeting=meeting, slot=other, interpreter=aiko)
    assert (moved.slot, moved.interpreter) == (other, aiko)
