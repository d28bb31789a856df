"""What organisers set before matchmaking and scheduling: wishes about pairs, a pavilion's scoring
weights, and the slots in which participants cannot meet.

Organisers only, for their own pavilions (``matchmaking.access``); every write calls
``matchmaking.services``.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, mixins, status, viewsets
from rest_framework.response import Response

from companies.api.permissions import ApiView, require, require_organiser
from companies.api.views import ID_PATTERN, RecordViewSet
from events.models import Pavilion
from matchmaking import selectors, services
from matchmaking.access import unavailabilities_visible_to, wishes_visible_to
from matchmaking.models import MatchingSettings

from .filters import PairWishFilter, UnavailabilityFilter
from .serializers import (
    MatchingWeightsSerializer,
    PairWishCreateSerializer,
    PairWishSerializer,
    UnavailabilityChangedSerializer,
    UnavailabilityChangeSerializer,
    UnavailabilityCreateSerializer,
    UnavailabilitySerializer,
)


@extend_schema_view(
    list=extend_schema(summary="Wishes about pairs at your pavilions (organisers)"),
    retrieve=extend_schema(summary="A wish about a pair"),
    create=extend_schema(
        request=PairWishCreateSerializer,
        responses={201: PairWishSerializer},
        summary="Record a wish about an exhibitor-buyer pair",
        description="The next matchmaking run takes it into account; no thanks and met before "
        "also withdraw an open proposal for the pair at once. Recording the same wish again "
        "changes nothing.",
    ),
    destroy=extend_schema(
        summary="Forget a wish",
        description="The next run scores the pair without it.",
    ),
)
@extend_schema(tags=["matchmaking"])
class PairWishViewSet(
    ApiView,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = PairWishSerializer
    filterset_class = PairWishFilter
    lookup_value_regex = ID_PATTERN
    ordering_fields = ["created_at"]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        require_organiser(self.actor, _("Only organisers record wishes about pairs."))

    def get_queryset(self):
        return (
            wishes_visible_to(self.actor)
            .select_related("sme", "buyer__country")
            .order_by("pavilion_id", "-created_at", "-pk")
        )

    def create(self, request, *args, **kwargs):
        serializer = PairWishCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        require(
            self.actor.organises(data["pavilion"].pk),
            _("Only an organiser of this pavilion can record wishes about its pairs."),
        )
        wish = services.pair_wish_add(by=request.user, **data)
        wish = self.get_queryset().get(pk=wish.pk)
        return Response(PairWishSerializer(wish).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        services.pair_wish_remove(wish=instance)


class MatchingWeightsView(ApiView, generics.GenericAPIView):
    """A pavilion's scoring weights: the engine's defaults until an organiser tunes them."""

    serializer_class = MatchingWeightsSerializer

    def _pavilion(self, pavilion_id) -> Pavilion:
        pavilion = get_object_or_404(Pavilion, pk=pavilion_id)
        require(
            self.actor.organises(pavilion.pk),
            _("Only an organiser of this pavilion can read and tune its matchmaking weights."),
        )
        return pavilion

    def _answer(self, pavilion: Pavilion) -> Response:
        stored = MatchingSettings.objects.filter(pavilion=pavilion).first()
        weights = selectors.pavilion_weights(pavilion).to_dict()
        return Response(
            MatchingWeightsSerializer(
                {
                    "pavilion": pavilion.pk,
                    "updated_at": stored.updated_at if stored else None,
                    **weights,
                }
            ).data
        )

    def _save(self, request, pavilion_id, *, partial: bool) -> Response:
        pavilion = self._pavilion(pavilion_id)
        serializer = MatchingWeightsSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        # Names that are no weight go to the engine too, which refuses them by name.
        unknown = {
            name: request.data[name] for name in request.data if name not in serializer.fields
        }
        given = {**serializer.validated_data, **unknown}
        weights = {**selectors.pavilion_weights(pavilion).to_dict(), **given} if partial else given
        services.matching_settings_update(pavilion=pavilion, weights=weights)
        return self._answer(pavilion)

    @extend_schema(
        responses={200: MatchingWeightsSerializer},
        summary="A pavilion's matchmaking weights (organisers)",
        description="Every weight as the next run will use it.",
        tags=["matchmaking"],
    )
    def get(self, request, pavilion_id: int):
        return self._answer(self._pavilion(pavilion_id))

    @extend_schema(
        request=MatchingWeightsSerializer,
        responses={200: MatchingWeightsSerializer},
        summary="Replace a pavilion's matchmaking weights",
        description="Weights left out take the engine's defaults. Each bad value is refused "
        "with its weight named in `fields`; nothing is saved then.",
        tags=["matchmaking"],
    )
    def put(self, request, pavilion_id: int):
        return self._save(request, pavilion_id, partial=False)

    @extend_schema(
        request=MatchingWeightsSerializer,
        responses={200: MatchingWeightsSerializer},
        summary="Change some of a pavilion's matchmaking weights",
        description="Weights left out keep their current values. Each bad value is refused with "
        "its weight named in `fields`; nothing is saved then.",
        tags=["matchmaking"],
    )
    def patch(self, request, pavilion_id: int):
        return self._save(request, pavilion_id, partial=True)


@extend_schema_view(
    list=extend_schema(summary="Participants' unavailable slots at your pavilions (organisers)"),
    retrieve=extend_schema(summary="A participant's unavailable slot"),
    create=extend_schema(
        request=UnavailabilityCreateSerializer,
        responses={201: UnavailabilityChangedSerializer},
        summary="Mark an exhibitor or a buyer unavailable in a slot",
        description="The scheduler no longer places them there. A meeting already scheduled "
        "there is never unbooked: it is listed in `affected_meetings` for you to move or cancel.",
    ),
    partial_update=extend_schema(
        request=UnavailabilityChangeSerializer,
        responses={200: UnavailabilityChangedSerializer},
        summary="Change an unavailable slot",
        description="Scheduled meetings the change affects are listed in `affected_meetings`; "
        "none is unbooked.",
    ),
    destroy=extend_schema(summary="Make the participant available in the slot again"),
)
@extend_schema(tags=["schedule"])
class UnavailabilityViewSet(RecordViewSet):
    serializer_class = UnavailabilitySerializer
    filterset_class = UnavailabilityFilter
    ordering_fields = ["slot__starts_at"]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        require_organiser(
            self.actor, _("Only organisers mark participants unavailable; ask yours to.")
        )

    def get_queryset(self):
        return (
            unavailabilities_visible_to(self.actor)
            .select_related("sme", "buyer__country", "slot__pavilion__fair")
            .order_by("pavilion_id", "slot__starts_at", "pk")
        )

    def _changed(self, unavailability, status_code=status.HTTP_200_OK) -> Response:
        unavailability = self.get_queryset().get(pk=unavailability.pk)
        unavailability.affected_meetings = [
            {"meeting": meeting.pk, "reason": reason}
            for meeting, reason in services.unavailability_conflicts(unavailability=unavailability)
        ]
        return Response(UnavailabilityChangedSerializer(unavailability).data, status=status_code)

    def create(self, request, *args, **kwargs):
        serializer = UnavailabilityCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        require(
            self.actor.organises(data["pavilion"].pk),
            _("Only an organiser of this pavilion can mark its participants unavailable."),
        )
        unavailability = services.participant_unavailability_save(**data)
        return self._changed(unavailability, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        unavailability = self.get_object()
        serializer = UnavailabilityChangeSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = {
            "sme": unavailability.sme,
            "buyer": unavailability.buyer,
            "slot": unavailability.slot,
            "note": unavailability.note,
            **serializer.validated_data,
        }
        unavailability = services.participant_unavailability_save(
            unavailability=unavailability, pavilion=unavailability.pavilion, **data
        )
        return self._changed(unavailability)

    def perform_destroy(self, instance):
        services.participant_unavailability_delete(unavailability=instance)
