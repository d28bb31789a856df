"""Fairs, pavilions, the public catalogue, registrations, slots and interpreters as JSON.

Times of slots are given twice: as UTC instants (ISO 8601) for programs, and as the fair's
wall-clock time with its IANA zone name for people.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from companies.api.serializers import (
    EligibilitySerializer,
    LanguageSerializer,
    NamedCertificationSerializer,
    NamedMarketSerializer,
    NamedSectorSerializer,
)
from companies.models import Certification, ForeignBuyer, Language
from events.models import (
    BuyerRegistration,
    ExhibitorRegistration,
    Interpreter,
    MeetingSlot,
    Pavilion,
    RegistrationStatus,
    TradeFair,
)
from events.services.rules import RULE_FIELDS


@extend_schema_field(
    {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]:[0-5][0-9]$", "example": "10:00:00"}
)
class WallClockTimeField(serializers.TimeField):
    """A time of day in the fair's own zone, without an offset (OpenAPI's "time" needs one)."""


class TradeFairSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = TradeFair
        fields = [
            "id",
            "name",
            "city",
            "country",
            "venue",
            "time_zone",
            "starts_on",
            "ends_on",
            "website",
        ]


class PavilionSerializer(serializers.ModelSerializer):
    fair = TradeFairSerializer(read_only=True)
    organiser = serializers.CharField(source="organiser.name_en", read_only=True)
    applications_open = serializers.SerializerMethodField()
    meeting_day_starts = WallClockTimeField(read_only=True)
    meeting_day_ends = WallClockTimeField(read_only=True)
    follow_up_months = serializers.ListField(
        child=serializers.IntegerField(),
        read_only=True,
        help_text="Months after the fair's last day at which both sides of each held meeting "
        "are asked what came of it.",
    )

    class Meta:
        model = Pavilion
        fields = [
            "id",
            "fair",
            "name_en",
            "name_ja",
            "organiser",
            "booth_capacity",
            "application_opens_at",
            "application_closes_at",
            "applications_open",
            "first_timer_conditions_en",
            "first_timer_conditions_ja",
            "first_timer_fee_discount_percent",
            "first_timer_interpreted_meetings",
            "meeting_day_starts",
            "meeting_day_ends",
            *RULE_FIELDS,  # the meeting rules, which its organisers change (``rules``)
            "follow_up_months",
            "schedule_published_at",
        ]

    def get_applications_open(self, pavilion) -> bool:
        return pavilion.application_window_open()


class CatalogueExhibitorSerializer(serializers.ModelSerializer):
    """An accepted exhibitor as anyone may see it: public profile fields and the booth only."""

    sme = serializers.IntegerField(source="sme_id", read_only=True)
    name_en = serializers.CharField(source="sme.name_en", read_only=True)
    name_ja = serializers.CharField(source="sme.name_ja", read_only=True)
    prefecture = serializers.CharField(source="sme.prefecture", read_only=True)
    description_en = serializers.CharField(source="sme.description_en", read_only=True)
    description_ja = serializers.CharField(source="sme.description_ja", read_only=True)
    products_en = serializers.CharField(source="sme.products_en", read_only=True)
    products_ja = serializers.CharField(source="sme.products_ja", read_only=True)
    website = serializers.CharField(source="sme.website", read_only=True)
    sectors = NamedSectorSerializer(source="sme.sectors", many=True, read_only=True)
    target_markets = NamedMarketSerializer(source="sme.target_markets", many=True, read_only=True)
    certifications = NamedCertificationSerializer(
        source="sme.certifications", many=True, read_only=True
    )

    class Meta:
        model = ExhibitorRegistration
        fields = [
            "sme",
            "name_en",
            "name_ja",
            "prefecture",
            "description_en",
            "description_ja",
            "products_en",
            "products_ja",
            "website",
            "sectors",
            "target_markets",
            "certifications",
            "booth",
        ]


class ExhibitorRegistrationSerializer(serializers.ModelSerializer):
    """An application as the SME and the pavilion's organisers see it."""

    sme_name_en = serializers.CharField(source="sme.name_en", read_only=True)
    sme_name_ja = serializers.CharField(source="sme.name_ja", read_only=True)
    eligibility = serializers.SerializerMethodField()

    class Meta:
        model = ExhibitorRegistration
        fields = [
            "id",
            "pavilion",
            "sme",
            "sme_name_en",
            "sme_name_ja",
            "status",
            "booth",
            "is_sme_eligible",
            "eligibility",
            "first_time_exhibitor",
            "message",
            "applied_at",
            "decided_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(EligibilitySerializer)
    def get_eligibility(self, registration) -> dict:
        """The SME Basic Act verdict on the figures the SME applied with."""
        verdict = registration.eligibility
        return {"eligible": verdict.eligible, "reason": str(verdict.reason)}


class ExhibitorApplySerializer(serializers.Serializer):
    pavilion = serializers.PrimaryKeyRelatedField(queryset=Pavilion.objects.select_related("fair"))
    message = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=5000,
        help_text=_("A note to the organiser."),
    )


#: What an organiser may decide on an application (withdrawing is the SME's own action).
EXHIBITOR_DECISIONS = [
    (RegistrationStatus.ACCEPTED.value, RegistrationStatus.ACCEPTED.label),
    (RegistrationStatus.WAITLISTED.value, RegistrationStatus.WAITLISTED.label),
    (RegistrationStatus.REJECTED.value, RegistrationStatus.REJECTED.label),
]


class ExhibitorDecisionSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=EXHIBITOR_DECISIONS)
    booth = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=20,
        help_text=_("Give an accepted exhibitor a booth in the same step."),
    )


class BuyerRegistrationSerializer(serializers.ModelSerializer):
    buyer_name = serializers.CharField(source="buyer.name", read_only=True)
    days = serializers.SerializerMethodField()
    sourcing_needs = serializers.CharField(
        read_only=True, help_text=_("What the buyer sources at this fair.")
    )
    required_certifications = serializers.PrimaryKeyRelatedField(
        many=True,
        read_only=True,
        help_text=_("Ids from /api/v1/certifications/: what the buyer requires at this fair."),
    )

    class Meta:
        model = BuyerRegistration
        fields = [
            "id",
            "pavilion",
            "buyer",
            "buyer_name",
            "status",
            "days",
            "sourcing_needs",
            "required_certifications",
            "registered_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_days(self, registration) -> list[str]:
        return [day.day.isoformat() for day in registration.days.all()]


class BuyerNeedsSerializer(serializers.Serializer):
    """What a buyer sources at one fair; the company's profile is the default and stays as it is."""

    sourcing_needs = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=5000,
        help_text=_(
            "What the buyer sources at this fair. Left out: the company profile's text for a "
            "new registration, the registration's own otherwise."
        ),
    )
    required_certifications = serializers.PrimaryKeyRelatedField(
        many=True,
        required=False,
        queryset=Certification.objects.all(),
        help_text=_(
            "Ids from /api/v1/certifications/. Left out: the company profile's for a new "
            "registration, the registration's own otherwise."
        ),
    )


class BuyerRegisterSerializer(BuyerNeedsSerializer):
    pavilion = serializers.PrimaryKeyRelatedField(queryset=Pavilion.objects.select_related("fair"))
    days = serializers.ListField(
        child=serializers.DateField(),
        min_length=1,
        max_length=31,
        help_text=_("The days of the fair the buyer attends (YYYY-MM-DD)."),
    )


class BuyerRegistrationChangeSerializer(BuyerNeedsSerializer):
    days = serializers.ListField(
        child=serializers.DateField(),
        required=False,
        min_length=1,
        max_length=31,
        help_text=_("The days of the fair the buyer attends (YYYY-MM-DD); they replace the old."),
    )


def slot_data(slot: MeetingSlot, fair: TradeFair) -> dict:
    """A slot in UTC and in the fair's local time (see ``SlotSerializer``)."""
    return {
        "id": slot.pk,
        "starts_at": serializers.DateTimeField().to_representation(slot.starts_at),
        "ends_at": serializers.DateTimeField().to_representation(slot.ends_at),
        "local_starts_at": fair.local(slot.starts_at).isoformat(),
        "local_ends_at": fair.local(slot.ends_at).isoformat(),
        "local_text": fair.local_text(slot.starts_at),
        "time_zone": fair.time_zone,
    }


class SlotSerializer(serializers.Serializer):
    """A slot in UTC and in the fair's local time (reads ``slot.pavilion.fair``)."""

    id = serializers.IntegerField()
    starts_at = serializers.DateTimeField(help_text=_("UTC."))
    ends_at = serializers.DateTimeField(help_text=_("UTC."))
    local_starts_at = serializers.CharField(
        help_text=_("The fair's wall-clock time with its UTC offset (ISO 8601).")
    )
    local_ends_at = serializers.CharField()
    local_text = serializers.CharField(
        help_text=_(
            "For people, in the request's language and the fair's zone, e.g. "
            "Mon 15 Nov 2027, 10:00 CET or 2027年11月15日(月) 10:00 CET."
        )
    )
    time_zone = serializers.CharField(help_text=_("The fair's IANA time zone."))

    def to_representation(self, slot):
        return slot_data(slot, slot.pavilion.fair)


class SlotGenerationSerializer(serializers.Serializer):
    created = serializers.IntegerField(help_text=_("Slots added from the timetable."))
    removed = serializers.IntegerField(help_text=_("Slots the timetable no longer has, removed."))
    kept = serializers.IntegerField(
        help_text=_(
            "Slots the timetable no longer has, kept because interpreters or meetings use them."
        )
    )
    total = serializers.IntegerField(help_text=_("Slots the timetable gives."))


class InterpreterSerializer(serializers.ModelSerializer):
    """An interpreter of a pavilion, as its organisers see it."""

    # Plain text: an interpreter without an address has "", which is no email format.
    email = serializers.CharField(read_only=True, help_text=_("Empty when not known."))
    languages = LanguageSerializer(many=True, read_only=True)
    available_slots = serializers.PrimaryKeyRelatedField(
        many=True,
        read_only=True,
        help_text=_(
            "Ids of the slots in which the interpreter is free (see the pavilion's slots)."
        ),
    )

    class Meta:
        model = Interpreter
        fields = ["id", "pavilion", "name", "email", "languages", "available_slots"]
        read_only_fields = fields


class InterpreterChangeSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    languages = serializers.PrimaryKeyRelatedField(
        many=True,
        queryset=Language.objects.all(),
        help_text=_("Ids from /api/v1/languages/: every language the interpreter works in."),
    )
    available_slots = serializers.PrimaryKeyRelatedField(
        many=True,
        queryset=MeetingSlot.objects.all(),
        required=False,
        default=list,
        help_text=_("Ids of the pavilion's slots in which the interpreter is free."),
    )


class InterpreterCreateSerializer(InterpreterChangeSerializer):
    pavilion = serializers.PrimaryKeyRelatedField(queryset=Pavilion.objects.select_related("fair"))


class PavilionBuyerSerializer(serializers.ModelSerializer):
    """A registered buyer as the pavilion's exhibitors see it: the public profile only."""

    country = NamedMarketSerializer(read_only=True)
    sectors = NamedSectorSerializer(many=True, read_only=True)
    website = serializers.CharField(read_only=True)
    # The registration's, for this pavilion's fair (annotated by the view), not the company's.
    sourcing_needs = serializers.CharField(
        source="fair_sourcing_needs", read_only=True, help_text=_("What it sources at this fair.")
    )

    class Meta:
        model = ForeignBuyer
        fields = [
            "id",
            "name",
            "country",
            "city",
            "buyer_type",
            "order_size",
            "sourcing_needs",
            "sectors",
            "website",
        ]
        read_only_fields = fields
