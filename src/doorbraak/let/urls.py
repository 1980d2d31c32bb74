from django.urls import path

from . import views

app_name = "let"

urlpatterns = [
    path("let/", views.index, name="index"),
    path("let/escalatie/<int:escalation_pk>/", views.submit, name="submit"),
    path("let/<int:pk>/", views.detail, name="detail"),
    path("let/<int:pk>/triage/", views.triage, name="triage"),
    path("let/<int:pk>/besluit/", views.decide, name="decide"),
    path("let/<int:pk>/controle/", views.check, name="check"),
]
