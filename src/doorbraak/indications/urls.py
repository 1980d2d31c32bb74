from django.urls import path

from . import views

app_name = "indications"

urlpatterns = [
    path("indicaties/", views.indication_list, name="list"),
    path("indicaties/<int:pk>/", views.indication_detail, name="detail"),
    path("indicaties/<int:pk>/beoordeling/", views.indication_review, name="review"),
    path("indicaties/<int:pk>/antwoord/", views.indication_answer, name="answer"),
    path("casussen/<int:case_pk>/indicatie/", views.indication_new, name="new"),
]
