"""Query filters for fairs, pavilions, the catalogue, registrations, slots, interpreters and a
pavilion's buyers (django-filter)."""

from datetime import UTC, datetime, time, timedelta

import django_filters
from django.utils.translation import gettext_lazy as _

from companies.api.filters import IdFilter
from companies.choices import BuyerType, OrderSize, Prefecture
from companies.models import ForeignBuyer
from events.models import (
    BuyerRegistration,
    BuyerRegistrationStatus,
    ExhibitorRegistration,
    Interpreter,
    MeetingSlot,
    Pavilion,
    RegistrationStatus,
    TradeFair,
)


class TradeFairFilter(django_filters.FilterSet):
    country = django_filters.CharFilter(field_name="country__code", max_length=12)
    starts_after = django_filters.DateFilter(field_name="starts_on", lookup_expr="gte")
    starts_before = django_filters.DateFilter(field_name="starts_on", lookup_expr="lte")

    class Meta:
        model = TradeFair
        fields = ["country"]


class PavilionFilter(django_filters.FilterSet):
    fair = IdFilter(field_name="fair")
    country = django_filters.CharFilter(field_name="fair__country__code", max_length=12)
    starts_after = django_filters.DateFilter(field_name="fair__starts_on", lookup_expr="gte")

    class Meta:
        model = Pavilion
        fields = ["fair"]


class CatalogueFilter(django_filters.FilterSet):
    prefecture = django_filters.ChoiceFilter(
        field_name="sme__prefecture", choices=Prefecture.choices
    )
    sector = IdFilter(field_name="sme__sectors", distinct=True)
    target_market = IdFilter(field_name="sme__target_markets", distinct=True)
    certification = IdFilter(field_name="sme__certifications", distinct=True)

    class Meta:
        model = ExhibitorRegistration
        fields = ["prefecture"]


class ExhibitorRegistrationFilter(django_filters.FilterSet):
    pavilion = IdFilter(field_name="pavilion")
    sme = IdFilter(field_name="sme")
    status = django_filters.ChoiceFilter(choices=RegistrationStatus.choices)
    first_time_exhibitor = django_filters.BooleanFilter()

    class Meta:
        model = ExhibitorRegistration
        fields = ["pavilion", "sme", "status", "first_time_exhibitor"]


class BuyerRegistrationFilter(django_filters.FilterSet):
    pavilion = IdFilter(field_name="pavilion")
    buyer = IdFilter(field_name="buyer")
    status = django_filters.ChoiceFilter(choices=BuyerRegistrationStatus.choices)

    class Meta:
        model = BuyerRegistration
        fields = ["pavilion", "buyer", "status"]


class SlotFilter(django_filters.FilterSet):
    """A pavilion's slots; ``day`` is a day of the fair in its own time zone."""

    day = django_filters.DateFilter(method="on_day", label=_("A day of the fair, in its time zone"))

    class Meta:
        model = MeetingSlot
        fields = ["day"]

    def on_day(self, queryset, name, value):
        fair = self.request.parser_context["view"].pavilion.fair
        try:
            start = datetime.combine(value, time.min, tzinfo=fair.tz).astimezone(UTC)
            end = datetime.combine(value + timedelta(days=1), time.min, tzinfo=fair.tz)
            end = end.astimezone(UTC)
        except OverflowError:
            return queryset.none()
        return queryset.filter(starts_at__gte=start, starts_at__lt=end)


class InterpreterFilter(django_filters.FilterSet):
    pavilion = IdFilter(field_name="pavilion")
    language = django_filters.CharFilter(
        field_name="languages__code", max_length=8, distinct=True, label=_("ISO 639-1 code")
    )

    class Meta:
        model = Interpreter
        fields = ["pavilion"]


class PavilionBuyerFilter(django_filters.FilterSet):
    buyer_type = django_filters.ChoiceFilter(choices=BuyerType.choices)
    order_size = django_filters.ChoiceFilter(choices=OrderSize.choices)
    country = IdFilter(field_name="country")
    sector = IdFilter(field_name="sectors", distinct=True)

    class Meta:
        model = ForeignBuyer
        fields = ["buyer_type", "order_size", "country"]
