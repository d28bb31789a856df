"""What hangs off a pavilion's path: its public catalogue of exhibitors, its meeting slots and
its registered buyers; and the pavilion a path names, for the views of every app.

The catalogue is public; a pavilion's buyers follow ``events.access``; generating slots calls
``events.services``.
"""

from django.db.models import Model, OuterRef, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.response import Response

from companies.api.permissions import ActorView, ReadAnonymously
from companies.models import ForeignBuyer
from core.api.views import require
from events.access import browses_buyers_of, pavilion_buyers_visible_to
from events.models import (
    BuyerRegistration,
    ExhibitorRegistration,
    MeetingSlot,
    Pavilion,
    RegistrationStatus,
)
from events.services.slots import meeting_slots_generate

from .filters import CatalogueFilter, PavilionBuyerFilter, SlotFilter
from .serializers import (
    CatalogueExhibitorSerializer,
    PavilionBuyerSerializer,
    SlotGenerationSerializer,
    SlotSerializer,
)


def pavilion_of_path(pavilion_id) -> Pavilion:
    """The pavilion a path names, with its fair; 404 if there is none."""
    return get_object_or_404(Pavilion.objects.select_related("fair"), pk=pavilion_id)


def organised_pavilion(actor, pavilion_id, refusal: str) -> Pavilion:
    """The pavilion a path names, if the actor organises it; else 403 with ``refusal``."""
    pavilion = pavilion_of_path(pavilion_id)
    require(actor.organises(pavilion.pk), refusal)
    return pavilion


class PavilionListView(ActorView, generics.ListAPIView):
    """A list under ``pavilions/{pavilion_id}/``: ``listed`` for the pavilion the path names."""

    #: What is listed (the schema generator, which has no pavilion, gets none of them).
    model: type[Model]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        self.pavilion = pavilion_of_path(self.kwargs["pavilion_id"])
        return self.listed(self.pavilion)

    def listed(self, pavilion: Pavilion) -> QuerySet:
        raise NotImplementedError


def pavilion_action(**schema):
    """Document a ``PavilionActionView``: it takes no body and answers its ``serializer_class``."""

    def document(view: type[PavilionActionView]) -> type[PavilionActionView]:
        return extend_schema(request=None, responses={200: view.serializer_class}, **schema)(view)

    return document


class PavilionActionView(ActorView, generics.GenericAPIView):
    """A POST to ``pavilions/{pavilion_id}/<part>/`` by an organiser of the pavilion (else 403
    with ``refusal``), answering ``serializer_class`` of what ``act`` returns."""

    refusal: str

    def act(self, pavilion: Pavilion):
        raise NotImplementedError

    def post(self, request, pavilion_id: int):
        pavilion = organised_pavilion(self.actor, pavilion_id, self.refusal)
        return Response(self.get_serializer_class()(self.act(pavilion)).data)


@extend_schema(
    summary="A pavilion's accepted exhibitors (public catalogue)",
    description="Public profile fields and booth only; never capital, employees, eligibility, "
    "contact emails or members.",
    tags=["catalogue"],
)
class CatalogueView(PavilionListView):
    model = ExhibitorRegistration
    permission_classes = [ReadAnonymously]
    anonymous_read = True
    serializer_class = CatalogueExhibitorSerializer
    filterset_class = CatalogueFilter
    ordering_fields = ["sme__name_en", "sme__name_ja", "booth"]
    search_fields = ["sme__name_en", "sme__name_ja", "sme__products_en", "sme__products_ja"]

    def listed(self, pavilion):
        return (
            ExhibitorRegistration.objects.filter(
                pavilion=pavilion, status=RegistrationStatus.ACCEPTED
            )
            .select_related("sme")
            .prefetch_related("sme__sectors", "sme__target_markets", "sme__certifications")
            .order_by("sme__name_en", "pk")
        )


@extend_schema(
    summary="A pavilion's meeting slots, in UTC and the fair's local time",
    description="Generated from the pavilion's daily timetable; use their ids to move meetings, "
    "mark participants unavailable or say when interpreters are free.",
    tags=["slots"],
)
class SlotListView(PavilionListView):
    model = MeetingSlot
    serializer_class = SlotSerializer
    filterset_class = SlotFilter
    ordering_fields = ["starts_at"]

    def listed(self, pavilion):
        return pavilion.slots.select_related("pavilion__fair").order_by("starts_at", "pk")


@pavilion_action(
    summary="Generate a pavilion's meeting slots from its timetable (organisers)",
    description="Adds the missing slots; removes those the timetable no longer has unless "
    "interpreters or meetings use them (those are kept and counted). Running it twice changes "
    "nothing.",
    tags=["slots"],
)
class SlotGenerateView(PavilionActionView):
    serializer_class = SlotGenerationSerializer
    refusal = gettext_lazy("Only an organiser of this pavilion can generate its slots.")

    def act(self, pavilion):
        return meeting_slots_generate(pavilion=pavilion)


@extend_schema(
    summary="A pavilion's registered buyers (public profile)",
    description="For the pavilion's accepted exhibitors, to plan whom to ask for a meeting, and "
    "its organisers. Public fields only: never contact emails or members.",
    tags=["catalogue"],
)
class PavilionBuyerListView(PavilionListView):
    model = ForeignBuyer
    serializer_class = PavilionBuyerSerializer
    filterset_class = PavilionBuyerFilter
    ordering_fields = ["name", "city"]
    search_fields = ["name", "city", "fair_sourcing_needs"]

    def listed(self, pavilion):
        require(
            browses_buyers_of(self.actor, pavilion.pk),
            _("Only exhibitors accepted at this pavilion and its organisers can list its buyers."),
        )
        # What each buyer sources at this fair is its registration's, not the company's text.
        needs = BuyerRegistration.objects.filter(pavilion=pavilion, buyer=OuterRef("pk"))
        return (
            pavilion_buyers_visible_to(self.actor, pavilion.pk)
            .annotate(fair_sourcing_needs=Subquery(needs.values("sourcing_needs")[:1]))
            .select_related("country")
            .prefetch_related("sectors")
            .order_by("name", "pk")
        )
