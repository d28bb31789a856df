"""Query filters for proposals, meetings, the schedule, outcomes and runs (django-filter)."""

import django_filters

from companies.api.filters import IdFilter
from core.models import RunStatus
from matchmaking.models import MatchingRun, PairWish, Proposal, ProposalStatus, WishKind


class ProposalFilter(django_filters.FilterSet):
    pavilion = IdFilter(field_name="pavilion")
    sme = IdFilter(field_name="sme")
    buyer = IdFilter(field_name="buyer")
    status = django_filters.ChoiceFilter(choices=ProposalStatus.choices)
    min_score = django_filters.NumberFilter(
        field_name="score", lookup_expr="gte", min_value=0, max_value=100
    )

    class Meta:
        model = Proposal
        fields = ["pavilion", "sme", "buyer", "status"]


class MatchingRunFilter(django_filters.FilterSet):
    pavilion = IdFilter(field_name="pavilion")
    status = django_filters.ChoiceFilter(choices=RunStatus.choices)

    class Meta:
        model = MatchingRun
        fields = ["pavilion", "status"]


class PairWishFilter(django_filters.FilterSet):
    pavilion = IdFilter(field_name="pavilion")
    sme = IdFilter(field_name="sme")
    buyer = IdFilter(field_name="buyer")
    kind = django_filters.ChoiceFilter(choices=WishKind.choices)

    class Meta:
        model = PairWish
        fields = ["pavilion", "sme", "buyer", "kind"]
