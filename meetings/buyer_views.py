"""A pavilion's registered buyers, for its accepted exhibitors (and its organisers): browsing
and searching them, a buyer's public profile, and an exhibitor's meeting request.

Who may browse is ``events.access.browses_buyers_of`` (the API's rule too); anyone else gets a
404. Only the public profile is shown, never contacts or members. The request goes through
``meetings.services.requests.meeting_request``, as the API's does.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from companies.models import ForeignBuyer
from companies.views import login_required, page
from events import catalogue
from events.access import browses_buyers_of
from events.models import Pavilion, Side
from events.page_forms import BuyerFilterForm

from .page_forms import ExhibitorMeetingRequestForm
from .selectors.meetings import exhibitor_team
from .selectors.participants import open_meeting_statuses
from .services import requests


def _browsed_pavilion(actor, pk: int):
    """The pavilion, if the actor may browse its buyers; a 404 for anyone else."""
    pavilion = get_object_or_404(Pavilion.objects.select_related("fair"), pk=pk)
    if not browses_buyers_of(actor, pavilion.pk):
        raise Http404
    return pavilion


@login_required
def buyer_list(request, pk: int):
    """The pavilion's buyers, searched and filtered, a page at a time, each with what the
    exhibitor already has going with it."""
    actor = request.actor
    pavilion = _browsed_pavilion(actor, pk)
    buyers = catalogue.pavilion_buyers(actor, pavilion)
    form = BuyerFilterForm(request.GET or None, **catalogue.buyer_filter_choices(pavilion))
    if form.is_valid():
        buyers = catalogue.buyers_filtered(buyers, form.cleaned_data)
    listed, query = catalogue.catalogue_page(request, buyers)
    statuses = open_meeting_statuses(actor, pavilion)
    for buyer in listed:
        buyer.meeting_status = statuses.get(buyer.pk)
    context = {
        "pavilion": pavilion,
        "fair": pavilion.fair,
        "form": form,
        "buyers": listed,
        "query": query,
        "filtered": bool(query),
        "requests_meetings": actor.is_exhibitor,
        "nav": "pavilions",
    }
    return page(request, "pages/meetings/buyer_list.html", context)


def _buyer_page(request, pavilion, buyer, *, form=None, status=200):
    actor = request.actor
    context = {
        "pavilion": pavilion,
        "fair": pavilion.fair,
        "buyer": buyer,
        "meeting_status": open_meeting_statuses(actor, pavilion).get(buyer.pk),
        "nav": "pavilions",
    }
    if actor.is_exhibitor and context["meeting_status"] is None:
        context["request_form"] = form or ExhibitorMeetingRequestForm(
            team=exhibitor_team(actor.sme)
        )
    elif form is not None:
        context["request_form"] = form
    return page(request, "pages/meetings/buyer_detail.html", context, status=status)


@login_required
@require_http_methods(["GET"])
def buyer_detail(request, pk: int, buyer_pk: int):
    """A registered buyer's public profile, and for an exhibitor the meeting request."""
    actor = request.actor
    pavilion = _browsed_pavilion(actor, pk)
    buyer = get_object_or_404(catalogue.pavilion_buyers(actor, pavilion), pk=buyer_pk)
    return _buyer_page(request, pavilion, buyer)


@login_required
@require_POST
def buyer_meeting_request(request, pk: int, buyer_pk: int):
    """An accepted exhibitor asks a buyer of the pavilion for a meeting, with a message. The
    service's refusals (caps, a meeting already going, a registration gone) show on the form."""
    actor = request.actor
    pavilion = _browsed_pavilion(actor, pk)
    if not actor.is_exhibitor:
        raise Http404
    # A buyer who cancelled since the page was shown is named by the service's refusal.
    buyer = get_object_or_404(
        ForeignBuyer.objects.filter(registrations__pavilion=pavilion)
        .select_related("country")
        .distinct(),
        pk=buyer_pk,
    )
    form = ExhibitorMeetingRequestForm(request.POST, team=exhibitor_team(actor.sme))
    if form.is_valid():
        try:
            requests.meeting_request(
                pavilion=pavilion,
                sme=actor.sme,
                buyer=buyer,
                side=Side.EXHIBITOR,
                by=request.user,
                message=form.cleaned_data["message"],
                attendee=form.cleaned_data["attendee"],
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(
                request,
                _("Your request is sent to %(buyer)s. You will hear when they answer.")
                % {"buyer": buyer},
            )
            return redirect("meetings:meeting_list", pk=pavilion.pk)
    buyer.fair_sourcing_needs = (
        catalogue.pavilion_buyers(actor, pavilion)
        .filter(pk=buyer.pk)
        .values_list("fair_sourcing_needs", flat=True)
        .first()
    )
    return _buyer_page(request, pavilion, buyer, form=form, status=400)
