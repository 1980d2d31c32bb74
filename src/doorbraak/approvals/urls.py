from django.urls import path

from . import views

app_name = "approvals"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/stem/", views.vote, name="vote"),
]
