"""The REST API's URLs, under /api/: version 1 of the API, its OpenAPI schema and docs page.

Any other address under /api/ answers 404 in the API's error shape.
"""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from companies.api import views as companies
from core.api.errors import api_not_found
from events.api import views as events
from matchmaking.api import planning
from matchmaking.api import views as matchmaking
from meetings.api import availability, proposals
from meetings.api import views as meetings

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
router.register("outcomes", meetings.MeetingOutcomeViewSet, basename="outcome")
router.register("matching-runs", matchmaking.MatchingRunViewSet, basename="matching-run")
router.register("scheduling-runs", meetings.SchedulingRunViewSet, basename="scheduling-run")
router.register("interpreters", events.InterpreterViewSet, basename="interpreter")
router.register("wishes", planning.PairWishViewSet, basename="wish")
router.register("unavailabilities", availability.UnavailabilityViewSet, basename="unavailability")

v1 = [
    path("auth/token/", companies.ObtainTokenView.as_view(), name="token"),
    path("me/", companies.MeView.as_view(), name="me"),
    re_path(
        r"^pavilions/(?P<pavilion_id>[0-9]{1,18})/exhibitors/$",
        events.CatalogueView.as_view(),
        name="pavilion-catalogue",
    ),
    re_path(
        r"^pavilions/(?P<pavilion_id>[0-9]{1,18})/publish-schedule/$",
        meetings.SchedulePublishView.as_view(),
        name="pavilion-publish-schedule",
    ),
    re_path(
        r"^pavilions/(?P<pavilion_id>[0-9]{1,18})/buyers/$",
        events.PavilionBuyerListView.as_view(),
        name="pavilion-buyers",
    ),
    re_path(
        r"^pavilions/(?P<pavilion_id>[0-9]{1,18})/slots/$",
        events.SlotListView.as_view(),
        name="pavilion-slots",
    ),
    re_path(
        r"^pavilions/(?P<pavilion_id>[0-9]{1,18})/generate-slots/$",
        events.SlotGenerateView.as_view(),
        name="pavilion-generate-slots",
    ),
    re_path(
        r"^pavilions/(?P<pavilion_id>[0-9]{1,18})/matching-weights/$",
        planning.MatchingWeightsView.as_view(),
        name="pavilion-matching-weights",
    ),
    path("schedule/", meetings.ScheduleView.as_view(), name="schedule"),
    path("schedule.ics", meetings.ScheduleCalendarView.as_view(), name="schedule-ics"),
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
