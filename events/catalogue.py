"""The participants' catalogues of a pavilion: its exhibitors (for buyers, and anyone) and its
registered buyers (for its accepted exhibitors and organisers), searched, filtered and paged.

Both lists are one page of rows with their tags prefetched, so a page costs the same few
queries however many companies the pavilion has.
"""

from django.core.paginator import Page, Paginator
from django.db.models import OuterRef, Q, QuerySet, Subquery

from companies.access import Actor
from companies.models import Certification, Language, Market, Sector

from .access import pavilion_buyers_visible_to
from .models import (
    BuyerRegistration,
    BuyerRegistrationStatus,
    ExhibitorRegistration,
    Pavilion,
    RegistrationStatus,
)

#: Companies on one page of a catalogue.
PER_PAGE = 24
#: An exhibitor's text fields a keyword is looked for in (both languages).
EXHIBITOR_TEXTS = (
    "name_en",
    "name_ja",
    "products_en",
    "products_ja",
    "description_en",
    "description_ja",
)
#: A buyer's: its name, its city and what it sources at this fair.
BUYER_TEXTS = ("name", "city", "fair_sourcing_needs")


def keyword_q(words: str, fields, prefix: str = "") -> Q:
    """Rows with every word of ``words`` in one of ``fields`` (any case)."""
    rule = Q()
    for word in words.split():
        rule &= Q.create(
            [(f"{prefix}{field}__icontains", word) for field in fields], connector=Q.OR
        )
    return rule


def sector_q(sector: Sector, field: str) -> Q:
    """Rows in ``sector`` or below it in the tree (three levels: section, chapter, heading)."""
    return (
        Q(**{field: sector})
        | Q(**{f"{field}__parent": sector})
        | Q(**{f"{field}__parent__parent": sector})
    )


def sectors_with_parents(sectors: QuerySet) -> QuerySet:
    """``sectors`` and the sectors above them: a filter by a parent finds those below it."""
    ids = sectors.values("pk")
    return Sector.objects.filter(
        Q(pk__in=ids) | Q(children__pk__in=ids) | Q(children__children__pk__in=ids)
    ).distinct()


def catalogue_page(request, rows: QuerySet, per_page: int = PER_PAGE) -> tuple[Page, str]:
    """The ``page`` the request asks for (the last for one past the end, the first for
    nonsense), and the request's other parameters, for page links that keep the filters."""
    paginator = Paginator(rows, per_page)
    page = paginator.get_page(request.GET.get("page"))
    page.links = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


# --- exhibitors ------------------------------------------------------------------------------


def pavilion_exhibitors(pavilion: Pavilion) -> QuerySet:
    """The pavilion's accepted exhibitors: the public catalogue anyone may browse."""
    return (
        ExhibitorRegistration.objects.filter(pavilion=pavilion, status=RegistrationStatus.ACCEPTED)
        .select_related("sme")
        .prefetch_related("sme__sectors", "sme__target_markets", "sme__certifications")
        .order_by("sme__name_en", "pk")
    )


def exhibitor_filter_choices(pavilion: Pavilion) -> dict:
    """The sectors, markets and certifications the pavilion's accepted exhibitors have."""
    accepted = {"registrations__pavilion": pavilion, "registrations__status": "accepted"}
    return {
        "sectors": sectors_with_parents(
            Sector.objects.filter(**{f"smes__{k}": v for k, v in accepted.items()})
        ),
        "markets": Market.objects.filter(
            **{f"targeting_smes__{k}": v for k, v in accepted.items()}
        ).distinct(),
        "certifications": Certification.objects.filter(
            **{f"smes__{k}": v for k, v in accepted.items()}
        ).distinct(),
    }


def exhibitors_filtered(exhibitors: QuerySet, query: dict) -> QuerySet:
    """``exhibitors`` narrowed by a ``CatalogueFilterForm``'s cleaned data."""
    if query.get("q"):
        exhibitors = exhibitors.filter(keyword_q(query["q"], EXHIBITOR_TEXTS, "sme__"))
    if query.get("sector"):
        exhibitors = exhibitors.filter(sector_q(query["sector"], "sme__sectors"))
    if query.get("market"):
        exhibitors = exhibitors.filter(sme__target_markets=query["market"])
    if query.get("certification"):
        exhibitors = exhibitors.filter(sme__certifications=query["certification"])
    return exhibitors.distinct()


# --- buyers ----------------------------------------------------------------------------------


def pavilion_buyers(actor: Actor, pavilion: Pavilion) -> QuerySet:
    """The pavilion's registered buyers the actor may browse (none for anyone else), each with
    ``fair_sourcing_needs``: what it sources at this fair (its registration's text, not the
    company's). Only their public profile is for the pages: never contacts or members."""
    needs = BuyerRegistration.objects.filter(pavilion=pavilion, buyer=OuterRef("pk"))
    return (
        pavilion_buyers_visible_to(actor, pavilion.pk)
        .annotate(fair_sourcing_needs=Subquery(needs.values("sourcing_needs")[:1]))
        .select_related("country")
        .prefetch_related("sectors")
        .order_by("name", "pk")
    )


def buyer_filter_choices(pavilion: Pavilion) -> dict:
    """The sectors, countries and languages of the pavilion's registered buyers."""
    registered = {
        "registrations__pavilion": pavilion,
        "registrations__status": BuyerRegistrationStatus.REGISTERED,
    }
    return {
        "sectors": sectors_with_parents(
            Sector.objects.filter(**{f"buyers__{k}": v for k, v in registered.items()})
        ),
        "countries": Market.objects.filter(
            **{f"buyers__{k}": v for k, v in registered.items()}
        ).distinct(),
        "languages": Language.objects.filter(
            **{f"foreignbuyer__{k}": v for k, v in registered.items()}
        ).distinct(),
    }


def buyers_filtered(buyers: QuerySet, query: dict) -> QuerySet:
    """``buyers`` narrowed by a ``BuyerFilterForm``'s cleaned data."""
    if query.get("q"):
        buyers = buyers.filter(keyword_q(query["q"], BUYER_TEXTS))
    if query.get("sector"):
        buyers = buyers.filter(sector_q(query["sector"], "sectors"))
    if query.get("country"):
        buyers = buyers.filter(country=query["country"])
    if query.get("buyer_type"):
        buyers = buyers.filter(buyer_type=query["buyer_type"])
    if query.get("order_size"):
        buyers = buyers.filter(order_size=query["order_size"])
    if query.get("language"):
        buyers = buyers.filter(languages=query["language"])
    return buyers.distinct()
