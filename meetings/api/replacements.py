"""Replacements in the API, for a pavilion's organisers: the ranked meetings that could take a
freed slot (``meetings.selectors.replacements``, the scheduler's repair mode) and placing one
(``meetings.services.replacements.replacement_place``), as the admin's replacement page does."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from companies.api.permissions import ActorView
from events.api.pavilions import organised_pavilion
from events.models import Interpreter, MeetingSlot
from matchmaking.api.serializers import BuyerBriefSerializer, SMEBriefSerializer
from meetings.models import Meeting, MeetingStatus
from meetings.selectors.replacements import replacement_candidates, replacement_slot
from meetings.services.replacements import replacement_place

from .meetings import meetings_of
from .serializers import MeetingSerializer

REFUSAL = gettext_lazy("Only an organiser of this pavilion finds and places replacements.")


class ReplacementQuerySerializer(serializers.Serializer):
    meeting = serializers.IntegerField(
        required=False,
        help_text=gettext_lazy(
            "A cancelled or missed meeting of the pavilion: replacements for the slot it left "
            "(after a no-show, never with the side who did not come)."
        ),
    )
    slot = serializers.IntegerField(
        required=False, help_text=gettext_lazy("Any slot of the pavilion, instead of a meeting.")
    )
    limit = serializers.IntegerField(
        required=False,
        default=10,
        min_value=1,
        max_value=50,
        help_text=gettext_lazy("List at most this many candidates (1 to 50)."),
    )

    def validate(self, data):
        if ("meeting" in data) == ("slot" in data):
            raise ValidationError(
                _("Give either a cancelled or missed meeting or a slot, not both or neither.")
            )
        return data


class ReplacementSerializer(serializers.Serializer):
    key = serializers.CharField(
        help_text=gettext_lazy("What placing this candidate takes as its candidate.")
    )
    kind = serializers.SerializerMethodField(
        help_text=gettext_lazy(
            "meeting: an accepted meeting waiting for a slot; proposal: an open matchmaking "
            "proposal, confirmed on both sides' behalf when placed."
        )
    )
    meeting = serializers.IntegerField(source="meeting.pk", allow_null=True, default=None)
    proposal = serializers.IntegerField(source="proposal.pk", allow_null=True, default=None)
    sme = SMEBriefSerializer()
    buyer = BuyerBriefSerializer()
    score = serializers.FloatField()
    new_gaps = serializers.IntegerField(
        help_text=gettext_lazy("Idle slots the placement adds to either side's day.")
    )
    interpreter = serializers.IntegerField(
        source="interpreter.pk",
        allow_null=True,
        default=None,
        help_text=gettext_lazy(
            "The interpreter free then who speaks the pair, when one is needed."
        ),
    )
    reason = serializers.CharField(
        help_text=gettext_lazy("Why a proposal was proposed, in the request's language.")
    )

    def get_kind(self, row) -> str:
        return "proposal" if row.is_proposal else "meeting"


class ReplacementListSerializer(serializers.Serializer):
    slot = serializers.IntegerField()
    candidates = ReplacementSerializer(many=True)


class ReplacementPlaceSerializer(serializers.Serializer):
    slot = serializers.IntegerField()
    candidate = serializers.CharField(
        max_length=20, help_text=gettext_lazy("A candidate's key: m<meeting id> or p<proposal id>.")
    )
    interpreter = serializers.IntegerField(required=False, allow_null=True, default=None)


def _of_pavilion(model, pavilion, pk: int | None, field: str, message: str, **filters):
    if pk is None:
        return None
    found = model.objects.filter(pavilion=pavilion, pk=pk, **filters).first()
    if found is None:
        raise ValidationError({field: [message]})
    return found


@extend_schema(tags=["schedule"])
class ReplacementsView(ActorView, generics.GenericAPIView):
    serializer_class = ReplacementListSerializer

    @extend_schema(
        parameters=[ReplacementQuerySerializer],
        summary="Ranked replacements for a freed slot (organisers)",
        description="The meetings that could take the slot, best first (by score, then by the "
        "fewest new idle gaps): both sides free then, the pair has not met and has no meeting "
        "yet, both within the pavilion's limits, an interpreter free when one is needed. "
        "Nothing already placed moves.",
    )
    def get(self, request, pavilion_id: int):
        pavilion = organised_pavilion(self.actor, pavilion_id, REFUSAL)
        query = ReplacementQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        meeting = _of_pavilion(
            Meeting,
            pavilion,
            data.get("meeting"),
            "meeting",
            _("No cancelled or missed meeting with this id at this pavilion."),
            status__in=(MeetingStatus.CANCELLED, MeetingStatus.NO_SHOW),
        )
        slot = _of_pavilion(
            MeetingSlot, pavilion, data.get("slot"), "slot", _("No slot with this id here.")
        )
        if meeting is not None:
            slot = replacement_slot(meeting)
        rows = replacement_candidates(meeting, data["limit"], slot=slot)
        return Response(
            ReplacementListSerializer({"slot": slot.pk, "candidates": rows}).data,
        )

    @extend_schema(
        request=ReplacementPlaceSerializer,
        responses={201: MeetingSerializer},
        summary="Place a replacement into a slot (organisers)",
        description="Puts the candidate into the slot in one step and locks it there; a proposal "
        "is first confirmed on both sides' behalf. Every rule is checked again: a candidate "
        "gone stale is refused with the reason and nothing is written. In a published schedule "
        "the meeting is published at once and its two sides are emailed their schedule.",
    )
    def post(self, request, pavilion_id: int):
        pavilion = organised_pavilion(self.actor, pavilion_id, REFUSAL)
        given = ReplacementPlaceSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        slot = _of_pavilion(
            MeetingSlot, pavilion, data["slot"], "slot", _("No slot with this id here.")
        )
        interpreter = _of_pavilion(
            Interpreter,
            pavilion,
            data["interpreter"],
            "interpreter",
            _("No interpreter with this id works at this pavilion."),
        )
        placed = replacement_place(
            pavilion=pavilion,
            slot=slot,
            candidate=data["candidate"],
            interpreter=interpreter,
            by=request.user,
        )
        meeting = meetings_of(self.actor).get(pk=placed.pk)
        return Response(
            MeetingSerializer(meeting, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )
