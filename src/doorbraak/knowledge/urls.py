from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("", views.index, name="index"),
    path("nieuw/", views.article_new, name="new"),
    path("suggesties/", views.suggestions, name="suggestions"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/bewerken/", views.article_edit, name="edit"),
    path("<int:pk>/versies/", views.history, name="history"),
    path("<int:pk>/versies/<int:number>/", views.version, name="version"),
]
