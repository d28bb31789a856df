"""Query filters for fairs, pavilions, the catalogue and registrations (django-filter)."""

import django_filters

from companies.api.filters import IdFilter
from companies.choices import Prefecture
from events.models import (
    BuyerRegistration,
    BuyerRegistrationStatus,
    ExhibitorRegistration,
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
