"""Meetings and schedules of an exhibitor or a buyer."""

from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("pavilions/<int:pk>/meetings/", views.meeting_list, name="meeting_list"),
    path(
        "pavilions/<int:pk>/exhibitors/<int:sme_pk>/request/",
        views.meeting_request,
        name="meeting_request",
    ),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/<slug:action>/", views.meeting_act, name="meeting_act"),
    path("pavilions/<int:pk>/schedule/", views.schedule, name="schedule"),
    path("pavilions/<int:pk>/schedule.ics", views.schedule_ics, name="schedule_ics"),
    path("follow-up/<str:token>/", views.follow_up, name="follow_up"),
]
