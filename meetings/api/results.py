"""A pavilion's results in the API, for its organisers and platform administrators: the figures
of ``meetings.selectors.results`` as JSON, documented in the schema from their dataclasses."""

import dataclasses
import types
import typing
from datetime import date

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response

from companies.api.permissions import ActorView
from events.api.pavilions import organised_pavilion
from meetings.selectors.results import pavilion_results
from meetings.selectors.results_figures import PavilionResults

#: One serializer per dataclass, so that the schema names each once.
_serializers: dict[type, type[serializers.Serializer]] = {}
_SCALARS = {
    int: serializers.IntegerField,
    float: serializers.FloatField,
    str: serializers.CharField,
    bool: serializers.BooleanField,
    date: serializers.DateField,
}


def _field(hint) -> serializers.Field:
    """The read-only serializer field for one dataclass field's type."""
    nullable = False
    if isinstance(hint, types.UnionType):
        (hint,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        nullable = True
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        if item in _SCALARS:
            return serializers.ListField(child=_SCALARS[item](), read_only=True)
        return figures_serializer(item)(many=True, read_only=True)
    if dataclasses.is_dataclass(hint):
        return figures_serializer(hint)(read_only=True)
    return _SCALARS[hint](read_only=True, allow_null=nullable)


def figures_serializer(figures: type) -> type[serializers.Serializer]:
    """A serializer describing a dataclass of figures (for the schema; ``as_dict`` gives the
    data), its docstring as the description."""
    if figures not in _serializers:
        hints = typing.get_type_hints(figures)
        attributes = {f.name: _field(hints[f.name]) for f in dataclasses.fields(figures)}
        attributes["__doc__"] = figures.__doc__
        name = f"{figures.__name__}Serializer"
        _serializers[figures] = type(name, (serializers.Serializer,), attributes)
    return _serializers[figures]


@extend_schema(
    summary="A pavilion's results: funnel, trade stages, direct and indirect results",
    description="The funnel from proposals to held meetings, meetings held per exhibitor and "
    "buyer, trade stages by round of outcomes, the shares of exhibitors with direct and "
    "indirect results beside METI's 40% and 30%, and those figures by first-timers, sector, "
    "buyer country, region and type, and interpreter. Labels are in the request's language. "
    "The pavilion's organisers and platform administrators only.",
    responses={200: figures_serializer(PavilionResults)},
    tags=["results"],
)
class PavilionResultsView(ActorView, generics.GenericAPIView):
    serializer_class = figures_serializer(PavilionResults)
    refusal = gettext_lazy("Only an organiser of this pavilion can read its results.")

    def get(self, request, pavilion_id: int):
        pavilion = organised_pavilion(self.actor, pavilion_id, self.refusal)
        return Response(pavilion_results(pavilion).as_dict())
