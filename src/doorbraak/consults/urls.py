from django.urls import path

from . import views

app_name = "consults"

urlpatterns = [
    path("consulten/", views.consult_list, name="list"),
    path("consulten/nieuw/", views.consult_new, name="new"),
    path("consulten/<int:pk>/", views.consult_detail, name="detail"),
    path("consulten/<int:pk>/koppelen/", views.consult_link, name="link"),
]
