from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("mijn-open-data/", views.index, name="index"),
    path("mijn-open-data/publiceren/", views.publish, name="publish"),
    path("mijn-open-data/<slug:dataset>.<slug:kind>", views.concept, name="concept"),
    path("open-data/", views.public_index, name="public"),
    path("open-data/<slug:slug>/", views.public_municipality, name="public-municipality"),
    path("open-data/<slug:slug>/<slug:dataset>.<slug:kind>", views.public_file, name="public-file"),
]
