"""The exhibitors' and buyers' web pages, under the language prefix (/en/, /ja/)."""

from django.urls import include, path

from events.views import home

urlpatterns = [
    path("", home, name="home"),
    path("", include("companies.urls")),
    path("", include("events.urls")),
    path("", include("matchmaking.urls")),
    path("", include("meetings.urls")),
]
