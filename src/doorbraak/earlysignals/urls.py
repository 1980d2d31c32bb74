from django.urls import path

from . import views

app_name = "earlysignals"

urlpatterns = [
    path("vroegsignalen/", views.index, name="index"),
    path("vroegsignalen/importeren/", views.import_file, name="import"),
    path("vroegsignalen/<int:pk>/", views.detail, name="detail"),
    path("vroegsignalen/<int:pk>/stap/", views.step, name="step"),
    path("vroegsignalen/<int:pk>/casus/", views.make_case, name="make_case"),
]
