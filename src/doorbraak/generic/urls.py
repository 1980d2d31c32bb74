from django.urls import path

from . import views

app_name = "generic"

urlpatterns = [
    path("generiek-maatwerk/", views.decisions, name="decisions"),
    path("generiek-maatwerk/nieuw/", views.decision_new, name="decision-new"),
    path("generiek-maatwerk/<int:pk>/", views.decision_detail, name="decision"),
    path("generiek-maatwerk/<int:pk>/bijwerken/", views.decision_refresh, name="decision-refresh"),
    path(
        "generiek-maatwerk/<int:pk>/bellijst/<int:row_pk>/",
        views.attempt_new,
        name="attempt-new",
    ),
]
