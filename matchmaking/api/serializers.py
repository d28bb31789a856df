"""Proposals, meetings, schedules, outcomes, runs, wishes, weights and unavailability as JSON.

Times are given twice: as UTC instants (ISO 8601) for programs, and as the fair's wall-clock time
with its IANA zone name for people, because a fair runs in its own zone while exhibitors plan from
Japan.
"""

import dataclasses

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from companies.models import SME, ForeignBuyer
from events.models import Pavilion
from matchmaking import engine
from matchmaking.forms import WEIGHT_FIELDS
from matchmaking.models import MatchingRun, PairWish, Proposal, WishKind
from matchmaking.reasons import proposal_sentence


class SMEBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = SME
        fields = ["id", "name_en", "name_ja"]


class BuyerBriefSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", read_only=True)

    class Meta:
        model = ForeignBuyer
        fields = ["id", "name", "country"]


class ProposalSerializer(serializers.ModelSerializer):
    sme = SMEBriefSerializer(read_only=True)
    buyer = BuyerBriefSerializer(read_only=True)
    sentence = serializers.SerializerMethodField(
        help_text=_("Why the pair was proposed, in the language of the request.")
    )

    class Meta:
        model = Proposal
        fields = [
            "id",
            "pavilion",
            "sme",
            "buyer",
            "score",
            "status",
            "reason",
            "sentence",
            "decided_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_sentence(self, proposal) -> str:
        return proposal_sentence(proposal)


class RunSerializer(serializers.ModelSerializer):
    """A matchmaking or scheduling run: poll it until ``status`` is done or failed.

    Both kinds of run have the same fields, so one serializer (and one schema component) serves.
    The run stores its progress as codes and figures (``progress_state``); ``progress_message``
    words them, or the finished run's counts, in the request's language.
    """

    progress_message = serializers.SerializerMethodField(
        help_text=_("What the run is doing, or what it did, in the request's language.")
    )

    class Meta:
        model = MatchingRun
        fields = [
            "id",
            "pavilion",
            "status",
            "progress",
            "progress_state",
            "progress_message",
            "counts",
            "timings",
            "error",
            "created_at",
            "started_at",
            "finished_at",
        ]
        read_only_fields = fields

    def get_progress_message(self, run) -> str:
        return run.progress_text()


class RunRequestSerializer(serializers.Serializer):
    pavilion = serializers.PrimaryKeyRelatedField(queryset=Pavilion.objects.all())


class PairWishSerializer(serializers.ModelSerializer):
    sme = SMEBriefSerializer(read_only=True)
    buyer = BuyerBriefSerializer(read_only=True)

    class Meta:
        model = PairWish
        fields = ["id", "pavilion", "sme", "buyer", "kind", "created_by", "created_at"]
        read_only_fields = fields


class PairWishCreateSerializer(serializers.Serializer):
    pavilion = serializers.PrimaryKeyRelatedField(queryset=Pavilion.objects.all())
    sme = serializers.PrimaryKeyRelatedField(
        queryset=SME.objects.all(), help_text=_("An accepted exhibitor of the pavilion.")
    )
    buyer = serializers.PrimaryKeyRelatedField(
        queryset=ForeignBuyer.objects.all(), help_text=_("A buyer registered for the pavilion.")
    )
    kind = serializers.ChoiceField(
        choices=WishKind.choices,
        help_text=_(
            "Requested and must-meet lift the pair's score; no thanks and met before force it "
            "to 0 and withdraw an open proposal at once."
        ),
    )


class FiniteFloatField(serializers.FloatField):
    """A number; one too large for a float is invalid rather than a server error."""

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except OverflowError:
            self.fail("invalid")


def _weight_field(field: dataclasses.Field) -> serializers.Field:
    label, help_text = WEIGHT_FIELDS[field.name]
    options = {"required": False, "label": label, "help_text": help_text}
    if isinstance(field.default, bool):
        return serializers.BooleanField(**options)
    if isinstance(field.default, tuple):
        options["help_text"] = _("Credits between 0 and 1, from the broadest level down.")
        return serializers.ListField(child=FiniteFloatField(), max_length=10, **options)
    if isinstance(field.default, int):
        return serializers.IntegerField(**options)
    return FiniteFloatField(**options)


MatchingWeightsSerializer = serializers.SerializerMetaclass(
    "MatchingWeightsSerializer",
    (serializers.Serializer,),
    {
        "__module__": __name__,
        "__doc__": "A pavilion's scoring weights, one field per weight; the engine checks them.",
        "pavilion": serializers.IntegerField(read_only=True),
        "updated_at": serializers.DateTimeField(
            read_only=True,
            allow_null=True,
            help_text=_("When an organiser last saved them; null while the defaults apply."),
        ),
        **{field.name: _weight_field(field) for field in dataclasses.fields(engine.ScoringWeights)},
    },
)
