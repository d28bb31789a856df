"""Fairs, pavilions, the public catalogue, applications, buyer registrations, a pavilion's
slots, its buyers and its interpreters.

Fairs, pavilions and each pavilion's accepted exhibitors (public fields only) are the public
catalogue anyone may read; registrations follow ``events.access``, a pavilion's buyers
``companies.access``, and writes call ``events.services``.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import OuterRef, Subquery
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
    require_organiser,
    require_sme_staff,
)
from companies.api.views import ID_PATTERN, RecordViewSet
from companies.models import ForeignBuyer
from core.api.errors import Conflict
from events import services
from events.access import (
    browses_buyers_of,
    buyer_registrations_visible_to,
    exhibitor_registrations_visible_to,
    interpreters_visible_to,
    pavilion_buyers_visible_to,
)
from events.models import (
    BuyerRegistration,
    ExhibitorRegistration,
    MeetingSlot,
    Pavilion,
    RegistrationStatus,
    TradeFair,
)

from .filters import (
    BuyerRegistrationFilter,
    CatalogueFilter,
    ExhibitorRegistrationFilter,
    InterpreterFilter,
    PavilionBuyerFilter,
    PavilionFilter,
    SlotFilter,
    TradeFairFilter,
)
from .serializers import (
    BuyerRegisterSerializer,
    BuyerRegistrationChangeSerializer,
    BuyerRegistrationSerializer,
    CatalogueExhibitorSerializer,
    ExhibitorApplySerializer,
    ExhibitorDecisionSerializer,
    ExhibitorRegistrationSerializer,
    InterpreterChangeSerializer,
    InterpreterCreateSerializer,
    InterpreterSerializer,
    PavilionBuyerSerializer,
    PavilionSerializer,
    SlotGenerationSerializer,
    SlotSerializer,
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
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = BuyerRegistrationSerializer
    filterset_class = BuyerRegistrationFilter
    lookup_value_regex = ID_PATTERN
    ordering_fields = ["registered_at", "status"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return (
            buyer_registrations_visible_to(self.actor)
            .select_related("buyer")
            .prefetch_related("days", "required_certifications")
            .order_by("pavilion_id", "registered_at", "pk")
        )

    @extend_schema(
        request=BuyerRegisterSerializer,
        responses={201: BuyerRegistrationSerializer},
        summary="Register your company for a pavilion, on given days, with what you source there",
        description="Sourcing needs and required certifications left out are the company "
        "profile's. Registering again replaces the days (and the needs given) and reactivates a "
        "cancelled registration; the company profile never changes.",
    )
    def create(self, request, *args, **kwargs):
        require_buyer_staff(self.actor)
        serializer = BuyerRegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        registration = services.buyer_registration_register(
            pavilion=data["pavilion"],
            buyer=self.actor.buyer,
            days=data["days"],
            sourcing_needs=data.get("sourcing_needs"),
            required_certifications=data.get("required_certifications"),
        )
        registration = self.get_queryset().get(pk=registration.pk)
        return Response(
            BuyerRegistrationSerializer(registration).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        request=BuyerRegistrationChangeSerializer,
        responses={200: BuyerRegistrationSerializer},
        summary="Change your registration's days, sourcing needs or required certifications",
        description="Only the parts given change, for this fair only: the company profile and "
        "other fairs' registrations stay as they are.",
    )
    def partial_update(self, request, *args, **kwargs):
        registration = self.get_object()
        require(
            self.actor.acts_for_buyer(registration.buyer_id) or self.actor.platform_admin,
            _("Only the buyer's own staff can change its registration."),
        )
        serializer = BuyerRegistrationChangeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        registration = services.buyer_registration_update(
            registration=registration, **serializer.validated_data
        )
        registration = self.get_queryset().get(pk=registration.pk)
        return Response(BuyerRegistrationSerializer(registration).data)


def _pavilion(pavilion_id) -> Pavilion:
    return get_object_or_404(Pavilion.objects.select_related("fair"), pk=pavilion_id)


@extend_schema(
    summary="A pavilion's meeting slots, in UTC and the fair's local time",
    description="Generated from the pavilion's daily timetable; use their ids to move meetings, "
    "mark participants unavailable or say when interpreters are free.",
    tags=["slots"],
)
class SlotListView(ApiView, generics.ListAPIView):
    serializer_class = SlotSerializer
    filterset_class = SlotFilter
    ordering_fields = ["starts_at"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return MeetingSlot.objects.none()
        self.pavilion = _pavilion(self.kwargs["pavilion_id"])
        return self.pavilion.slots.select_related("pavilion__fair").order_by("starts_at", "pk")


@extend_schema(
    request=None,
    responses={200: SlotGenerationSerializer},
    summary="Generate a pavilion's meeting slots from its timetable (organisers)",
    description="Adds the missing slots; removes those the timetable no longer has unless "
    "interpreters or meetings use them (those are kept and counted). Running it twice changes "
    "nothing.",
    tags=["slots"],
)
class SlotGenerateView(ApiView, generics.GenericAPIView):
    serializer_class = SlotGenerationSerializer

    def post(self, request, pavilion_id: int):
        pavilion = _pavilion(pavilion_id)
        require(
            self.actor.organises(pavilion.pk),
            _("Only an organiser of this pavilion can generate its slots."),
        )
        counts = services.meeting_slots_generate(pavilion=pavilion)
        return Response(SlotGenerationSerializer(counts).data)


@extend_schema(
    summary="A pavilion's registered buyers (public profile)",
    description="For the pavilion's accepted exhibitors, to plan whom to ask for a meeting, and "
    "its organisers. Public fields only: never contact emails or members.",
    tags=["catalogue"],
)
class PavilionBuyerListView(ApiView, generics.ListAPIView):
    serializer_class = PavilionBuyerSerializer
    filterset_class = PavilionBuyerFilter
    ordering_fields = ["name", "city"]
    search_fields = ["name", "city", "fair_sourcing_needs"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ForeignBuyer.objects.none()
        pavilion = _pavilion(self.kwargs["pavilion_id"])
        require(
            browses_buyers_of(self.actor, pavilion.pk),
            _("Only exhibitors accepted at this pavilion and its organisers can list its buyers."),
        )
        # What each buyer sources at this fair is its registration's, not the company's text.
        needs = BuyerRegistration.objects.filter(pavilion=pavilion, buyer=OuterRef("pk"))
        return (
            pavilion_buyers_visible_to(self.actor, pavilion.pk)
            .annotate(fair_sourcing_needs=Subquery(needs.values("sourcing_needs")[:1]))
            .select_related("country")
            .prefetch_related("sectors")
            .order_by("name", "pk")
        )


@extend_schema_view(
    list=extend_schema(summary="Interpreters of your pavilions (organisers)"),
    retrieve=extend_schema(summary="An interpreter"),
    create=extend_schema(
        request=InterpreterCreateSerializer,
        responses={201: InterpreterSerializer},
        summary="Add an interpreter to a pavilion",
        description="With the languages they work in and the slots in which they are free.",
    ),
    partial_update=extend_schema(
        request=InterpreterChangeSerializer,
        responses={200: InterpreterSerializer},
        summary="Change an interpreter",
        description="Given lists replace the interpreter's languages or slots. Refused, naming "
        "the meeting, when a scheduled meeting relies on a slot or language taken away.",
    ),
    destroy=extend_schema(
        summary="Remove an interpreter",
        description="Refused with 409 while meetings name the interpreter.",
    ),
)
@extend_schema(tags=["interpreters"])
class InterpreterViewSet(RecordViewSet):
    serializer_class = InterpreterSerializer
    filterset_class = InterpreterFilter
    ordering_fields = ["name"]
    search_fields = ["name", "email"]
    error_statuses = {"destroy": (409,)}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        require_organiser(self.actor, _("Only organisers manage interpreters."))

    def get_queryset(self):
        return (
            interpreters_visible_to(self.actor)
            .prefetch_related("languages", "available_slots")
            .order_by("pavilion_id", "name", "pk")
        )

    def _fresh(self, interpreter):
        return InterpreterSerializer(self.get_queryset().get(pk=interpreter.pk)).data

    def create(self, request, *args, **kwargs):
        serializer = InterpreterCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        require(
            self.actor.organises(data["pavilion"].pk),
            _("Only an organiser of this pavilion can add its interpreters."),
        )
        interpreter = services.interpreter_save(**data)
        return Response(self._fresh(interpreter), status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        interpreter = self.get_object()
        serializer = InterpreterChangeSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = {
            "name": interpreter.name,
            "email": interpreter.email,
            "languages": list(interpreter.languages.all()),
            "available_slots": list(interpreter.available_slots.all()),
            **serializer.validated_data,
        }
        interpreter = services.interpreter_save(
            interpreter=interpreter, pavilion=interpreter.pavilion, **data
        )
        return Response(self._fresh(interpreter))

    def destroy(self, request, *args, **kwargs):
        interpreter = self.get_object()
        try:
            services.interpreter_delete(interpreter=interpreter)
        except DjangoValidationError as error:
            raise Conflict(" ".join(error.messages)) from None
        return Response(status=status.HTTP_204_NO_CONTENT)
