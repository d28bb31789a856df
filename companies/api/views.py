"""Company profiles, colleagues, reference data, tokens and "who am I", as thin API views.

Reads come from ``companies.access``; writes call ``companies.services``, whose
``ValidationError`` becomes a 400 in the API's error shape (``core.api.errors``).
"""

from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from companies import services
from companies.access import buyers_visible_to, smes_visible_to
from companies.models import Certification, Language, Market, Sector
from companies.names import person_name
from core.api.views import EditableViewSet, post_action, require, resource_schema

from .filters import ForeignBuyerFilter, MarketFilter, SectorFilter, SMEFilter
from .permissions import ActorView
from .serializers import (
    CertificationSerializer,
    ForeignBuyerSerializer,
    InvitedUserSerializer,
    LanguageSerializer,
    MarketSerializer,
    MembershipInviteSerializer,
    MeSerializer,
    SectorSerializer,
    SMESerializer,
    TokenRequestSerializer,
    TokenSerializer,
)


class ObtainTokenView(ActorView, APIView):
    """Exchange a username and password for an API token (throttled: scope "auth")."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"
    anonymous_calls = True
    error_statuses = {"post": (429,)}

    @extend_schema(
        operation_id="auth_token_create",
        request=TokenRequestSerializer,
        responses={200: TokenSerializer},
        auth=[],
        summary="Get an API token",
        description="The same token is returned until it is revoked. Send it as "
        "`Authorization: Token <token>`.",
        tags=["auth"],
    )
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = authenticate(request._request, **serializer.validated_data)
        if user is None or not user.is_active:
            raise ValidationError(_("The username or password is wrong."))
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})


class MeView(ActorView, APIView):
    """Who the caller is: their company (SME or buyer), and the pavilions they organise."""

    @extend_schema(responses=MeSerializer, summary="Who am I", tags=["auth"])
    def get(self, request):
        actor = self.actor
        return Response(
            {
                "id": request.user.pk,
                "username": request.user.get_username(),
                "name": person_name(request.user),
                "sme": actor.sme.pk if actor.sme else None,
                "buyer": actor.buyer.pk if actor.buyer else None,
                "organiser": actor.organiser,
                "platform_admin": actor.platform_admin,
                "pavilions_organised": sorted(actor.pavilion_ids),
            }
        )


class CompanyViewSet(ActorView, EditableViewSet):
    """What SMEs and buyers share: list and read what the actor may see, register, edit own."""

    ordering_fields = ["created_at", "updated_at"]

    def _may_edit(self, company) -> bool:
        raise NotImplementedError

    def _register(self, fields: dict):
        raise NotImplementedError

    def _update(self, company, fields: dict):
        raise NotImplementedError

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        company = self._register(dict(serializer.validated_data))
        return Response(self.get_serializer(company).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        company = self.get_object()
        require(
            self._may_edit(company) or self.actor.platform_admin,
            _("Only the company's own staff can change its profile."),
        )
        serializer = self.get_serializer(company, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        company = self._update(company, dict(serializer.validated_data))
        return Response(self.get_serializer(company).data)

    @post_action(
        MembershipInviteSerializer,
        InvitedUserSerializer,
        status=201,
        description="Creates the colleague's account (without a password) and membership; only "
        "the company's administrator may (its other staff get 403).",
        tags=["companies"],
    )
    def members(self, request, pk=None):
        company = self.get_object()
        require(
            self.actor.administers(company),
            _("Only the company's own administrator can invite colleagues."),
        )
        serializer = MembershipInviteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.membership_invite(
            company=company, by=request.user, **serializer.validated_data
        )
        return Response(
            {"id": user.pk, "username": user.username, "email": user.email},
            status=status.HTTP_201_CREATED,
        )


@extend_schema_view(
    list=extend_schema(summary="SMEs whose full profile you may read", tags=["companies"]),
    retrieve=extend_schema(summary="An SME's full profile", tags=["companies"]),
    create=extend_schema(
        summary="Register your SME",
        description="The caller becomes the SME's company administrator. An account belongs to "
        "one company only.",
        tags=["companies"],
    ),
    partial_update=extend_schema(summary="Change your SME's profile", tags=["companies"]),
    members=extend_schema(summary="Invite a colleague to your SME"),
)
class SMEViewSet(CompanyViewSet):
    serializer_class = SMESerializer
    filterset_class = SMEFilter
    ordering_fields = ["name_en", "name_ja", "created_at", "updated_at"]
    search_fields = ["name_en", "name_ja", "products_en", "products_ja"]

    def _register(self, fields):
        return services.sme_register(user=self.request.user, **fields)

    def _update(self, company, fields):
        return services.sme_update(sme=company, **fields)

    def _may_edit(self, company) -> bool:
        return self.actor.acts_for_sme(company.pk)

    def get_queryset(self):
        return (
            smes_visible_to(self.actor)
            .prefetch_related("sectors", "target_markets", "languages", "certifications")
            .order_by("name_en", "pk")
        )


@extend_schema_view(
    list=extend_schema(summary="Buyers whose full profile you may read", tags=["companies"]),
    retrieve=extend_schema(summary="A buyer's full profile", tags=["companies"]),
    create=extend_schema(
        summary="Register your buying company",
        description="The caller becomes the company's administrator.",
        tags=["companies"],
    ),
    partial_update=extend_schema(summary="Change your company's profile", tags=["companies"]),
    members=extend_schema(summary="Invite a colleague to your company"),
)
class ForeignBuyerViewSet(CompanyViewSet):
    serializer_class = ForeignBuyerSerializer
    filterset_class = ForeignBuyerFilter
    ordering_fields = ["name", "created_at", "updated_at"]
    search_fields = ["name", "city", "sourcing_needs"]

    def _register(self, fields):
        return services.buyer_register(user=self.request.user, **fields)

    def _update(self, company, fields):
        return services.buyer_update(buyer=company, **fields)

    def _may_edit(self, company) -> bool:
        return self.actor.acts_for_buyer(company.pk)

    def get_queryset(self):
        return (
            buyers_visible_to(self.actor)
            .select_related("country")
            .prefetch_related("sectors", "languages", "required_certifications")
            .order_by("name", "pk")
        )


class ReferenceViewSet(ActorView, viewsets.ReadOnlyModelViewSet):
    """Reference data the profiles point at; any signed-in user may read it."""

    search_fields = ["code", "name_en", "name_ja"]
    ordering_fields = ["code", "name_en"]


@resource_schema(
    "reference",
    list_summary="The sector tree (HS sections, chapters, fair categories)",
    detail_summary="A sector",
)
class SectorViewSet(ReferenceViewSet):
    queryset = Sector.objects.order_by("code", "pk")
    serializer_class = SectorSerializer
    filterset_class = SectorFilter


@resource_schema(
    "reference",
    list_summary="Countries and regions",
    detail_summary="A market",
)
class MarketViewSet(ReferenceViewSet):
    queryset = Market.objects.order_by("kind", "name_en", "pk")
    serializer_class = MarketSerializer
    filterset_class = MarketFilter


@resource_schema(
    "reference",
    list_summary="Languages",
    detail_summary="A language",
)
class LanguageViewSet(ReferenceViewSet):
    queryset = Language.objects.order_by("name_en", "pk")
    serializer_class = LanguageSerializer
    filterset_fields = ["code"]


@resource_schema(
    "reference",
    list_summary="Certifications markets demand",
    detail_summary="A certification",
)
class CertificationViewSet(ReferenceViewSet):
    queryset = Certification.objects.order_by("code", "pk")
    serializer_class = CertificationSerializer
    filterset_fields = ["code"]
