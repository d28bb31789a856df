"""A company's busy slots at a pavilion: its staff tick the slots, by day in the fair's time,
in which the company cannot meet (organisers mark them in the admin).

Only staff of the exhibitor or buyer taking part see and change the company's own marks
(``events.views.participating_pavilion``); the change goes through
``meetings.services.availability.participant_busy_slots_set``.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from companies.views import company_required, page
from events.models import Side
from events.views import fair_zone_label, participating_pavilion

from .page_forms import BusySlotsForm
from .selectors.participants import busy_slot_days, participant_lookup
from .services.availability import participant_busy_slots_set


@company_required
@require_http_methods(["GET", "POST"])
def busy_slots(request, pk: int):
    """The pavilion's slots by day, the company's busy ones ticked; saving makes the ticked
    ones exactly the busy ones."""
    actor = request.actor
    pavilion = participating_pavilion(actor, pk)
    participant = participant_lookup(sme=actor.sme, buyer=actor.buyer)
    # Bound on every POST: sending no ticks at all frees every slot.
    form = BusySlotsForm(request.POST if request.method == "POST" else None, pavilion=pavilion)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                added, removed = participant_busy_slots_set(
                    pavilion=pavilion,
                    slots=form.cleaned_data["slots"],
                    by=request.user,
                    **participant,
                )
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(
                    request,
                    _("Your busy slots are saved: %(added)s marked, %(removed)s freed.")
                    % {"added": added, "removed": removed},
                )
                return redirect("meetings:busy_slots", pk=pavilion.pk)
        status = 400
    days = busy_slot_days(pavilion, **participant)
    if form.is_bound:
        # Show the ticks as they were sent, so that a refusal loses none of them.
        ticked = {str(value) for value in form.data.getlist("slots")}
        for day in days:
            for slot in day.slots:
                slot.busy = str(slot.pk) in ticked
    context = {
        "pavilion": pavilion,
        "fair": pavilion.fair,
        "zone": fair_zone_label(pavilion.fair),
        "form": form,
        "days": days,
        "side": Side.EXHIBITOR if actor.is_exhibitor else Side.BUYER,
    }
    return page(request, "pages/meetings/busy_slots.html", context, status=status)
