from django.urls import path

from . import views

app_name = "proposals"

urlpatterns = [
    path("<int:pk>/", views.request_detail, name="detail"),
    path("<int:pk>/intrekken/", views.request_withdraw, name="withdraw"),
    path("<int:pk>/elders-opgelost/", views.request_solved_otherwise, name="solved-otherwise"),
]
