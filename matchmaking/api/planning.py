"""What organisers set before matchmaking and scheduling: wishes about pairs, a pavilion's scoring
weights, and the slots in which participants cannot meet.

Organisers only, for their own pavilions (``matchmaking.access``); every write calls
``matchmaking.services``.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, mixins, status
from rest_framework.response import Response

from companies.api.permissions import ActorView, require_organiser
from core.api.views import ReadCreateViewSet, require, resource_schema
from events.api.pavilions import organised_pavilion
from events.models import Pavilion
from matchmaking import selectors
from matchmaking import services as matching_services
from matchmaking.access import wishes_visible_to
from matchmaking.models import MatchingSettings

from .filters import PairWishFilter
from .serializers import (
    MatchingWeightsSerializer,
    PairWishCreateSerializer,
    PairWishSerializer,
)


@resource_schema(
    "matchmaking",
    list_summary="Wishes about pairs at your pavilions (organisers)",
    detail_summary="A wish about a pair",
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
class PairWishViewSet(ActorView, ReadCreateViewSet, mixins.DestroyModelMixin):
    serializer_class = PairWishSerializer
    filterset_class = PairWishFilter
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
        wish = matching_services.pair_wish_add(by=request.user, **data)
        wish = self.get_queryset().get(pk=wish.pk)
        return Response(PairWishSerializer(wish).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        matching_services.pair_wish_remove(wish=instance)


class MatchingWeightsView(ActorView, generics.GenericAPIView):
    """A pavilion's scoring weights: the engine's defaults until an organiser tunes them."""

    serializer_class = MatchingWeightsSerializer

    def _pavilion(self, pavilion_id) -> Pavilion:
        return organised_pavilion(
            self.actor,
            pavilion_id,
            _("Only an organiser of this pavilion can read and tune its matchmaking weights."),
        )

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
        matching_services.matching_settings_update(pavilion=pavilion, weights=weights)
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
