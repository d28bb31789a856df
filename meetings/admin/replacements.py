"""Replacements in the admin: the ranked meetings that could take a slot a cancelled or missed
meeting left (or any slot), each placed with one click. ``MeetingAdmin.get_urls`` routes them
(``replacement_urls``); only organisers of the pavilion see them, and only those who may change
meetings place one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from events.models import Interpreter, MeetingSlot
from events.organisers import pavilions_organised_by

from ..models import Meeting, MeetingStatus
from ..selectors.replacements import replacement_candidates, replacement_slot
from ..services.replacements import replacement_place


def replacement_urls(modeladmin) -> list:
    view = modeladmin.admin_site.admin_view
    # The pavilion's route first: the meeting's would take "schedule/<id>" for an object id.
    return [
        path(
            "schedule/<int:pavilion_id>/replacements/",
            view(lambda request, pavilion_id: slot_replacements(modeladmin, request, pavilion_id)),
            name="meetings_schedule_replacements",
        ),
        path(
            "<path:object_id>/replacements/",
            view(lambda request, object_id: meeting_replacements(modeladmin, request, object_id)),
            name="meetings_meeting_replacements",
        ),
    ]


def _organised(modeladmin, request):
    if not modeladmin.has_view_permission(request):
        raise PermissionDenied
    return pavilions_organised_by(request.user)


def meeting_replacements(modeladmin, request, object_id):
    """Replacements for the slot a cancelled or missed meeting left."""
    meeting = get_object_or_404(
        Meeting.objects.filter(
            pavilion__in=_organised(modeladmin, request),
            status__in=(MeetingStatus.CANCELLED, MeetingStatus.NO_SHOW),
        ).select_related("pavilion__fair", "sme", "buyer", "slot"),
        pk=object_id if str(object_id).isdigit() else None,
    )
    try:
        slot = replacement_slot(meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return HttpResponseRedirect(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    return _page(modeladmin, request, slot, meeting=meeting)


def slot_replacements(modeladmin, request, pavilion_id):
    """Replacements for any slot of the pavilion, ``?slot=<id>``."""
    pavilion = get_object_or_404(_organised(modeladmin, request), pk=pavilion_id)
    number = request.POST.get("slot") or request.GET.get("slot") or ""
    if not number.isdigit():
        raise Http404
    slot = get_object_or_404(MeetingSlot, pk=int(number), pavilion=pavilion)
    return _page(modeladmin, request, slot)


def _page(modeladmin, request, slot, *, meeting=None):
    pavilion = slot.pavilion
    here = request.get_full_path()
    can_place = modeladmin.has_change_permission(request)
    if request.method == "POST":
        if not can_place:
            raise PermissionDenied
        interpreter = None
        chosen = request.POST.get("interpreter") or ""
        if chosen:
            interpreter = Interpreter.objects.filter(
                pk=int(chosen) if chosen.isdigit() else None, pavilion=pavilion
            ).first()
            if interpreter is None:
                raise Http404
        try:
            placed = replacement_place(
                pavilion=pavilion,
                slot=slot,
                candidate=request.POST.get("candidate", ""),
                interpreter=interpreter,
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return HttpResponseRedirect(here)
        placed_text = (
            _(
                "%(meeting)s is placed at %(slot)s, locked there and published; both sides are "
                "emailed their updated schedule."
            )
            if placed.published_at
            else _("%(meeting)s is placed at %(slot)s and locked there.")
        )
        messages.success(
            request,
            placed_text % {"meeting": placed, "slot": pavilion.fair.local_text(slot.starts_at)},
        )
        return HttpResponseRedirect(reverse("admin:meetings_meeting_change", args=[placed.pk]))
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Replacements for %(slot)s")
        % {"slot": pavilion.fair.slot_text(slot.starts_at, slot.ends_at)},
        "opts": modeladmin.model._meta,
        "pavilion": pavilion,
        "slot": slot,
        "slot_text": pavilion.fair.slot_text(slot.starts_at, slot.ends_at),
        "meeting": meeting,
        "candidates": replacement_candidates(meeting, slot=slot),
        "can_place": can_place,
        "here": here,
    }
    return TemplateResponse(request, "admin/meetings/replacements.html", context)
