from django.contrib.auth.decorators import login_required
from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("verwerkingsregister/", login_required(views.register_page), name="register"),
    path("verwerkingsregister.csv", login_required(views.register_csv), name="register-csv"),
    path("verwerkingsgeschiedenis/", login_required(views.history_page), name="history"),
]
