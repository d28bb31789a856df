"""Pavilion pages: the home page, open pavilions, applying, buyer registration, the catalogue.

Reads go through ``companies.access`` and ``events.access``, the checks a form shows before
saving through ``events.selectors``; writes through ``events.services``.
"""

from datetime import datetime, time

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from companies.access import actor_of
from companies.eligibility import sme_eligibility_of
from companies.views import buyer_required, exhibitor_required, page

from . import catalogue as catalogue_lists
from . import fair_time, hooks, selectors
from .access import (
    buyer_registrations_visible_to,
    exhibitor_registrations_visible_to,
    side_of,
)
from .forms import ApplyForm, BuyerRegistrationForm, CatalogueFilterForm
from .models import (
    BuyerRegistrationStatus,
    Pavilion,
    RegistrationStatus,
    Side,
)
from .services.buyers import buyer_registration_register
from .services.registrations import exhibitor_registration_apply, exhibitor_registration_decide


def fair_zone_label(fair) -> str:
    """The fair's zone as its times name it: CET, or CEST/CET for a fair across a change."""
    labels = []
    for day in (fair.starts_on, fair.ends_on):
        label = fair_time.zone_label(datetime.combine(day, time(12), fair.tz))
        if label not in labels:
            labels.append(label)
    return "/".join(labels)


def upcoming_pavilions():
    """Pavilions whose fair has not ended, soonest first."""
    return (
        Pavilion.objects.filter(fair__ends_on__gte=timezone.localdate())
        .select_related("fair__country", "organiser")
        .order_by("fair__starts_on", "name_en")
    )


def participant_links(side: Side, pavilion_id: int, place: str) -> list:
    """The participant's pages of a pavilion that the apps above offer (proposals, meetings,
    schedule): ``hooks.pavilion_links``."""
    return [link for links in hooks.pavilion_links(side, pavilion_id, place) for link in links]


def _with_links(registrations, side: Side) -> list:
    registrations = list(registrations)
    for registration in registrations:
        registration.links = participant_links(side, registration.pavilion_id, hooks.HOME)
    return registrations


def home(request):
    """A dashboard by role; anonymous visitors get the explanation and the open pavilions."""
    actor = request.actor = actor_of(request.user)
    context = {"pavilions": upcoming_pavilions(), "nav": "home"}
    context["now"] = timezone.now()
    if actor.is_exhibitor:
        context["exhibitor_registrations"] = _with_links(
            exhibitor_registrations_visible_to(actor)
            .filter(sme=actor.sme)
            .select_related("pavilion__fair")
            .order_by("pavilion__fair__starts_on"),
            Side.EXHIBITOR,
        )
    elif actor.is_buyer:
        context["buyer_registrations"] = _with_links(
            buyer_registrations_visible_to(actor)
            .filter(buyer=actor.buyer)
            .select_related("pavilion__fair")
            .prefetch_related("days")
            .order_by("pavilion__fair__starts_on"),
            Side.BUYER,
        )
    return page(request, "pages/home.html", context)


def pavilion_list(request):
    return page(
        request,
        "pages/events/pavilion_list.html",
        {"pavilions": upcoming_pavilions(), "nav": "pavilions", "now": timezone.now()},
    )


def _pavilion(pk: int) -> Pavilion:
    return get_object_or_404(
        Pavilion.objects.select_related("fair__country", "organiser").annotate(
            exhibitor_total=Count(
                "exhibitor_registrations",
                filter=Q(exhibitor_registrations__status=RegistrationStatus.ACCEPTED),
            )
        ),
        pk=pk,
    )


@require_http_methods(["GET", "POST"])
def pavilion_detail(request, pk: int):
    """The pavilion; an exhibitor sees the eligibility verdict and applies here."""
    actor = request.actor = actor_of(request.user)
    pavilion = _pavilion(pk)
    context = {
        "pavilion": pavilion,
        "fair": pavilion.fair,
        "zone": fair_zone_label(pavilion.fair),
        "nav": "pavilions",
    }
    if actor.is_exhibitor:
        sme = actor.sme
        registration = (
            exhibitor_registrations_visible_to(actor).filter(pavilion=pavilion, sme=sme).first()
        )
        form = ApplyForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                exhibitor_registration_apply(
                    pavilion=pavilion, sme=sme, message=form.cleaned_data["message"]
                )
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(
                    request, _("Your application is sent. The organiser will decide on it.")
                )
                return redirect("events:pavilion_detail", pk=pavilion.pk)
        try:
            selectors.exhibitor_registration_check_apply(pavilion=pavilion, sme=sme)
            blocked = []
        except ValidationError as error:
            blocked = error.messages
        context |= {
            "registration": registration,
            "eligibility": sme_eligibility_of(sme),
            "first_timer": selectors.sme_is_first_time_exhibitor(sme=sme, pavilion=pavilion),
            "blocked": blocked,
            "form": form,
            "links": participant_links(Side.EXHIBITOR, pavilion.pk, hooks.PAVILION_PAGE),
        }
    elif request.method == "POST":
        return redirect("events:pavilion_detail", pk=pavilion.pk)
    elif actor.is_buyer:
        context["buyer_registration"] = (
            buyer_registrations_visible_to(actor)
            .filter(pavilion=pavilion, buyer=actor.buyer)
            .prefetch_related("days")
            .first()
        )
        context["links"] = participant_links(Side.BUYER, pavilion.pk, hooks.PAVILION_PAGE)
    return page(request, "pages/events/pavilion_detail.html", context)


@exhibitor_required
@require_POST
def pavilion_withdraw(request, pk: int):
    registration = get_object_or_404(
        exhibitor_registrations_visible_to(request.actor), pavilion_id=pk, sme=request.actor.sme
    )
    try:
        exhibitor_registration_decide(
            registration=registration, status=RegistrationStatus.WITHDRAWN, by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your application is withdrawn."))
    return redirect("events:pavilion_detail", pk=pk)


@buyer_required
@require_http_methods(["GET", "POST"])
def buyer_register(request, pk: int):
    """A buyer registers for the fair, picks the days they attend and says what they source
    there (the company's needs are the default; a change is for this fair only)."""
    pavilion = _pavilion(pk)
    buyer = request.actor.buyer
    registration = (
        buyer_registrations_visible_to(request.actor)
        .filter(pavilion=pavilion, buyer=buyer, status=BuyerRegistrationStatus.REGISTERED)
        .prefetch_related("days", "required_certifications")
        .first()
    )
    initial = BuyerRegistrationForm.initial_for(buyer=buyer, registration=registration)
    form = BuyerRegistrationForm(request.POST or None, initial=initial, fair=pavilion.fair)
    if request.method == "POST" and form.is_valid():
        try:
            buyer_registration_register(
                pavilion=pavilion,
                buyer=buyer,
                days=form.cleaned_data["days"],
                sourcing_needs=form.cleaned_data["sourcing_needs"],
                required_certifications=form.cleaned_data["required_certifications"],
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(
                request, _("You are registered for %(pavilion)s.") % {"pavilion": pavilion}
            )
            return redirect("events:catalogue", pk=pavilion.pk)
    return page(
        request,
        "pages/events/buyer_register.html",
        {"pavilion": pavilion, "fair": pavilion.fair, "form": form, "registration": registration},
    )


def buyer_is_registered(actor, pavilion: Pavilion) -> bool:
    """Whether the actor's buying company is registered for the pavilion (and so may ask its
    exhibitors for meetings)."""
    return (
        buyer_registrations_visible_to(actor)
        .filter(pavilion=pavilion, buyer=actor.buyer, status=BuyerRegistrationStatus.REGISTERED)
        .exists()
    )


def _buyer_context(actor, pavilion: Pavilion) -> dict:
    """For a registered buyer: whether they may request meetings, and what they have going with
    each exhibitor (``hooks.buyer_meeting_statuses``)."""
    if not actor.is_buyer:
        return {}
    statuses = {}
    for found in hooks.buyer_meeting_statuses(actor, pavilion):
        statuses |= found
    return {"buyer_registered": buyer_is_registered(actor, pavilion), "open_meetings": statuses}


def catalogue(request, pk: int):
    """Browse and search the pavilion's exhibitors by sector, market, certification, keyword,
    a page at a time."""
    actor = request.actor = actor_of(request.user)
    pavilion = _pavilion(pk)
    exhibitors = catalogue_lists.pavilion_exhibitors(pavilion)
    form = CatalogueFilterForm(
        request.GET or None, **catalogue_lists.exhibitor_filter_choices(pavilion)
    )
    if form.is_valid():
        exhibitors = catalogue_lists.exhibitors_filtered(exhibitors, form.cleaned_data)
    buyer_context = _buyer_context(actor, pavilion)
    listed, query = catalogue_lists.catalogue_page(request, exhibitors)
    for registration in listed:
        registration.meeting_status = buyer_context.get("open_meetings", {}).get(
            registration.sme_id
        )
    context = {
        "pavilion": pavilion,
        "fair": pavilion.fair,
        "form": form,
        "exhibitors": listed,
        "query": query,
        "filtered": bool(query),
        "nav": "pavilions",
        **buyer_context,
    }
    return page(request, "pages/events/catalogue.html", context)


def exhibitor_detail(request, pk: int, sme_pk: int, **panel_options):
    """One exhibitor's public profile, and the panels the apps above add under it (a registered
    buyer asks for a meeting there): ``hooks.exhibitor_page_panels``, given ``panel_options``."""
    request.actor = getattr(request, "actor", None) or actor_of(request.user)
    pavilion = _pavilion(pk)
    registration = get_object_or_404(catalogue_lists.pavilion_exhibitors(pavilion), sme_id=sme_pk)
    panels = hooks.exhibitor_page_panels(request, pavilion, registration, **panel_options)
    context = {
        "pavilion": pavilion,
        "fair": pavilion.fair,
        "registration": registration,
        "sme": registration.sme,
        "nav": "pavilions",
        "panels": [panel for panel in panels if panel],
    }
    return page(request, "pages/events/exhibitor_detail.html", context)


# --- what every page about a pair at a pavilion shares ----------------------------------------


def own_company_rows(actor, queryset):
    """Narrow to the actor's own company: an organiser's wider view is for the admin."""
    return (
        queryset.filter(sme=actor.sme) if actor.is_exhibitor else queryset.filter(buyer=actor.buyer)
    )


def participating_pavilion(actor, pk: int) -> Pavilion:
    """The pavilion, if the actor's company exhibits at it or is registered for it."""
    pavilion = get_object_or_404(Pavilion.objects.select_related("fair"), pk=pk)
    if actor.is_exhibitor:
        taking_part = exhibitor_registrations_visible_to(actor).filter(
            pavilion=pavilion, sme=actor.sme
        )
    else:
        taking_part = buyer_registrations_visible_to(actor).filter(
            pavilion=pavilion, buyer=actor.buyer
        )
    if not taking_part.exists():
        raise Http404
    return pavilion


def participant_side(actor, thing) -> Side:
    """The actor's side (exhibitor or buyer) in a row about a pair; 404 for anyone else."""
    side = side_of(actor, thing)
    if side not in (Side.EXHIBITOR, Side.BUYER):
        raise Http404
    return side
