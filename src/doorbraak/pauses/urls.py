from django.urls import path

from . import views

app_name = "pauses"

urlpatterns = [
    path("pauzes/", views.pause_list, name="list"),
    path("pauzes/<int:pk>/", views.pause_detail, name="detail"),
    path("pauzes/<int:pk>/goedkeuring/", views.pause_approve, name="approve"),
    path("pauzes/<int:pk>/herbeoordeling/", views.pause_review, name="review"),
    path("casussen/<int:case_pk>/pauze/", views.pause_new, name="new"),
]
