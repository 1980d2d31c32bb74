from django.urls import path

from . import views

app_name = "tables"

urlpatterns = [
    path("tafels/", views.index, name="index"),
    path("tafels/overleg/nieuw/", views.meeting_plan, name="meeting-plan"),
    path("tafels/overleg/<int:pk>/", views.meeting, name="meeting"),
    path("tafels/agendapunt/<int:pk>/", views.item, name="item"),
    path("tafels/casus/<int:case_pk>/toestemming/", views.consent, name="consent"),
    path("tafels/toestemming/<int:pk>/intrekken/", views.consent_withdraw, name="consent-withdraw"),
]
