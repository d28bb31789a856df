"""The exhibitors' and buyers' web pages, under the language prefix (filled in by the pages work)."""

from django.urls import path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
]
