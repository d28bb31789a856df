"""Query filters for the company lists (django-filter)."""

import django_filters
from django import forms
from django_filters.constants import EMPTY_VALUES
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from companies import hooks
from companies.choices import BuyerType, ExportExperience, IndustryClass, OrderSize, Prefecture
from companies.models import SME, ForeignBuyer, Market, Sector


class IdFilter(django_filters.NumberFilter):
    """An id: a whole number in the database's range, so a bad value is a 400, never a crash."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(*args, **kwargs)


@extend_schema_field(OpenApiTypes.INT)
class PavilionFilter(IdFilter):
    """The companies registered with a pavilion (events answers which: ``companies.hooks``)."""

    def filter(self, queryset, value):
        if value in EMPTY_VALUES:
            return queryset
        return hooks.companies_of_pavilions(queryset, [value])


class SMEFilter(django_filters.FilterSet):
    prefecture = django_filters.ChoiceFilter(choices=Prefecture.choices)
    industry_class = django_filters.ChoiceFilter(choices=IndustryClass.choices)
    export_experience = django_filters.ChoiceFilter(choices=ExportExperience.choices)
    sector = IdFilter(field_name="sectors", distinct=True)
    target_market = IdFilter(field_name="target_markets", distinct=True)
    pavilion = PavilionFilter()

    class Meta:
        model = SME
        fields = ["prefecture", "industry_class", "export_experience"]


class ForeignBuyerFilter(django_filters.FilterSet):
    buyer_type = django_filters.ChoiceFilter(choices=BuyerType.choices)
    order_size = django_filters.ChoiceFilter(choices=OrderSize.choices)
    country = IdFilter(field_name="country")
    sector = IdFilter(field_name="sectors", distinct=True)
    pavilion = PavilionFilter()

    class Meta:
        model = ForeignBuyer
        fields = ["buyer_type", "order_size", "country"]


class SectorFilter(django_filters.FilterSet):
    parent = IdFilter(field_name="parent")
    root = django_filters.BooleanFilter(field_name="parent", lookup_expr="isnull")
    fair = IdFilter(field_name="fair")

    class Meta:
        model = Sector
        fields = ["level", "parent", "fair"]


class MarketFilter(django_filters.FilterSet):
    class Meta:
        model = Market
        fields = ["kind", "code"]
