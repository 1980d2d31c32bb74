from django.urls import path

from . import views

app_name = "ambassadors"

urlpatterns = [
    path("ambassadeurs/", views.directory, name="index"),
    path("ambassadeurs/nieuw/", views.ambassador_new, name="new"),
    path("ambassadeurs/<int:pk>/wijzigen/", views.ambassador_edit, name="edit"),
    path("ambassadeurs/<int:pk>/uit-de-lijst/", views.ambassador_deactivate, name="deactivate"),
]
