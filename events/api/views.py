"""Fairs, pavilions, the public catalogue, applications and buyer registrations.

Fairs, pavilions and each pavilion's accepted exhibitors (public fields only) are the public
catalogue anyone may read; registrations follow ``events.access`` and writes call
``events.services``.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from companies.api.permissions import (
    ApiView,
    ReadAnonymously,
    require,
    require_buyer_staff,
    require_sme_staff,
)
from companies.api.views import ID_PATTERN
from events import services
from events.access import buyer_registrations_visible_to, exhibitor_registrations_visible_to
from events.models import ExhibitorRegistration, Pavilion, RegistrationStatus, TradeFair

from .filters import (
    BuyerRegistrationFilter,
    CatalogueFilter,
    ExhibitorRegistrationFilter,
    PavilionFilter,
    TradeFairFilter,
)
from .serializers import (
    BuyerRegisterSerializer,
    BuyerRegistrationSerializer,
    CatalogueExhibitorSerializer,
    ExhibitorApplySerializer,
    ExhibitorDecisionSerializer,
    ExhibitorRegistrationSerializer,
    PavilionSerializer,
    TradeFairSerializer,
)


@extend_schema_view(
    list=extend_schema(summary="Trade fairs (public)"),
    retrieve=extend_schema(summary="A trade fair (public)"),
)
@extend_schema(tags=["catalogue"])
class TradeFairViewSet(ApiView, viewsets.ReadOnlyModelViewSet):
    permission_classes = [ReadAnonymously]
    anonymous_read = True
    queryset = TradeFair.objects.select_related("country").order_by("starts_on", "name", "pk")
    serializer_class = TradeFairSerializer
    filterset_class = TradeFairFilter
    lookup_value_regex = ID_PATTERN
    ordering_fields = ["starts_on", "name"]
    search_fields = ["name", "city"]


@extend_schema_view(
    list=extend_schema(summary="Japan Pavilions (public)"),
    retrieve=extend_schema(summary="A Japan Pavilion (public)"),
)
@extend_schema(tags=["catalogue"])
class PavilionViewSet(ApiView, viewsets.ReadOnlyModelViewSet):
    permission_classes = [ReadAnonymously]
    anonymous_read = True
    queryset = Pavilion.objects.select_related("fair__country", "organiser").order_by(
        "fair__starts_on", "name_en", "pk"
    )
    serializer_class = PavilionSerializer
    filterset_class = PavilionFilter
    lookup_value_regex = ID_PATTERN
    ordering_fields = ["fair__starts_on", "name_en", "application_closes_at"]
    search_fields = ["name_en", "name_ja", "fair__name"]


@extend_schema(
    summary="A pavilion's accepted exhibitors (public catalogue)",
    description="Public profile fields and booth only; never capital, employees, eligibility, "
    "contact emails or members.",
    tags=["catalogue"],
)
class CatalogueView(ApiView, generics.ListAPIView):
    permission_classes = [ReadAnonymously]
    anonymous_read = True
    serializer_class = CatalogueExhibitorSerializer
    filterset_class = CatalogueFilter
    ordering_fields = ["sme__name_en", "sme__name_ja", "booth"]
    search_fields = ["sme__name_en", "sme__name_ja", "sme__products_en", "sme__products_ja"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ExhibitorRegistration.objects.none()
        pavilion = get_object_or_404(Pavilion, pk=self.kwargs["pavilion_id"])
        return (
            ExhibitorRegistration.objects.filter(
                pavilion=pavilion, status=RegistrationStatus.ACCEPTED
            )
            .select_related("sme")
            .prefetch_related("sme__sectors", "sme__target_markets", "sme__certifications")
            .order_by("sme__name_en", "pk")
        )


@extend_schema_view(
    list=extend_schema(summary="Applications you may see (your SME's, or your pavilions')"),
    retrieve=extend_schema(summary="An application"),
)
@extend_schema(tags=["registrations"])
class ExhibitorRegistrationViewSet(
    ApiView,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = ExhibitorRegistrationSerializer
    filterset_class = ExhibitorRegistrationFilter
    lookup_value_regex = ID_PATTERN
    ordering_fields = ["applied_at", "decided_at", "status"]

    def get_queryset(self):
        return (
            exhibitor_registrations_visible_to(self.actor)
            .select_related("sme")
            .order_by("pavilion_id", "applied_at", "pk")
        )

    @extend_schema(
        request=ExhibitorApplySerializer,
        responses={201: ExhibitorRegistrationSerializer},
        summary="Apply to exhibit (your SME)",
        description="Checks the application window and SME eligibility; reopens a withdrawn "
        "application.",
    )
    def create(self, request, *args, **kwargs):
        require_sme_staff(self.actor)
        serializer = ExhibitorApplySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        registration = services.exhibitor_registration_apply(
            pavilion=serializer.validated_data["pavilion"],
            sme=self.actor.sme,
            message=serializer.validated_data["message"],
        )
        return Response(
            ExhibitorRegistrationSerializer(registration).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        request=ExhibitorDecisionSerializer,
        responses={200: ExhibitorRegistrationSerializer},
        summary="Accept, waitlist or reject an application (organisers)",
    )
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        registration = self.get_object()
        require(
            self.actor.organises(registration.pavilion_id),
            _("Only an organiser of this pavilion can decide on applications."),
        )
        serializer = ExhibitorDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        registration = services.exhibitor_registration_decide(
            registration=registration, by=request.user, **serializer.validated_data
        )
        return Response(ExhibitorRegistrationSerializer(registration).data)

    @extend_schema(
        request=None,
        responses={200: ExhibitorRegistrationSerializer},
        summary="Withdraw your SME's application",
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        registration = self.get_object()
        require(
            self.actor.acts_for_sme(registration.sme_id),
            _("Only the SME's own staff can withdraw its application."),
        )
        registration = services.exhibitor_registration_decide(
            registration=registration, status=RegistrationStatus.WITHDRAWN, by=request.user
        )
        return Response(ExhibitorRegistrationSerializer(registration).data)


@extend_schema_view(
    list=extend_schema(summary="Buyer registrations you may see (yours, or your pavilions')"),
    retrieve=extend_schema(summary="A buyer registration"),
)
@extend_schema(tags=["registrations"])
class BuyerRegistrationViewSet(
    ApiView,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = BuyerRegistrationSerializer
    filterset_class = BuyerRegistrationFilter
    lookup_value_regex = ID_PATTERN
    ordering_fields = ["registered_at", "status"]

    def get_queryset(self):
        return (
            buyer_registrations_visible_to(self.actor)
            .select_related("buyer")
            .prefetch_related("days")
            .order_by("pavilion_id", "registered_at", "pk")
        )

    @extend_schema(
        request=BuyerRegisterSerializer,
        responses={201: BuyerRegistrationSerializer},
        summary="Register your company for a pavilion, on given days",
        description="Registering again replaces the days and reactivates a cancelled registration.",
    )
    def create(self, request, *args, **kwargs):
        require_buyer_staff(self.actor)
        serializer = BuyerRegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        registration = services.buyer_registration_register(
            pavilion=serializer.validated_data["pavilion"],
            buyer=self.actor.buyer,
            days=serializer.validated_data["days"],
        )
        registration = self.get_queryset().get(pk=registration.pk)
        return Response(
            BuyerRegistrationSerializer(registration).data, status=status.HTTP_201_CREATED
        )
