"""The REST API's URLs, under /api/: version 1 of the API, its OpenAPI schema and docs page.

Any other address under /api/ answers 404 in the API's error shape.
"""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from companies.api import views as companies
from core.api.errors import api_not_found
from core.api.views import ID_PATTERN
from events.api import pavilions
from events.api import views as events
from matchmaking.api import planning
from matchmaking.api import views as matchmaking
from meetings.api import (
    availability,
    meetings,
    outcomes,
    proposals,
    replacements,
    results,
    schedule,
)
from meetings.api import suggested_weights as suggestions

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("smes", companies.SMEViewSet, basename="sme")
router.register("buyers", companies.ForeignBuyerViewSet, basename="buyer")
router.register("sectors", companies.SectorViewSet, basename="sector")
router.register("markets", companies.MarketViewSet, basename="market")
router.register("languages", companies.LanguageViewSet, basename="language")
router.register("certifications", companies.CertificationViewSet, basename="certification")
router.register("fairs", events.TradeFairViewSet, basename="fair")
router.register("pavilions", events.PavilionViewSet, basename="pavilion")
router.register(
    "exhibitor-registrations",
    events.ExhibitorRegistrationViewSet,
    basename="exhibitor-registration",
)
router.register(
    "buyer-registrations", events.BuyerRegistrationViewSet, basename="buyer-registration"
)
router.register("proposals", matchmaking.ProposalViewSet, basename="proposal")
router.register("meetings", meetings.MeetingViewSet, basename="meeting")
router.register("outcomes", outcomes.MeetingOutcomeViewSet, basename="outcome")
router.register("matching-runs", matchmaking.MatchingRunViewSet, basename="matching-run")
router.register("scheduling-runs", schedule.SchedulingRunViewSet, basename="scheduling-run")
router.register("interpreters", events.InterpreterViewSet, basename="interpreter")
router.register("wishes", planning.PairWishViewSet, basename="wish")
router.register("unavailabilities", availability.UnavailabilityViewSet, basename="unavailability")


def pavilion_path(part: str, view, name: str):
    """``pavilions/{pavilion_id}/<part>/``: what hangs off one pavilion."""
    return re_path(rf"^pavilions/(?P<pavilion_id>{ID_PATTERN})/{part}/$", view.as_view(), name=name)


v1 = [
    path("auth/token/", companies.ObtainTokenView.as_view(), name="token"),
    path("me/", companies.MeView.as_view(), name="me"),
    pavilion_path("exhibitors", pavilions.CatalogueView, "pavilion-catalogue"),
    pavilion_path("publish-schedule", schedule.SchedulePublishView, "pavilion-publish-schedule"),
    pavilion_path("buyers", pavilions.PavilionBuyerListView, "pavilion-buyers"),
    pavilion_path("slots", pavilions.SlotListView, "pavilion-slots"),
    pavilion_path("generate-slots", pavilions.SlotGenerateView, "pavilion-generate-slots"),
    pavilion_path("matching-weights", planning.MatchingWeightsView, "pavilion-matching-weights"),
    pavilion_path(
        "matching-weights/suggested",
        suggestions.SuggestedWeightsView,
        "pavilion-suggested-weights",
    ),
    pavilion_path(
        "matching-weights/suggested/apply",
        suggestions.SuggestedWeightsApplyView,
        "pavilion-suggested-weights-apply",
    ),
    pavilion_path("results", results.PavilionResultsView, "pavilion-results"),
    pavilion_path("replacements", replacements.ReplacementsView, "pavilion-replacements"),
    path("schedule/", schedule.ScheduleView.as_view(), name="schedule"),
    path("schedule.ics", schedule.ScheduleCalendarView.as_view(), name="schedule-ics"),
    # Accepting a proposal requests its meeting: meetings serves it, beside matchmaking's
    # proposal resource (the router's).
    re_path(proposals.ACCEPT_PATH, proposals.ProposalAcceptView.as_view(), name="proposal-accept"),
    *router.urls,
]

app_name = "api"
urlpatterns = [
    path("v1/", include((v1, "v1"))),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    re_path(r"^.*$", api_not_found),
]
