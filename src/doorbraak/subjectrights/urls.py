from django.urls import path

from . import views

app_name = "subjectrights"

urlpatterns = [
    path("", views.index, name="index"),
    path("persoon/<int:pk>/", views.person, name="person"),
    path("persoon/<int:pk>/inzage.json", views.export_json, name="export-json"),
    path("persoon/<int:pk>/inzage.pdf", views.export_pdf, name="export-pdf"),
    path("persoon/<int:pk>/beperken/", views.restrict, name="restrict"),
    path("persoon/<int:pk>/beperking-opheffen/", views.lift, name="lift"),
    path("persoon/<int:pk>/rectificatie/", views.rectification, name="rectification"),
    path("verzoek/<int:pk>/afhandelen/", views.rectification_handle, name="handle"),
    path("bewaartermijnen/", views.retention_index, name="retention"),
    path("bewaartermijnen/voorstellen/", views.retention_propose, name="retention-propose"),
    path("bewaartermijnen/<int:pk>/bevestigen/", views.retention_confirm, name="retention-confirm"),
    path(
        "bewaartermijnen/<int:pk>/intrekken/", views.retention_withdraw, name="retention-withdraw"
    ),
]
