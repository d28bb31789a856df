"""Japan Pavilions: the list, a pavilion, applying, buyer registration, the catalogue."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("pavilions/", views.pavilion_list, name="pavilion_list"),
    path("pavilions/<int:pk>/", views.pavilion_detail, name="pavilion_detail"),
    path("pavilions/<int:pk>/withdraw/", views.pavilion_withdraw, name="pavilion_withdraw"),
    path("pavilions/<int:pk>/register/", views.buyer_register, name="buyer_register"),
    path("pavilions/<int:pk>/exhibitors/", views.catalogue, name="catalogue"),
    path(
        "pavilions/<int:pk>/exhibitors/<int:sme_pk>/",
        views.exhibitor_detail,
        name="exhibitor_detail",
    ),
]
