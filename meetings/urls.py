"""Meetings and schedules of an exhibitor or a buyer, a pavilion's buyers for its exhibitors,
and a company's busy slots."""

from django.urls import path

from . import availability_views, buyer_views, fair_day_views, views

app_name = "meetings"

urlpatterns = [
    path("pavilions/<int:pk>/meetings/", views.meeting_list, name="meeting_list"),
    path(
        "pavilions/<int:pk>/exhibitors/<int:sme_pk>/request/",
        views.meeting_request,
        name="meeting_request",
    ),
    path("pavilions/<int:pk>/buyers/", buyer_views.buyer_list, name="buyer_list"),
    path(
        "pavilions/<int:pk>/buyers/<int:buyer_pk>/", buyer_views.buyer_detail, name="buyer_detail"
    ),
    path(
        "pavilions/<int:pk>/buyers/<int:buyer_pk>/request/",
        buyer_views.buyer_meeting_request,
        name="buyer_meeting_request",
    ),
    path("pavilions/<int:pk>/busy-slots/", availability_views.busy_slots, name="busy_slots"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/<slug:action>/", views.meeting_act, name="meeting_act"),
    path("pavilions/<int:pk>/schedule/", views.schedule, name="schedule"),
    path("pavilions/<int:pk>/schedule.ics", views.schedule_ics, name="schedule_ics"),
    path("follow-up/<str:token>/", views.follow_up, name="follow_up"),
    path("pavilions/<int:pk>/fair-day/", fair_day_views.fair_day, name="fair_day"),
    path("pavilions/<int:pk>/fair-day/scan/", fair_day_views.fair_day_scan, name="fair_day_scan"),
    path(
        "fair-day/meetings/<int:pk>/<slug:action>/",
        fair_day_views.fair_day_act,
        name="fair_day_act",
    ),
    path(
        "check-in/<int:meeting_pk>/<str:side>/<str:signature>/",
        fair_day_views.check_in,
        name="check_in",
    ),
]
