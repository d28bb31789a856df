"""Fairs, pavilions, applications, buyer registrations and interpreters.

Fairs and pavilions are the public catalogue anyone may read (a pavilion's exhibitors, slots and
buyers are ``events.api.pavilions``); registrations follow ``events.access``, and writes call
``events.services``.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.response import Response

from companies.api.permissions import (
    ActorView,
    ReadAnonymously,
    require_buyer_staff,
    require_organiser,
    require_sme_staff,
)
from core.api.errors import Conflict
from core.api.views import (
    EditableViewSet,
    ReadCreateViewSet,
    RecordViewSet,
    post_action,
    require,
    resource_schema,
)
from events.access import (
    buyer_registrations_visible_to,
    exhibitor_registrations_visible_to,
    interpreters_visible_to,
)
from events.models import (
    ExhibitorRegistration,
    Pavilion,
    RegistrationStatus,
    TradeFair,
)
from events.services.buyers import buyer_registration_register, buyer_registration_update
from events.services.interpreters import interpreter_delete, interpreter_save
from events.services.registrations import (
    exhibitor_registration_apply,
    exhibitor_registration_decide,
)

from .filters import (
    BuyerRegistrationFilter,
    ExhibitorRegistrationFilter,
    InterpreterFilter,
    PavilionFilter,
    TradeFairFilter,
)
from .rules import PavilionRulesChange
from .serializers import (
    BuyerRegisterSerializer,
    BuyerRegistrationChangeSerializer,
    BuyerRegistrationSerializer,
    ExhibitorApplySerializer,
    ExhibitorDecisionSerializer,
    ExhibitorRegistrationSerializer,
    InterpreterChangeSerializer,
    InterpreterCreateSerializer,
    InterpreterSerializer,
    PavilionSerializer,
    TradeFairSerializer,
)


@resource_schema(
    "catalogue",
    list_summary="Trade fairs (public)",
    detail_summary="A trade fair (public)",
)
class TradeFairViewSet(ActorView, viewsets.ReadOnlyModelViewSet):
    permission_classes = [ReadAnonymously]
    anonymous_read = True
    queryset = TradeFair.objects.select_related("country").order_by("starts_on", "name", "pk")
    serializer_class = TradeFairSerializer
    filterset_class = TradeFairFilter
    ordering_fields = ["starts_on", "name"]
    search_fields = ["name", "city"]


@resource_schema(
    "catalogue",
    list_summary="Japan Pavilions (public)",
    detail_summary="A Japan Pavilion (public)",
)
class PavilionViewSet(PavilionRulesChange, ActorView, viewsets.ReadOnlyModelViewSet):
    permission_classes = [ReadAnonymously]
    anonymous_read = True
    # Reading is public; a PATCH changes the meeting rules (its organisers, ``rules``).
    http_method_names = ["get", "patch", "head", "options"]
    queryset = Pavilion.objects.select_related("fair__country", "organiser").order_by(
        "fair__starts_on", "name_en", "pk"
    )
    serializer_class = PavilionSerializer
    filterset_class = PavilionFilter
    ordering_fields = ["fair__starts_on", "name_en", "application_closes_at"]
    search_fields = ["name_en", "name_ja", "fair__name"]


@resource_schema(
    "registrations",
    list_summary="Applications you may see (your SME's, or your pavilions')",
    detail_summary="An application",
)
class ExhibitorRegistrationViewSet(ActorView, ReadCreateViewSet):
    serializer_class = ExhibitorRegistrationSerializer
    filterset_class = ExhibitorRegistrationFilter
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
        registration = exhibitor_registration_apply(
            pavilion=serializer.validated_data["pavilion"],
            sme=self.actor.sme,
            message=serializer.validated_data["message"],
        )
        return Response(
            ExhibitorRegistrationSerializer(registration).data, status=status.HTTP_201_CREATED
        )

    @post_action(
        ExhibitorDecisionSerializer,
        ExhibitorRegistrationSerializer,
        summary="Accept, waitlist or reject an application (organisers)",
    )
    def decide(self, request, pk=None):
        registration = self._registration(
            lambda registration: self.actor.organises(registration.pavilion_id),
            _("Only an organiser of this pavilion can decide on applications."),
        )
        serializer = ExhibitorDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._decided(registration, **serializer.validated_data)

    @post_action(
        None,
        ExhibitorRegistrationSerializer,
        summary="Withdraw your SME's application",
    )
    def withdraw(self, request, pk=None):
        registration = self._registration(
            lambda registration: self.actor.acts_for_sme(registration.sme_id),
            _("Only the SME's own staff can withdraw its application."),
        )
        return self._decided(registration, status=RegistrationStatus.WITHDRAWN)

    def _registration(self, may, refusal: str) -> ExhibitorRegistration:
        """The application addressed, if ``may(application)``; else 403 with ``refusal``."""
        registration = self.get_object()
        require(may(registration), refusal)
        return registration

    def _decided(self, registration, **decision) -> Response:
        registration = exhibitor_registration_decide(
            registration=registration, by=self.request.user, **decision
        )
        return Response(ExhibitorRegistrationSerializer(registration).data)


@resource_schema(
    "registrations",
    list_summary="Buyer registrations you may see (yours, or your pavilions')",
    detail_summary="A buyer registration",
)
class BuyerRegistrationViewSet(ActorView, EditableViewSet):
    serializer_class = BuyerRegistrationSerializer
    filterset_class = BuyerRegistrationFilter
    ordering_fields = ["registered_at", "status"]

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
        registration = buyer_registration_register(
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
        registration = buyer_registration_update(
            registration=registration, **serializer.validated_data
        )
        registration = self.get_queryset().get(pk=registration.pk)
        return Response(BuyerRegistrationSerializer(registration).data)


@resource_schema(
    "interpreters",
    list_summary="Interpreters of your pavilions (organisers)",
    detail_summary="An interpreter",
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
class InterpreterViewSet(RecordViewSet, ActorView):
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
        interpreter = interpreter_save(**data)
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
        interpreter = interpreter_save(
            interpreter=interpreter, pavilion=interpreter.pavilion, **data
        )
        return Response(self._fresh(interpreter))

    def destroy(self, request, *args, **kwargs):
        interpreter = self.get_object()
        try:
            interpreter_delete(interpreter=interpreter)
        except DjangoValidationError as error:
            raise Conflict(" ".join(error.messages)) from None
        return Response(status=status.HTTP_204_NO_CONTENT)
