"""The fair-day pages of organiser staff, made for a phone: the day's meetings by slot, each
side's check-in, held or no-show, and the check-in links of the printed schedules' QR codes.

Only the pavilion's organisers (members of its organising office) and platform administrators
see them: anyone else gets a 404, an anonymous visitor the log-in page. Every change is a plain
POST through a service (``meetings.services.check_in``, ``meetings.services.attendance``) and
redirects back to the meeting's slot; a GET changes nothing, so a scanned link only opens a
page with a confirm button.
"""

import re
from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from companies.names import person_name
from companies.views import login_required, page
from events.models import Pavilion, Side
from events.views import fair_zone_label

from .models import AbsentSide, Meeting, MeetingStatus
from .selectors.fair_day import CHECKED_IN, arrival_of, fair_day_of, fair_day_slots
from .services.attendance import meeting_record_attendance
from .services.check_in import ARRIVING_SIDES, check_in_signed, meeting_check_in

#: The buttons of a meeting on the fair-day page: action -> what the service is asked.
ACTIONS = {
    "exhibitor-arrived": {"check_in": Side.EXHIBITOR},
    "buyer-arrived": {"check_in": Side.BUYER},
    "held": {"held": True, "absent": None},
    "exhibitor-absent": {"held": False, "absent": AbsentSide.EXHIBITOR},
    "buyer-absent": {"held": False, "absent": AbsentSide.BUYER},
    "both-absent": {"held": False, "absent": AbsentSide.BOTH},
}
#: A check-in link as it is printed, or the part of it a person pastes.
LINK = re.compile(r"check-in/(?P<meeting>\d+)/(?P<side>exhibitor|buyer)/(?P<signature>[\w-]+)")


def _organised_pavilion(request, pk: int) -> Pavilion:
    """The pavilion, if the user runs it; else a 404."""
    if not request.actor.organises(pk):
        raise Http404
    return get_object_or_404(Pavilion.objects.select_related("fair"), pk=pk)


def _organised_meeting(request, pk: int) -> Meeting:
    meeting = get_object_or_404(
        Meeting.objects.select_related("pavilion__fair", "sme", "buyer__country", "slot"), pk=pk
    )
    if not request.actor.organises(meeting.pavilion_id):
        raise Http404
    return meeting


def _asked_day(request, fair) -> date | None:
    """The ``?day=`` asked for, a day of the fair; a day outside it or not a date is a 404."""
    text = request.GET.get("day")
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise Http404 from None
    if day not in fair.days():
        raise Http404
    return day


def _back_to(meeting: Meeting) -> str:
    """The fair-day page at the meeting's day and slot."""
    fair = meeting.pavilion.fair
    url = reverse("meetings:fair_day", args=[meeting.pavilion_id])
    if meeting.slot is None:
        return url
    return (
        f"{url}?day={fair.local(meeting.slot.starts_at).date().isoformat()}#slot-{meeting.slot_id}"
    )


def _refused(request, error: ValidationError) -> None:
    for text in error.messages:
        messages.error(request, text)


@never_cache
@login_required
@require_GET
def fair_day(request, pk: int):
    """The pavilion's meetings of one fair day (today by default) by slot, the slot under way
    or next marked and linked from the top."""
    pavilion = _organised_pavilion(request, pk)
    fair = pavilion.fair
    day = fair_day_of(fair, _asked_day(request, fair))
    groups = fair_day_slots(pavilion, day)
    for group in groups:
        for meeting in group.meetings:
            meeting.exhibitor_person = person_name(meeting.proxy_attendee or meeting.attendee)
    current = next((group for group in groups if group.current), None)
    return page(
        request,
        "pages/fair_day/day.html",
        {
            "pavilion": pavilion,
            "fair": fair,
            "day": day,
            "days": fair.days(),
            "groups": groups,
            "current": current,
            "zone": fair_zone_label(fair),
            "today": day == fair.local(timezone.now()).date(),
        },
    )


@login_required
@require_POST
def fair_day_act(request, pk: int, action: str):
    """One button of a meeting: a side arrived, held, or who did not come."""
    meeting = _organised_meeting(request, pk)
    asked = ACTIONS.get(action)
    if asked is None:
        raise Http404
    try:
        if "check_in" in asked:
            meeting_check_in(meeting=meeting, side=asked["check_in"], by=request.user)
        else:
            meeting_record_attendance(
                meeting=meeting,
                held=asked["held"],
                absent=asked["absent"],
                by=request.user,
                side=Side.ORGANISER,
            )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("%(exhibitor)s and %(buyer)s: saved.")
            % {"exhibitor": meeting.sme, "buyer": meeting.buyer.name},
        )
    return redirect(_back_to(meeting))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def check_in(request, meeting_pk: int, side: str, signature: str):
    """The page a printed schedule's QR code opens: the meeting and the side, and a button
    that checks that side in (a GET only shows it). A link changed or made for another meeting
    or side is a 404."""
    if side not in ARRIVING_SIDES or not check_in_signed(meeting_pk, side, signature):
        raise Http404
    meeting = _organised_meeting(request, meeting_pk)
    if request.method == "POST":
        try:
            meeting_check_in(meeting=meeting, side=side, by=request.user)
        except ValidationError as error:
            _refused(request, error)
            return redirect(request.path)
        messages.success(
            request,
            _("Checked in: %(company)s.")
            % {"company": meeting.sme if side == Side.EXHIBITOR else meeting.buyer.name},
        )
        return redirect(_back_to(meeting))
    arrival = arrival_of(meeting.events.filter(action=CHECKED_IN).order_by("at", "pk"), side)
    return page(
        request,
        "pages/fair_day/check_in.html",
        {
            "meeting": meeting,
            "pavilion": meeting.pavilion,
            "fair": meeting.pavilion.fair,
            "side": side,
            "company": meeting.sme if side == Side.EXHIBITOR else meeting.buyer,
            "arrival": arrival,
            "open": meeting.status == MeetingStatus.SCHEDULED and arrival is None,
            "back": _back_to(meeting),
        },
    )


@login_required
@require_GET
def fair_day_scan(request, pk: int):
    """A scanned or typed check-in link (or the part of it with the meeting, side and
    signature): opens its check-in page, or says why it does not."""
    pavilion = _organised_pavilion(request, pk)
    found = LINK.search(request.GET.get("code", ""))
    if found is None:
        messages.error(request, _("That is not a check-in code: scan or paste the whole link."))
        return redirect("meetings:fair_day", pk=pavilion.pk)
    return redirect(
        "meetings:check_in",
        meeting_pk=int(found["meeting"]),
        side=found["side"],
        signature=found["signature"],
    )
