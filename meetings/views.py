"""Meeting pages for exhibitors and buyers: requests, meetings, briefings, the schedule.

Who may see what comes from ``meetings.access`` (the same rules as the API); every change goes
through ``meetings.services``. An object the user may not see is a 404, never a 403.
"""

from itertools import groupby

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from companies.views import buyer_required, company_required, page
from core.hooks import Link
from events import hooks as events_hooks
from events.models import ExhibitorRegistration, Side
from events.selectors import buyer_fair_needs_attach
from events.views import (
    buyer_is_registered,
    exhibitor_detail,
    fair_zone_label,
    own_company_rows,
    participant_side,
    participating_pavilion,
)
from matchmaking.reasons import proposal_sentence

from . import exports
from .access import meeting_as_seen, meetings_visible_to, time_visible_q
from .models import OPEN_STATUSES, MeetingOutcome, MeetingStatus, round_label
from .page_forms import AnswerForm, AttendeeForm, MeetingRequestForm, OutcomeForm
from .selectors.meetings import buyer_meeting_statuses, exhibitor_team
from .services import follow_ups, proposals, requests
from .services.attendance import (
    meeting_outcome_record,
    meeting_record_attendance,
    meeting_set_attendee,
)
from .services.decisions import meeting_accept, meeting_cancel, meeting_decline

MEETING_RELATIONS = (
    "pavilion__fair",
    "sme",
    "buyer__country",
    "slot__pavilion__fair",
    "interpreter",
    "attendee",
    "proxy_attendee",
)


def _as_seen(actor, meetings):
    """Each meeting with ``seen``: its slot, interpreter and status as this actor may know them
    (see ``matchmaking.access.meeting_as_seen``); templates show only ``meeting.seen``."""
    for meeting in meetings:
        meeting.seen = meeting_as_seen(actor, meeting)
    return meetings


def _awaits(meeting, side: Side) -> bool:
    """Whether a requested meeting waits for this side's answer."""
    accepted = (
        meeting.exhibitor_accepted_at if side == Side.EXHIBITOR else meeting.buyer_accepted_at
    )
    return meeting.status == MeetingStatus.REQUESTED and accepted is None


@company_required
def meeting_list(request, pk: int):
    """Requests to answer, requests waiting for the other side, confirmed and past meetings."""
    actor = request.actor
    pavilion = participating_pavilion(actor, pk)
    side = Side.EXHIBITOR if actor.is_exhibitor else Side.BUYER
    meetings = _as_seen(
        actor,
        list(
            own_company_rows(actor, meetings_visible_to(actor))
            .filter(pavilion=pavilion)
            .select_related(*MEETING_RELATIONS)
            .order_by("-created_at", "-pk")
        ),
    )
    # By the time the actor may see (an unpublished slot must not show through the order), the
    # newest first among meetings without one.
    meetings.sort(key=lambda m: (m.seen.slot is None, m.seen.slot.starts_at if m.seen.slot else 0))
    groups = {"to_answer": [], "waiting": [], "confirmed": [], "past": [], "closed": []}
    for meeting in meetings:
        if meeting.status == MeetingStatus.REQUESTED:
            groups["to_answer" if _awaits(meeting, side) else "waiting"].append(meeting)
        elif meeting.status in (MeetingStatus.ACCEPTED, MeetingStatus.SCHEDULED):
            groups["confirmed"].append(meeting)
        elif meeting.status in (MeetingStatus.HELD, MeetingStatus.NO_SHOW):
            groups["past"].append(meeting)
        else:
            groups["closed"].append(meeting)
    context = {"pavilion": pavilion, "fair": pavilion.fair, "side": side, **groups}
    if side == Side.EXHIBITOR and groups["to_answer"]:
        context["attendee_form"] = AttendeeForm(team=exhibitor_team(actor.sme))
    return page(request, "pages/meetings/meetings.html", context)


def _meeting(actor, pk: int):
    meeting = get_object_or_404(
        own_company_rows(actor, meetings_visible_to(actor)).select_related(
            *MEETING_RELATIONS, "proposal"
        ),
        pk=pk,
    )
    _as_seen(actor, [meeting])
    return meeting, participant_side(actor, meeting)


def _meeting_page(request, meeting, side, *, status=200, **forms):
    actor = request.actor
    booth = (
        ExhibitorRegistration.objects.filter(pavilion_id=meeting.pavilion_id, sme_id=meeting.sme_id)
        .values_list("booth", flat=True)
        .first()
    )
    team = exhibitor_team(meeting.sme) if side == Side.EXHIBITOR else None
    context = {
        "meeting": meeting,
        "pavilion": meeting.pavilion,
        "fair": meeting.pavilion.fair,
        "side": side,
        "booth": booth,
        "awaits_me": _awaits(meeting, side),
        "sentence": proposal_sentence(meeting.proposal) if meeting.proposal else "",
        "outcomes": list(meeting.outcomes.filter(side=side)),
        "answer_form": forms.get("answer_form") or AnswerForm(),
        "can_cancel": meeting.status in OPEN_STATUSES,
        "can_set_attendee": side == Side.EXHIBITOR
        and meeting.status in (MeetingStatus.ACCEPTED, MeetingStatus.SCHEDULED),
        "can_mark_attendance": meeting.seen.status == MeetingStatus.SCHEDULED
        and meeting.seen.slot.starts_at <= timezone.now(),
    }
    if team is not None:
        context["attendee_form"] = forms.get("attendee_form") or AttendeeForm(
            team=team, initial={"attendee": meeting.attendee_id}
        )
    if meeting.status == MeetingStatus.HELD:
        context["outcome_form"] = forms.get("outcome_form") or OutcomeForm(
            pavilion=meeting.pavilion
        )
    if actor.is_exhibitor:
        context["buyer_sectors"] = list(meeting.buyer.sectors.all())
    return page(request, "pages/meetings/meeting_detail.html", context, status=status)


@company_required
def meeting_detail(request, pk: int):
    """The meeting and its briefing: who the other side is, what they want, why they match."""
    meeting, side = _meeting(request.actor, pk)
    return _meeting_page(request, meeting, side)


@company_required
@require_POST
def meeting_act(request, pk: int, action: str):
    """Accept, decline, cancel, name the attendee, mark held, record the outcome."""
    actor = request.actor
    meeting, side = _meeting(actor, pk)
    by = request.user
    done = {
        "accept": _("You accepted the meeting."),
        "decline": _("You declined the meeting."),
        "cancel": _("The meeting is cancelled."),
        "attendee": _("The attending colleague is saved."),
        "held": _("The meeting is marked as held."),
        "no_show": _("The meeting is marked as a no-show."),
        "outcome": _("The outcome is saved. Thank you."),
    }
    if action not in done or (action == "attendee" and side != Side.EXHIBITOR):
        raise Http404
    form = None
    try:
        if action == "accept":
            attendee = None
            if side == Side.EXHIBITOR:
                form = AttendeeForm(request.POST, team=exhibitor_team(meeting.sme))
                if not form.is_valid():
                    return _meeting_page(request, meeting, side, status=400, attendee_form=form)
                attendee = form.cleaned_data["attendee"]
            meeting_accept(meeting=meeting, side=side, by=by, attendee=attendee)
        elif action in ("decline", "cancel"):
            form = AnswerForm(request.POST)
            if not form.is_valid():
                return _meeting_page(request, meeting, side, status=400, answer_form=form)
            service = meeting_decline if action == "decline" else meeting_cancel
            service(meeting=meeting, side=side, by=by, note=form.cleaned_data["note"])
        elif action == "attendee":
            form = AttendeeForm(request.POST, team=exhibitor_team(meeting.sme))
            if not form.is_valid():
                return _meeting_page(request, meeting, side, status=400, attendee_form=form)
            meeting_set_attendee(meeting=meeting, attendee=form.cleaned_data["attendee"], by=by)
        elif action in ("held", "no_show"):
            meeting_record_attendance(meeting=meeting, held=action == "held", by=by, side=side)
        else:
            form = OutcomeForm(request.POST, pavilion=meeting.pavilion)
            if not form.is_valid():
                return _meeting_page(request, meeting, side, status=400, outcome_form=form)
            meeting_outcome_record(meeting=meeting, side=side, by=by, **form.cleaned_data)
    except ValidationError as error:
        if form is None or not hasattr(error, "error_dict"):
            # A refusal about the meeting itself (it changed meanwhile) goes above the page.
            messages.error(request, " ".join(error.messages))
        else:
            form.add_service_error(error)
            key = {
                "accept": "attendee_form",
                "attendee": "attendee_form",
                "outcome": "outcome_form",
            }
            forms = {key.get(action, "answer_form"): form}
            return _meeting_page(request, meeting, side, status=400, **forms)
    else:
        messages.success(request, done[action])
    if request.POST.get("next") == "list":
        return redirect("meetings:meeting_list", pk=meeting.pavilion_id)
    return redirect("meetings:meeting_detail", pk=meeting.pk)


@buyer_required
@require_POST
def meeting_request(request, pk: int, sme_pk: int):
    """A registered buyer asks an exhibitor of the pavilion for a meeting, with a message."""
    actor = request.actor
    pavilion = participating_pavilion(actor, pk)
    registration = get_object_or_404(
        ExhibitorRegistration.objects.select_related("sme"),
        pavilion=pavilion,
        sme_id=sme_pk,
        status="accepted",
    )
    form = MeetingRequestForm(request.POST)
    if form.is_valid():
        try:
            requests.meeting_request(
                pavilion=pavilion,
                sme=registration.sme,
                buyer=actor.buyer,
                side=Side.BUYER,
                by=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(
                request,
                _("Your request is sent to %(sme)s. You will hear when they answer.")
                % {"sme": registration.sme},
            )
            return redirect("meetings:meeting_list", pk=pavilion.pk)
    response = exhibitor_detail(request, pk, sme_pk, request_form=form)
    response.status_code = 400
    return response


def _published_meetings(actor, pavilion):
    """The company's meetings in slots whose time it may see (the published schedule)."""
    lookup = {"sme": actor.sme} if actor.is_exhibitor else {"buyer": actor.buyer}
    return (
        exports.participant_meetings(pavilion, **lookup)
        .filter(time_visible_q(actor))
        .select_related("proposal", "slot__pavilion__fair")
    )


@company_required
def schedule(request, pk: int):
    """The company's published meetings by day, in the fair's time, with a briefing for each."""
    actor = request.actor
    pavilion = participating_pavilion(actor, pk)
    fair = pavilion.fair
    meetings = _as_seen(
        actor, list(_published_meetings(actor, pavilion).prefetch_related("buyer__sectors"))
    )
    booths = dict(
        ExhibitorRegistration.objects.filter(
            pavilion=pavilion, sme_id__in=[m.sme_id for m in meetings]
        )
        .exclude(booth="")
        .values_list("sme_id", "booth")
    )
    for meeting in meetings:
        meeting.sentence = proposal_sentence(meeting.proposal) if meeting.proposal else ""
        meeting.booth = booths.get(meeting.sme_id, "")
    buyer_fair_needs_attach(meetings)
    days = [
        (day, list(items))
        for day, items in groupby(meetings, key=lambda m: fair.local(m.seen.slot.starts_at).date())
    ]
    waiting = (
        own_company_rows(actor, meetings_visible_to(actor))
        .filter(pavilion=pavilion, status__in=[MeetingStatus.ACCEPTED, MeetingStatus.SCHEDULED])
        .exclude(time_visible_q(actor))
        .count()
    )
    return page(
        request,
        "pages/meetings/schedule.html",
        {
            "pavilion": pavilion,
            "fair": fair,
            "days": days,
            "zone": fair_zone_label(fair),
            "waiting": waiting,
            "side": Side.EXHIBITOR if actor.is_exhibitor else Side.BUYER,
        },
    )


@company_required
def schedule_ics(request, pk: int):
    actor = request.actor
    pavilion = participating_pavilion(actor, pk)
    viewer = "sme" if actor.is_exhibitor else "buyer"
    calendar = exports.participant_calendar(
        pavilion, _published_meetings(actor, pavilion), viewer=viewer
    )
    response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meetings-{pavilion.pk}.ics"'
    return response


# --- what meetings adds to the pages of events and matchmaking (registered in meetings.apps) --


def proposal_accept(request, proposal, side):
    """A participant accepts a proposal on the proposal page: the meeting is requested."""
    try:
        proposals.proposal_accept(proposal=proposal, side=side, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Accepted: the other side is asked to confirm the meeting."))
    return redirect("matchmaking:proposal_list", pk=proposal.pavilion_id)


def exhibitor_panel(request, pavilion, registration, request_form=None, **options) -> str:
    """Under an exhibitor's public profile, for a buyer: ask for a meeting (``request_form``, a
    bound form shown again with its errors), or see that one is already going."""
    actor = request.actor
    if not actor.is_buyer:
        return ""
    registered = buyer_is_registered(actor, pavilion)
    if registered and request_form is None:
        going = buyer_meeting_statuses(actor, pavilion)
        request_form = None if registration.sme_id in going else MeetingRequestForm()
    context = {
        "pavilion": pavilion,
        "sme": registration.sme,
        "buyer_registered": registered,
        "request_form": request_form,
    }
    return render_to_string("pages/meetings/includes/meet_exhibitor.html", context, request)


def participant_links(side, pavilion_id: int, place: str) -> list[Link]:
    """A participant's meeting pages of a pavilion, on the home page (and for an exhibitor on
    the pavilion's page too): an exhibitor's starts with the pavilion's buyers; both sides'
    end with their busy slots."""
    busy = Link(reverse("meetings:busy_slots", args=[pavilion_id]), _("Busy slots"))
    if side == Side.BUYER and place != events_hooks.HOME:
        return [busy]
    links = [
        Link(reverse("meetings:meeting_list", args=[pavilion_id]), _("Meetings and requests")),
        Link(reverse("meetings:schedule", args=[pavilion_id]), _("Schedule")),
        busy,
    ]
    if side == Side.EXHIBITOR:
        links.insert(0, Link(reverse("meetings:buyer_list", args=[pavilion_id]), _("Buyers")))
    return links


def proposal_page_links(pavilion_id: int) -> list[Link]:
    return [Link(reverse("meetings:meeting_list", args=[pavilion_id]), _("Meetings and requests"))]


@never_cache
def follow_up(request, token: str):
    """The outcome form a follow-up email links to: no password, only the signed link, good for
    one meeting, side and round until it expires (``meetings.services.follow_ups``). Answering
    again before then replaces the answer."""
    try:
        asked = follow_ups.follow_up_from_token(token)
    except follow_ups.FollowUpLinkError as error:
        context = {"expired": error.expired}
        return page(
            request,
            "pages/meetings/follow_up_link.html",
            context,
            status=410 if error.expired else 404,
        )
    meeting = asked.meeting
    earlier = MeetingOutcome.objects.filter(
        meeting=meeting, side=asked.side, round=asked.round
    ).first()
    initial = (
        {
            "stage": earlier.stage,
            "expected_value_usd": earlier.expected_value_usd,
            "note": earlier.note,
        }
        if earlier is not None
        else {}
    )
    form = OutcomeForm(
        request.POST or None, pavilion=meeting.pavilion, round=asked.round, initial=initial
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = {key: form.cleaned_data[key] for key in ("stage", "expected_value_usd", "note")}
            try:
                follow_ups.follow_up_answer(asked, **data)
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, _("Thank you: your answer is saved."))
                return redirect(request.path)
        status = 400
    exhibitor = asked.side == Side.EXHIBITOR
    context = {
        "meeting": meeting,
        "pavilion": meeting.pavilion,
        "fair": meeting.pavilion.fair,
        "other": meeting.buyer if exhibitor else meeting.sme,
        "round": round_label(asked.round),
        "earlier": earlier,
        "form": form,
    }
    return page(request, "pages/meetings/follow_up.html", context, status=status)
