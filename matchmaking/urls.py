"""Proposals of an exhibitor or a buyer."""

from django.urls import path

from . import views

app_name = "matchmaking"

urlpatterns = [
    path("pavilions/<int:pk>/proposals/", views.proposal_list, name="proposal_list"),
    path("proposals/<int:pk>/decide/", views.proposal_decide, name="proposal_decide"),
]
