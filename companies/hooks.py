"""What companies asks the apps above it (events), which register the answers in their
``AppConfig.ready()`` (see ``core.hooks`` and docs/architecture.md, "Layers")."""

from core.hooks import Hook

organised_pavilion_ids = Hook(
    "companies.organised_pavilion_ids",
    "(user) -> frozenset of the ids of the pavilions an organiser runs.",
    single=True,
    default=lambda user: frozenset(),
)

companies_of_pavilions = Hook(
    "companies.companies_of_pavilions",
    "(queryset of SMEs or buyers, pavilion_ids) -> the companies registered with those "
    "pavilions: what their organisers may read.",
    single=True,
    default=lambda queryset, pavilion_ids: queryset.none(),
)
