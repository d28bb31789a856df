"""Suggested matchmaking weights in the API, for a pavilion's organisers and platform
administrators: ``meetings.selectors.weight_suggestion`` as JSON, and applying it through
``matchmaking.services.matching_settings_update`` like every other change of weights."""

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.response import Response

from companies.api.permissions import ActorView
from core.api.errors import Conflict
from events.api.pavilions import organised_pavilion
from matchmaking import selectors as matching_selectors
from matchmaking import services as matching_services
from matchmaking.api.planning import MatchingWeightsView
from matchmaking.api.serializers import MatchingWeightsSerializer
from meetings.selectors.weight_suggestion import WeightSuggestion, weight_suggestion

from .results import figures_serializer


@extend_schema(
    summary="Matchmaking weights suggested by earlier outcomes (organisers)",
    description="From the held meetings with outcomes at the organiser's pavilions of earlier "
    "fairs, a logistic regression relates each scoring factor (sector, market, product, "
    "language, buyer type, and readiness: certifications held, order size served) to a "
    "meeting that progressed to samples or further. Answers the suggested factor weights "
    "beside the current ones, how many meetings the fit used, and the held-out AUC (k-fold) of "
    "both. With too few outcomes `status` is `too_few` and nothing is suggested. Labels and "
    "`message` are in the request's language. The pavilion's organisers and platform "
    "administrators only.",
    responses={200: figures_serializer(WeightSuggestion)},
    tags=["matchmaking"],
)
class SuggestedWeightsView(ActorView, generics.GenericAPIView):
    serializer_class = figures_serializer(WeightSuggestion)
    refusal = gettext_lazy(
        "Only an organiser of this pavilion can read the weights suggested for it."
    )

    def get(self, request, pavilion_id: int):
        pavilion = organised_pavilion(self.actor, pavilion_id, self.refusal)
        return Response(weight_suggestion(pavilion).as_dict())


class SuggestedWeightsApplyView(MatchingWeightsView):
    """Apply the suggested factor weights; every other weight keeps its value."""

    http_method_names = ["post", "options"]
    error_statuses = {"post": (409,)}

    @extend_schema(
        request=None,
        responses={200: MatchingWeightsSerializer},
        summary="Apply the suggested matchmaking weights (organisers)",
        description="Stores the factor weights `matching-weights/suggested/` answers now (the "
        "other weights keep their values) and answers every weight as the next run will use "
        "it. Refused with 409 when nothing is suggested (too few outcomes).",
        tags=["matchmaking"],
    )
    def post(self, request, pavilion_id: int):
        pavilion = self._pavilion(pavilion_id)
        suggestion = weight_suggestion(pavilion)
        if suggestion.suggested_weights is None:
            raise Conflict(suggestion.message)
        current = matching_selectors.pavilion_weights(pavilion).to_dict()
        matching_services.matching_settings_update(
            pavilion=pavilion, weights={**current, **suggestion.suggested_weights}
        )
        return self._answer(pavilion)
