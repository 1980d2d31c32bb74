from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("documenten/nieuw/", views.request_document, name="request"),
    path("documenten/<int:pk>/", views.detail, name="detail"),
    path("documenten/<int:pk>/download/", views.download, name="download"),
]
