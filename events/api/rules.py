"""A pavilion's meeting rules through the API: ``PATCH /api/v1/pavilions/{id}/`` by its organisers
and the platform's administrators, calling ``events.services.rules`` as the admin does."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from core.api.views import require
from events.models import Pavilion
from events.services.rules import RULE_FIELDS, pavilion_rules_update

from .serializers import PavilionSerializer


class PavilionRulesSerializer(serializers.ModelSerializer):
    """The rules a PATCH may change; every one optional, anything else refused by name."""

    class Meta:
        model = Pavilion
        fields = list(RULE_FIELDS)
        extra_kwargs = {name: {"required": False} for name in RULE_FIELDS}

    def validate(self, attrs):
        others = sorted(set(self.initial_data) - set(RULE_FIELDS))
        if others:
            raise serializers.ValidationError(
                {
                    name: _(
                        "This field cannot be changed through the API; only the meeting rules "
                        "can: %(rules)s."
                    )
                    % {"rules": ", ".join(RULE_FIELDS)}
                    for name in others
                }
            )
        if not attrs:
            raise serializers.ValidationError(
                _("Give at least one of the meeting rules to change: %(rules)s.")
                % {"rules": ", ".join(RULE_FIELDS)}
            )
        return attrs


class PavilionChangedSerializer(PavilionSerializer):
    """The pavilion as saved, with what the organiser must still do."""

    notices = serializers.SerializerMethodField(
        help_text=gettext_lazy(
            "What the change leaves to do, such as generating the slots again after a new "
            "slot length."
        )
    )

    class Meta(PavilionSerializer.Meta):
        fields = [*PavilionSerializer.Meta.fields, "notices"]

    def get_notices(self, pavilion) -> list[str]:
        return self.context.get("notices", [])


class PavilionRulesChange:
    """Mixin for the pavilions' viewset: PATCH changes the meeting rules."""

    @extend_schema(
        request=PavilionRulesSerializer,
        responses={200: PavilionChangedSerializer},
        summary="Change a pavilion's meeting rules (its organisers)",
        description="Caps on meetings per exhibitor, per buyer and per participant and day, on "
        "open requests; when requests expire and their reminder; the shared tables per slot; "
        "the slot length. Only these fields; the others stay. A change that contradicts "
        "existing meetings (a cap below what someone has booked, fewer tables than a slot "
        "uses, a new slot length while meetings are in slots) is refused with 400, naming "
        "the meetings under the rule's field, and nothing is saved.",
    )
    def partial_update(self, request, *args, **kwargs):
        pavilion = self.get_object()
        require(
            self.actor.organises(pavilion.pk),
            _("Only an organiser of this pavilion can change its meeting rules."),
        )
        serializer = PavilionRulesSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        change = pavilion_rules_update(
            pavilion=pavilion, changes=serializer.validated_data, by=request.user
        )
        saved = self.get_queryset().get(pk=change.pavilion.pk)
        return Response(PavilionChangedSerializer(saved, context={"notices": change.notices}).data)
