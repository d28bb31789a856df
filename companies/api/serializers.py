"""Company profiles and reference data as JSON; writes go through ``companies.services``.

The private profile (capital, employees, eligibility, contact email) is served only to the
company's own staff and the organisers of its pavilions; the public catalogue has its own, smaller
serializer in ``events.api.serializers``.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from companies.choices import BuyerType, MarketKind, MemberRole, OrderSize
from companies.eligibility import sme_eligibility_of
from companies.models import SME, Certification, ForeignBuyer, Language, Market, Sector


class SectorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sector
        fields = ["id", "code", "level", "parent", "name_en", "name_ja"]


class MarketSerializer(serializers.ModelSerializer):
    class Meta:
        model = Market
        fields = ["id", "code", "kind", "name_en", "name_ja"]


class LanguageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Language
        fields = ["id", "code", "name_en", "name_ja"]


class CertificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Certification
        fields = ["id", "code", "name_en", "name_ja", "description_en", "description_ja"]


class NamedSectorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sector
        fields = ["id", "code", "name_en", "name_ja"]


class NamedMarketSerializer(serializers.ModelSerializer):
    class Meta:
        model = Market
        fields = ["id", "code", "name_en", "name_ja"]


class NamedCertificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Certification
        fields = ["id", "code", "name_en", "name_ja"]


class EligibilitySerializer(serializers.Serializer):
    eligible = serializers.BooleanField()
    reason = serializers.CharField()


def _ids(queryset, help_text):
    return serializers.PrimaryKeyRelatedField(
        many=True, required=False, queryset=queryset, help_text=help_text
    )


# The codes of BuyerType and OrderSize; their own labels would make the schema give one choice set
# two names (buyer_type and buyer_types_served), which drf-spectacular warns about.
SERVED_BUYER_TYPES = [(code, code) for code in BuyerType.values]
SERVED_ORDER_SIZES = [(code, code) for code in OrderSize.values]


class SMESerializer(serializers.ModelSerializer):
    """An SME's full profile, as its own staff and its pavilions' organisers see and edit it."""

    sectors = _ids(Sector.objects.all(), _("Ids from /api/v1/sectors/."))
    target_markets = _ids(Market.objects.all(), _("Ids from /api/v1/markets/."))
    languages = _ids(Language.objects.all(), _("Ids from /api/v1/languages/."))
    certifications = _ids(Certification.objects.all(), _("Ids from /api/v1/certifications/."))
    buyer_types_served = serializers.ListField(
        child=serializers.ChoiceField(choices=SERVED_BUYER_TYPES),
        required=False,
        max_length=len(BuyerType.choices),
        help_text=_("Leave empty if the company works with any kind of buyer."),
    )
    order_sizes_served = serializers.ListField(
        child=serializers.ChoiceField(choices=SERVED_ORDER_SIZES),
        required=False,
        max_length=len(OrderSize.choices),
        help_text=_("Leave empty if the company can serve orders of any size."),
    )
    eligibility = serializers.SerializerMethodField()

    class Meta:
        model = SME
        fields = [
            "id",
            "name_ja",
            "name_en",
            "prefecture",
            "industry_class",
            "employees",
            "capital_yen",
            "largest_large_shareholder_percent",
            "large_shareholders_percent",
            "officers_from_large_company",
            "description_ja",
            "description_en",
            "products_ja",
            "products_en",
            "sectors",
            "target_markets",
            "languages",
            "certifications",
            "buyer_types_served",
            "order_sizes_served",
            "export_experience",
            "website",
            "contact_email",
            "eligibility",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]

    @extend_schema_field(EligibilitySerializer)
    def get_eligibility(self, sme) -> dict:
        """The SME Basic Act verdict for the profile as it is now."""
        verdict = sme_eligibility_of(sme)
        return {"eligible": verdict.eligible, "reason": str(verdict.reason)}


class ForeignBuyerSerializer(serializers.ModelSerializer):
    """A buyer's full profile, as its own staff and its pavilions' organisers see and edit it."""

    country = serializers.PrimaryKeyRelatedField(
        queryset=Market.objects.filter(kind=MarketKind.COUNTRY),
        help_text=_("A country's id from /api/v1/markets/?kind=country."),
    )
    sectors = _ids(Sector.objects.all(), _("Ids from /api/v1/sectors/."))
    languages = _ids(Language.objects.all(), _("Ids from /api/v1/languages/."))
    required_certifications = _ids(
        Certification.objects.all(), _("Ids from /api/v1/certifications/.")
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
            "required_certifications",
            "languages",
            "website",
            "contact_email",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]
        # The unique (name, country) pair is checked by the service when it saves.
        validators = []


class MembershipInviteSerializer(serializers.Serializer):
    email = serializers.EmailField()
    first_name = serializers.CharField(
        max_length=150, required=False, default="", allow_blank=True, help_text=_("Given name.")
    )
    last_name = serializers.CharField(
        max_length=150, required=False, default="", allow_blank=True, help_text=_("Family name.")
    )
    role = serializers.ChoiceField(choices=MemberRole.choices, default=MemberRole.STAFF)


class InvitedUserSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    email = serializers.EmailField()


class MeSerializer(serializers.Serializer):
    """Who the caller is, and on whose behalf they act."""

    id = serializers.IntegerField(allow_null=True)
    username = serializers.CharField()
    name = serializers.CharField(
        help_text=_(
            "The user's name as the request's language writes it (family name first in "
            "Japanese); the email address or username when no name is given."
        )
    )
    sme = serializers.IntegerField(allow_null=True, help_text=_("The SME the user works for."))
    buyer = serializers.IntegerField(
        allow_null=True, help_text=_("The buying company the user works for.")
    )
    organiser = serializers.BooleanField()
    platform_admin = serializers.BooleanField()
    pavilions_organised = serializers.ListField(child=serializers.IntegerField())


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=4096, style={"input_type": "password"})


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(
        help_text=_("Send it as the header `Authorization: Token <token>`.")
    )
